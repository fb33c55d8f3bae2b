from typing import Literal, TypeAlias

CompleteEndEventType: TypeAlias = Literal["completeEnd"]

COMPLETE_END_EVENT_TYPE_VALUES: frozenset[str] = frozenset(
    {
        "completeEnd",
    }
)
"""The values this release knows."""


def check_complete_end_event_type(value: str) -> CompleteEndEventType:
    if value in COMPLETE_END_EVENT_TYPE_VALUES:
        return value  # type: ignore[return-value]
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {sorted(COMPLETE_END_EVENT_TYPE_VALUES)!r}"
    )
