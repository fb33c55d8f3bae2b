"""Typed Python SDK for the ChatBotKit conversation API."""

__all__ = ["__version__"]

__version__ = "0.1.0"
