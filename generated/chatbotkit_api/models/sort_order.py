from typing import Literal, TypeAlias

from ..types import UnknownValue

SortOrder: TypeAlias = Literal["asc", "desc"] | UnknownValue
"""SortOrder

Open: besides the literals, an answer may hold an ``UnknownValue``, a value the API
added after this release (still a ``str``)."""

SORT_ORDER_VALUES: frozenset[str] = frozenset(
    {
        "asc",
        "desc",
    }
)
"""The values this release knows."""


def check_sort_order(value: str) -> SortOrder:
    if value in SORT_ORDER_VALUES:
        return value  # type: ignore[return-value]
    if not isinstance(value, str):  # a newer value is still a string
        raise TypeError(f"Unexpected value {value!r}. Expected a string")
    return UnknownValue(value)
