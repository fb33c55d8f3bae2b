from typing import Literal, TypeAlias

from ..types import UnknownValue

CompleteReason: TypeAlias = (
    Literal["abort", "activity", "error", "iteration", "length", "stop"] | UnknownValue
)
"""Why a completion stopped.

Open: besides the literals, an answer may hold an ``UnknownValue``, a value the API
added after this release (still a ``str``)."""

COMPLETE_REASON_VALUES: frozenset[str] = frozenset(
    {
        "abort",
        "activity",
        "error",
        "iteration",
        "length",
        "stop",
    }
)
"""The values this release knows."""


def check_complete_reason(value: str) -> CompleteReason:
    if value in COMPLETE_REASON_VALUES:
        return value  # type: ignore[return-value]
    if not isinstance(value, str):  # a newer value is still a string
        raise TypeError(f"Unexpected value {value!r}. Expected a string")
    return UnknownValue(value)
