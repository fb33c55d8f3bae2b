"""A client library for accessing ChatBotKit Conversation API"""

# The generated clients (and attrs, which they need) load on first use:
# chatbotkit_sdk sends requests itself, and importing this package for its models
# or endpoint modules should not cost what the clients do.
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)


if (
    not TYPE_CHECKING
):  # type checkers see the real names above, so a misspelt one is an error

    def __getattr__(name: str) -> Any:
        if name not in __all__:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(".client", __name__), name)
        globals()[name] = value
        return value
