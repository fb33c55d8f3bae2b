from typing import Literal

CompleteEndEventType = Literal["completeEnd"]

COMPLETE_END_EVENT_TYPE_VALUES: set[CompleteEndEventType] = {
    "completeEnd",
}


def check_complete_end_event_type(value: str) -> CompleteEndEventType:
    if value in COMPLETE_END_EVENT_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {COMPLETE_END_EVENT_TYPE_VALUES!r}"
    )
