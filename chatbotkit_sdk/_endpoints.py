"""Every endpoint of the SDK, declared once for the sync and the async clients.

Each declaration names its operation in the generated description
(``chatbotkit_api.operations``: method, path, parameters, request, result and
events all come from the spec) and gives the method's typed signature: ids first,
then the request (a generated model or a dict literal of the generated
``...Param`` type, with the API's camelCase keys) or the query. A body that is only
a docstring and ``...`` leaves building the request to that description (the ``...``
tells pyright, as it would in a stub, that nothing is returned on purpose);
``_methods.py`` says how a declaration becomes a method.

One rule for what a method returns, as in the JavaScript SDK: reading (``list``,
``fetch``, ``export``, ``usage``) and completing (``complete``, ``send``,
``receive``) return a promise that is sent when used; changing something
(``create``, ``update``, ``delete``, votes, ...) is sent at once. The methods of
operations that can answer in JSON Lines return promises with ``.stream()``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Unpack

from ._core import Call
from ._methods import dual, endpoint, lazy, operation, streamable, streamable_dual
from ._resource import Resource
from ._types import RequestOptions

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
    from chatbotkit_api.params import (
        AttachmentUploadRequestParam,
        CompactRequestParam,
        CompleteRequestParam,
        ContactUpsertRequestParam,
        ConversationCompleteRequestParam,
        ConversationCreateRequestParam,
        ConversationDispatchRequestParam,
        ConversationUpdateRequestParam,
        DispatchRequestParam,
        DownvoteRequestParam,
        ExportConversationsQuery,
        FetchConversationUsageQuery,
        ListConversationAttachmentsQuery,
        ListConversationMessagesQuery,
        ListConversationsQuery,
        MessageCreateRequestParam,
        MessageUpdateRequestParam,
        ReceiveRequestParam,
        SendRequestParam,
        SessionCreateRequestParam,
        UpvoteRequestParam,
    )
    from chatbotkit_api.streams import (
        CompleteConversationEvent,
        CompleteConversationMessageEvent,
        ExportConversationsEvent,
        ListConversationMessagesEvent,
        ListConversationsEvent,
        ReceiveConversationMessageEvent,
        SendConversationMessageEvent,
    )

    from ._core import StreamCall

__all__ = [
    "AttachmentEndpoints",
    "ContactEndpoints",
    "ConversationEndpoints",
    "MessageEndpoints",
    "SessionEndpoints",
]


class ConversationEndpoints(Resource):
    """``client.*``: conversations themselves."""

    @streamable("list_conversations")
    def list(
        self, query: ListConversationsQuery | None = None, /, **options: Unpack[RequestOptions]
    ) -> StreamCall[ConversationPage, ListConversationsEvent]:
        """One page of conversations (``cursor``, ``take``, ``order``, ``meta`` filter)."""
        ...

    @streamable("export_conversations")
    def export(
        self, query: ExportConversationsQuery | None = None, /, **options: Unpack[RequestOptions]
    ) -> StreamCall[ConversationPage, ExportConversationsEvent]:
        """One page of the conversation export (same query as ``list``)."""
        ...

    @lazy("fetch_conversation")
    def fetch(self, conversation_id: str, /, **options: Unpack[RequestOptions]) -> Call[Conversation]:
        """The conversation with this ID."""
        ...

    @endpoint("create_conversation")
    def create(
        self,
        request: ConversationCreateRequest | ConversationCreateRequestParam | None = None,
        /,
        **options: Unpack[RequestOptions],
    ) -> Call[ConversationCreateResult]:
        """Start a conversation: bot by ``botId`` or inline settings, optional seed messages."""
        ...

    @endpoint("update_conversation")
    def update(
        self,
        conversation_id: str,
        request: ConversationUpdateRequest | ConversationUpdateRequestParam,
        /,
        **options: Unpack[RequestOptions],
    ) -> Call[IdResult]:
        """Change a conversation's name, meta data, bot or settings."""
        ...

    @endpoint("delete_conversation")
    def delete(self, conversation_id: str, /, **options: Unpack[RequestOptions]) -> Call[IdResult]:
        """Delete the conversation and its messages."""
        ...

    @operation("complete_conversation", long=True)
    def _complete(
        self, request: CompleteRequest | CompleteRequestParam, /, **options: Unpack[RequestOptions]
    ) -> StreamCall[CompleteResult, CompleteConversationEvent]:
        """Stateless: the whole history in ``messages``; nothing is stored."""
        ...

    @operation("complete_conversation_message", long=True)
    def _complete_in(
        self,
        conversation_id: str,
        request: ConversationCompleteRequest | ConversationCompleteRequestParam | None = None,
        /,
        **options: Unpack[RequestOptions],
    ) -> StreamCall[ConversationCompleteResult, CompleteConversationMessageEvent]:
        """Complete the next message: ``complete(None, {"messages": [...]})`` is stateless;
        ``complete(conversation_id, {"text": ...})`` adds to and answers a stored conversation."""
        ...

    complete = streamable_dual(_complete, _complete_in)

    @operation("dispatch_conversation", long=True)
    def _dispatch(
        self, request: DispatchRequest | DispatchRequestParam, /, **options: Unpack[RequestOptions]
    ) -> Call[DispatchResult]:
        """Stateless dispatch."""
        ...

    @operation("dispatch_stateful_conversation", long=True)
    def _dispatch_in(
        self,
        conversation_id: str,
        request: ConversationDispatchRequest | ConversationDispatchRequestParam | None = None,
        /,
        **options: Unpack[RequestOptions],
    ) -> Call[DispatchResult]:
        """Queue a completion in the background; answers the ``channelId`` to follow.
        ``dispatch(None, request)`` is stateless, ``dispatch(conversation_id, ...)`` stateful."""
        ...

    dispatch = dual(_dispatch, _dispatch_in)

    @operation("compact_conversation_stateless", long=True)
    def _compact(
        self, request: CompactRequest | CompactRequestParam, /, **options: Unpack[RequestOptions]
    ) -> Call[CompactResult]:
        """Stateless compaction of the given ``messages``."""
        ...

    @operation("compact_conversation", long=True)
    def _compact_in(
        self, conversation_id: str, /, **options: Unpack[RequestOptions]
    ) -> Call[ConversationCompactResult]:
        """Summarise messages: ``compact(None, {"messages": [...]})`` returns a summary;
        ``compact(conversation_id)`` replaces a stored history with a checkpoint (no request)."""
        ...

    compact = dual(_compact, _compact_in)

    @streamable("send_conversation_message", long=True)
    def send(
        self,
        conversation_id: str,
        request: SendRequest | SendRequestParam,
        /,
        **options: Unpack[RequestOptions],
    ) -> StreamCall[SendResult, SendConversationMessageEvent]:
        """Add the user's message to the conversation (``receive`` then gets the reply)."""
        ...

    @streamable("receive_conversation_message", long=True)
    def receive(
        self,
        conversation_id: str,
        request: ReceiveRequest | ReceiveRequestParam | None = None,
        /,
        **options: Unpack[RequestOptions],
    ) -> StreamCall[ReceiveResult, ReceiveConversationMessageEvent]:
        """Let the bot reply to the conversation so far."""
        ...

    @endpoint("upvote_conversation")
    def upvote(
        self,
        conversation_id: str,
        request: UpvoteRequest | UpvoteRequestParam | None = None,
        /,
        **options: Unpack[RequestOptions],
    ) -> Call[IdResult]:
        """Rate the conversation up (``value`` 1..100, default 100; optional ``reason``)."""
        ...

    @endpoint("downvote_conversation")
    def downvote(
        self,
        conversation_id: str,
        request: DownvoteRequest | DownvoteRequestParam | None = None,
        /,
        **options: Unpack[RequestOptions],
    ) -> Call[IdResult]:
        """Rate the conversation down (``value`` -100..-1, default -100; optional ``reason``)."""
        ...

    @lazy("fetch_conversation_usage")
    def usage(
        self,
        conversation_id: str,
        query: FetchConversationUsageQuery | None = None,
        /,
        **options: Unpack[RequestOptions],
    ) -> Call[ConversationUsage]:
        """Tokens and messages used, optionally between ``from`` and ``to`` (ISO 8601
        strings, ``datetime`` or ``date`` objects; naive ones are taken as UTC)."""
        ...


