from typing import Literal

ConversationCompleteResultEventType = Literal["result"]

CONVERSATION_COMPLETE_RESULT_EVENT_TYPE_VALUES: set[
    ConversationCompleteResultEventType
] = {
    "result",
}


def check_conversation_complete_result_event_type(
    value: str,
) -> ConversationCompleteResultEventType:
    if value in CONVERSATION_COMPLETE_RESULT_EVENT_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {CONVERSATION_COMPLETE_RESULT_EVENT_TYPE_VALUES!r}"
    )
