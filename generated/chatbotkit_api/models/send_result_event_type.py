from typing import Literal, TypeAlias

SendResultEventType: TypeAlias = Literal["result"]

SEND_RESULT_EVENT_TYPE_VALUES: frozenset[str] = frozenset(
    {
        "result",
    }
)
"""The values this release knows."""


def check_send_result_event_type(value: str) -> SendResultEventType:
    if value in SEND_RESULT_EVENT_TYPE_VALUES:
        return value  # type: ignore[return-value]
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {sorted(SEND_RESULT_EVENT_TYPE_VALUES)!r}"
    )
