from typing import Literal, TypeAlias

TokenEventType: TypeAlias = Literal["token"]

TOKEN_EVENT_TYPE_VALUES: frozenset[str] = frozenset(
    {
        "token",
    }
)
"""The values this release knows."""


def check_token_event_type(value: str) -> TokenEventType:
    if value in TOKEN_EVENT_TYPE_VALUES:
        return value  # type: ignore[return-value]
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {sorted(TOKEN_EVENT_TYPE_VALUES)!r}"
    )
