from typing import Literal, TypeAlias

UsageEventType: TypeAlias = Literal["usage"]

USAGE_EVENT_TYPE_VALUES: frozenset[str] = frozenset(
    {
        "usage",
    }
)
"""The values this release knows."""


def check_usage_event_type(value: str) -> UsageEventType:
    if value in USAGE_EVENT_TYPE_VALUES:
        return value  # type: ignore[return-value]
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {sorted(USAGE_EVENT_TYPE_VALUES)!r}"
    )
