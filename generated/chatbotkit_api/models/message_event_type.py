from typing import Literal, TypeAlias

MessageEventType: TypeAlias = Literal["message"]

MESSAGE_EVENT_TYPE_VALUES: frozenset[str] = frozenset(
    {
        "message",
    }
)
"""The values this release knows."""


def check_message_event_type(value: str) -> MessageEventType:
    if value in MESSAGE_EVENT_TYPE_VALUES:
        return value  # type: ignore[return-value]
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {sorted(MESSAGE_EVENT_TYPE_VALUES)!r}"
    )
