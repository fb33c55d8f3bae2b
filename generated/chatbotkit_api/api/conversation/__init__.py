"""Endpoint modules of the "conversation" group.

``OPERATIONS`` maps each module's name to its HTTP method and templated path
(with the API's own parameter names), so that chatbotkit_sdk builds URLs from
the spec instead of repeating the paths.
"""

import importlib
from types import ModuleType

OPERATIONS: dict[str, tuple[str, str]] = {
    "compact_conversation": ("POST", "/conversation/{conversationId}/compact"),
    "compact_conversation_stateless": ("POST", "/conversation/compact"),
    "complete_conversation": ("POST", "/conversation/complete"),
    "complete_conversation_message": (
        "POST",
        "/conversation/{conversationId}/complete",
    ),
    "create_conversation": ("POST", "/conversation/create"),
    "delete_conversation": ("POST", "/conversation/{conversationId}/delete"),
    "dispatch_conversation": ("POST", "/conversation/dispatch"),
    "dispatch_stateful_conversation": (
        "POST",
        "/conversation/{conversationId}/dispatch",
    ),
    "downvote_conversation": ("POST", "/conversation/{conversationId}/downvote"),
    "export_conversations": ("GET", "/conversation/export"),
    "fetch_conversation": ("GET", "/conversation/{conversationId}/fetch"),
    "fetch_conversation_usage": ("GET", "/conversation/{conversationId}/usage/fetch"),
    "list_conversations": ("GET", "/conversation/list"),
    "receive_conversation_message": ("POST", "/conversation/{conversationId}/receive"),
    "send_conversation_message": ("POST", "/conversation/{conversationId}/send"),
    "update_conversation": ("POST", "/conversation/{conversationId}/update"),
    "upvote_conversation": ("POST", "/conversation/{conversationId}/upvote"),
}


def __getattr__(name: str) -> ModuleType:
    """Endpoint modules load on first use (each imports its models, and attrs)."""
    if name not in OPERATIONS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return importlib.import_module(f"{__name__}.{name}")
