"""Dict-literal types of every request body and query (mypy and pyright check the keys).

Written by ``scripts/generate.py`` from ``openapi/conversation.yaml``; never edit by hand.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from typing import Any, Literal, NotRequired, TypedDict

from .types import UnknownValue


class ConversationCreateRequestParam(TypedDict):
    """A ConversationCreateRequest."""

    botId: NotRequired[str]
    model: NotRequired[str]
    """A model name, optionally with settings, e.g. gpt-5.4 or name/key=value."""
    backstory: NotRequired[str]
    datasetId: NotRequired[str]
    skillsetId: NotRequired[str]
    privacy: NotRequired[bool]
    moderation: NotRequired[bool]
    name: NotRequired[str]
    description: NotRequired[str]
    meta: NotRequired[Mapping[str, Any]]
    """Free-form meta data."""
    contactId: NotRequired[str]
    taskId: NotRequired[str]
    spaceId: NotRequired[str]
    messages: NotRequired[Sequence[InitialMessageParam]]


class InitialMessageParam(TypedDict):
    """A message a conversation is created with."""

    type: (
        Literal[
            "user",
            "bot",
            "reasoning",
            "context",
            "instruction",
            "backstory",
            "activity",
            "checkpoint",
        ]
        | UnknownValue
    )
    """Who or what a message comes from."""
    text: str


class CompleteRequestParam(TypedDict):
    """A CompleteRequest."""

    botId: NotRequired[str]
    model: NotRequired[str]
    """A model name, optionally with settings, e.g. gpt-5.4 or name/key=value."""
    backstory: NotRequired[str]
    datasetId: NotRequired[str]
    skillsetId: NotRequired[str]
    privacy: NotRequired[bool]
    moderation: NotRequired[bool]
    messages: Sequence[MessageParam]
    attachments: NotRequired[Sequence[AttachmentParam]]
    contactId: NotRequired[str | ContactDetailsParam]
    """An existing contact's ID, or a contact to find or create."""
    functions: NotRequired[Sequence[FunctionDefinitionParam]]
    """Functions the bot may call during the completion."""
    extensions: NotRequired[ExtensionsDefinitionParam]
    """Extra backstory, data and abilities for this completion only."""
    limits: NotRequired[ExecutionLimitsParam]
    """Bounds on one completion's agentic work."""


class MessageParam(TypedDict):
    """A message given to or produced by a completion."""

    type: (
        Literal[
            "user",
            "bot",
            "reasoning",
            "context",
            "instruction",
            "backstory",
            "activity",
            "checkpoint",
        ]
        | UnknownValue
    )
    """Who or what a message comes from."""
    text: str
    meta: NotRequired[Mapping[str, Any]]
    """Free-form meta data."""


class AttachmentParam(TypedDict):
    """A file, by URL, to add to a stateless completion."""

    url: NotRequired[str]


class ContactDetailsParam(TypedDict):
    """A contact to find by fingerprint, or create."""

    fingerprint: str
    name: NotRequired[str]
    description: NotRequired[str]
    email: NotRequired[str]
    phone: NotRequired[str]
    nick: NotRequired[str]
    meta: NotRequired[Mapping[str, Any]]
    """Free-form meta data."""


class FunctionDefinitionParam(TypedDict):
    """A FunctionDefinition."""

    name: str
    """A JavaScript identifier, at most 64 characters."""
    description: str
    parameters: FunctionParametersParam
    """A JSON Schema object describing the function's arguments."""
    result: NotRequired[FunctionResultDataParam | FunctionResultChannelParam]
    """A result known in advance, or the channel on which it will arrive."""
    call: NotRequired[FunctionCallParam]
    """When the function is called without the model asking."""


class FunctionParametersParam(TypedDict):
    """A JSON Schema object describing the function's arguments."""

    type: Literal["object"]
    properties: Mapping[str, Any]
    required: NotRequired[Sequence[str]]


class FunctionResultDataParam(TypedDict):
    """A FunctionResultData."""

    data: Any
    """The function's result, any JSON value."""


class FunctionResultChannelParam(TypedDict):
    """A FunctionResultChannel."""

    channel: str
    """Channel on which the result will be streamed."""


