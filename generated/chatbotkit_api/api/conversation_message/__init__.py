"""Endpoint modules of the "conversation_message" group.

``OPERATIONS`` maps each module's name to its HTTP method and templated path
(with the API's own parameter names), so that chatbotkit_sdk builds URLs from
the spec instead of repeating the paths.
"""

import importlib
from types import ModuleType

OPERATIONS: dict[str, tuple[str, str]] = {
    "create_conversation_message": (
        "POST",
        "/conversation/{conversationId}/message/create",
    ),
    "delete_conversation_message": (
        "POST",
        "/conversation/{conversationId}/message/{messageId}/delete",
    ),
    "downvote_conversation_message": (
        "POST",
        "/conversation/{conversationId}/message/{messageId}/downvote",
    ),
    "fetch_conversation_message": (
        "GET",
        "/conversation/{conversationId}/message/{messageId}/fetch",
    ),
    "list_conversation_messages": (
        "GET",
        "/conversation/{conversationId}/message/list",
    ),
    "synthesize_conversation_message": (
        "POST",
        "/conversation/{conversationId}/message/{messageId}/synthesize",
    ),
    "update_conversation_message": (
        "POST",
        "/conversation/{conversationId}/message/{messageId}/update",
    ),
    "upvote_conversation_message": (
        "POST",
        "/conversation/{conversationId}/message/{messageId}/upvote",
    ),
}


def __getattr__(name: str) -> ModuleType:
    """Endpoint modules load on first use (each imports its models, and attrs)."""
    if name not in OPERATIONS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return importlib.import_module(f"{__name__}.{name}")
