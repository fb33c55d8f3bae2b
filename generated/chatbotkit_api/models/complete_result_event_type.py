from typing import Literal

CompleteResultEventType = Literal["result"]

COMPLETE_RESULT_EVENT_TYPE_VALUES: set[CompleteResultEventType] = {
    "result",
}


def check_complete_result_event_type(value: str) -> CompleteResultEventType:
    if value in COMPLETE_RESULT_EVENT_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {COMPLETE_RESULT_EVENT_TYPE_VALUES!r}"
    )
