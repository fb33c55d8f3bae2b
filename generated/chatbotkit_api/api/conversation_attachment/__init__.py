"""Endpoint modules of the "conversation_attachment" group.

``OPERATIONS`` maps each module's name to its HTTP method and templated path
(with the API's own parameter names), so that chatbotkit_sdk builds URLs from
the spec instead of repeating the paths.
"""

OPERATIONS: dict[str, tuple[str, str]] = {
    "list_conversation_attachments": (
        "GET",
        "/conversation/{conversationId}/attachment/list",
    ),
    "upload_conversation_attachment": (
        "POST",
        "/conversation/{conversationId}/attachment/upload",
    ),
}
