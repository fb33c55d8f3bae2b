from typing import Literal

ConversationMessageItemEventType = Literal["item"]

CONVERSATION_MESSAGE_ITEM_EVENT_TYPE_VALUES: set[ConversationMessageItemEventType] = {
    "item",
}


def check_conversation_message_item_event_type(
    value: str,
) -> ConversationMessageItemEventType:
    if value in CONVERSATION_MESSAGE_ITEM_EVENT_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {CONVERSATION_MESSAGE_ITEM_EVENT_TYPE_VALUES!r}"
    )
