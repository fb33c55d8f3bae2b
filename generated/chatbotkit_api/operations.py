"""Every operation and model of the spec, as data: the one description the SDK reads.

``OPERATIONS`` maps each operation's module name (``list_conversations``, the name
of its function module under ``chatbotkit_api.api``) to its method, templated path,
parameters, request and result models and, for operations that can answer in
JSON Lines, its events by ``type``. ``MODELS`` maps each component object to its
fields by the API's (camelCase) names, with the attribute the generator gave each.
Schemas keep the spec's constraints (minimum, maximum, lengths, pattern).

Written by ``scripts/generate.py`` from ``openapi/conversation.yaml``; never edit by hand.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any


@dataclasses.dataclass(frozen=True, slots=True)
class Schema:
    """What a value may be. ``kind`` is one of: string, integer, number, boolean, any,
    enum (``values``), array (of ``items``), map (string keys, ``items`` values),
    model (the ``MODELS`` entry named ``model``), union (one of ``options``).

    An ``open`` enum (two or more values: a set the API grows) takes, in answers, a
    value this release does not know; a one-value enum is a constant, such as the tag
    naming an event, and stays closed."""

    kind: str
    values: tuple[str, ...] = ()
    open: bool = False
    items: Schema | None = None
    model: str = ""
    options: tuple[Schema, ...] = ()
    format: str = ""
    default: Any = None
    minimum: float | None = None
    maximum: float | None = None
    exclusive_minimum: float | None = None
    exclusive_maximum: float | None = None
    min_length: int | None = None
    max_length: int | None = None
    pattern: str | None = None
    min_items: int | None = None
    max_items: int | None = None


@dataclasses.dataclass(frozen=True, slots=True)
class Field:
    """A property of a model: its API name and the generated attribute's name."""

    name: str
    attribute: str
    schema: Schema
    required: bool = False
    description: str = ""


@dataclasses.dataclass(frozen=True, slots=True)
class Model:
    """A component object. ``extra`` is the schema of properties beyond ``fields``
    (``None``: the spec allows none; the generated class keeps them anyway)."""

    name: str
    fields: Mapping[str, Field]
    extra: Schema | None = None
    description: str = ""


@dataclasses.dataclass(frozen=True, slots=True)
class Parameter:
    """A path, query or header parameter."""

    name: str
    attribute: str
    schema: Schema
    required: bool = False
    style: str = "form"
    description: str = ""


@dataclasses.dataclass(frozen=True, slots=True)
class Operation:
    """One operation: everything needed to send it and to read its answer."""

    name: str
    operation_id: str
    tag: str
    method: str
    path: str
    summary: str = ""
    description: str = ""
    path_params: tuple[Parameter, ...] = ()
    query: tuple[Parameter, ...] = ()
    headers: tuple[Parameter, ...] = ()
    #: the request body's model, and whether the spec requires a body
    body: str | None = None
    body_required: bool = False
    #: the model of the JSON answer
    result: str = ""
    #: ``type`` -> event model, when the operation can answer in JSON Lines
    events: Mapping[str, str] | None = None

    @property
    def streams(self) -> bool:
        """Whether the operation can answer as a JSON Lines stream."""
        return self.events is not None


