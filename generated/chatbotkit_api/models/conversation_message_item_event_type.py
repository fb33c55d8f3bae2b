from typing import Literal, TypeAlias

ConversationMessageItemEventType: TypeAlias = Literal["item"]

CONVERSATION_MESSAGE_ITEM_EVENT_TYPE_VALUES: frozenset[str] = frozenset(
    {
        "item",
    }
)
"""The values this release knows."""


def check_conversation_message_item_event_type(
    value: str,
) -> ConversationMessageItemEventType:
    if value in CONVERSATION_MESSAGE_ITEM_EVENT_TYPE_VALUES:
        return value  # type: ignore[return-value]
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {sorted(CONVERSATION_MESSAGE_ITEM_EVENT_TYPE_VALUES)!r}"
    )
