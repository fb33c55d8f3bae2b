from typing import Literal

WaitForChannelMessageEndEventType = Literal["waitForChannelMessageEnd"]

WAIT_FOR_CHANNEL_MESSAGE_END_EVENT_TYPE_VALUES: set[
    WaitForChannelMessageEndEventType
] = {
    "waitForChannelMessageEnd",
}


def check_wait_for_channel_message_end_event_type(
    value: str,
) -> WaitForChannelMessageEndEventType:
    if value in WAIT_FOR_CHANNEL_MESSAGE_END_EVENT_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {WAIT_FOR_CHANNEL_MESSAGE_END_EVENT_TYPE_VALUES!r}"
    )