class FunctionCallParam(TypedDict):
    """When the function is called without the model asking."""

    start: NotRequired[bool]
    """Call it when the conversation starts."""
    end: NotRequired[bool]
    """Call it when the conversation ends."""


class ExtensionsDefinitionParam(TypedDict):
    """Extra backstory, data and abilities for this completion only."""

    backstory: NotRequired[str]
    datasets: NotRequired[Sequence[ExtensionDatasetParam]]
    skillsets: NotRequired[Sequence[ExtensionSkillsetParam]]
    features: NotRequired[Sequence[ExtensionFeatureParam]]


class ExtensionDatasetParam(TypedDict):
    """A ExtensionDataset."""

    name: NotRequired[str]
    description: NotRequired[str]
    records: Sequence[ExtensionDatasetRecordParam]


class ExtensionDatasetRecordParam(TypedDict):
    """A ExtensionDatasetRecord."""

    text: str
    meta: NotRequired[Mapping[str, Any]]
    """Free-form meta data."""


class ExtensionSkillsetParam(TypedDict):
    """A ExtensionSkillset."""

    name: NotRequired[str]
    description: NotRequired[str]
    abilities: Sequence[ExtensionAbilityParam]


class ExtensionAbilityParam(TypedDict):
    """A ExtensionAbility."""

    name: str
    description: str
    instruction: str
    secretId: NotRequired[str]
    meta: NotRequired[Mapping[str, Any]]
    """Free-form meta data."""


class ExtensionFeatureParam(TypedDict):
    """A ExtensionFeature."""

    name: str
    options: NotRequired[Mapping[str, Any]]


class ExecutionLimitsParam(TypedDict):
    """Bounds on one completion's agentic work."""

    iterations: NotRequired[int]
    """Most tool-use iterations."""
    continuations: NotRequired[int]
    """Most continuations after a stop."""
    calls: NotRequired[int]
    """Most function calls in total."""


class DispatchRequestParam(TypedDict):
    """A DispatchRequest."""

    botId: NotRequired[str]
    model: NotRequired[str]
    """A model name, optionally with settings, e.g. gpt-5.4 or name/key=value."""
    backstory: NotRequired[str]
    datasetId: NotRequired[str]
    skillsetId: NotRequired[str]
    privacy: NotRequired[bool]
    moderation: NotRequired[bool]
    messages: Sequence[MessageParam]
    attachments: NotRequired[Sequence[AttachmentParam]]
    contactId: NotRequired[str | ContactDetailsParam]
    """An existing contact's ID, or a contact to find or create."""
    functions: NotRequired[Sequence[FunctionDefinitionParam]]
    """Functions the bot may call during the completion."""
    extensions: NotRequired[ExtensionsDefinitionParam]
    """Extra backstory, data and abilities for this completion only."""
    limits: NotRequired[ExecutionLimitsParam]
    """Bounds on one completion's agentic work."""
    channelId: NotRequired[str]
    """Your own channel ID, to deduplicate dispatches."""


class CompactRequestParam(TypedDict):
    """A CompactRequest."""

    botId: NotRequired[str]
    model: NotRequired[str]
    """A model name, optionally with settings, e.g. gpt-5.4 or name/key=value."""
    backstory: NotRequired[str]
    datasetId: NotRequired[str]
    skillsetId: NotRequired[str]
    privacy: NotRequired[bool]
    moderation: NotRequired[bool]
    messages: Sequence[MessageParam]
    extensions: NotRequired[ExtensionsDefinitionParam]
    """Extra backstory, data and abilities for this completion only."""


class ConversationUpdateRequestParam(TypedDict):
    """A ConversationUpdateRequest."""

    botId: NotRequired[str]
    model: NotRequired[str]
    """A model name, optionally with settings, e.g. gpt-5.4 or name/key=value."""
    backstory: NotRequired[str]
    datasetId: NotRequired[str]
    skillsetId: NotRequired[str]
    privacy: NotRequired[bool]
    moderation: NotRequired[bool]
    name: NotRequired[str]
    description: NotRequired[str]
    meta: NotRequired[Mapping[str, Any]]
    """Free-form meta data."""
    contactId: NotRequired[str]
    taskId: NotRequired[str]
    spaceId: NotRequired[str]