OPERATIONS: Mapping[str, Operation] = {
    "compact_conversation": Operation(
        name="compact_conversation",
        operation_id="compactConversation",
        tag="conversation",
        method="POST",
        path="/conversation/{conversationId}/compact",
        summary="Compact a conversation into a checkpoint",
        description="",
        path_params=(
            Parameter(
                name="conversationId",
                attribute="conversation_id",
                schema=Schema(kind="string"),
                required=True,
                style="simple",
                description="The conversation's ID.",
            ),
        ),
        query=(),
        headers=(),
        result="ConversationCompactResult",
    ),
    "compact_conversation_stateless": Operation(
        name="compact_conversation_stateless",
        operation_id="compactConversationStateless",
        tag="conversation",
        method="POST",
        path="/conversation/compact",
        summary="Compact an array of messages into a single summary",
        description="",
        path_params=(),
        query=(),
        headers=(
            Parameter(
                name="X-Timezone",
                attribute="x_timezone",
                schema=Schema(kind="string"),
                required=False,
                style="simple",
                description="IANA time zone the bot should assume, e.g. Europe/London.",
            ),
        ),
        body="CompactRequest",
        body_required=True,
        result="CompactResult",
    ),
    "complete_conversation": Operation(
        name="complete_conversation",
        operation_id="completeConversation",
        tag="conversation",
        method="POST",
        path="/conversation/complete",
        summary="Complete the next message in a conversation",
        description="Stateless completion: the caller sends the whole history and nothing is stored. Ask for `application/jsonl` to receive the reply as a stream of events.",
        path_params=(),
        query=(),
        headers=(
            Parameter(
                name="X-Timezone",
                attribute="x_timezone",
                schema=Schema(kind="string"),
                required=False,
                style="simple",
                description="IANA time zone the bot should assume, e.g. Europe/London.",
            ),
        ),
        body="CompleteRequest",
        body_required=True,
        result="CompleteResult",
        events={
            "result": "CompleteResultEvent",
            "token": "TokenEvent",
            "reasoningToken": "ReasoningTokenEvent",
            "message": "MessageEvent",
            "usage": "UsageEvent",
            "completeBegin": "CompleteBeginEvent",
            "completeEnd": "CompleteEndEvent",
            "waitForChannelMessageBegin": "WaitForChannelMessageBeginEvent",
            "waitForChannelMessageEnd": "WaitForChannelMessageEndEvent",
            "abort": "AbortEvent",
            "error": "ErrorEvent",
        },
    ),
    "complete_conversation_message": Operation(
        name="complete_conversation_message",
        operation_id="completeConversationMessage",
        tag="conversation",
        method="POST",
        path="/conversation/{conversationId}/complete",
        summary="Send and receive a conversation response",
        description="Stateful completion: optionally adds the user's text to the stored conversation, then produces and stores the bot's reply.",
        path_params=(
            Parameter(
                name="conversationId",
                attribute="conversation_id",
                schema=Schema(kind="string"),
                required=True,
                style="simple",
                description="The conversation's ID.",
            ),
        ),
        query=(),
        headers=(
            Parameter(
                name="X-Timezone",
                attribute="x_timezone",
                schema=Schema(kind="string"),
                required=False,
                style="simple",
                description="IANA time zone the bot should assume, e.g. Europe/London.",
            ),
        ),
        body="ConversationCompleteRequest",
        body_required=True,
        result="ConversationCompleteResult",
        events={
            "result": "ConversationCompleteResultEvent",
            "token": "TokenEvent",
            "reasoningToken": "ReasoningTokenEvent",
            "message": "MessageEvent",
            "usage": "UsageEvent",
            "completeBegin": "CompleteBeginEvent",
            "completeEnd": "CompleteEndEvent",
            "waitForChannelMessageBegin": "WaitForChannelMessageBeginEvent",
            "waitForChannelMessageEnd": "WaitForChannelMessageEndEvent",
            "abort": "AbortEvent",
            "error": "ErrorEvent",
        },
    ),
    "create_conversation": Operation(
        name="create_conversation",
        operation_id="createConversation",
        tag="conversation",
        method="POST",
        path="/conversation/create",
        summary="Create a new conversation",
        description="Starts a conversation, optionally seeded with messages. The bot's settings come either from an existing bot (`botId`) or from inline configuration (`model`, `backstory`, `datasetId`, `skillsetId`, `privacy`, `moderation`).",
        path_params=(),
        query=(),
        headers=(),
        body="ConversationCreateRequest",
        body_required=True,
        result="ConversationCreateResult",
    ),
    "create_conversation_message": Operation(
        name="create_conversation_message",
        operation_id="createConversationMessage",
        tag="conversation_message",
        method="POST",
        path="/conversation/{conversationId}/message/create",
        summary="Create message",
        description="",
        path_params=(
            Parameter(
                name="conversationId",
                attribute="conversation_id",
                schema=Schema(kind="string"),
                required=True,
                style="simple",
                description="The conversation's ID.",
            ),
        ),
        query=(),
        headers=(),
        body="MessageCreateRequest",
        body_required=True,
        result="MessageCreateResult",
    ),
    "create_conversation_session": Operation(
        name="create_conversation_session",
        operation_id="createConversationSession",
        tag="conversation_session",
        method="POST",
        path="/conversation/{conversationId}/session/create",
        summary="Create conversation session",
        description="Issues a short-lived token scoped to one conversation, so that a browser or other untrusted client can call `send`, `receive` and `message/create` on it without holding the account secret.",
        path_params=(
            Parameter(
                name="conversationId",
                attribute="conversation_id",
                schema=Schema(kind="string"),
                required=True,
                style="simple",
                description="The conversation's ID.",
            ),
        ),
        query=(),
        headers=(),
        body="SessionCreateRequest",
        body_required=True,
        result="ConversationSession",
    ),
    "delete_conversation": Operation(
        name="delete_conversation",
        operation_id="deleteConversation",
        tag="conversation",
        method="POST",
        path="/conversation/{conversationId}/delete",
        summary="Delete conversation",
        description="",
        path_params=(
            Parameter(
                name="conversationId",
                attribute="conversation_id",
                schema=Schema(kind="string"),
                required=True,
                style="simple",
                description="The conversation's ID.",
            ),
        ),
        query=(),
        headers=(),
        body="EmptyRequest",
        body_required=True,
        result="IdResult",
    ),
    "delete_conversation_message": Operation(
        name="delete_conversation_message",
        operation_id="deleteConversationMessage",
        tag="conversation_message",
        method="POST",
        path="/conversation/{conversationId}/message/{messageId}/delete",
        summary="Delete a message",
        description="",
        path_params=(
            Parameter(
                name="conversationId",
                attribute="conversation_id",
                schema=Schema(kind="string"),
                required=True,
                style="simple",
                description="The conversation's ID.",
            ),
            Parameter(
                name="messageId",
                attribute="message_id",
                schema=Schema(kind="string"),
                required=True,
                style="simple",
                description="The message's ID.",
            ),
        ),
        query=(),
        headers=(),
        body="EmptyRequest",
        body_required=True,
        result="IdResult",
    ),
    "dispatch_conversation": Operation(
        name="dispatch_conversation",
        operation_id="dispatchConversation",
        tag="conversation",
        method="POST",
        path="/conversation/dispatch",
        summary="Dispatch a conversation completion to run in the background",
        description="Takes the same input as the stateless complete, queues the completion and answers at once with the channel on which its events will be published.",
        path_params=(),
        query=(),
        headers=(
            Parameter(
                name="X-Timezone",
                attribute="x_timezone",
                schema=Schema(kind="string"),
                required=False,
                style="simple",
                description="IANA time zone the bot should assume, e.g. Europe/London.",
            ),
        ),
        body="DispatchRequest",
        body_required=True,
        result="DispatchResult",
    ),
    "dispatch_stateful_conversation": Operation(
        name="dispatch_stateful_conversation",
        operation_id="dispatchStatefulConversation",
        tag="conversation",
        method="POST",
        path="/conversation/{conversationId}/dispatch",
        summary="Dispatch a stateful conversation completion to run in the background",
        description="Takes the same input as the stateful complete, queues the completion and answers at once with the channel on which its events will be published.",
        path_params=(
            Parameter(
                name="conversationId",
                attribute="conversation_id",
                schema=Schema(kind="string"),
                required=True,
                style="simple",
                description="The conversation's ID.",
            ),
        ),
        query=(),
        headers=(
            Parameter(
                name="X-Timezone",
                attribute="x_timezone",
                schema=Schema(kind="string"),
                required=False,
                style="simple",
                description="IANA time zone the bot should assume, e.g. Europe/London.",
            ),
        ),
        body="ConversationDispatchRequest",
        body_required=True,
        result="DispatchResult",
    ),
    "downvote_conversation": Operation(
        name="downvote_conversation",
        operation_id="downvoteConversation",
        tag="conversation",
        method="POST",
        path="/conversation/{conversationId}/downvote",
        summary="Downvote conversation",
        description="",
        path_params=(
            Parameter(
                name="conversationId",
                attribute="conversation_id",
                schema=Schema(kind="string"),
                required=True,
                style="simple",
                description="The conversation's ID.",
            ),
        ),
        query=(),
        headers=(),
        body="DownvoteRequest",
        body_required=True,
        result="IdResult",
    ),
    "downvote_conversation_message": Operation(
        name="downvote_conversation_message",
        operation_id="downvoteConversationMessage",
        tag="conversation_message",
        method="POST",
        path="/conversation/{conversationId}/message/{messageId}/downvote",
        summary="Downvote conversation message",
        description="",
        path_params=(
            Parameter(
                name="conversationId",
                attribute="conversation_id",
                schema=Schema(kind="string"),
                required=True,
                style="simple",
                description="The conversation's ID.",
            ),
            Parameter(
                name="messageId",
                attribute="message_id",
                schema=Schema(kind="string"),
                required=True,
                style="simple",
                description="The message's ID.",
            ),
        ),
        query=(),
        headers=(),
        body="DownvoteRequest",
        body_required=True,
        result="IdResult",
    ),
    "export_conversations": Operation(
        name="export_conversations",
        operation_id="exportConversations",
        tag="conversation",
        method="GET",
        path="/conversation/export",
        summary="Export conversations",
        description="",
        path_params=(),
        query=(
            Parameter(
                name="cursor",
                attribute="cursor",
                schema=Schema(kind="string"),
                required=False,
                style="form",
                description="Where the page starts; the `cursor` of the previous page.",
            ),
            Parameter(
                name="order",
                attribute="order",
                schema=Schema(
                    kind="enum",
                    values=(
                        "asc",
                        "desc",
                    ),
                    open=True,
                    default="desc",
                ),
                required=False,
                style="form",
                description="Newest first (`desc`, the default) or oldest first.",
            ),
            Parameter(
                name="take",
                attribute="take",
                schema=Schema(kind="integer"),
                required=False,
                style="form",
                description="How many items the page holds at most.",
            ),
            Parameter(
                name="meta",
                attribute="meta",
                schema=Schema(kind="model", model="MetaFilter"),
                required=False,
                style="deepObject",
                description="Only items whose meta data has these key/value pairs.",
            ),
        ),
        headers=(),
        result="ConversationPage",
        events={"item": "ConversationItemEvent"},
    ),
    "fetch_conversation": Operation(
        name="fetch_conversation",
        operation_id="fetchConversation",
        tag="conversation",
        method="GET",
        path="/conversation/{conversationId}/fetch",
        summary="Fetch conversation",
        description="",
        path_params=(
            Parameter(
                name="conversationId",
                attribute="conversation_id",
                schema=Schema(kind="string"),
                required=True,
                style="simple",
                description="The conversation's ID.",
            ),
        ),
        query=(),
        headers=(),
        result="Conversation",
    ),
    "fetch_conversation_message": Operation(
        name="fetch_conversation_message",
        operation_id="fetchConversationMessage",
        tag="conversation_message",
        method="GET",
        path="/conversation/{conversationId}/message/{messageId}/fetch",
        summary="Fetch conversation message",
        description="",
        path_params=(
            Parameter(
                name="conversationId",
                attribute="conversation_id",
                schema=Schema(kind="string"),
                required=True,
                style="simple",
                description="The conversation's ID.",
            ),
            Parameter(
                name="messageId",
                attribute="message_id",
                schema=Schema(kind="string"),
                required=True,
                style="simple",
                description="The message's ID.",
            ),
        ),
        query=(),
        headers=(),
        result="ConversationMessage",
    ),
    "fetch_conversation_usage": Operation(
        name="fetch_conversation_usage",
        operation_id="fetchConversationUsage",
        tag="conversation",
        method="GET",
        path="/conversation/{conversationId}/usage/fetch",
        summary="Fetch conversation usage statistics",
        description="Token (BASE type only) and message totals of one conversation, optionally limited to a period.",
        path_params=(
            Parameter(
                name="conversationId",
                attribute="conversation_id",
                schema=Schema(kind="string"),
                required=True,
                style="simple",
                description="The conversation's ID.",
            ),
        ),
        query=(
            Parameter(
                name="from",
                attribute="from_",
                schema=Schema(kind="string", format="date-time"),
                required=False,
                style="form",
                description="Start of the period, an ISO 8601 date-time.",
            ),
            Parameter(
                name="to",
                attribute="to",
                schema=Schema(kind="string", format="date-time"),
                required=False,
                style="form",
                description="End of the period, an ISO 8601 date-time.",
            ),
        ),
        headers=(),
        result="ConversationUsage",
    ),
    "list_conversation_attachments": Operation(
        name="list_conversation_attachments",
        operation_id="listConversationAttachments",
        tag="conversation_attachment",
        method="GET",
        path="/conversation/{conversationId}/attachment/list",
        summary="List conversation attachments",
        description="",
        path_params=(
            Parameter(
                name="conversationId",
                attribute="conversation_id",
                schema=Schema(kind="string"),
                required=True,
                style="simple",
                description="The conversation's ID.",
            ),
        ),
        query=(
            Parameter(
                name="cursor",
                attribute="cursor",
                schema=Schema(kind="string"),
                required=False,
                style="form",
                description="Where the page starts; the `cursor` of the previous page.",
            ),
            Parameter(
                name="take",
                attribute="take",
                schema=Schema(kind="integer"),
                required=False,
                style="form",
                description="How many items the page holds at most.",
            ),
        ),
        headers=(),
        result="ConversationAttachmentPage",
    ),
    "list_conversation_messages": Operation(
        name="list_conversation_messages",
        operation_id="listConversationMessages",
        tag="conversation_message",
        method="GET",
        path="/conversation/{conversationId}/message/list",
        summary="List conversation messages",
        description="",
        path_params=(
            Parameter(
                name="conversationId",
                attribute="conversation_id",
                schema=Schema(kind="string"),
                required=True,
                style="simple",
                description="The conversation's ID.",
            ),
        ),
        query=(
            Parameter(
                name="cursor",
                attribute="cursor",
                schema=Schema(kind="string"),
                required=False,
                style="form",
                description="Where the page starts; the `cursor` of the previous page.",
            ),
            Parameter(
                name="order",
                attribute="order",
                schema=Schema(
                    kind="enum",
                    values=(
                        "asc",
                        "desc",
                    ),
                    open=True,
                    default="desc",
                ),
                required=False,
                style="form",
                description="Newest first (`desc`, the default) or oldest first.",
            ),
            Parameter(
                name="take",
                attribute="take",
                schema=Schema(kind="integer"),
                required=False,
                style="form",
                description="How many items the page holds at most.",
            ),
        ),
        headers=(),
        result="ConversationMessagePage",
        events={"item": "ConversationMessageItemEvent"},
    ),
    "list_conversations": Operation(
        name="list_conversations",
        operation_id="listConversations",
        tag="conversation",
        method="GET",
        path="/conversation/list",
        summary="List conversations",
        description="",
        path_params=(),
        query=(
            Parameter(
                name="cursor",
                attribute="cursor",
                schema=Schema(kind="string"),
                required=False,
                style="form",
                description="Where the page starts; the `cursor` of the previous page.",
            ),
            Parameter(
                name="order",
                attribute="order",
                schema=Schema(
                    kind="enum",
                    values=(
                        "asc",
                        "desc",
                    ),
                    open=True,
                    default="desc",
                ),
                required=False,
                style="form",
                description="Newest first (`desc`, the default) or oldest first.",
            ),
            Parameter(
                name="take",
                attribute="take",
                schema=Schema(kind="integer"),
                required=False,
                style="form",
                description="How many items the page holds at most.",
            ),
            Parameter(
                name="meta",
                attribute="meta",
                schema=Schema(kind="model", model="MetaFilter"),
                required=False,
                style="deepObject",
                description="Only items whose meta data has these key/value pairs.",
            ),
        ),
        headers=(),
        result="ConversationPage",
        events={"item": "ConversationItemEvent"},
    ),
    "receive_conversation_message": Operation(
        name="receive_conversation_message",
        operation_id="receiveConversationMessage",
        tag="conversation",
        method="POST",
        path="/conversation/{conversationId}/receive",
        summary="Receive a conversation response",
        description="",
        path_params=(
            Parameter(
                name="conversationId",
                attribute="conversation_id",
                schema=Schema(kind="string"),
                required=True,
                style="simple",
                description="The conversation's ID.",
            ),
        ),
        query=(),
        headers=(),
        body="ReceiveRequest",
        body_required=True,
        result="ReceiveResult",
        events={
            "result": "ReceiveResultEvent",
            "token": "TokenEvent",
            "reasoningToken": "ReasoningTokenEvent",
            "message": "MessageEvent",
            "usage": "UsageEvent",
            "completeBegin": "CompleteBeginEvent",
            "completeEnd": "CompleteEndEvent",
            "waitForChannelMessageBegin": "WaitForChannelMessageBeginEvent",
            "waitForChannelMessageEnd": "WaitForChannelMessageEndEvent",
            "abort": "AbortEvent",
            "error": "ErrorEvent",
        },
    ),
    "send_conversation_message": Operation(
        name="send_conversation_message",
        operation_id="sendConversationMessage",
        tag="conversation",
        method="POST",
        path="/conversation/{conversationId}/send",
        summary="Send a message to a conversation",
        description="",
        path_params=(
            Parameter(
                name="conversationId",
                attribute="conversation_id",
                schema=Schema(kind="string"),
                required=True,
                style="simple",
                description="The conversation's ID.",
            ),
        ),
        query=(),
        headers=(),
        body="SendRequest",
        body_required=True,
        result="SendResult",
        events={
            "result": "SendResultEvent",
            "token": "TokenEvent",
            "reasoningToken": "ReasoningTokenEvent",
            "message": "MessageEvent",
            "usage": "UsageEvent",
            "completeBegin": "CompleteBeginEvent",
            "completeEnd": "CompleteEndEvent",
            "waitForChannelMessageBegin": "WaitForChannelMessageBeginEvent",
            "waitForChannelMessageEnd": "WaitForChannelMessageEndEvent",
            "abort": "AbortEvent",
            "error": "ErrorEvent",
        },
    ),
    "synthesize_conversation_message": Operation(
        name="synthesize_conversation_message",
        operation_id="synthesizeConversationMessage",
        tag="conversation_message",
        method="POST",
        path="/conversation/{conversationId}/message/{messageId}/synthesize",
        summary="Synthesize conversation message",
        description="",
        path_params=(
            Parameter(
                name="conversationId",
                attribute="conversation_id",
                schema=Schema(kind="string"),
                required=True,
                style="simple",
                description="The conversation's ID.",
            ),
            Parameter(
                name="messageId",
                attribute="message_id",
                schema=Schema(kind="string"),
                required=True,
                style="simple",
                description="The message's ID.",
            ),
        ),
        query=(),
        headers=(),
        body="EmptyRequest",
        body_required=True,
        result="IdResult",
    ),
    "update_conversation": Operation(
        name="update_conversation",
        operation_id="updateConversation",
        tag="conversation",
        method="POST",
        path="/conversation/{conversationId}/update",
        summary="Update conversation",
        description="",
        path_params=(
            Parameter(
                name="conversationId",
                attribute="conversation_id",
                schema=Schema(kind="string"),
                required=True,
                style="simple",
                description="The conversation's ID.",
            ),
        ),
        query=(),
        headers=(),
        body="ConversationUpdateRequest",
        body_required=True,
        result="IdResult",
    ),
    "update_conversation_message": Operation(
        name="update_conversation_message",
        operation_id="updateConversationMessage",
        tag="conversation_message",
        method="POST",
        path="/conversation/{conversationId}/message/{messageId}/update",
        summary="Update conversation message",
        description="",
        path_params=(
            Parameter(
                name="conversationId",
                attribute="conversation_id",
                schema=Schema(kind="string"),
                required=True,
                style="simple",
                description="The conversation's ID.",
            ),
            Parameter(
                name="messageId",
                attribute="message_id",
                schema=Schema(kind="string"),
                required=True,
                style="simple",
                description="The message's ID.",
            ),
        ),
        query=(),
        headers=(),
        body="MessageUpdateRequest",
        body_required=True,
        result="IdResult",
    ),
    "upload_conversation_attachment": Operation(
        name="upload_conversation_attachment",
        operation_id="uploadConversationAttachment",
        tag="conversation_attachment",
        method="POST",
        path="/conversation/{conversationId}/attachment/upload",
        summary="Upload a file as a conversation attachment",
        description="Registers a file with the conversation. Given a URL (http: or data:) the API fetches it; given the file's metadata it answers with a presigned `uploadRequest` to which the caller sends the bytes directly.",
        path_params=(
            Parameter(
                name="conversationId",
                attribute="conversation_id",
                schema=Schema(kind="string"),
                required=True,
                style="simple",
                description="The conversation's ID.",
            ),
        ),
        query=(),
        headers=(),
        body="AttachmentUploadRequest",
        body_required=True,
        result="AttachmentUploadResult",
    ),
    "upsert_conversation_contact": Operation(
        name="upsert_conversation_contact",
        operation_id="upsertConversationContact",
        tag="conversation_contact",
        method="POST",
        path="/conversation/{conversationId}/contact/upsert",
        summary="Upsert contact",
        description="",
        path_params=(
            Parameter(
                name="conversationId",
                attribute="conversation_id",
                schema=Schema(kind="string"),
                required=True,
                style="simple",
                description="The conversation's ID.",
            ),
        ),
        query=(),
        headers=(),
        body="ContactUpsertRequest",
        body_required=True,
        result="IdResult",
    ),
    "upvote_conversation": Operation(
        name="upvote_conversation",
        operation_id="upvoteConversation",
        tag="conversation",
        method="POST",
        path="/conversation/{conversationId}/upvote",
        summary="Upvote conversation",
        description="",
        path_params=(
            Parameter(
                name="conversationId",
                attribute="conversation_id",
                schema=Schema(kind="string"),
                required=True,
                style="simple",
                description="The conversation's ID.",
            ),
        ),
        query=(),
        headers=(),
        body="UpvoteRequest",
        body_required=True,
        result="IdResult",
    ),
    "upvote_conversation_message": Operation(
        name="upvote_conversation_message",
        operation_id="upvoteConversationMessage",
        tag="conversation_message",
        method="POST",
        path="/conversation/{conversationId}/message/{messageId}/upvote",
        summary="Upvote conversation message",
        description="",
        path_params=(
            Parameter(
                name="conversationId",
                attribute="conversation_id",
                schema=Schema(kind="string"),
                required=True,
                style="simple",
                description="The conversation's ID.",
            ),
            Parameter(
                name="messageId",
                attribute="message_id",
                schema=Schema(kind="string"),
                required=True,
                style="simple",
                description="The message's ID.",
            ),
        ),
        query=(),
        headers=(),
        body="UpvoteRequest",
        body_required=True,
        result="IdResult",
    ),
}

