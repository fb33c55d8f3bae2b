"""Every endpoint of the SDK, defined once for the sync and the async clients.

Each method names the generated endpoint module (which gives the HTTP method and
the templated path from the spec), the request model and the result model, and
returns a ``Call``. The decorator says what the client hands back:

- ``@endpoint``: the model (sync) or a coroutine of it (async);
- ``@lazy``: a ``ResponsePromise`` / ``AsyncResponsePromise`` (sent when used);
  ``stream=`` names the event model of operations that can answer in JSON Lines;
- ``dual(...)`` / ``lazy_dual(...)``: ``m(None, request)`` is the stateless
  operation, ``m(conversation_id, request)`` the stateful one.

Requests are a generated model or a mapping with the API's (camelCase) field names;
mappings are checked field by field before anything is sent.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Unpack

import attrs
from chatbotkit_api.api.conversation import (
    compact_conversation,
    compact_conversation_stateless,
    complete_conversation,
    complete_conversation_message,
    create_conversation,
    delete_conversation,
    dispatch_conversation,
    dispatch_stateful_conversation,
    downvote_conversation,
    export_conversations,
    fetch_conversation,
    fetch_conversation_usage,
    list_conversations,
    receive_conversation_message,
    send_conversation_message,
    update_conversation,
    upvote_conversation,
)
from chatbotkit_api.api.conversation_attachment import (
    list_conversation_attachments,
    upload_conversation_attachment,
)
from chatbotkit_api.api.conversation_contact import upsert_conversation_contact
from chatbotkit_api.api.conversation_message import (
    create_conversation_message,
    delete_conversation_message,
    downvote_conversation_message,
    fetch_conversation_message,
    list_conversation_messages,
    synthesize_conversation_message,
    update_conversation_message,
    upvote_conversation_message,
)
from chatbotkit_api.api.conversation_session import create_conversation_session
from chatbotkit_api.models import (
    AttachmentUploadRequest,
    AttachmentUploadResult,
    CompactRequest,
    CompactResult,
    CompleteRequest,
    CompleteResult,
    CompleteResultEvent,
    ContactUpsertRequest,
    Conversation,
    ConversationAttachmentPage,
    ConversationCompactResult,
    ConversationCompleteRequest,
    ConversationCompleteResult,
    ConversationCompleteResultEvent,
    ConversationCreateRequest,
    ConversationCreateResult,
    ConversationDispatchRequest,
    ConversationItemEvent,
    ConversationMessage,
    ConversationMessageItemEvent,
    ConversationMessagePage,
    ConversationPage,
    ConversationSession,
    ConversationUpdateRequest,
    ConversationUsage,
    DispatchRequest,
    DispatchResult,
    DownvoteRequest,
    EmptyRequest,
    IdResult,
    MessageCreateRequest,
    MessageCreateResult,
    MessageUpdateRequest,
    ReceiveRequest,
    ReceiveResult,
    ReceiveResultEvent,
    SendRequest,
    SendResult,
    SendResultEvent,
    SessionCreateRequest,
    UpvoteRequest,
)

from ._core import Call
from ._resource import Resource, dual, endpoint, lazy, lazy_dual
from ._types import (
    AttachmentListRequest,
    ConversationListRequest,
    MessageListRequest,
    RequestOptions,
    UsageRequest,
)

__all__ = [
    "AttachmentEndpoints",
    "ContactEndpoints",
    "ConversationEndpoints",
    "MessageEndpoints",
    "SessionEndpoints",
]

Body = Mapping[str, Any]
Opts = RequestOptions


class ConversationEndpoints(Resource):
    """``client.*``: conversations themselves."""

    @lazy
    def list(
        self, query: ConversationListRequest | None = None, /, **options: Unpack[Opts]
    ) -> Call[ConversationPage]:
        """One page of conversations (``cursor``, ``take``, ``order``, ``meta`` filter)."""
        events = ConversationItemEvent
        return self._core.call(
            list_conversations, ConversationPage, query=query, stream=events, options=options
        )

    @lazy
    def export(
        self, query: ConversationListRequest | None = None, /, **options: Unpack[Opts]
    ) -> Call[ConversationPage]:
        """One page of the conversation export (same query as ``list``)."""
        events = ConversationItemEvent
        return self._core.call(
            export_conversations, ConversationPage, query=query, stream=events, options=options
        )

    @lazy
    def fetch(self, conversation_id: str, /, **options: Unpack[Opts]) -> Call[Conversation]:
        """The conversation with this ID."""
        return self._core.call(fetch_conversation, Conversation, conversation_id, options=options)

    @endpoint
    def create(
        self, request: ConversationCreateRequest | Body | None = None, /, **options: Unpack[Opts]
    ) -> Call[ConversationCreateResult]:
        """Start a conversation: bot by ``botId`` or inline settings, optional seed messages."""
        body = (ConversationCreateRequest, request)
        return self._core.call(create_conversation, ConversationCreateResult, body=body, options=options)

    @endpoint
    def update(
        self, conversation_id: str, request: ConversationUpdateRequest | Body, /, **options: Unpack[Opts]
    ) -> Call[IdResult]:
        """Change a conversation's name, meta data, bot or settings."""
        body = (ConversationUpdateRequest, request)
        return self._core.call(update_conversation, IdResult, conversation_id, body=body, options=options)

    @endpoint
    def delete(self, conversation_id: str, /, **options: Unpack[Opts]) -> Call[IdResult]:
        """Delete the conversation and its messages."""
        body = (EmptyRequest, None)
        return self._core.call(delete_conversation, IdResult, conversation_id, body=body, options=options)

    def _complete(self, request: CompleteRequest | Body, options: Opts) -> Call[CompleteResult]:
        body, events = (CompleteRequest, request), CompleteResultEvent
        return self._core.call(
            complete_conversation, CompleteResult, body=body, stream=events, options=options, long=True
        )

    def _complete_in(
        self, conversation_id: str, request: ConversationCompleteRequest | Body | None, options: Opts
    ) -> Call[ConversationCompleteResult]:
        """Complete the next message: ``complete(None, {"messages": [...]})`` is stateless;
        ``complete(conversation_id, {"text": ...})`` adds to and answers a stored conversation."""
        body, result = (ConversationCompleteRequest, request), ConversationCompleteResult
        op, events = complete_conversation_message, ConversationCompleteResultEvent
        return self._core.call(
            op, result, conversation_id, body=body, stream=events, options=options, long=True
        )

    complete = lazy_dual(_complete, _complete_in)

    def _dispatch(self, request: DispatchRequest | Body, options: Opts) -> Call[DispatchResult]:
        body = (DispatchRequest, request)
        return self._core.call(dispatch_conversation, DispatchResult, body=body, options=options, long=True)

    def _dispatch_in(
        self, conversation_id: str, request: ConversationDispatchRequest | Body | None, options: Opts
    ) -> Call[DispatchResult]:
        """Queue a completion in the background; answers the ``channelId`` to follow.
        ``dispatch(None, request)`` is stateless, ``dispatch(conversation_id, ...)`` stateful."""
        body, op = (ConversationDispatchRequest, request), dispatch_stateful_conversation
        return self._core.call(op, DispatchResult, conversation_id, body=body, options=options, long=True)

    dispatch = dual(_dispatch, _dispatch_in)

    def _compact(self, request: CompactRequest | Body, options: Opts) -> Call[CompactResult]:
        body, op = (CompactRequest, request), compact_conversation_stateless
        return self._core.call(op, CompactResult, body=body, options=options, long=True)

    def _compact_in(
        self, conversation_id: str, request: Body | None, options: Opts
    ) -> Call[ConversationCompactResult]:
        """Summarise messages: ``compact(None, {"messages": [...]})`` returns a summary;
        ``compact(conversation_id)`` replaces a stored history with a checkpoint (no request)."""
        if request:
            raise TypeError("compact(conversation_id) takes no request")
        result = ConversationCompactResult
        return self._core.call(compact_conversation, result, conversation_id, options=options, long=True)

    compact = dual(_compact, _compact_in)

    @lazy
    def send(
        self, conversation_id: str, request: SendRequest | Body, /, **options: Unpack[Opts]
    ) -> Call[SendResult]:
        """Add the user's message to the conversation (``receive`` then gets the reply)."""
        body, op = (SendRequest, request), send_conversation_message
        return self._core.call(
            op, SendResult, conversation_id, body=body, stream=SendResultEvent, options=options, long=True
        )

    @lazy
    def receive(
        self, conversation_id: str, request: ReceiveRequest | Body | None = None, /, **options: Unpack[Opts]
    ) -> Call[ReceiveResult]:
        """Let the bot reply to the conversation so far."""
        body, op, events = (ReceiveRequest, request), receive_conversation_message, ReceiveResultEvent
        return self._core.call(
            op, ReceiveResult, conversation_id, body=body, stream=events, options=options, long=True
        )

    @endpoint
    def upvote(
        self, conversation_id: str, request: UpvoteRequest | Body | None = None, /, **options: Unpack[Opts]
    ) -> Call[IdResult]:
        """Rate the conversation up (``value`` 1..100, default 100; optional ``reason``)."""
        body = (UpvoteRequest, request)
        return self._core.call(upvote_conversation, IdResult, conversation_id, body=body, options=options)

    @endpoint
    def downvote(
        self, conversation_id: str, request: DownvoteRequest | Body | None = None, /, **options: Unpack[Opts]
    ) -> Call[IdResult]:
        """Rate the conversation down (``value`` -100..-1, default -100; optional ``reason``)."""
        body = (DownvoteRequest, request)
        return self._core.call(downvote_conversation, IdResult, conversation_id, body=body, options=options)

    @endpoint
    def usage(
        self, conversation_id: str, query: UsageRequest | None = None, /, **options: Unpack[Opts]
    ) -> Call[ConversationUsage]:
        """Tokens and messages used, optionally between ``from`` and ``to``."""
        op = fetch_conversation_usage
        return self._core.call(op, ConversationUsage, conversation_id, query=query, options=options)


