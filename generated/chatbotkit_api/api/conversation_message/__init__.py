"""Endpoint modules of the "conversation_message" group, loaded on first use.

What each operation is (method, path, parameters, events) is described once, in
``chatbotkit_api.operations``.
"""

import importlib
from types import ModuleType
from typing import TYPE_CHECKING

_MODULES = frozenset(
    {
        "create_conversation_message",
        "delete_conversation_message",
        "downvote_conversation_message",
        "fetch_conversation_message",
        "list_conversation_messages",
        "synthesize_conversation_message",
        "update_conversation_message",
        "upvote_conversation_message",
    }
)

if not TYPE_CHECKING:  # type checkers resolve the submodules themselves

    def __getattr__(name: str) -> ModuleType:
        """Endpoint modules load on first use (each imports its models, and attrs)."""
        if name not in _MODULES:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        return importlib.import_module(f"{__name__}.{name}")
