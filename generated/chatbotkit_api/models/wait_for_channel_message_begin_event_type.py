from typing import Literal

WaitForChannelMessageBeginEventType = Literal["waitForChannelMessageBegin"]

WAIT_FOR_CHANNEL_MESSAGE_BEGIN_EVENT_TYPE_VALUES: set[
    WaitForChannelMessageBeginEventType
] = {
    "waitForChannelMessageBegin",
}


def check_wait_for_channel_message_begin_event_type(
    value: str,
) -> WaitForChannelMessageBeginEventType:
    if value in WAIT_FOR_CHANNEL_MESSAGE_BEGIN_EVENT_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {WAIT_FOR_CHANNEL_MESSAGE_BEGIN_EVENT_TYPE_VALUES!r}"
    )
