from typing import Literal

ReasoningTokenEventType = Literal["reasoningToken"]

REASONING_TOKEN_EVENT_TYPE_VALUES: set[ReasoningTokenEventType] = {
    "reasoningToken",
}


def check_reasoning_token_event_type(value: str) -> ReasoningTokenEventType:
    if value in REASONING_TOKEN_EVENT_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {REASONING_TOKEN_EVENT_TYPE_VALUES!r}"
    )
