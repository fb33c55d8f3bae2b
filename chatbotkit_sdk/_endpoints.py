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
from typing import TYPE_CHECKING, Any, Unpack

# Endpoint modules and models load on first use (PEP 562 in the generated
# packages), so importing the SDK imports neither attrs nor any model.
from chatbotkit_api import models as m
from chatbotkit_api.api import conversation as conversations
from chatbotkit_api.api import conversation_attachment as attachments
from chatbotkit_api.api import conversation_contact as contacts
from chatbotkit_api.api import conversation_message as messages
from chatbotkit_api.api import conversation_session as sessions

from ._core import Call
from ._resource import Resource, dual, endpoint, lazy, lazy_dual
from ._types import (
    AttachmentListRequest,
    ConversationListRequest,
    MessageListRequest,
    RequestOptions,
    UsageRequest,
)

if TYPE_CHECKING:
    from chatbotkit_api.models import (
        AttachmentUploadRequest,
        AttachmentUploadResult,
        CompactRequest,
        CompactResult,
        CompleteRequest,
        CompleteResult,
        ContactUpsertRequest,
        Conversation,
        ConversationAttachmentPage,
        ConversationCompactResult,
        ConversationCompleteRequest,
        ConversationCompleteResult,
        ConversationCreateRequest,
        ConversationCreateResult,
        ConversationDispatchRequest,
        ConversationMessage,
        ConversationMessagePage,
        ConversationPage,
        ConversationSession,
        ConversationUpdateRequest,
        ConversationUsage,
        DispatchRequest,
        DispatchResult,
        DownvoteRequest,
        IdResult,
        MessageCreateRequest,
        MessageCreateResult,
        MessageUpdateRequest,
        ReceiveRequest,
        ReceiveResult,
        SendRequest,
        SendResult,
        SessionCreateRequest,
        UpvoteRequest,
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
        events = m.ConversationItemEvent
        return self._core.call(
            conversations.list_conversations, m.ConversationPage, query=query, stream=events, options=options
        )

    @lazy
    def export(
        self, query: ConversationListRequest | None = None, /, **options: Unpack[Opts]
    ) -> Call[ConversationPage]:
        """One page of the conversation export (same query as ``list``)."""
        events = m.ConversationItemEvent
        return self._core.call(
            conversations.export_conversations,
            m.ConversationPage,
            query=query,
            stream=events,
            options=options,
        )

    @lazy
    def fetch(self, conversation_id: str, /, **options: Unpack[Opts]) -> Call[Conversation]:
        """The conversation with this ID."""
        return self._core.call(
            conversations.fetch_conversation, m.Conversation, conversation_id, options=options
        )

    @endpoint
    def create(
        self, request: ConversationCreateRequest | Body | None = None, /, **options: Unpack[Opts]
    ) -> Call[ConversationCreateResult]:
        """Start a conversation: bot by ``botId`` or inline settings, optional seed messages."""
        body = (m.ConversationCreateRequest, request)
        return self._core.call(
            conversations.create_conversation, m.ConversationCreateResult, body=body, options=options
        )

    @endpoint
    def update(
        self, conversation_id: str, request: ConversationUpdateRequest | Body, /, **options: Unpack[Opts]
    ) -> Call[IdResult]:
        """Change a conversation's name, meta data, bot or settings."""
        body = (m.ConversationUpdateRequest, request)
        return self._core.call(
            conversations.update_conversation, m.IdResult, conversation_id, body=body, options=options
        )

    @endpoint
    def delete(self, conversation_id: str, /, **options: Unpack[Opts]) -> Call[IdResult]:
        """Delete the conversation and its messages."""
        body = (m.EmptyRequest, None)
        return self._core.call(
            conversations.delete_conversation, m.IdResult, conversation_id, body=body, options=options
        )

    def _complete(self, request: CompleteRequest | Body, options: Opts) -> Call[CompleteResult]:
        body, events = (m.CompleteRequest, request), m.CompleteResultEvent
        return self._core.call(
            conversations.complete_conversation,
            m.CompleteResult,
            body=body,
            stream=events,
            options=options,
            long=True,
        )

    def _complete_in(
        self, conversation_id: str, request: ConversationCompleteRequest | Body | None, options: Opts
    ) -> Call[ConversationCompleteResult]:
        """Complete the next message: ``complete(None, {"messages": [...]})`` is stateless;
        ``complete(conversation_id, {"text": ...})`` adds to and answers a stored conversation."""
        body, result = (m.ConversationCompleteRequest, request), m.ConversationCompleteResult
        op, events = conversations.complete_conversation_message, m.ConversationCompleteResultEvent
        return self._core.call(
            op, result, conversation_id, body=body, stream=events, options=options, long=True
        )

    complete = lazy_dual(_complete, _complete_in)

    def _dispatch(self, request: DispatchRequest | Body, options: Opts) -> Call[DispatchResult]:
        body = (m.DispatchRequest, request)
        return self._core.call(
            conversations.dispatch_conversation, m.DispatchResult, body=body, options=options, long=True
        )

    def _dispatch_in(
        self, conversation_id: str, request: ConversationDispatchRequest | Body | None, options: Opts
    ) -> Call[DispatchResult]:
        """Queue a completion in the background; answers the ``channelId`` to follow.
        ``dispatch(None, request)`` is stateless, ``dispatch(conversation_id, ...)`` stateful."""
        body, op = (m.ConversationDispatchRequest, request), conversations.dispatch_stateful_conversation
        return self._core.call(op, m.DispatchResult, conversation_id, body=body, options=options, long=True)

    dispatch = dual(_dispatch, _dispatch_in)

    def _compact(self, request: CompactRequest | Body, options: Opts) -> Call[CompactResult]:
        body, op = (m.CompactRequest, request), conversations.compact_conversation_stateless
        return self._core.call(op, m.CompactResult, body=body, options=options, long=True)

    def _compact_in(
        self, conversation_id: str, request: Body | None, options: Opts
    ) -> Call[ConversationCompactResult]:
        """Summarise messages: ``compact(None, {"messages": [...]})`` returns a summary;
        ``compact(conversation_id)`` replaces a stored history with a checkpoint (no request)."""
        if request:
            raise TypeError("compact(conversation_id) takes no request")
        result = m.ConversationCompactResult
        return self._core.call(
            conversations.compact_conversation, result, conversation_id, options=options, long=True
        )

    compact = dual(_compact, _compact_in)

    @lazy
    def send(
        self, conversation_id: str, request: SendRequest | Body, /, **options: Unpack[Opts]
    ) -> Call[SendResult]:
        """Add the user's message to the conversation (``receive`` then gets the reply)."""
        body, op = (m.SendRequest, request), conversations.send_conversation_message
        return self._core.call(
            op, m.SendResult, conversation_id, body=body, stream=m.SendResultEvent, options=options, long=True
        )

    @lazy
    def receive(
        self, conversation_id: str, request: ReceiveRequest | Body | None = None, /, **options: Unpack[Opts]
    ) -> Call[ReceiveResult]:
        """Let the bot reply to the conversation so far."""
        body, op, events = (
            (m.ReceiveRequest, request),
            conversations.receive_conversation_message,
            m.ReceiveResultEvent,
        )
        return self._core.call(
            op, m.ReceiveResult, conversation_id, body=body, stream=events, options=options, long=True
        )

    @endpoint
    def upvote(
        self, conversation_id: str, request: UpvoteRequest | Body | None = None, /, **options: Unpack[Opts]
    ) -> Call[IdResult]:
        """Rate the conversation up (``value`` 1..100, default 100; optional ``reason``)."""
        body = (m.UpvoteRequest, request)
        return self._core.call(
            conversations.upvote_conversation, m.IdResult, conversation_id, body=body, options=options
        )

    @endpoint
    def downvote(
        self, conversation_id: str, request: DownvoteRequest | Body | None = None, /, **options: Unpack[Opts]
    ) -> Call[IdResult]:
        """Rate the conversation down (``value`` -100..-1, default -100; optional ``reason``)."""
        body = (m.DownvoteRequest, request)
        return self._core.call(
            conversations.downvote_conversation, m.IdResult, conversation_id, body=body, options=options
        )

    @endpoint
    def usage(
        self, conversation_id: str, query: UsageRequest | None = None, /, **options: Unpack[Opts]
    ) -> Call[ConversationUsage]:
        """Tokens and messages used, optionally between ``from`` and ``to``."""
        op = conversations.fetch_conversation_usage
        return self._core.call(op, m.ConversationUsage, conversation_id, query=query, options=options)


class MessageEndpoints(Resource):
    """``client.message.*``: the messages of a conversation."""

    @lazy
    def list(
        self, conversation_id: str, query: MessageListRequest | None = None, /, **options: Unpack[Opts]
    ) -> Call[ConversationMessagePage]:
        """One page of the conversation's messages (``cursor``, ``take``, ``order``)."""
        op, result, events = (
            messages.list_conversation_messages,
            m.ConversationMessagePage,
            m.ConversationMessageItemEvent,
        )
        return self._core.call(op, result, conversation_id, query=query, stream=events, options=options)

    @endpoint
    def fetch(
        self, conversation_id: str, message_id: str, /, **options: Unpack[Opts]
    ) -> Call[ConversationMessage]:
        """The message with this ID."""
        op, ids = messages.fetch_conversation_message, (conversation_id, message_id)
        return self._core.call(op, m.ConversationMessage, *ids, options=options)

    @endpoint
    def create(
        self, conversation_id: str, request: MessageCreateRequest | Body, /, **options: Unpack[Opts]
    ) -> Call[MessageCreateResult]:
        """Add a message of any ``type`` without asking the bot to reply."""
        body, op = (m.MessageCreateRequest, request), messages.create_conversation_message
        return self._core.call(op, m.MessageCreateResult, conversation_id, body=body, options=options)

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
        body, ids = (m.MessageUpdateRequest, request), (conversation_id, message_id)
        return self._core.call(
            messages.update_conversation_message, m.IdResult, *ids, body=body, options=options
        )

    @endpoint
    def delete(self, conversation_id: str, message_id: str, /, **options: Unpack[Opts]) -> Call[IdResult]:
        """Delete the message."""
        body, ids = (m.EmptyRequest, None), (conversation_id, message_id)
        return self._core.call(
            messages.delete_conversation_message, m.IdResult, *ids, body=body, options=options
        )

    @endpoint
    def upvote(
        self, conversation_id: str, message_id: str, request: UpvoteRequest | Body | None = None, /,
        **options: Unpack[Opts],
    ) -> Call[IdResult]:  # fmt: skip
        """Rate the message up (``value`` 1..100, default 100; optional ``reason``)."""
        body, ids = (m.UpvoteRequest, request), (conversation_id, message_id)
        return self._core.call(
            messages.upvote_conversation_message, m.IdResult, *ids, body=body, options=options
        )

    @endpoint
    def downvote(
        self, conversation_id: str, message_id: str, request: DownvoteRequest | Body | None = None, /,
        **options: Unpack[Opts],
    ) -> Call[IdResult]:  # fmt: skip
        """Rate the message down (``value`` -100..-1, default -100; optional ``reason``)."""
        body, ids = (m.DownvoteRequest, request), (conversation_id, message_id)
        return self._core.call(
            messages.downvote_conversation_message, m.IdResult, *ids, body=body, options=options
        )

    @endpoint
    def synthesize(self, conversation_id: str, message_id: str, /, **options: Unpack[Opts]) -> Call[IdResult]:
        """Produce speech for the message."""
        body, ids = (m.EmptyRequest, None), (conversation_id, message_id)
        op = messages.synthesize_conversation_message
        return self._core.call(op, m.IdResult, *ids, body=body, options=options, long=True)


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
        body, op = (m.SessionCreateRequest, request), sessions.create_conversation_session
        return self._core.call(op, m.ConversationSession, conversation_id, body=body, options=options)


class AttachmentEndpoints(Resource):
    """``client.attachment.*``: files attached to a conversation."""

    @lazy
    def list(
        self, conversation_id: str, query: AttachmentListRequest | None = None, /, **options: Unpack[Opts]
    ) -> Call[ConversationAttachmentPage]:
        """One page of the conversation's attachments (``cursor``, ``take``)."""
        op, result = attachments.list_conversation_attachments, m.ConversationAttachmentPage
        return self._core.call(op, result, conversation_id, query=query, options=options)

    @endpoint
    def upload(
        self, conversation_id: str, request: AttachmentUploadRequest | Body, /, **options: Unpack[Opts]
    ) -> Call[AttachmentUploadResult]:
        """Attach a file by URL (``{"file": url}``), or register one by metadata
        (``{"file": {"type", "size", "name"}}``) and get a presigned ``uploadRequest``."""
        body, op = (m.AttachmentUploadRequest, request), attachments.upload_conversation_attachment
        return self._core.call(op, m.AttachmentUploadResult, conversation_id, body=body, options=options)

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
        op, body = attachments.upload_conversation_attachment, (m.AttachmentUploadRequest, {"file": file})
        call = self._core.call(op, m.AttachmentUploadResult, conversation_id, body=body, options=options)
        return call.replace(then=self._core.presigned(call, data))


class ContactEndpoints(Resource):
    """``client.contact.*``: the contact a conversation belongs to."""

    @endpoint
    def upsert(
        self, conversation_id: str, request: ContactUpsertRequest | Body, /, **options: Unpack[Opts]
    ) -> Call[IdResult]:
        """Create or update the conversation's contact (matched by ``fingerprint``)."""
        body = (m.ContactUpsertRequest, request)
        return self._core.call(
            contacts.upsert_conversation_contact, m.IdResult, conversation_id, body=body, options=options
        )
