from typing import Literal, TypeAlias

ReasoningTokenEventType: TypeAlias = Literal["reasoningToken"]

REASONING_TOKEN_EVENT_TYPE_VALUES: frozenset[str] = frozenset(
    {
        "reasoningToken",
    }
)
"""The values this release knows."""


def check_reasoning_token_event_type(value: str) -> ReasoningTokenEventType:
    if value in REASONING_TOKEN_EVENT_TYPE_VALUES:
        return value  # type: ignore[return-value]
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {sorted(REASONING_TOKEN_EVENT_TYPE_VALUES)!r}"
    )
