from typing import Literal, TypeAlias

ConversationItemEventType: TypeAlias = Literal["item"]

CONVERSATION_ITEM_EVENT_TYPE_VALUES: frozenset[str] = frozenset(
    {
        "item",
    }
)
"""The values this release knows."""


def check_conversation_item_event_type(value: str) -> ConversationItemEventType:
    if value in CONVERSATION_ITEM_EVENT_TYPE_VALUES:
        return value  # type: ignore[return-value]
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {sorted(CONVERSATION_ITEM_EVENT_TYPE_VALUES)!r}"
    )
