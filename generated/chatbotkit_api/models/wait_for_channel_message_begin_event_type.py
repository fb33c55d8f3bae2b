from typing import Literal, TypeAlias

WaitForChannelMessageBeginEventType: TypeAlias = Literal["waitForChannelMessageBegin"]

WAIT_FOR_CHANNEL_MESSAGE_BEGIN_EVENT_TYPE_VALUES: frozenset[str] = frozenset(
    {
        "waitForChannelMessageBegin",
    }
)
"""The values this release knows."""


def check_wait_for_channel_message_begin_event_type(
    value: str,
) -> WaitForChannelMessageBeginEventType:
    if value in WAIT_FOR_CHANNEL_MESSAGE_BEGIN_EVENT_TYPE_VALUES:
        return value  # type: ignore[return-value]
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {sorted(WAIT_FOR_CHANNEL_MESSAGE_BEGIN_EVENT_TYPE_VALUES)!r}"
    )
