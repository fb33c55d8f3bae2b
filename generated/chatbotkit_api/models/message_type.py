from typing import Literal

MessageType = Literal[
    "activity",
    "backstory",
    "bot",
    "checkpoint",
    "context",
    "instruction",
    "reasoning",
    "user",
]

MESSAGE_TYPE_VALUES: set[MessageType] = {
    "activity",
    "backstory",
    "bot",
    "checkpoint",
    "context",
    "instruction",
    "reasoning",
    "user",
}


def check_message_type(value: str) -> MessageType:
    if value in MESSAGE_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {MESSAGE_TYPE_VALUES!r}"
    )
