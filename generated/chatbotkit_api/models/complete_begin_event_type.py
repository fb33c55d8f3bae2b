from typing import Literal

CompleteBeginEventType = Literal["completeBegin"]

COMPLETE_BEGIN_EVENT_TYPE_VALUES: set[CompleteBeginEventType] = {
    "completeBegin",
}


def check_complete_begin_event_type(value: str) -> CompleteBeginEventType:
    if value in COMPLETE_BEGIN_EVENT_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {COMPLETE_BEGIN_EVENT_TYPE_VALUES!r}"
    )