class ConversationCompleteRequestParam(TypedDict):
    """A ConversationCompleteRequest."""

    text: NotRequired[str]
    """The user's message; omit to let the bot continue."""
    entities: NotRequired[Sequence[EntityParam]]
    functions: NotRequired[Sequence[FunctionDefinitionParam]]
    """Functions the bot may call during the completion."""
    extensions: NotRequired[ExtensionsDefinitionParam]
    """Extra backstory, data and abilities for this completion only."""
    limits: NotRequired[ExecutionLimitsParam]
    """Bounds on one completion's agentic work."""


class EntityParam(TypedDict):
    """An entity found in a message's text."""

    type: str
    """The kind of entity."""
    begin: float
    """Offset where the entity starts."""
    end: float
    """Offset where the entity ends."""
    text: str
    """The entity as written."""
    replacement: NotRequired[EntityReplacementParam]
    """What replaced an entity in the stored text."""


class EntityReplacementParam(TypedDict):
    """What replaced an entity in the stored text."""

    begin: float
    end: float
    text: str


class ConversationDispatchRequestParam(TypedDict):
    """A ConversationDispatchRequest."""

    text: NotRequired[str]
    """The user's message; omit to let the bot continue."""
    entities: NotRequired[Sequence[EntityParam]]
    functions: NotRequired[Sequence[FunctionDefinitionParam]]
    """Functions the bot may call during the completion."""
    extensions: NotRequired[ExtensionsDefinitionParam]
    """Extra backstory, data and abilities for this completion only."""
    limits: NotRequired[ExecutionLimitsParam]
    """Bounds on one completion's agentic work."""
    channelId: NotRequired[str]
    """Your own channel ID, to deduplicate dispatches."""


class SendRequestParam(TypedDict):
    """A SendRequest."""

    text: str
    entities: NotRequired[Sequence[EntityParam]]
    functions: NotRequired[Sequence[FunctionDefinitionParam]]
    """Functions the bot may call during the completion."""
    extensions: NotRequired[ExtensionsDefinitionParam]
    """Extra backstory, data and abilities for this completion only."""


class ReceiveRequestParam(TypedDict):
    """A ReceiveRequest."""

    functions: NotRequired[Sequence[FunctionDefinitionParam]]
    """Functions the bot may call during the completion."""
    extensions: NotRequired[ExtensionsDefinitionParam]
    """Extra backstory, data and abilities for this completion only."""


class UpvoteRequestParam(TypedDict):
    """A UpvoteRequest."""

    value: NotRequired[int]
    reason: NotRequired[str]


class DownvoteRequestParam(TypedDict):
    """A DownvoteRequest."""

    value: NotRequired[int]
    reason: NotRequired[str]


class MessageCreateRequestParam(TypedDict):
    """A MessageCreateRequest."""

    type: (
        Literal[
            "user",
            "bot",
            "reasoning",
            "context",
            "instruction",
            "backstory",
            "activity",
            "checkpoint",
        ]
        | UnknownValue
    )
    """Who or what a message comes from."""
    text: str
    entities: NotRequired[Sequence[EntityParam]]
    name: NotRequired[str]
    description: NotRequired[str]
    meta: NotRequired[Mapping[str, Any]]
    """Free-form meta data."""


class MessageUpdateRequestParam(TypedDict):
    """A MessageUpdateRequest."""

    type: NotRequired[
        Literal[
            "user",
            "bot",
            "reasoning",
            "context",
            "instruction",
            "backstory",
            "activity",
            "checkpoint",
        ]
        | UnknownValue
    ]
    """Who or what a message comes from."""
    text: NotRequired[str]
    entities: NotRequired[Sequence[EntityParam]]
    name: NotRequired[str]
    description: NotRequired[str]
    meta: NotRequired[Mapping[str, Any]]
    """Free-form meta data."""


class SessionCreateRequestParam(TypedDict):
    """A SessionCreateRequest."""

    durationInSeconds: NotRequired[float]
    """How long the token stays valid."""


class AttachmentUploadRequestParam(TypedDict):
    """A AttachmentUploadRequest."""

    file: str | AttachmentFileParam
    """The file as an http: or data: URL, or its metadata for a presigned upload."""


