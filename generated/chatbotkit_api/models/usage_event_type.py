from typing import Literal

UsageEventType = Literal["usage"]

USAGE_EVENT_TYPE_VALUES: set[UsageEventType] = {
    "usage",
}


def check_usage_event_type(value: str) -> UsageEventType:
    if value in USAGE_EVENT_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {USAGE_EVENT_TYPE_VALUES!r}"
    )
