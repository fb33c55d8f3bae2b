from typing import Literal

SendResultEventType = Literal["result"]

SEND_RESULT_EVENT_TYPE_VALUES: set[SendResultEventType] = {
    "result",
}


def check_send_result_event_type(value: str) -> SendResultEventType:
    if value in SEND_RESULT_EVENT_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {SEND_RESULT_EVENT_TYPE_VALUES!r}"
    )
