from typing import Literal, TypeAlias

CompleteBeginEventType: TypeAlias = Literal["completeBegin"]

COMPLETE_BEGIN_EVENT_TYPE_VALUES: frozenset[str] = frozenset(
    {
        "completeBegin",
    }
)
"""The values this release knows."""


def check_complete_begin_event_type(value: str) -> CompleteBeginEventType:
    if value in COMPLETE_BEGIN_EVENT_TYPE_VALUES:
        return value  # type: ignore[return-value]
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {sorted(COMPLETE_BEGIN_EVENT_TYPE_VALUES)!r}"
    )