class MessageEndpoints(Resource):
    """``client.message.*``: the messages of a conversation."""

    @streamable("list_conversation_messages")
    def list(
        self,
        conversation_id: str,
        query: ListConversationMessagesQuery | None = None,
        /,
        **options: Unpack[RequestOptions],
    ) -> StreamCall[ConversationMessagePage, ListConversationMessagesEvent]:
        """One page of the conversation's messages (``cursor``, ``take``, ``order``)."""
        ...

    @lazy("fetch_conversation_message")
    def fetch(
        self, conversation_id: str, message_id: str, /, **options: Unpack[RequestOptions]
    ) -> Call[ConversationMessage]:
        """The message with this ID."""
        ...

    @endpoint("create_conversation_message")
    def create(
        self,
        conversation_id: str,
        request: MessageCreateRequest | MessageCreateRequestParam,
        /,
        **options: Unpack[RequestOptions],
    ) -> Call[MessageCreateResult]:
        """Add a message of any ``type`` without asking the bot to reply."""
        ...

    @endpoint("update_conversation_message")
    def update(
        self,
        conversation_id: str,
        message_id: str,
        request: MessageUpdateRequest | MessageUpdateRequestParam,
        /,
        **options: Unpack[RequestOptions],
    ) -> Call[IdResult]:
        """Change a message's text, type or meta data."""
        ...

    @endpoint("delete_conversation_message")
    def delete(
        self, conversation_id: str, message_id: str, /, **options: Unpack[RequestOptions]
    ) -> Call[IdResult]:
        """Delete the message."""
        ...

    @endpoint("upvote_conversation_message")
    def upvote(
        self,
        conversation_id: str,
        message_id: str,
        request: UpvoteRequest | UpvoteRequestParam | None = None,
        /,
        **options: Unpack[RequestOptions],
    ) -> Call[IdResult]:
        """Rate the message up (``value`` 1..100, default 100; optional ``reason``)."""
        ...

    @endpoint("downvote_conversation_message")
    def downvote(
        self,
        conversation_id: str,
        message_id: str,
        request: DownvoteRequest | DownvoteRequestParam | None = None,
        /,
        **options: Unpack[RequestOptions],
    ) -> Call[IdResult]:
        """Rate the message down (``value`` -100..-1, default -100; optional ``reason``)."""
        ...

    @endpoint("synthesize_conversation_message", long=True)
    def synthesize(
        self, conversation_id: str, message_id: str, /, **options: Unpack[RequestOptions]
    ) -> Call[IdResult]:
        """Produce speech for the message."""
        ...