class MessageEndpoints(Resource):
    """``client.message.*``: the messages of a conversation."""

    @lazy
    def list(
        self, conversation_id: str, query: MessageListRequest | None = None, /, **options: Unpack[Opts]
    ) -> Call[ConversationMessagePage]:
        """One page of the conversation's messages (``cursor``, ``take``, ``order``)."""
        op, result, events = list_conversation_messages, ConversationMessagePage, ConversationMessageItemEvent
        return self._core.call(op, result, conversation_id, query=query, stream=events, options=options)

    @endpoint
    def fetch(
        self, conversation_id: str, message_id: str, /, **options: Unpack[Opts]
    ) -> Call[ConversationMessage]:
        """The message with this ID."""
        op, ids = fetch_conversation_message, (conversation_id, message_id)
        return self._core.call(op, ConversationMessage, *ids, options=options)

    @endpoint
    def create(
        self, conversation_id: str, request: MessageCreateRequest | Body, /, **options: Unpack[Opts]
    ) -> Call[MessageCreateResult]:
        """Add a message of any ``type`` without asking the bot to reply."""
        body, op = (MessageCreateRequest, request), create_conversation_message
        return self._core.call(op, MessageCreateResult, conversation_id, body=body, options=options)

    @endpoint
    def update(
        self,
        conversation_id: str,
        message_id: str,
        request: MessageUpdateRequest | Body,
        /,
        **options: Unpack[Opts],
    ) -> Call[IdResult]:
        """Change a message's text, type or meta data."""
        body, ids = (MessageUpdateRequest, request), (conversation_id, message_id)
        return self._core.call(update_conversation_message, IdResult, *ids, body=body, options=options)

    @endpoint
    def delete(self, conversation_id: str, message_id: str, /, **options: Unpack[Opts]) -> Call[IdResult]:
        """Delete the message."""
        body, ids = (EmptyRequest, None), (conversation_id, message_id)
        return self._core.call(delete_conversation_message, IdResult, *ids, body=body, options=options)

    @endpoint
    def upvote(
        self, conversation_id: str, message_id: str, request: UpvoteRequest | Body | None = None, /,
        **options: Unpack[Opts],
    ) -> Call[IdResult]:  # fmt: skip
        """Rate the message up (``value`` 1..100, default 100; optional ``reason``)."""
        body, ids = (UpvoteRequest, request), (conversation_id, message_id)
        return self._core.call(upvote_conversation_message, IdResult, *ids, body=body, options=options)

    @endpoint
    def downvote(
        self, conversation_id: str, message_id: str, request: DownvoteRequest | Body | None = None, /,
        **options: Unpack[Opts],
    ) -> Call[IdResult]:  # fmt: skip
        """Rate the message down (``value`` -100..-1, default -100; optional ``reason``)."""
        body, ids = (DownvoteRequest, request), (conversation_id, message_id)
        return self._core.call(downvote_conversation_message, IdResult, *ids, body=body, options=options)

    @endpoint
    def synthesize(self, conversation_id: str, message_id: str, /, **options: Unpack[Opts]) -> Call[IdResult]:
        """Produce speech for the message."""
        body, ids = (EmptyRequest, None), (conversation_id, message_id)
        op = synthesize_conversation_message
        return self._core.call(op, IdResult, *ids, body=body, options=options, long=True)