MODELS: Mapping[str, Model] = {
    "Abort": Model(
        name="Abort",
        fields={
            "reason": Field(
                name="reason",
                attribute="reason",
                schema=Schema(kind="any"),
                required=False,
                description="The abort reason, of any JSON type, when known.",
            ),
            "functionName": Field(
                name="functionName",
                attribute="function_name",
                schema=Schema(kind="string"),
                required=False,
                description="The function or tool involved.",
            ),
        },
        description="Details of an aborted completion.",
    ),
    "AbortEvent": Model(
        name="AbortEvent",
        fields={
            "type": Field(
                name="type",
                attribute="type_",
                schema=Schema(kind="enum", values=("abort",)),
                required=True,
                description="",
            ),
            "data": Field(
                name="data",
                attribute="data",
                schema=Schema(kind="model", model="Abort"),
                required=True,
                description="Details of an aborted completion.",
            ),
        },
        description="",
    ),
    "Attachment": Model(
        name="Attachment",
        fields={
            "url": Field(
                name="url",
                attribute="url",
                schema=Schema(kind="string"),
                required=False,
                description="",
            )
        },
        description="A file, by URL, to add to a stateless completion.",
    ),
    "AttachmentFile": Model(
        name="AttachmentFile",
        fields={
            "type": Field(
                name="type",
                attribute="type_",
                schema=Schema(kind="string"),
                required=True,
                description="The MIME type.",
            ),
            "size": Field(
                name="size",
                attribute="size",
                schema=Schema(kind="number"),
                required=True,
                description="Size in bytes.",
            ),
            "name": Field(
                name="name",
                attribute="name",
                schema=Schema(kind="string"),
                required=False,
                description="",
            ),
        },
        description="",
    ),
    "AttachmentUploadRequest": Model(
        name="AttachmentUploadRequest",
        fields={
            "file": Field(
                name="file",
                attribute="file",
                schema=Schema(
                    kind="union",
                    options=(
                        Schema(kind="string"),
                        Schema(kind="model", model="AttachmentFile"),
                    ),
                ),
                required=True,
                description="The file as an http: or data: URL, or its metadata for a presigned upload.",
            )
        },
        description="",
    ),
    "AttachmentUploadResult": Model(
        name="AttachmentUploadResult",
        fields={
            "id": Field(
                name="id",
                attribute="id",
                schema=Schema(kind="string"),
                required=True,
                description="",
            ),
            "name": Field(
                name="name",
                attribute="name",
                schema=Schema(kind="string"),
                required=False,
                description="",
            ),
            "uploadRequest": Field(
                name="uploadRequest",
                attribute="upload_request",
                schema=Schema(kind="model", model="UploadRequest"),
                required=False,
                description="Where to send the file's bytes. Send them exactly as described here, and without the API's own Authorization header.",
            ),
        },
        description="",
    ),
    "BotConfig": Model(
        name="BotConfig",
        fields={
            "model": Field(
                name="model",
                attribute="model",
                schema=Schema(kind="string", pattern="\\w+(?:\\/\\w+=\\w+)*"),
                required=False,
                description="A model name, optionally with settings, e.g. gpt-5.4 or name/key=value.",
            ),
            "backstory": Field(
                name="backstory",
                attribute="backstory",
                schema=Schema(kind="string"),
                required=False,
                description="",
            ),
            "datasetId": Field(
                name="datasetId",
                attribute="dataset_id",
                schema=Schema(kind="string"),
                required=False,
                description="",
            ),
            "skillsetId": Field(
                name="skillsetId",
                attribute="skillset_id",
                schema=Schema(kind="string"),
                required=False,
                description="",
            ),
            "privacy": Field(
                name="privacy",
                attribute="privacy",
                schema=Schema(kind="boolean"),
                required=False,
                description="",
            ),
            "moderation": Field(
                name="moderation",
                attribute="moderation",
                schema=Schema(kind="boolean"),
                required=False,
                description="",
            ),
        },
        description="Inline bot settings, for use without a stored bot.",
    ),
    "BotRef": Model(
        name="BotRef",
        fields={
            "botId": Field(
                name="botId",
                attribute="bot_id",
                schema=Schema(kind="string"),
                required=False,
                description="",
            )
        },
        description="Use the settings of an existing bot.",
    ),
    "CompactRequest": Model(
        name="CompactRequest",
        fields={
            "botId": Field(
                name="botId",
                attribute="bot_id",
                schema=Schema(kind="string"),
                required=False,
                description="",
            ),
            "model": Field(
                name="model",
                attribute="model",
                schema=Schema(kind="string", pattern="\\w+(?:\\/\\w+=\\w+)*"),
                required=False,
                description="A model name, optionally with settings, e.g. gpt-5.4 or name/key=value.",
            ),
            "backstory": Field(
                name="backstory",
                attribute="backstory",
                schema=Schema(kind="string"),
                required=False,
                description="",
            ),
            "datasetId": Field(
                name="datasetId",
                attribute="dataset_id",
                schema=Schema(kind="string"),
                required=False,
                description="",
            ),
            "skillsetId": Field(
                name="skillsetId",
                attribute="skillset_id",
                schema=Schema(kind="string"),
                required=False,
                description="",
            ),
            "privacy": Field(
                name="privacy",
                attribute="privacy",
                schema=Schema(kind="boolean"),
                required=False,
                description="",
            ),
            "moderation": Field(
                name="moderation",
                attribute="moderation",
                schema=Schema(kind="boolean"),
                required=False,
                description="",
            ),
            "messages": Field(
                name="messages",
                attribute="messages",
                schema=Schema(
                    kind="array", items=Schema(kind="model", model="Message")
                ),
                required=True,
                description="",
            ),
            "extensions": Field(
                name="extensions",
                attribute="extensions",
                schema=Schema(kind="model", model="ExtensionsDefinition"),
                required=False,
                description="Extra backstory, data and abilities for this completion only.",
            ),
        },
        description="",
    ),
    "CompactResult": Model(
        name="CompactResult",
        fields={
            "text": Field(
                name="text",
                attribute="text",
                schema=Schema(kind="string"),
                required=True,
                description="The summary; empty when there was nothing to compact.",
            ),
            "usage": Field(
                name="usage",
                attribute="usage",
                schema=Schema(kind="model", model="Usage"),
                required=True,
                description="Tokens spent on one exchange.",
            ),
        },
        description="",
    ),
    "CompleteBeginEvent": Model(
        name="CompleteBeginEvent",
        fields={
            "type": Field(
                name="type",
                attribute="type_",
                schema=Schema(kind="enum", values=("completeBegin",)),
                required=True,
                description="",
            ),
            "data": Field(
                name="data",
                attribute="data",
                schema=Schema(kind="model", model="EventData"),
                required=True,
                description="Event data with no fixed fields.",
            ),
        },
        description="",
    ),
    "CompleteEnd": Model(
        name="CompleteEnd",
        fields={
            "reason": Field(
                name="reason",
                attribute="reason",
                schema=Schema(
                    kind="enum",
                    values=(
                        "length",
                        "stop",
                        "activity",
                        "abort",
                        "error",
                        "iteration",
                    ),
                    open=True,
                ),
                required=True,
                description="Why a completion stopped.",
            )
        },
        description="",
    ),
    "CompleteEndEvent": Model(
        name="CompleteEndEvent",
        fields={
            "type": Field(
                name="type",
                attribute="type_",
                schema=Schema(kind="enum", values=("completeEnd",)),
                required=True,
                description="",
            ),
            "data": Field(
                name="data",
                attribute="data",
                schema=Schema(kind="model", model="EventData"),
                required=True,
                description="Event data with no fixed fields.",
            ),
        },
        description="",
    ),
    "CompleteRequest": Model(
        name="CompleteRequest",
        fields={
            "botId": Field(
                name="botId",
                attribute="bot_id",
                schema=Schema(kind="string"),
                required=False,
                description="",
            ),
            "model": Field(
                name="model",
                attribute="model",
                schema=Schema(kind="string", pattern="\\w+(?:\\/\\w+=\\w+)*"),
                required=False,
                description="A model name, optionally with settings, e.g. gpt-5.4 or name/key=value.",
            ),
            "backstory": Field(
                name="backstory",
                attribute="backstory",
                schema=Schema(kind="string"),
                required=False,
                description="",
            ),
            "datasetId": Field(
                name="datasetId",
                attribute="dataset_id",
                schema=Schema(kind="string"),
                required=False,
                description="",
            ),
            "skillsetId": Field(
                name="skillsetId",
                attribute="skillset_id",
                schema=Schema(kind="string"),
                required=False,
                description="",
            ),
            "privacy": Field(
                name="privacy",
                attribute="privacy",
                schema=Schema(kind="boolean"),
                required=False,
                description="",
            ),
            "moderation": Field(
                name="moderation",
                attribute="moderation",
                schema=Schema(kind="boolean"),
                required=False,
                description="",
            ),
            "messages": Field(
                name="messages",
                attribute="messages",
                schema=Schema(
                    kind="array", items=Schema(kind="model", model="Message")
                ),
                required=True,
                description="",
            ),
            "attachments": Field(
                name="attachments",
                attribute="attachments",
                schema=Schema(
                    kind="array", items=Schema(kind="model", model="Attachment")
                ),
                required=False,
                description="",
            ),
            "contactId": Field(
                name="contactId",
                attribute="contact_id",
                schema=Schema(
                    kind="union",
                    options=(
                        Schema(kind="string"),
                        Schema(kind="model", model="ContactDetails"),
                    ),
                ),
                required=False,
                description="An existing contact's ID, or a contact to find or create.",
            ),
            "functions": Field(
                name="functions",
                attribute="functions",
                schema=Schema(
                    kind="array", items=Schema(kind="model", model="FunctionDefinition")
                ),
                required=False,
                description="Functions the bot may call during the completion.",
            ),
            "extensions": Field(
                name="extensions",
                attribute="extensions",
                schema=Schema(kind="model", model="ExtensionsDefinition"),
                required=False,
                description="Extra backstory, data and abilities for this completion only.",
            ),
            "limits": Field(
                name="limits",
                attribute="limits",
                schema=Schema(kind="model", model="ExecutionLimits"),
                required=False,
                description="Bounds on one completion's agentic work.",
            ),
        },
        description="",
    ),
    "CompleteResult": Model(
        name="CompleteResult",
        fields={
            "text": Field(
                name="text",
                attribute="text",
                schema=Schema(kind="string"),
                required=True,
                description="",
            ),
            "usage": Field(
                name="usage",
                attribute="usage",
                schema=Schema(kind="model", model="Usage"),
                required=True,
                description="Tokens spent on one exchange.",
            ),
            "end": Field(
                name="end",
                attribute="end",
                schema=Schema(kind="model", model="CompleteEnd"),
                required=True,
                description="",
            ),
        },
        description="",
    ),
    "CompleteResultEvent": Model(
        name="CompleteResultEvent",
        fields={
            "type": Field(
                name="type",
                attribute="type_",
                schema=Schema(kind="enum", values=("result",)),
                required=True,
                description="",
            ),
            "data": Field(
                name="data",
                attribute="data",
                schema=Schema(kind="model", model="CompleteResult"),
                required=True,
                description="",
            ),
        },
        description="",
    ),
    "ContactDetails": Model(
        name="ContactDetails",
        fields={
            "fingerprint": Field(
                name="fingerprint",
                attribute="fingerprint",
                schema=Schema(kind="string"),
                required=True,
                description="",
            ),
            "name": Field(
                name="name",
                attribute="name",
                schema=Schema(kind="string"),
                required=False,
                description="",
            ),
            "description": Field(
                name="description",
                attribute="description",
                schema=Schema(kind="string"),
                required=False,
                description="",
            ),
            "email": Field(
                name="email",
                attribute="email",
                schema=Schema(kind="string"),
                required=False,
                description="",
            ),
            "phone": Field(
                name="phone",
                attribute="phone",
                schema=Schema(kind="string"),
                required=False,
                description="",
            ),
            "nick": Field(
                name="nick",
                attribute="nick",
                schema=Schema(kind="string"),
                required=False,
                description="",
            ),
            "meta": Field(
                name="meta",
                attribute="meta",
                schema=Schema(kind="model", model="Meta"),
                required=False,
                description="Free-form meta data.",
            ),
        },
        description="A contact to find by fingerprint, or create.",
    ),
    "ContactUpsertRequest": Model(
        name="ContactUpsertRequest",
        fields={
            "fingerprint": Field(
                name="fingerprint",
                attribute="fingerprint",
                schema=Schema(kind="string"),
                required=False,
                description="",
            ),
            "email": Field(
                name="email",
                attribute="email",
                schema=Schema(kind="string"),
                required=False,
                description="",
            ),
            "phone": Field(
                name="phone",
                attribute="phone",
                schema=Schema(kind="string"),
                required=False,
                description="",
            ),
            "nick": Field(
                name="nick",
                attribute="nick",
                schema=Schema(kind="string"),
                required=False,
                description="",
            ),
            "name": Field(
                name="name",
                attribute="name",
                schema=Schema(kind="string"),
                required=False,
                description="",
            ),
            "description": Field(
                name="description",
                attribute="description",
                schema=Schema(kind="string"),
                required=False,
                description="",
            ),
            "meta": Field(
                name="meta",
                attribute="meta",
                schema=Schema(kind="model", model="Meta"),
                required=False,
                description="Free-form meta data.",
            ),
        },
        description="",
    ),
    "Conversation": Model(
        name="Conversation",
        fields={
            "botId": Field(
                name="botId",
                attribute="bot_id",
                schema=Schema(kind="string"),
                required=False,
                description="",
            ),
            "model": Field(
                name="model",
                attribute="model",
                schema=Schema(kind="string", pattern="\\w+(?:\\/\\w+=\\w+)*"),
                required=False,
                description="A model name, optionally with settings, e.g. gpt-5.4 or name/key=value.",
            ),
            "backstory": Field(
                name="backstory",
                attribute="backstory",
                schema=Schema(kind="string"),
                required=False,
                description="",
            ),
            "datasetId": Field(
                name="datasetId",
                attribute="dataset_id",
                schema=Schema(kind="string"),
                required=False,
                description="",
            ),
            "skillsetId": Field(
                name="skillsetId",
                attribute="skillset_id",
                schema=Schema(kind="string"),
                required=False,
                description="",
            ),
            "privacy": Field(
                name="privacy",
                attribute="privacy",
                schema=Schema(kind="boolean"),
                required=False,
                description="",
            ),
            "moderation": Field(
                name="moderation",
                attribute="moderation",
                schema=Schema(kind="boolean"),
                required=False,
                description="",
            ),
            "id": Field(
                name="id",
                attribute="id",
                schema=Schema(kind="string"),
                required=True,
                description="",
            ),
            "createdAt": Field(
                name="createdAt",
                attribute="created_at",
                schema=Schema(kind="number"),
                required=True,
                description="Creation time, ms since the epoch.",
            ),
            "updatedAt": Field(
                name="updatedAt",
                attribute="updated_at",
                schema=Schema(kind="number"),
                required=True,
                description="Last change, ms since the epoch.",
            ),
            "name": Field(
                name="name",
                attribute="name",
                schema=Schema(kind="string"),
                required=False,
                description="",
            ),
            "description": Field(
                name="description",
                attribute="description",
                schema=Schema(kind="string"),
                required=False,
                description="",
            ),
            "meta": Field(
                name="meta",
                attribute="meta",
                schema=Schema(kind="model", model="Meta"),
                required=False,
                description="Free-form meta data.",
            ),
            "contactId": Field(
                name="contactId",
                attribute="contact_id",
                schema=Schema(kind="string"),
                required=False,
                description="",
            ),
            "taskId": Field(
                name="taskId",
                attribute="task_id",
                schema=Schema(kind="string"),
                required=False,
                description="",
            ),
        },
        description="A stored conversation.",
    ),
    "ConversationAttachment": Model(
        name="ConversationAttachment",
        fields={
            "id": Field(
                name="id",
                attribute="id",
                schema=Schema(kind="string"),
                required=True,
                description="",
            ),
            "createdAt": Field(
                name="createdAt",
                attribute="created_at",
                schema=Schema(kind="number"),
                required=True,
                description="",
            ),
            "updatedAt": Field(
                name="updatedAt",
                attribute="updated_at",
                schema=Schema(kind="number"),
                required=True,
                description="",
            ),
            "name": Field(
                name="name",
                attribute="name",
                schema=Schema(kind="string"),
                required=False,
                description="The stored file name.",
            ),
            "description": Field(
                name="description",
                attribute="description",
                schema=Schema(kind="string"),
                required=False,
                description="",
            ),
            "meta": Field(
                name="meta",
                attribute="meta",
                schema=Schema(kind="model", model="Meta"),
                required=False,
                description="Free-form meta data.",
            ),
            "type": Field(
                name="type",
                attribute="type_",
                schema=Schema(kind="string"),
                required=False,
                description="The MIME type inferred for the file.",
            ),
            "size": Field(
                name="size",
                attribute="size",
                schema=Schema(kind="number"),
                required=False,
                description="Size in bytes.",
            ),
        },
        description="A file attached to a conversation.",
    ),
    "ConversationAttachmentPage": Model(
        name="ConversationAttachmentPage",
        fields={
            "items": Field(
                name="items",
                attribute="items",
                schema=Schema(
                    kind="array",
                    items=Schema(kind="model", model="ConversationAttachment"),
                ),
                required=True,
                description="",
            ),
            "cursor": Field(
                name="cursor",
                attribute="cursor",
                schema=Schema(kind="string"),
                required=True,
                description="",
            ),
        },
        description="",
    ),
    "ConversationCompactResult": Model(
        name="ConversationCompactResult",
        fields={
            "id": Field(
                name="id",
                attribute="id",
                schema=Schema(kind="string"),
                required=True,
                description="The checkpoint message's ID, or the conversation's when nothing was compacted.",
            ),
            "text": Field(
                name="text",
                attribute="text",
                schema=Schema(kind="string"),
                required=True,
                description="",
            ),
            "usage": Field(
                name="usage",
                attribute="usage",
                schema=Schema(kind="model", model="Usage"),
                required=True,
                description="Tokens spent on one exchange.",
            ),
        },
        description="",
    ),
    "ConversationCompleteRequest": Model(
        name="ConversationCompleteRequest",
        fields={
            "text": Field(
                name="text",
                attribute="text",
                schema=Schema(kind="string"),
                required=False,
                description="The user's message; omit to let the bot continue.",
            ),
            "entities": Field(
                name="entities",
                attribute="entities",
                schema=Schema(kind="array", items=Schema(kind="model", model="Entity")),
                required=False,
                description="",
            ),
            "functions": Field(
                name="functions",
                attribute="functions",
                schema=Schema(
                    kind="array", items=Schema(kind="model", model="FunctionDefinition")
                ),
                required=False,
                description="Functions the bot may call during the completion.",
            ),
            "extensions": Field(
                name="extensions",
                attribute="extensions",
                schema=Schema(kind="model", model="ExtensionsDefinition"),
                required=False,
                description="Extra backstory, data and abilities for this completion only.",
            ),
            "limits": Field(
                name="limits",
                attribute="limits",
                schema=Schema(kind="model", model="ExecutionLimits"),
                required=False,
                description="Bounds on one completion's agentic work.",
            ),
        },
        description="",
    ),
    "ConversationCompleteResult": Model(
        name="ConversationCompleteResult",
        fields={
            "id": Field(
                name="id",
                attribute="id",
                schema=Schema(kind="string"),
                required=True,
                description="The stored reply's ID.",
            ),
            "text": Field(
                name="text",
                attribute="text",
                schema=Schema(kind="string"),
                required=True,
                description="",
            ),
            "usage": Field(
                name="usage",
                attribute="usage",
                schema=Schema(kind="model", model="Usage"),
                required=True,
                description="Tokens spent on one exchange.",
            ),
            "end": Field(
                name="end",
                attribute="end",
                schema=Schema(kind="model", model="CompleteEnd"),
                required=True,
                description="",
            ),
        },
        description="",
    ),
    "ConversationCompleteResultEvent": Model(
        name="ConversationCompleteResultEvent",
        fields={
            "type": Field(
                name="type",
                attribute="type_",
                schema=Schema(kind="enum", values=("result",)),
                required=True,
                description="",
            ),
            "data": Field(
                name="data",
                attribute="data",
                schema=Schema(kind="model", model="ConversationCompleteResult"),
                required=True,
                description="",
            ),
        },
        description="",
    ),
    "ConversationCreateRequest": Model(
        name="ConversationCreateRequest",
        fields={
            "botId": Field(
                name="botId",
                attribute="bot_id",
                schema=Schema(kind="string"),
                required=False,
                description="",
            ),
            "model": Field(
                name="model",
                attribute="model",
                schema=Schema(kind="string", pattern="\\w+(?:\\/\\w+=\\w+)*"),
                required=False,
                description="A model name, optionally with settings, e.g. gpt-5.4 or name/key=value.",
            ),
            "backstory": Field(
                name="backstory",
                attribute="backstory",
                schema=Schema(kind="string"),
                required=False,
                description="",
            ),
            "datasetId": Field(
                name="datasetId",
                attribute="dataset_id",
                schema=Schema(kind="string"),
                required=False,
                description="",
            ),
            "skillsetId": Field(
                name="skillsetId",
                attribute="skillset_id",
                schema=Schema(kind="string"),
                required=False,
                description="",
            ),
            "privacy": Field(
                name="privacy",
                attribute="privacy",
                schema=Schema(kind="boolean"),
                required=False,
                description="",
            ),
            "moderation": Field(
                name="moderation",
                attribute="moderation",
                schema=Schema(kind="boolean"),
                required=False,
                description="",
            ),
            "name": Field(
                name="name",
                attribute="name",
                schema=Schema(kind="string"),
                required=False,
                description="",
            ),
            "description": Field(
                name="description",
                attribute="description",
                schema=Schema(kind="string"),
                required=False,
                description="",
            ),
            "meta": Field(
                name="meta",
                attribute="meta",
                schema=Schema(kind="model", model="Meta"),
                required=False,
                description="Free-form meta data.",
            ),
            "contactId": Field(
                name="contactId",
                attribute="contact_id",
                schema=Schema(kind="string"),
                required=False,
                description="",
            ),
            "taskId": Field(
                name="taskId",
                attribute="task_id",
                schema=Schema(kind="string"),
                required=False,
                description="",
            ),
            "spaceId": Field(
                name="spaceId",
                attribute="space_id",
                schema=Schema(kind="string"),
                required=False,
                description="",
            ),
            "messages": Field(
                name="messages",
                attribute="messages",
                schema=Schema(
                    kind="array", items=Schema(kind="model", model="InitialMessage")
                ),
                required=False,
                description="",
            ),
        },
        description="",
    ),
    "ConversationCreateResult": Model(
        name="ConversationCreateResult",
        fields={
            "id": Field(
                name="id",
                attribute="id",
                schema=Schema(kind="string"),
                required=True,
                description="",
            ),
            "messages": Field(
                name="messages",
                attribute="messages",
                schema=Schema(
                    kind="array", items=Schema(kind="model", model="InitialMessage")
                ),
                required=False,
                description="",
            ),
        },
        description="",
    ),
    "ConversationDispatchRequest": Model(
        name="ConversationDispatchRequest",
        fields={
            "text": Field(
                name="text",
                attribute="text",
                schema=Schema(kind="string"),
                required=False,
                description="The user's message; omit to let the bot continue.",
            ),
            "entities": Field(
                name="entities",
                attribute="entities",
                schema=Schema(kind="array", items=Schema(kind="model", model="Entity")),
                required=False,
                description="",
            ),
            "functions": Field(
                name="functions",
                attribute="functions",
                schema=Schema(
                    kind="array", items=Schema(kind="model", model="FunctionDefinition")
                ),
                required=False,
                description="Functions the bot may call during the completion.",
            ),
            "extensions": Field(
                name="extensions",
                attribute="extensions",
                schema=Schema(kind="model", model="ExtensionsDefinition"),
                required=False,
                description="Extra backstory, data and abilities for this completion only.",
            ),
            "limits": Field(
                name="limits",
                attribute="limits",
                schema=Schema(kind="model", model="ExecutionLimits"),
                required=False,
                description="Bounds on one completion's agentic work.",
            ),
            "channelId": Field(
                name="channelId",
                attribute="channel_id",
                schema=Schema(kind="string", min_length=24),
                required=False,
                description="Your own channel ID, to deduplicate dispatches.",
            ),
        },
        description="",
    ),
    "ConversationItemEvent": Model(
        name="ConversationItemEvent",
        fields={
            "type": Field(
                name="type",
                attribute="type_",
                schema=Schema(kind="enum", values=("item",)),
                required=True,
                description="",
            ),
            "data": Field(
                name="data",
                attribute="data",
                schema=Schema(kind="model", model="ListedConversation"),
                required=True,
                description="A conversation as list and export return it (with its space).",
            ),
        },
        description="",
    ),
    "ConversationMessage": Model(
        name="ConversationMessage",
        fields={
            "id": Field(
                name="id",
                attribute="id",
                schema=Schema(kind="string"),
                required=True,
                description="",
            ),
            "createdAt": Field(
                name="createdAt",
                attribute="created_at",
                schema=Schema(kind="number"),
                required=True,
                description="",
            ),
            "updatedAt": Field(
                name="updatedAt",
                attribute="updated_at",
                schema=Schema(kind="number"),
                required=True,
                description="",
            ),
            "type": Field(
                name="type",
                attribute="type_",
                schema=Schema(
                    kind="enum",
                    values=(
                        "user",
                        "bot",
                        "reasoning",
                        "context",
                        "instruction",
                        "backstory",
                        "activity",
                        "checkpoint",
                    ),
                    open=True,
                ),
                required=True,
                description="Who or what a message comes from.",
            ),
            "text": Field(
                name="text",
                attribute="text",
                schema=Schema(kind="string"),
                required=True,
                description="",
            ),
            "name": Field(
                name="name",
                attribute="name",
                schema=Schema(kind="string"),
                required=False,
                description="",
            ),
            "description": Field(
                name="description",
                attribute="description",
                schema=Schema(kind="string"),
                required=False,
                description="",
            ),
            "meta": Field(
                name="meta",
                attribute="meta",
                schema=Schema(kind="model", model="Meta"),
                required=False,
                description="Free-form meta data.",
            ),
        },
        description="A message stored in a conversation.",
    ),
    "ConversationMessageItemEvent": Model(
        name="ConversationMessageItemEvent",
        fields={
            "type": Field(
                name="type",
                attribute="type_",
                schema=Schema(kind="enum", values=("item",)),
                required=True,
                description="",
            ),
            "data": Field(
                name="data",
                attribute="data",
                schema=Schema(kind="model", model="ConversationMessage"),
                required=True,
                description="A message stored in a conversation.",
            ),
        },
        description="",
    ),
    "ConversationMessagePage": Model(
        name="ConversationMessagePage",
        fields={
            "items": Field(
                name="items",
                attribute="items",
                schema=Schema(
                    kind="array",
                    items=Schema(kind="model", model="ConversationMessage"),
                ),
                required=True,
                description="",
            ),
            "cursor": Field(
                name="cursor",
                attribute="cursor",
                schema=Schema(kind="string"),
                required=True,
                description="",
            ),
        },
        description="",
    ),
    "ConversationPage": Model(
        name="ConversationPage",
        fields={
            "items": Field(
                name="items",
                attribute="items",
                schema=Schema(
                    kind="array", items=Schema(kind="model", model="ListedConversation")
                ),
                required=True,
                description="",
            ),
            "cursor": Field(
                name="cursor",
                attribute="cursor",
                schema=Schema(kind="string"),
                required=True,
                description="Pass as `cursor` to get the next page.",
            ),
        },
        description="",
    ),
    "ConversationSession": Model(
        name="ConversationSession",
        fields={
            "id": Field(
                name="id",
                attribute="id",
                schema=Schema(kind="string"),
                required=True,
                description="",
            ),
            "token": Field(
                name="token",
                attribute="token",
                schema=Schema(kind="string"),
                required=True,
                description="Bearer token valid for this conversation only.",
            ),
            "expiresAt": Field(
                name="expiresAt",
                attribute="expires_at",
                schema=Schema(kind="number"),
                required=True,
                description="Expiry time, ms since the epoch.",
            ),
        },
        description="",
    ),
    "ConversationUpdateRequest": Model(
        name="ConversationUpdateRequest",
        fields={
            "botId": Field(
                name="botId",
                attribute="bot_id",
                schema=Schema(kind="string"),
                required=False,
                description="",
            ),
            "model": Field(
                name="model",
                attribute="model",
                schema=Schema(kind="string", pattern="\\w+(?:\\/\\w+=\\w+)*"),
                required=False,
                description="A model name, optionally with settings, e.g. gpt-5.4 or name/key=value.",
            ),
            "backstory": Field(
                name="backstory",
                attribute="backstory",
                schema=Schema(kind="string"),
                required=False,
                description="",
            ),
            "datasetId": Field(
                name="datasetId",
                attribute="dataset_id",
                schema=Schema(kind="string"),
                required=False,
                description="",
            ),
            "skillsetId": Field(
                name="skillsetId",
                attribute="skillset_id",
                schema=Schema(kind="string"),
                required=False,
                description="",
            ),
            "privacy": Field(
                name="privacy",
                attribute="privacy",
                schema=Schema(kind="boolean"),
                required=False,
                description="",
            ),
            "moderation": Field(
                name="moderation",
                attribute="moderation",
                schema=Schema(kind="boolean"),
                required=False,
                description="",
            ),
            "name": Field(
                name="name",
                attribute="name",
                schema=Schema(kind="string"),
                required=False,
                description="",
            ),
            "description": Field(
                name="description",
                attribute="description",
                schema=Schema(kind="string"),
                required=False,
                description="",
            ),
            "meta": Field(
                name="meta",
                attribute="meta",
                schema=Schema(kind="model", model="Meta"),
                required=False,
                description="Free-form meta data.",
            ),
            "contactId": Field(
                name="contactId",
                attribute="contact_id",
                schema=Schema(kind="string"),
                required=False,
                description="",
            ),
            "taskId": Field(
                name="taskId",
                attribute="task_id",
                schema=Schema(kind="string"),
                required=False,
                description="",
            ),
            "spaceId": Field(
                name="spaceId",
                attribute="space_id",
                schema=Schema(kind="string"),
                required=False,
                description="",
            ),
        },
        description="",
    ),
    "ConversationUsage": Model(
        name="ConversationUsage",
        fields={
            "tokens": Field(
                name="tokens",
                attribute="tokens",
                schema=Schema(kind="integer"),
                required=False,
                description="BASE tokens used.",
            ),
            "messages": Field(
                name="messages",
                attribute="messages",
                schema=Schema(kind="integer"),
                required=False,
                description="Messages in the period.",
            ),
        },
        description="",
    ),
    "DispatchRequest": Model(
        name="DispatchRequest",
        fields={
            "botId": Field(
                name="botId",
                attribute="bot_id",
                schema=Schema(kind="string"),
                required=False,
                description="",
            ),
            "model": Field(
                name="model",
                attribute="model",
                schema=Schema(kind="string", pattern="\\w+(?:\\/\\w+=\\w+)*"),
                required=False,
                description="A model name, optionally with settings, e.g. gpt-5.4 or name/key=value.",
            ),
            "backstory": Field(
                name="backstory",
                attribute="backstory",
                schema=Schema(kind="string"),
                required=False,
                description="",
            ),
            "datasetId": Field(
                name="datasetId",
                attribute="dataset_id",
                schema=Schema(kind="string"),
                required=False,
                description="",
            ),
            "skillsetId": Field(
                name="skillsetId",
                attribute="skillset_id",
                schema=Schema(kind="string"),
                required=False,
                description="",
            ),
            "privacy": Field(
                name="privacy",
                attribute="privacy",
                schema=Schema(kind="boolean"),
                required=False,
                description="",
            ),
            "moderation": Field(
                name="moderation",
                attribute="moderation",
                schema=Schema(kind="boolean"),
                required=False,
                description="",
            ),
            "messages": Field(
                name="messages",
                attribute="messages",
                schema=Schema(
                    kind="array", items=Schema(kind="model", model="Message")
                ),
                required=True,
                description="",
            ),
            "attachments": Field(
                name="attachments",
                attribute="attachments",
                schema=Schema(
                    kind="array", items=Schema(kind="model", model="Attachment")
                ),
                required=False,
                description="",
            ),
            "contactId": Field(
                name="contactId",
                attribute="contact_id",
                schema=Schema(
                    kind="union",
                    options=(
                        Schema(kind="string"),
                        Schema(kind="model", model="ContactDetails"),
                    ),
                ),
                required=False,
                description="An existing contact's ID, or a contact to find or create.",
            ),
            "functions": Field(
                name="functions",
                attribute="functions",
                schema=Schema(
                    kind="array", items=Schema(kind="model", model="FunctionDefinition")
                ),
                required=False,
                description="Functions the bot may call during the completion.",
            ),
            "extensions": Field(
                name="extensions",
                attribute="extensions",
                schema=Schema(kind="model", model="ExtensionsDefinition"),
                required=False,
                description="Extra backstory, data and abilities for this completion only.",
            ),
            "limits": Field(
                name="limits",
                attribute="limits",
                schema=Schema(kind="model", model="ExecutionLimits"),
                required=False,
                description="Bounds on one completion's agentic work.",
            ),
            "channelId": Field(
                name="channelId",
                attribute="channel_id",
                schema=Schema(kind="string", min_length=24),
                required=False,
                description="Your own channel ID, to deduplicate dispatches.",
            ),
        },
        description="",
    ),
    "DispatchResult": Model(
        name="DispatchResult",
        fields={
            "channelId": Field(
                name="channelId",
                attribute="channel_id",
                schema=Schema(kind="string"),
                required=True,
                description="Subscribe here for the completion's events.",
            )
        },
        description="",
    ),
    "DownvoteRequest": Model(
        name="DownvoteRequest",
        fields={
            "value": Field(
                name="value",
                attribute="value",
                schema=Schema(kind="integer", minimum=-100, maximum=-1, default=-100),
                required=False,
                description="",
            ),
            "reason": Field(
                name="reason",
                attribute="reason",
                schema=Schema(kind="string"),
                required=False,
                description="",
            ),
        },
        description="",
    ),
    "EmptyRequest": Model(
        name="EmptyRequest",
        fields={},
        description="A body with no fields.",
        extra=Schema(kind="any"),
    ),
    "Entity": Model(
        name="Entity",
        fields={
            "type": Field(
                name="type",
                attribute="type_",
                schema=Schema(kind="string"),
                required=True,
                description="The kind of entity.",
            ),
            "begin": Field(
                name="begin",
                attribute="begin",
                schema=Schema(kind="number"),
                required=True,
                description="Offset where the entity starts.",
            ),
            "end": Field(
                name="end",
                attribute="end",
                schema=Schema(kind="number"),
                required=True,
                description="Offset where the entity ends.",
            ),
            "text": Field(
                name="text",
                attribute="text",
                schema=Schema(kind="string"),
                required=True,
                description="The entity as written.",
            ),
            "replacement": Field(
                name="replacement",
                attribute="replacement",
                schema=Schema(kind="model", model="EntityReplacement"),
                required=False,
                description="What replaced an entity in the stored text.",
            ),
        },
        description="An entity found in a message's text.",
    ),
    "EntityReplacement": Model(
        name="EntityReplacement",
        fields={
            "begin": Field(
                name="begin",
                attribute="begin",
                schema=Schema(kind="number"),
                required=True,
                description="",
            ),
            "end": Field(
                name="end",
                attribute="end",
                schema=Schema(kind="number"),
                required=True,
                description="",
            ),
            "text": Field(
                name="text",
                attribute="text",
                schema=Schema(kind="string"),
                required=True,
                description="",
            ),
        },
        description="What replaced an entity in the stored text.",
    ),
    "Error": Model(
        name="Error",
        fields={
            "message": Field(
                name="message",
                attribute="message",
                schema=Schema(kind="string"),
                required=True,
                description="Human-readable explanation.",
            ),
            "code": Field(
                name="code",
                attribute="code",
                schema=Schema(kind="string"),
                required=True,
                description="Machine-readable code, e.g. NOT_FOUND.",
            ),
        },
        description="The body of every non-2xx answer.",
    ),
    "ErrorEvent": Model(
        name="ErrorEvent",
        fields={
            "type": Field(
                name="type",
                attribute="type_",
                schema=Schema(kind="enum", values=("error",)),
                required=True,
                description="",
            ),
            "data": Field(
                name="data",
                attribute="data",
                schema=Schema(kind="model", model="ErrorEventData"),
                required=True,
                description="",
            ),
        },
        description="",
    ),
    "ErrorEventData": Model(
        name="ErrorEventData",
        fields={
            "message": Field(
                name="message",
                attribute="message",
                schema=Schema(kind="string"),
                required=True,
                description="",
            )
        },
        description="",
    ),
    "EventData": Model(
        name="EventData",
        fields={},
        description="Event data with no fixed fields.",
        extra=Schema(kind="any"),
    ),
    "ExecutionLimits": Model(
        name="ExecutionLimits",
        fields={
            "iterations": Field(
                name="iterations",
                attribute="iterations",
                schema=Schema(kind="integer", minimum=1),
                required=False,
                description="Most tool-use iterations.",
            ),
            "continuations": Field(
                name="continuations",
                attribute="continuations",
                schema=Schema(kind="integer", minimum=1),
                required=False,
                description="Most continuations after a stop.",
            ),
            "calls": Field(
                name="calls",
                attribute="calls",
                schema=Schema(kind="integer", minimum=1),
                required=False,
                description="Most function calls in total.",
            ),
        },
        description="Bounds on one completion's agentic work.",
    ),
    "ExtensionAbility": Model(
        name="ExtensionAbility",
        fields={
            "name": Field(
                name="name",
                attribute="name",
                schema=Schema(kind="string"),
                required=True,
                description="",
            ),
            "description": Field(
                name="description",
                attribute="description",
                schema=Schema(kind="string"),
                required=True,
                description="",
            ),
            "instruction": Field(
                name="instruction",
                attribute="instruction",
                schema=Schema(kind="string"),
                required=True,
                description="",
            ),
            "secretId": Field(
                name="secretId",
                attribute="secret_id",
                schema=Schema(kind="string"),
                required=False,
                description="",
            ),
            "meta": Field(
                name="meta",
                attribute="meta",
                schema=Schema(kind="model", model="Meta"),
                required=False,
                description="Free-form meta data.",
            ),
        },
        description="",
    ),
    "ExtensionDataset": Model(
        name="ExtensionDataset",
        fields={
            "name": Field(
                name="name",
                attribute="name",
                schema=Schema(kind="string"),
                required=False,
                description="",
            ),
            "description": Field(
                name="description",
                attribute="description",
                schema=Schema(kind="string"),
                required=False,
                description="",
            ),
            "records": Field(
                name="records",
                attribute="records",
                schema=Schema(
                    kind="array",
                    items=Schema(kind="model", model="ExtensionDatasetRecord"),
                ),
                required=True,
                description="",
            ),
        },
        description="",
    ),
    "ExtensionDatasetRecord": Model(
        name="ExtensionDatasetRecord",
        fields={
            "text": Field(
                name="text",
                attribute="text",
                schema=Schema(kind="string"),
                required=True,
                description="",
            ),
            "meta": Field(
                name="meta",
                attribute="meta",
                schema=Schema(kind="model", model="Meta"),
                required=False,
                description="Free-form meta data.",
            ),
        },
        description="",
    ),
    "ExtensionFeature": Model(
        name="ExtensionFeature",
        fields={
            "name": Field(
                name="name",
                attribute="name",
                schema=Schema(kind="string"),
                required=True,
                description="",
            ),
            "options": Field(
                name="options",
                attribute="options",
                schema=Schema(kind="map", items=Schema(kind="any")),
                required=False,
                description="",
            ),
        },
        description="",
    ),
    "ExtensionSkillset": Model(
        name="ExtensionSkillset",
        fields={
            "name": Field(
                name="name",
                attribute="name",
                schema=Schema(kind="string"),
                required=False,
                description="",
            ),
            "description": Field(
                name="description",
                attribute="description",
                schema=Schema(kind="string"),
                required=False,
                description="",
            ),
            "abilities": Field(
                name="abilities",
                attribute="abilities",
                schema=Schema(
                    kind="array", items=Schema(kind="model", model="ExtensionAbility")
                ),
                required=True,
                description="",
            ),
        },
        description="",
    ),
    "ExtensionsDefinition": Model(
        name="ExtensionsDefinition",
        fields={
            "backstory": Field(
                name="backstory",
                attribute="backstory",
                schema=Schema(kind="string"),
                required=False,
                description="",
            ),
            "datasets": Field(
                name="datasets",
                attribute="datasets",
                schema=Schema(
                    kind="array", items=Schema(kind="model", model="ExtensionDataset")
                ),
                required=False,
                description="",
            ),
            "skillsets": Field(
                name="skillsets",
                attribute="skillsets",
                schema=Schema(
                    kind="array", items=Schema(kind="model", model="ExtensionSkillset")
                ),
                required=False,
                description="",
            ),
            "features": Field(
                name="features",
                attribute="features",
                schema=Schema(
                    kind="array", items=Schema(kind="model", model="ExtensionFeature")
                ),
                required=False,
                description="",
            ),
        },
        description="Extra backstory, data and abilities for this completion only.",
    ),
    "FunctionCall": Model(
        name="FunctionCall",
        fields={
            "start": Field(
                name="start",
                attribute="start",
                schema=Schema(kind="boolean"),
                required=False,
                description="Call it when the conversation starts.",
            ),
            "end": Field(
                name="end",
                attribute="end",
                schema=Schema(kind="boolean"),
                required=False,
                description="Call it when the conversation ends.",
            ),
        },
        description="When the function is called without the model asking.",
    ),
    "FunctionDefinition": Model(
        name="FunctionDefinition",
        fields={
            "name": Field(
                name="name",
                attribute="name",
                schema=Schema(kind="string"),
                required=True,
                description="A JavaScript identifier, at most 64 characters.",
            ),
            "description": Field(
                name="description",
                attribute="description",
                schema=Schema(kind="string"),
                required=True,
                description="",
            ),
            "parameters": Field(
                name="parameters",
                attribute="parameters",
                schema=Schema(kind="model", model="FunctionParameters"),
                required=True,
                description="A JSON Schema object describing the function's arguments.",
            ),
            "result": Field(
                name="result",
                attribute="result",
                schema=Schema(
                    kind="union",
                    options=(
                        Schema(kind="model", model="FunctionResultData"),
                        Schema(kind="model", model="FunctionResultChannel"),
                    ),
                ),
                required=False,
                description="A result known in advance, or the channel on which it will arrive.",
            ),
            "call": Field(
                name="call",
                attribute="call",
                schema=Schema(kind="model", model="FunctionCall"),
                required=False,
                description="When the function is called without the model asking.",
            ),
        },
        description="",
    ),
    "FunctionParameters": Model(
        name="FunctionParameters",
        fields={
            "type": Field(
                name="type",
                attribute="type_",
                schema=Schema(kind="enum", values=("object",)),
                required=True,
                description="",
            ),
            "properties": Field(
                name="properties",
                attribute="properties",
                schema=Schema(kind="map", items=Schema(kind="any")),
                required=True,
                description="",
            ),
            "required": Field(
                name="required",
                attribute="required",
                schema=Schema(kind="array", items=Schema(kind="string")),
                required=False,
                description="",
            ),
        },
        description="A JSON Schema object describing the function's arguments.",
    ),
    "FunctionResultChannel": Model(
        name="FunctionResultChannel",
        fields={
            "channel": Field(
                name="channel",
                attribute="channel",
                schema=Schema(kind="string"),
                required=True,
                description="Channel on which the result will be streamed.",
            )
        },
        description="",
    ),
    "FunctionResultData": Model(
        name="FunctionResultData",
        fields={
            "data": Field(
                name="data",
                attribute="data",
                schema=Schema(kind="any"),
                required=True,
                description="The function's result, any JSON value.",
            )
        },
        description="",
    ),
    "IdResult": Model(
        name="IdResult",
        fields={
            "id": Field(
                name="id",
                attribute="id",
                schema=Schema(kind="string"),
                required=True,
                description="",
            )
        },
        description="The ID of the record an operation touched.",
    ),
    "InitialMessage": Model(
        name="InitialMessage",
        fields={
            "type": Field(
                name="type",
                attribute="type_",
                schema=Schema(
                    kind="enum",
                    values=(
                        "user",
                        "bot",
                        "reasoning",
                        "context",
                        "instruction",
                        "backstory",
                        "activity",
                        "checkpoint",
                    ),
                    open=True,
                ),
                required=True,
                description="Who or what a message comes from.",
            ),
            "text": Field(
                name="text",
                attribute="text",
                schema=Schema(kind="string"),
                required=True,
                description="",
            ),
        },
        description="A message a conversation is created with.",
    ),
    "ListedConversation": Model(
        name="ListedConversation",
        fields={
            "botId": Field(
                name="botId",
                attribute="bot_id",
                schema=Schema(kind="string"),
                required=False,
                description="",
            ),
            "model": Field(
                name="model",
                attribute="model",
                schema=Schema(kind="string", pattern="\\w+(?:\\/\\w+=\\w+)*"),
                required=False,
                description="A model name, optionally with settings, e.g. gpt-5.4 or name/key=value.",
            ),
            "backstory": Field(
                name="backstory",
                attribute="backstory",
                schema=Schema(kind="string"),
                required=False,
                description="",
            ),
            "datasetId": Field(
                name="datasetId",
                attribute="dataset_id",
                schema=Schema(kind="string"),
                required=False,
                description="",
            ),
            "skillsetId": Field(
                name="skillsetId",
                attribute="skillset_id",
                schema=Schema(kind="string"),
                required=False,
                description="",
            ),
            "privacy": Field(
                name="privacy",
                attribute="privacy",
                schema=Schema(kind="boolean"),
                required=False,
                description="",
            ),
            "moderation": Field(
                name="moderation",
                attribute="moderation",
                schema=Schema(kind="boolean"),
                required=False,
                description="",
            ),
            "id": Field(
                name="id",
                attribute="id",
                schema=Schema(kind="string"),
                required=True,
                description="",
            ),
            "createdAt": Field(
                name="createdAt",
                attribute="created_at",
                schema=Schema(kind="number"),
                required=True,
                description="Creation time, ms since the epoch.",
            ),
            "updatedAt": Field(
                name="updatedAt",
                attribute="updated_at",
                schema=Schema(kind="number"),
                required=True,
                description="Last change, ms since the epoch.",
            ),
            "name": Field(
                name="name",
                attribute="name",
                schema=Schema(kind="string"),
                required=False,
                description="",
            ),
            "description": Field(
                name="description",
                attribute="description",
                schema=Schema(kind="string"),
                required=False,
                description="",
            ),
            "meta": Field(
                name="meta",
                attribute="meta",
                schema=Schema(kind="model", model="Meta"),
                required=False,
                description="Free-form meta data.",
            ),
            "contactId": Field(
                name="contactId",
                attribute="contact_id",
                schema=Schema(kind="string"),
                required=False,
                description="",
            ),
            "taskId": Field(
                name="taskId",
                attribute="task_id",
                schema=Schema(kind="string"),
                required=False,
                description="",
            ),
            "spaceId": Field(
                name="spaceId",
                attribute="space_id",
                schema=Schema(kind="string"),
                required=False,
                description="",
            ),
        },
        description="A conversation as list and export return it (with its space).",
    ),
    "Message": Model(
        name="Message",
        fields={
            "type": Field(
                name="type",
                attribute="type_",
                schema=Schema(
                    kind="enum",
                    values=(
                        "user",
                        "bot",
                        "reasoning",
                        "context",
                        "instruction",
                        "backstory",
                        "activity",
                        "checkpoint",
                    ),
                    open=True,
                ),
                required=True,
                description="Who or what a message comes from.",
            ),
            "text": Field(
                name="text",
                attribute="text",
                schema=Schema(kind="string"),
                required=True,
                description="",
            ),
            "meta": Field(
                name="meta",
                attribute="meta",
                schema=Schema(kind="model", model="Meta"),
                required=False,
                description="Free-form meta data.",
            ),
        },
        description="A message given to or produced by a completion.",
    ),
    "MessageCreateRequest": Model(
        name="MessageCreateRequest",
        fields={
            "type": Field(
                name="type",
                attribute="type_",
                schema=Schema(
                    kind="enum",
                    values=(
                        "user",
                        "bot",
                        "reasoning",
                        "context",
                        "instruction",
                        "backstory",
                        "activity",
                        "checkpoint",
                    ),
                    open=True,
                ),
                required=True,
                description="Who or what a message comes from.",
            ),
            "text": Field(
                name="text",
                attribute="text",
                schema=Schema(kind="string"),
                required=True,
                description="",
            ),
            "entities": Field(
                name="entities",
                attribute="entities",
                schema=Schema(kind="array", items=Schema(kind="model", model="Entity")),
                required=False,
                description="",
            ),
            "name": Field(
                name="name",
                attribute="name",
                schema=Schema(kind="string"),
                required=False,
                description="",
            ),
            "description": Field(
                name="description",
                attribute="description",
                schema=Schema(kind="string"),
                required=False,
                description="",
            ),
            "meta": Field(
                name="meta",
                attribute="meta",
                schema=Schema(kind="model", model="Meta"),
                required=False,
                description="Free-form meta data.",
            ),
        },
        description="",
    ),
    "MessageCreateResult": Model(
        name="MessageCreateResult",
        fields={
            "id": Field(
                name="id",
                attribute="id",
                schema=Schema(kind="string"),
                required=True,
                description="",
            ),
            "entities": Field(
                name="entities",
                attribute="entities",
                schema=Schema(kind="array", items=Schema(kind="model", model="Entity")),
                required=True,
                description="",
            ),
        },
        description="",
    ),
    "MessageEvent": Model(
        name="MessageEvent",
        fields={
            "type": Field(
                name="type",
                attribute="type_",
                schema=Schema(kind="enum", values=("message",)),
                required=True,
                description="",
            ),
            "data": Field(
                name="data",
                attribute="data",
                schema=Schema(kind="model", model="Message"),
                required=True,
                description="A message given to or produced by a completion.",
            ),
        },
        description="",
    ),
    "MessageUpdateRequest": Model(
        name="MessageUpdateRequest",
        fields={
            "type": Field(
                name="type",
                attribute="type_",
                schema=Schema(
                    kind="enum",
                    values=(
                        "user",
                        "bot",
                        "reasoning",
                        "context",
                        "instruction",
                        "backstory",
                        "activity",
                        "checkpoint",
                    ),
                    open=True,
                ),
                required=False,
                description="Who or what a message comes from.",
            ),
            "text": Field(
                name="text",
                attribute="text",
                schema=Schema(kind="string"),
                required=False,
                description="",
            ),
            "entities": Field(
                name="entities",
                attribute="entities",
                schema=Schema(kind="array", items=Schema(kind="model", model="Entity")),
                required=False,
                description="",
            ),
            "name": Field(
                name="name",
                attribute="name",
                schema=Schema(kind="string"),
                required=False,
                description="",
            ),
            "description": Field(
                name="description",
                attribute="description",
                schema=Schema(kind="string"),
                required=False,
                description="",
            ),
            "meta": Field(
                name="meta",
                attribute="meta",
                schema=Schema(kind="model", model="Meta"),
                required=False,
                description="Free-form meta data.",
            ),
        },
        description="",
    ),
    "Meta": Model(
        name="Meta",
        fields={},
        description="Free-form meta data.",
        extra=Schema(kind="any"),
    ),
    "MetaFilter": Model(
        name="MetaFilter",
        fields={},
        description="Meta data key/value pairs to match.",
        extra=Schema(kind="string"),
    ),
    "ModelUsage": Model(
        name="ModelUsage",
        fields={
            "model": Field(
                name="model",
                attribute="model",
                schema=Schema(kind="string"),
                required=True,
                description="",
            ),
            "inputTokensUsed": Field(
                name="inputTokensUsed",
                attribute="input_tokens_used",
                schema=Schema(kind="number"),
                required=True,
                description="",
            ),
            "outputTokensUsed": Field(
                name="outputTokensUsed",
                attribute="output_tokens_used",
                schema=Schema(kind="number"),
                required=True,
                description="",
            ),
        },
        description="Tokens one model call consumed.",
    ),
    "ReasoningTokenEvent": Model(
        name="ReasoningTokenEvent",
        fields={
            "type": Field(
                name="type",
                attribute="type_",
                schema=Schema(kind="enum", values=("reasoningToken",)),
                required=True,
                description="",
            ),
            "data": Field(
                name="data",
                attribute="data",
                schema=Schema(kind="model", model="TokenData"),
                required=True,
                description="",
            ),
        },
        description="",
    ),
    "ReceiveRequest": Model(
        name="ReceiveRequest",
        fields={
            "functions": Field(
                name="functions",
                attribute="functions",
                schema=Schema(
                    kind="array", items=Schema(kind="model", model="FunctionDefinition")
                ),
                required=False,
                description="Functions the bot may call during the completion.",
            ),
            "extensions": Field(
                name="extensions",
                attribute="extensions",
                schema=Schema(kind="model", model="ExtensionsDefinition"),
                required=False,
                description="Extra backstory, data and abilities for this completion only.",
            ),
        },
        description="",
    ),
    "ReceiveResult": Model(
        name="ReceiveResult",
        fields={
            "id": Field(
                name="id",
                attribute="id",
                schema=Schema(kind="string"),
                required=True,
                description="The stored reply's ID.",
            ),
            "text": Field(
                name="text",
                attribute="text",
                schema=Schema(kind="string"),
                required=True,
                description="",
            ),
            "usage": Field(
                name="usage",
                attribute="usage",
                schema=Schema(kind="model", model="Usage"),
                required=True,
                description="Tokens spent on one exchange.",
            ),
        },
        description="",
    ),
    "ReceiveResultEvent": Model(
        name="ReceiveResultEvent",
        fields={
            "type": Field(
                name="type",
                attribute="type_",
                schema=Schema(kind="enum", values=("result",)),
                required=True,
                description="",
            ),
            "data": Field(
                name="data",
                attribute="data",
                schema=Schema(kind="model", model="ReceiveResult"),
                required=True,
                description="",
            ),
        },
        description="",
    ),
    "SendRequest": Model(
        name="SendRequest",
        fields={
            "text": Field(
                name="text",
                attribute="text",
                schema=Schema(kind="string"),
                required=True,
                description="",
            ),
            "entities": Field(
                name="entities",
                attribute="entities",
                schema=Schema(kind="array", items=Schema(kind="model", model="Entity")),
                required=False,
                description="",
            ),
            "functions": Field(
                name="functions",
                attribute="functions",
                schema=Schema(
                    kind="array", items=Schema(kind="model", model="FunctionDefinition")
                ),
                required=False,
                description="Functions the bot may call during the completion.",
            ),
            "extensions": Field(
                name="extensions",
                attribute="extensions",
                schema=Schema(kind="model", model="ExtensionsDefinition"),
                required=False,
                description="Extra backstory, data and abilities for this completion only.",
            ),
        },
        description="",
    ),
    "SendResult": Model(
        name="SendResult",
        fields={
            "id": Field(
                name="id",
                attribute="id",
                schema=Schema(kind="string"),
                required=True,
                description="The stored message's ID.",
            ),
            "entities": Field(
                name="entities",
                attribute="entities",
                schema=Schema(kind="array", items=Schema(kind="model", model="Entity")),
                required=True,
                description="",
            ),
        },
        description="",
    ),
    "SendResultEvent": Model(
        name="SendResultEvent",
        fields={
            "type": Field(
                name="type",
                attribute="type_",
                schema=Schema(kind="enum", values=("result",)),
                required=True,
                description="",
            ),
            "data": Field(
                name="data",
                attribute="data",
                schema=Schema(kind="model", model="SendResult"),
                required=True,
                description="",
            ),
        },
        description="",
    ),
    "SessionCreateRequest": Model(
        name="SessionCreateRequest",
        fields={
            "durationInSeconds": Field(
                name="durationInSeconds",
                attribute="duration_in_seconds",
                schema=Schema(kind="number"),
                required=False,
                description="How long the token stays valid.",
            )
        },
        description="",
    ),
    "TokenData": Model(
        name="TokenData",
        fields={
            "token": Field(
                name="token",
                attribute="token",
                schema=Schema(kind="string"),
                required=True,
                description="",
            )
        },
        description="",
    ),
    "TokenEvent": Model(
        name="TokenEvent",
        fields={
            "type": Field(
                name="type",
                attribute="type_",
                schema=Schema(kind="enum", values=("token",)),
                required=True,
                description="",
            ),
            "data": Field(
                name="data",
                attribute="data",
                schema=Schema(kind="model", model="TokenData"),
                required=True,
                description="",
            ),
        },
        description="",
    ),
    "UploadRequest": Model(
        name="UploadRequest",
        fields={
            "method": Field(
                name="method",
                attribute="method",
                schema=Schema(kind="string"),
                required=True,
                description="",
            ),
            "url": Field(
                name="url",
                attribute="url",
                schema=Schema(kind="string"),
                required=True,
                description="",
            ),
            "headers": Field(
                name="headers",
                attribute="headers",
                schema=Schema(kind="map", items=Schema(kind="string")),
                required=True,
                description="",
            ),
        },
        description="Where to send the file's bytes. Send them exactly as described here, and without the API's own Authorization header.",
    ),
    "UpvoteRequest": Model(
        name="UpvoteRequest",
        fields={
            "value": Field(
                name="value",
                attribute="value",
                schema=Schema(kind="integer", minimum=1, maximum=100, default=100),
                required=False,
                description="",
            ),
            "reason": Field(
                name="reason",
                attribute="reason",
                schema=Schema(kind="string"),
                required=False,
                description="",
            ),
        },
        description="",
    ),
    "Usage": Model(
        name="Usage",
        fields={
            "token": Field(
                name="token",
                attribute="token",
                schema=Schema(kind="number"),
                required=True,
                description="",
            )
        },
        description="Tokens spent on one exchange.",
    ),
    "UsageEvent": Model(
        name="UsageEvent",
        fields={
            "type": Field(
                name="type",
                attribute="type_",
                schema=Schema(kind="enum", values=("usage",)),
                required=True,
                description="",
            ),
            "data": Field(
                name="data",
                attribute="data",
                schema=Schema(kind="model", model="ModelUsage"),
                required=True,
                description="Tokens one model call consumed.",
            ),
        },
        description="",
    ),
    "WaitForChannelMessageBeginEvent": Model(
        name="WaitForChannelMessageBeginEvent",
        fields={
            "type": Field(
                name="type",
                attribute="type_",
                schema=Schema(kind="enum", values=("waitForChannelMessageBegin",)),
                required=True,
                description="",
            ),
            "data": Field(
                name="data",
                attribute="data",
                schema=Schema(kind="model", model="EventData"),
                required=True,
                description="Event data with no fixed fields.",
            ),
        },
        description="",
    ),
    "WaitForChannelMessageEndEvent": Model(
        name="WaitForChannelMessageEndEvent",
        fields={
            "type": Field(
                name="type",
                attribute="type_",
                schema=Schema(kind="enum", values=("waitForChannelMessageEnd",)),
                required=True,
                description="",
            ),
            "data": Field(
                name="data",
                attribute="data",
                schema=Schema(kind="model", model="EventData"),
                required=True,
                description="Event data with no fixed fields.",
            ),
        },
        description="",
    ),
}

__all__ = ["MODELS", "OPERATIONS", "Field", "Model", "Operation", "Parameter", "Schema"]
