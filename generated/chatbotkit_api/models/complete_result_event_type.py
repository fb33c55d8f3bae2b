from typing import Literal, TypeAlias

CompleteResultEventType: TypeAlias = Literal["result"]

COMPLETE_RESULT_EVENT_TYPE_VALUES: frozenset[str] = frozenset(
    {
        "result",
    }
)
"""The values this release knows."""


def check_complete_result_event_type(value: str) -> CompleteResultEventType:
    if value in COMPLETE_RESULT_EVENT_TYPE_VALUES:
        return value  # type: ignore[return-value]
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {sorted(COMPLETE_RESULT_EVENT_TYPE_VALUES)!r}"
    )
