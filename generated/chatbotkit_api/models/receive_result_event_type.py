from typing import Literal

ReceiveResultEventType = Literal["result"]

RECEIVE_RESULT_EVENT_TYPE_VALUES: set[ReceiveResultEventType] = {
    "result",
}


def check_receive_result_event_type(value: str) -> ReceiveResultEventType:
    if value in RECEIVE_RESULT_EVENT_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {RECEIVE_RESULT_EVENT_TYPE_VALUES!r}"
    )
