"""Endpoint modules of the "conversation_session" group.

``OPERATIONS`` maps each module's name to its HTTP method and templated path
(with the API's own parameter names), so that chatbotkit_sdk builds URLs from
the spec instead of repeating the paths.
"""

OPERATIONS: dict[str, tuple[str, str]] = {
    "create_conversation_session": (
        "POST",
        "/conversation/{conversationId}/session/create",
    ),
}
