"""Every data model of the API, loaded on first use.

Importing this package costs almost nothing: each name is imported from its own
module the first time it is looked up (PEP 562 module ``__getattr__``), so an
application that touches three models does not pay for all of them.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .abort import Abort
    from .abort_event import AbortEvent
    from .abort_event_type import AbortEventType
    from .attachment import Attachment
    from .attachment_file import AttachmentFile
    from .attachment_upload_request import AttachmentUploadRequest
    from .attachment_upload_result import AttachmentUploadResult
    from .bot_config import BotConfig
    from .bot_ref import BotRef
    from .compact_request import CompactRequest
    from .compact_result import CompactResult
    from .complete_begin_event import CompleteBeginEvent
    from .complete_begin_event_type import CompleteBeginEventType
    from .complete_end import CompleteEnd
    from .complete_end_event import CompleteEndEvent
    from .complete_end_event_type import CompleteEndEventType
    from .complete_reason import CompleteReason
    from .complete_request import CompleteRequest
    from .complete_result import CompleteResult
    from .complete_result_event import CompleteResultEvent
    from .complete_result_event_type import CompleteResultEventType
    from .contact_details import ContactDetails
    from .contact_upsert_request import ContactUpsertRequest
    from .conversation import Conversation
    from .conversation_attachment import ConversationAttachment
    from .conversation_attachment_page import ConversationAttachmentPage
    from .conversation_compact_result import ConversationCompactResult
    from .conversation_complete_request import ConversationCompleteRequest
    from .conversation_complete_result import ConversationCompleteResult
    from .conversation_complete_result_event import ConversationCompleteResultEvent
    from .conversation_complete_result_event_type import (
        ConversationCompleteResultEventType,
    )
    from .conversation_create_request import ConversationCreateRequest
    from .conversation_create_result import ConversationCreateResult
    from .conversation_dispatch_request import ConversationDispatchRequest
    from .conversation_item_event import ConversationItemEvent
    from .conversation_item_event_type import ConversationItemEventType
    from .conversation_message import ConversationMessage
    from .conversation_message_item_event import ConversationMessageItemEvent
    from .conversation_message_item_event_type import ConversationMessageItemEventType
    from .conversation_message_page import ConversationMessagePage
    from .conversation_page import ConversationPage
    from .conversation_session import ConversationSession
    from .conversation_update_request import ConversationUpdateRequest
    from .conversation_usage import ConversationUsage
    from .dispatch_request import DispatchRequest
    from .dispatch_result import DispatchResult
    from .downvote_request import DownvoteRequest
    from .empty_request import EmptyRequest
    from .entity import Entity
    from .entity_replacement import EntityReplacement
    from .error import Error
    from .error_event import ErrorEvent
    from .error_event_data import ErrorEventData
    from .error_event_type import ErrorEventType
    from .event_data import EventData
    from .execution_limits import ExecutionLimits
    from .extension_ability import ExtensionAbility
    from .extension_dataset import ExtensionDataset
    from .extension_dataset_record import ExtensionDatasetRecord
    from .extension_feature import ExtensionFeature
    from .extension_feature_options import ExtensionFeatureOptions
    from .extension_skillset import ExtensionSkillset
    from .extensions_definition import ExtensionsDefinition
    from .function_call import FunctionCall
    from .function_definition import FunctionDefinition
    from .function_parameters import FunctionParameters
    from .function_parameters_properties import FunctionParametersProperties
    from .function_parameters_type import FunctionParametersType
    from .function_result_channel import FunctionResultChannel
    from .function_result_data import FunctionResultData
    from .id_result import IdResult
    from .initial_message import InitialMessage
    from .listed_conversation import ListedConversation
    from .message import Message
    from .message_create_request import MessageCreateRequest
    from .message_create_result import MessageCreateResult
    from .message_event import MessageEvent
    from .message_event_type import MessageEventType
    from .message_type import MessageType
    from .message_update_request import MessageUpdateRequest
    from .meta import Meta
    from .meta_filter import MetaFilter
    from .model_usage import ModelUsage
    from .reasoning_token_event import ReasoningTokenEvent
    from .reasoning_token_event_type import ReasoningTokenEventType
    from .receive_request import ReceiveRequest
    from .receive_result import ReceiveResult
    from .receive_result_event import ReceiveResultEvent
    from .receive_result_event_type import ReceiveResultEventType
    from .send_request import SendRequest
    from .send_result import SendResult
    from .send_result_event import SendResultEvent
    from .send_result_event_type import SendResultEventType
    from .session_create_request import SessionCreateRequest
    from .sort_order import SortOrder
    from .token_data import TokenData
    from .token_event import TokenEvent
    from .token_event_type import TokenEventType
    from .upload_request import UploadRequest
    from .upload_request_headers import UploadRequestHeaders
    from .upvote_request import UpvoteRequest
    from .usage import Usage
    from .usage_event import UsageEvent
    from .usage_event_type import UsageEventType
    from .wait_for_channel_message_begin_event import WaitForChannelMessageBeginEvent
    from .wait_for_channel_message_begin_event_type import (
        WaitForChannelMessageBeginEventType,
    )
    from .wait_for_channel_message_end_event import WaitForChannelMessageEndEvent
    from .wait_for_channel_message_end_event_type import (
        WaitForChannelMessageEndEventType,
    )

_MODULE_OF: dict[str, str] = {
    "Abort": ".abort",
    "AbortEvent": ".abort_event",
    "AbortEventType": ".abort_event_type",
    "Attachment": ".attachment",
    "AttachmentFile": ".attachment_file",
    "AttachmentUploadRequest": ".attachment_upload_request",
    "AttachmentUploadResult": ".attachment_upload_result",
    "BotConfig": ".bot_config",
    "BotRef": ".bot_ref",
    "CompactRequest": ".compact_request",
    "CompactResult": ".compact_result",
    "CompleteBeginEvent": ".complete_begin_event",
    "CompleteBeginEventType": ".complete_begin_event_type",
    "CompleteEnd": ".complete_end",
    "CompleteEndEvent": ".complete_end_event",
    "CompleteEndEventType": ".complete_end_event_type",
    "CompleteReason": ".complete_reason",
    "CompleteRequest": ".complete_request",
    "CompleteResult": ".complete_result",
    "CompleteResultEvent": ".complete_result_event",
    "CompleteResultEventType": ".complete_result_event_type",
    "ContactDetails": ".contact_details",
    "ContactUpsertRequest": ".contact_upsert_request",
    "Conversation": ".conversation",
    "ConversationAttachment": ".conversation_attachment",
    "ConversationAttachmentPage": ".conversation_attachment_page",
    "ConversationCompactResult": ".conversation_compact_result",
    "ConversationCompleteRequest": ".conversation_complete_request",
    "ConversationCompleteResult": ".conversation_complete_result",
    "ConversationCompleteResultEvent": ".conversation_complete_result_event",
    "ConversationCompleteResultEventType": ".conversation_complete_result_event_type",
    "ConversationCreateRequest": ".conversation_create_request",
    "ConversationCreateResult": ".conversation_create_result",
    "ConversationDispatchRequest": ".conversation_dispatch_request",
    "ConversationItemEvent": ".conversation_item_event",
    "ConversationItemEventType": ".conversation_item_event_type",
    "ConversationMessage": ".conversation_message",
    "ConversationMessageItemEvent": ".conversation_message_item_event",
    "ConversationMessageItemEventType": ".conversation_message_item_event_type",
    "ConversationMessagePage": ".conversation_message_page",
    "ConversationPage": ".conversation_page",
    "ConversationSession": ".conversation_session",
    "ConversationUpdateRequest": ".conversation_update_request",
    "ConversationUsage": ".conversation_usage",
    "DispatchRequest": ".dispatch_request",
    "DispatchResult": ".dispatch_result",
    "DownvoteRequest": ".downvote_request",
    "EmptyRequest": ".empty_request",
    "Entity": ".entity",
    "EntityReplacement": ".entity_replacement",
    "Error": ".error",
    "ErrorEvent": ".error_event",
    "ErrorEventData": ".error_event_data",
    "ErrorEventType": ".error_event_type",
    "EventData": ".event_data",
    "ExecutionLimits": ".execution_limits",
    "ExtensionAbility": ".extension_ability",
    "ExtensionDataset": ".extension_dataset",
    "ExtensionDatasetRecord": ".extension_dataset_record",
    "ExtensionFeature": ".extension_feature",
    "ExtensionFeatureOptions": ".extension_feature_options",
    "ExtensionSkillset": ".extension_skillset",
    "ExtensionsDefinition": ".extensions_definition",
    "FunctionCall": ".function_call",
    "FunctionDefinition": ".function_definition",
    "FunctionParameters": ".function_parameters",
    "FunctionParametersProperties": ".function_parameters_properties",
    "FunctionParametersType": ".function_parameters_type",
    "FunctionResultChannel": ".function_result_channel",
    "FunctionResultData": ".function_result_data",
    "IdResult": ".id_result",
    "InitialMessage": ".initial_message",
    "ListedConversation": ".listed_conversation",
    "Message": ".message",
    "MessageCreateRequest": ".message_create_request",
    "MessageCreateResult": ".message_create_result",
    "MessageEvent": ".message_event",
    "MessageEventType": ".message_event_type",
    "MessageType": ".message_type",
    "MessageUpdateRequest": ".message_update_request",
    "Meta": ".meta",
    "MetaFilter": ".meta_filter",
    "ModelUsage": ".model_usage",
    "ReasoningTokenEvent": ".reasoning_token_event",
    "ReasoningTokenEventType": ".reasoning_token_event_type",
    "ReceiveRequest": ".receive_request",
    "ReceiveResult": ".receive_result",
    "ReceiveResultEvent": ".receive_result_event",
    "ReceiveResultEventType": ".receive_result_event_type",
    "SendRequest": ".send_request",
    "SendResult": ".send_result",
    "SendResultEvent": ".send_result_event",
    "SendResultEventType": ".send_result_event_type",
    "SessionCreateRequest": ".session_create_request",
    "SortOrder": ".sort_order",
    "TokenData": ".token_data",
    "TokenEvent": ".token_event",
    "TokenEventType": ".token_event_type",
    "UploadRequest": ".upload_request",
    "UploadRequestHeaders": ".upload_request_headers",
    "UpvoteRequest": ".upvote_request",
    "Usage": ".usage",
    "UsageEvent": ".usage_event",
    "UsageEventType": ".usage_event_type",
    "WaitForChannelMessageBeginEvent": ".wait_for_channel_message_begin_event",
    "WaitForChannelMessageBeginEventType": ".wait_for_channel_message_begin_event_type",
    "WaitForChannelMessageEndEvent": ".wait_for_channel_message_end_event",
    "WaitForChannelMessageEndEventType": ".wait_for_channel_message_end_event_type",
}

__all__ = (
    "Abort",
    "AbortEvent",
    "AbortEventType",
    "Attachment",
    "AttachmentFile",
    "AttachmentUploadRequest",
    "AttachmentUploadResult",
    "BotConfig",
    "BotRef",
    "CompactRequest",
    "CompactResult",
    "CompleteBeginEvent",
    "CompleteBeginEventType",
    "CompleteEnd",
    "CompleteEndEvent",
    "CompleteEndEventType",
    "CompleteReason",
    "CompleteRequest",
    "CompleteResult",
    "CompleteResultEvent",
    "CompleteResultEventType",
    "ContactDetails",
    "ContactUpsertRequest",
    "Conversation",
    "ConversationAttachment",
    "ConversationAttachmentPage",
    "ConversationCompactResult",
    "ConversationCompleteRequest",
    "ConversationCompleteResult",
    "ConversationCompleteResultEvent",
    "ConversationCompleteResultEventType",
    "ConversationCreateRequest",
    "ConversationCreateResult",
    "ConversationDispatchRequest",
    "ConversationItemEvent",
    "ConversationItemEventType",
    "ConversationMessage",
    "ConversationMessageItemEvent",
    "ConversationMessageItemEventType",
    "ConversationMessagePage",
    "ConversationPage",
    "ConversationSession",
    "ConversationUpdateRequest",
    "ConversationUsage",
    "DispatchRequest",
    "DispatchResult",
    "DownvoteRequest",
    "EmptyRequest",
    "Entity",
    "EntityReplacement",
    "Error",
    "ErrorEvent",
    "ErrorEventData",
    "ErrorEventType",
    "EventData",
    "ExecutionLimits",
    "ExtensionAbility",
    "ExtensionDataset",
    "ExtensionDatasetRecord",
    "ExtensionFeature",
    "ExtensionFeatureOptions",
    "ExtensionSkillset",
    "ExtensionsDefinition",
    "FunctionCall",
    "FunctionDefinition",
    "FunctionParameters",
    "FunctionParametersProperties",
    "FunctionParametersType",
    "FunctionResultChannel",
    "FunctionResultData",
    "IdResult",
    "InitialMessage",
    "ListedConversation",
    "Message",
    "MessageCreateRequest",
    "MessageCreateResult",
    "MessageEvent",
    "MessageEventType",
    "MessageType",
    "MessageUpdateRequest",
    "Meta",
    "MetaFilter",
    "ModelUsage",
    "ReasoningTokenEvent",
    "ReasoningTokenEventType",
    "ReceiveRequest",
    "ReceiveResult",
    "ReceiveResultEvent",
    "ReceiveResultEventType",
    "SendRequest",
    "SendResult",
    "SendResultEvent",
    "SendResultEventType",
    "SessionCreateRequest",
    "SortOrder",
    "TokenData",
    "TokenEvent",
    "TokenEventType",
    "UploadRequest",
    "UploadRequestHeaders",
    "UpvoteRequest",
    "Usage",
    "UsageEvent",
    "UsageEventType",
    "WaitForChannelMessageBeginEvent",
    "WaitForChannelMessageBeginEventType",
    "WaitForChannelMessageEndEvent",
    "WaitForChannelMessageEndEventType",
)


if (
    not TYPE_CHECKING
):  # type checkers see the real names above, so a misspelt one is an error

    def __getattr__(name: str) -> Any:
        try:
            module_name = _MODULE_OF[name]
        except KeyError:
            raise AttributeError(
                f"module {__name__!r} has no attribute {name!r}"
            ) from None
        value = getattr(importlib.import_module(module_name, __name__), name)
        globals()[name] = value
        return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
