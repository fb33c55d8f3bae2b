from typing import Literal

CompleteReason = Literal["abort", "activity", "error", "iteration", "length", "stop"]

COMPLETE_REASON_VALUES: set[CompleteReason] = {
    "abort",
    "activity",
    "error",
    "iteration",
    "length",
    "stop",
}


def check_complete_reason(value: str) -> CompleteReason:
    if value in COMPLETE_REASON_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {COMPLETE_REASON_VALUES!r}"
    )
