"""Endpoint modules of the "conversation" group, loaded on first use.

What each operation is (method, path, parameters, events) is described once, in
``chatbotkit_api.operations``.
"""

import importlib
from types import ModuleType
from typing import TYPE_CHECKING

_MODULES = frozenset(
    {
        "compact_conversation",
        "compact_conversation_stateless",
        "complete_conversation",
        "complete_conversation_message",
        "create_conversation",
        "delete_conversation",
        "dispatch_conversation",
        "dispatch_stateful_conversation",
        "downvote_conversation",
        "export_conversations",
        "fetch_conversation",
        "fetch_conversation_usage",
        "list_conversations",
        "receive_conversation_message",
        "send_conversation_message",
        "update_conversation",
        "upvote_conversation",
    }
)

if not TYPE_CHECKING:  # type checkers resolve the submodules themselves

    def __getattr__(name: str) -> ModuleType:
        """Endpoint modules load on first use (each imports its models, and attrs)."""
        if name not in _MODULES:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        return importlib.import_module(f"{__name__}.{name}")
