from typing import Literal

TokenEventType = Literal["token"]

TOKEN_EVENT_TYPE_VALUES: set[TokenEventType] = {
    "token",
}


def check_token_event_type(value: str) -> TokenEventType:
    if value in TOKEN_EVENT_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {TOKEN_EVENT_TYPE_VALUES!r}"
    )
