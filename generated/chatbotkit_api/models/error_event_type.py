from typing import Literal, TypeAlias

ErrorEventType: TypeAlias = Literal["error"]

ERROR_EVENT_TYPE_VALUES: frozenset[str] = frozenset(
    {
        "error",
    }
)
"""The values this release knows."""


def check_error_event_type(value: str) -> ErrorEventType:
    if value in ERROR_EVENT_TYPE_VALUES:
        return value  # type: ignore[return-value]
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {sorted(ERROR_EVENT_TYPE_VALUES)!r}"
    )
