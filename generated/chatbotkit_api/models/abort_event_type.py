from typing import Literal, TypeAlias

AbortEventType: TypeAlias = Literal["abort"]

ABORT_EVENT_TYPE_VALUES: frozenset[str] = frozenset(
    {
        "abort",
    }
)
"""The values this release knows."""


def check_abort_event_type(value: str) -> AbortEventType:
    if value in ABORT_EVENT_TYPE_VALUES:
        return value  # type: ignore[return-value]
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {sorted(ABORT_EVENT_TYPE_VALUES)!r}"
    )
