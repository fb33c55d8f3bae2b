from typing import Literal, TypeAlias

ConversationCompleteResultEventType: TypeAlias = Literal["result"]

CONVERSATION_COMPLETE_RESULT_EVENT_TYPE_VALUES: frozenset[str] = frozenset(
    {
        "result",
    }
)
"""The values this release knows."""


def check_conversation_complete_result_event_type(
    value: str,
) -> ConversationCompleteResultEventType:
    if value in CONVERSATION_COMPLETE_RESULT_EVENT_TYPE_VALUES:
        return value  # type: ignore[return-value]
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {sorted(CONVERSATION_COMPLETE_RESULT_EVENT_TYPE_VALUES)!r}"
    )
