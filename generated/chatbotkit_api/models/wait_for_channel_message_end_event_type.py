from typing import Literal, TypeAlias

WaitForChannelMessageEndEventType: TypeAlias = Literal["waitForChannelMessageEnd"]

WAIT_FOR_CHANNEL_MESSAGE_END_EVENT_TYPE_VALUES: frozenset[str] = frozenset(
    {
        "waitForChannelMessageEnd",
    }
)
"""The values this release knows."""


def check_wait_for_channel_message_end_event_type(
    value: str,
) -> WaitForChannelMessageEndEventType:
    if value in WAIT_FOR_CHANNEL_MESSAGE_END_EVENT_TYPE_VALUES:
        return value  # type: ignore[return-value]
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {sorted(WAIT_FOR_CHANNEL_MESSAGE_END_EVENT_TYPE_VALUES)!r}"
    )
