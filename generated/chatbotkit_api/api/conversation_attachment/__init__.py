"""Endpoint modules of the "conversation_attachment" group.

``OPERATIONS`` maps each module's name to its HTTP method and templated path
(with the API's own parameter names), so that chatbotkit_sdk builds URLs from
the spec instead of repeating the paths.
"""

import importlib
from types import ModuleType

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


def __getattr__(name: str) -> ModuleType:
    """Endpoint modules load on first use (each imports its models, and attrs)."""
    if name not in OPERATIONS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return importlib.import_module(f"{__name__}.{name}")