class SessionEndpoints(Resource):
    """``client.session.*``: short-lived tokens for one conversation."""

    @endpoint
    def create(
        self,
        conversation_id: str,
        request: SessionCreateRequest | Body | None = None,
        /,
        **options: Unpack[Opts],
    ) -> Call[ConversationSession]:
        """A token that may use only this conversation (``durationInSeconds`` optional)."""
        body, op = (SessionCreateRequest, request), create_conversation_session
        return self._core.call(op, ConversationSession, conversation_id, body=body, options=options)


class AttachmentEndpoints(Resource):
    """``client.attachment.*``: files attached to a conversation."""

    @lazy
    def list(
        self, conversation_id: str, query: AttachmentListRequest | None = None, /, **options: Unpack[Opts]
    ) -> Call[ConversationAttachmentPage]:
        """One page of the conversation's attachments (``cursor``, ``take``)."""
        op, result = list_conversation_attachments, ConversationAttachmentPage
        return self._core.call(op, result, conversation_id, query=query, options=options)

    @endpoint
    def upload(
        self, conversation_id: str, request: AttachmentUploadRequest | Body, /, **options: Unpack[Opts]
    ) -> Call[AttachmentUploadResult]:
        """Attach a file by URL (``{"file": url}``), or register one by metadata
        (``{"file": {"type", "size", "name"}}``) and get a presigned ``uploadRequest``."""
        body, op = (AttachmentUploadRequest, request), upload_conversation_attachment
        return self._core.call(op, AttachmentUploadResult, conversation_id, body=body, options=options)

    @endpoint
    def upload_file(
        self,
        conversation_id: str,
        content: bytes,
        /,
        *,
        name: str,
        content_type: str,
        **options: Unpack[Opts],
    ) -> Call[AttachmentUploadResult]:
        """Attach ``content``: register the file, then send its bytes to the presigned
        ``uploadRequest`` (with only the headers the API gave; none of this client's)."""
        if not isinstance(content, bytes | bytearray | memoryview):
            raise TypeError(f"content must be bytes, got {type(content).__name__}")
        data = bytes(content)
        file = {"name": name, "type": content_type, "size": len(data)}
        op, body = upload_conversation_attachment, (AttachmentUploadRequest, {"file": file})
        call = self._core.call(op, AttachmentUploadResult, conversation_id, body=body, options=options)
        return attrs.evolve(call, then=self._core.presigned(call, data))


class ContactEndpoints(Resource):
    """``client.contact.*``: the contact a conversation belongs to."""

    @endpoint
    def upsert(
        self, conversation_id: str, request: ContactUpsertRequest | Body, /, **options: Unpack[Opts]
    ) -> Call[IdResult]:
        """Create or update the conversation's contact (matched by ``fingerprint``)."""
        body = (ContactUpsertRequest, request)
        return self._core.call(
            upsert_conversation_contact, IdResult, conversation_id, body=body, options=options
        )
