"""For every operation that can stream, the union of the events its stream yields.

Written by ``scripts/generate.py`` from ``openapi/conversation.yaml``; never edit by hand.
"""

from __future__ import annotations

from typing import TypeAlias

from .models.abort_event import AbortEvent
from .models.complete_begin_event import CompleteBeginEvent
from .models.complete_end_event import CompleteEndEvent
from .models.complete_result_event import CompleteResultEvent
from .models.conversation_complete_result_event import ConversationCompleteResultEvent
from .models.conversation_item_event import ConversationItemEvent
from .models.conversation_message_item_event import ConversationMessageItemEvent
from .models.message_event import MessageEvent
from .models.reasoning_token_event import ReasoningTokenEvent
from .models.receive_result_event import ReceiveResultEvent
from .models.send_result_event import SendResultEvent
from .models.token_event import TokenEvent
from .models.usage_event import UsageEvent
from .models.wait_for_channel_message_begin_event import WaitForChannelMessageBeginEvent
from .models.wait_for_channel_message_end_event import WaitForChannelMessageEndEvent

CompleteConversationEvent: TypeAlias = (
    CompleteResultEvent
    | TokenEvent
    | ReasoningTokenEvent
    | MessageEvent
    | UsageEvent
    | CompleteBeginEvent
    | CompleteEndEvent
    | WaitForChannelMessageBeginEvent
    | WaitForChannelMessageEndEvent
    | AbortEvent
)
CompleteConversationMessageEvent: TypeAlias = (
    ConversationCompleteResultEvent
    | TokenEvent
    | ReasoningTokenEvent
    | MessageEvent
    | UsageEvent
    | CompleteBeginEvent
    | CompleteEndEvent
    | WaitForChannelMessageBeginEvent
    | WaitForChannelMessageEndEvent
    | AbortEvent
)
ExportConversationsEvent: TypeAlias = ConversationItemEvent
ListConversationMessagesEvent: TypeAlias = ConversationMessageItemEvent
ListConversationsEvent: TypeAlias = ConversationItemEvent
ReceiveConversationMessageEvent: TypeAlias = (
    ReceiveResultEvent
    | TokenEvent
    | ReasoningTokenEvent
    | MessageEvent
    | UsageEvent
    | CompleteBeginEvent
    | CompleteEndEvent
    | WaitForChannelMessageBeginEvent
    | WaitForChannelMessageEndEvent
    | AbortEvent
)
SendConversationMessageEvent: TypeAlias = (
    SendResultEvent
    | TokenEvent
    | ReasoningTokenEvent
    | MessageEvent
    | UsageEvent
    | CompleteBeginEvent
    | CompleteEndEvent
    | WaitForChannelMessageBeginEvent
    | WaitForChannelMessageEndEvent
    | AbortEvent
)
#: Every event any stream yields.
AnyStreamEvent: TypeAlias = (
    ConversationItemEvent
    | CompleteResultEvent
    | TokenEvent
    | ReasoningTokenEvent
    | MessageEvent
    | UsageEvent
    | CompleteBeginEvent
    | CompleteEndEvent
    | WaitForChannelMessageBeginEvent
    | WaitForChannelMessageEndEvent
    | AbortEvent
    | ConversationCompleteResultEvent
    | SendResultEvent
    | ReceiveResultEvent
    | ConversationMessageItemEvent
)

__all__ = [
    "AnyStreamEvent",
    "CompleteConversationEvent",
    "CompleteConversationMessageEvent",
    "ExportConversationsEvent",
    "ListConversationMessagesEvent",
    "ListConversationsEvent",
    "ReceiveConversationMessageEvent",
    "SendConversationMessageEvent",
]
