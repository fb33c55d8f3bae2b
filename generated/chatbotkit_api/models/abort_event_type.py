from typing import Literal

AbortEventType = Literal["abort"]

ABORT_EVENT_TYPE_VALUES: set[AbortEventType] = {
    "abort",
}


def check_abort_event_type(value: str) -> AbortEventType:
    if value in ABORT_EVENT_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {ABORT_EVENT_TYPE_VALUES!r}"
    )