class SessionEndpoints(Resource):
    """``client.session.*``: short-lived tokens for one conversation."""

    @endpoint("create_conversation_session")
    def create(
        self,
        conversation_id: str,
        request: SessionCreateRequest | SessionCreateRequestParam | None = None,
        /,
        **options: Unpack[RequestOptions],
    ) -> Call[ConversationSession]:
        """A token that may use only this conversation (``durationInSeconds`` optional)."""
        ...


class AttachmentEndpoints(Resource):
    """``client.attachment.*``: files attached to a conversation."""

    @lazy("list_conversation_attachments")
    def list(
        self,
        conversation_id: str,
        query: ListConversationAttachmentsQuery | None = None,
        /,
        **options: Unpack[RequestOptions],
    ) -> Call[ConversationAttachmentPage]:
        """One page of the conversation's attachments (``cursor``, ``take``)."""
        ...

    @endpoint("upload_conversation_attachment")
    def upload(
        self,
        conversation_id: str,
        request: AttachmentUploadRequest | AttachmentUploadRequestParam,
        /,
        **options: Unpack[RequestOptions],
    ) -> Call[AttachmentUploadResult]:
        """Attach a file by URL (``{"file": url}``), or register one by metadata
        (``{"file": {"type", "size", "name"}}``) and get a presigned ``uploadRequest``."""
        ...

    @endpoint("upload_conversation_attachment")
    def upload_file(
        self,
        conversation_id: str,
        content: bytes,
        /,
        *,
        name: str,
        content_type: str,
        **options: Unpack[RequestOptions],
    ) -> Call[AttachmentUploadResult]:
        """Attach ``content``: register the file, then send its bytes to the presigned
        ``uploadRequest`` (with only the headers the API gave; none of this client's)."""
        # Checked at run time for untyped callers (which may also pass a bytearray or memoryview).
        if not isinstance(content, bytes | bytearray | memoryview):  # pyright: ignore[reportUnnecessaryIsInstance]
            raise TypeError(f"content must be bytes, got {type(content).__name__}")
        data = bytes(content)
        file = {"name": name, "type": content_type, "size": len(data)}
        call = self._core.call("upload_conversation_attachment", (conversation_id, {"file": file}), options)
        return call.replace(then=self._core.presigned(call, data))


class ContactEndpoints(Resource):
    """``client.contact.*``: the contact a conversation belongs to."""

    @endpoint("upsert_conversation_contact")
    def upsert(
        self,
        conversation_id: str,
        request: ContactUpsertRequest | ContactUpsertRequestParam,
        /,
        **options: Unpack[RequestOptions],
    ) -> Call[IdResult]:
        """Create or update the conversation's contact (matched by ``fingerprint``)."""
        ...
