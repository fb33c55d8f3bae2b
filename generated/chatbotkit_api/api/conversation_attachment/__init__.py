"""Endpoint modules of the "conversation_attachment" group, loaded on first use.

What each operation is (method, path, parameters, events) is described once, in
``chatbotkit_api.operations``.
"""

import importlib
from types import ModuleType
from typing import TYPE_CHECKING

_MODULES = frozenset(
    {
        "list_conversation_attachments",
        "upload_conversation_attachment",
    }
)

if not TYPE_CHECKING:  # type checkers resolve the submodules themselves

    def __getattr__(name: str) -> ModuleType:
        """Endpoint modules load on first use (each imports its models, and attrs)."""
        if name not in _MODULES:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        return importlib.import_module(f"{__name__}.{name}")
