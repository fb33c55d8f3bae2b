from typing import Literal, TypeAlias

ReceiveResultEventType: TypeAlias = Literal["result"]

RECEIVE_RESULT_EVENT_TYPE_VALUES: frozenset[str] = frozenset(
    {
        "result",
    }
)
"""The values this release knows."""


def check_receive_result_event_type(value: str) -> ReceiveResultEventType:
    if value in RECEIVE_RESULT_EVENT_TYPE_VALUES:
        return value  # type: ignore[return-value]
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {sorted(RECEIVE_RESULT_EVENT_TYPE_VALUES)!r}"
    )
