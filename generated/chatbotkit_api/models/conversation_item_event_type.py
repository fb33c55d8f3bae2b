from typing import Literal

ConversationItemEventType = Literal["item"]

CONVERSATION_ITEM_EVENT_TYPE_VALUES: set[ConversationItemEventType] = {
    "item",
}


def check_conversation_item_event_type(value: str) -> ConversationItemEventType:
    if value in CONVERSATION_ITEM_EVENT_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {CONVERSATION_ITEM_EVENT_TYPE_VALUES!r}"
    )