class AttachmentFileParam(TypedDict):
    """A AttachmentFile."""

    type: str
    """The MIME type."""
    size: float
    """Size in bytes."""
    name: NotRequired[str]


class ContactUpsertRequestParam(TypedDict):
    """A ContactUpsertRequest."""

    fingerprint: NotRequired[str]
    email: NotRequired[str]
    phone: NotRequired[str]
    nick: NotRequired[str]
    name: NotRequired[str]
    description: NotRequired[str]
    meta: NotRequired[Mapping[str, Any]]
    """Free-form meta data."""


class ListConversationsQuery(TypedDict):
    """The query of ``GET /conversation/list`` (listConversations)."""

    cursor: NotRequired[str]
    """Where the page starts; the `cursor` of the previous page."""
    order: NotRequired[Literal["asc", "desc"] | UnknownValue]
    """Newest first (`desc`, the default) or oldest first."""
    take: NotRequired[int]
    """How many items the page holds at most."""
    meta: NotRequired[Mapping[str, str]]
    """Only items whose meta data has these key/value pairs."""


class ExportConversationsQuery(TypedDict):
    """The query of ``GET /conversation/export`` (exportConversations)."""

    cursor: NotRequired[str]
    """Where the page starts; the `cursor` of the previous page."""
    order: NotRequired[Literal["asc", "desc"] | UnknownValue]
    """Newest first (`desc`, the default) or oldest first."""
    take: NotRequired[int]
    """How many items the page holds at most."""
    meta: NotRequired[Mapping[str, str]]
    """Only items whose meta data has these key/value pairs."""


FetchConversationUsageQuery = TypedDict(
    "FetchConversationUsageQuery",
    {
        "from": NotRequired[str | datetime.datetime | datetime.date],
        "to": NotRequired[str | datetime.datetime | datetime.date],
    },
)
"""The query of ``GET /conversation/{conversationId}/usage/fetch`` (fetchConversationUsage)."""


class ListConversationMessagesQuery(TypedDict):
    """The query of ``GET /conversation/{conversationId}/message/list`` (listConversationMessages)."""

    cursor: NotRequired[str]
    """Where the page starts; the `cursor` of the previous page."""
    order: NotRequired[Literal["asc", "desc"] | UnknownValue]
    """Newest first (`desc`, the default) or oldest first."""
    take: NotRequired[int]
    """How many items the page holds at most."""


class ListConversationAttachmentsQuery(TypedDict):
    """The query of ``GET /conversation/{conversationId}/attachment/list`` (listConversationAttachments)."""

    cursor: NotRequired[str]
    """Where the page starts; the `cursor` of the previous page."""
    take: NotRequired[int]
    """How many items the page holds at most."""


__all__ = [
    "AttachmentFileParam",
    "AttachmentParam",
    "AttachmentUploadRequestParam",
    "CompactRequestParam",
    "CompleteRequestParam",
    "ContactDetailsParam",
    "ContactUpsertRequestParam",
    "ConversationCompleteRequestParam",
    "ConversationCreateRequestParam",
    "ConversationDispatchRequestParam",
    "ConversationUpdateRequestParam",
    "DispatchRequestParam",
    "DownvoteRequestParam",
    "EntityParam",
    "EntityReplacementParam",
    "ExecutionLimitsParam",
    "ExportConversationsQuery",
    "ExtensionAbilityParam",
    "ExtensionDatasetParam",
    "ExtensionDatasetRecordParam",
    "ExtensionFeatureParam",
    "ExtensionSkillsetParam",
    "ExtensionsDefinitionParam",
    "FetchConversationUsageQuery",
    "FunctionCallParam",
    "FunctionDefinitionParam",
    "FunctionParametersParam",
    "FunctionResultChannelParam",
    "FunctionResultDataParam",
    "InitialMessageParam",
    "ListConversationAttachmentsQuery",
    "ListConversationMessagesQuery",
    "ListConversationsQuery",
    "MessageCreateRequestParam",
    "MessageParam",
    "MessageUpdateRequestParam",
    "ReceiveRequestParam",
    "SendRequestParam",
    "SessionCreateRequestParam",
    "UpvoteRequestParam",
]
