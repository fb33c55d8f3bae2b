from typing import Literal

MessageEventType = Literal["message"]

MESSAGE_EVENT_TYPE_VALUES: set[MessageEventType] = {
    "message",
}


def check_message_event_type(value: str) -> MessageEventType:
    if value in MESSAGE_EVENT_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {MESSAGE_EVENT_TYPE_VALUES!r}"
    )
