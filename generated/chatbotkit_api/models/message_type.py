from typing import Literal, TypeAlias

from ..types import UnknownValue

MessageType: TypeAlias = (
    Literal[
        "activity",
        "backstory",
        "bot",
        "checkpoint",
        "context",
        "instruction",
        "reasoning",
        "user",
    ]
    | UnknownValue
)
"""Who or what a message comes from.

Open: besides the literals, an answer may hold an ``UnknownValue``, a value the API
added after this release (still a ``str``)."""

MESSAGE_TYPE_VALUES: frozenset[str] = frozenset(
    {
        "activity",
        "backstory",
        "bot",
        "checkpoint",
        "context",
        "instruction",
        "reasoning",
        "user",
    }
)
"""The values this release knows."""


def check_message_type(value: str) -> MessageType:
    if value in MESSAGE_TYPE_VALUES:
        return value  # type: ignore[return-value]
    if not isinstance(value, str):  # a newer value is still a string
        raise TypeError(f"Unexpected value {value!r}. Expected a string")
    return UnknownValue(value)
