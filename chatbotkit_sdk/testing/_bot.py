"""The fake's bot: a small rule-based responder, deterministic so tests can expect its words."""

from __future__ import annotations

import re
from collections.abc import Sequence

GREETING = re.compile(r"\b(hi|hello|hey|good (morning|afternoon|evening))\b", re.IGNORECASE)
THANKS = re.compile(r"\b(thanks|thank you)\b", re.IGNORECASE)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")


def reply(history: Sequence[tuple[str, str]], backstory: str | None = None) -> str:
    """The bot's answer to a conversation given as ``(type, text)`` pairs, oldest first."""
    users = [text for kind, text in history if kind == "user"]
    last = users[-1].strip() if users else ""
    if not last:
        return "Hello! I am the ChatBotKit test bot. What can I do for you?"
    if GREETING.search(last):
        intro = f" {backstory.strip()}" if backstory else ""
        return f"Hello!{intro} I am the ChatBotKit test bot. How can I help you today?"
    if THANKS.search(last):
        return "You are welcome. Is there anything else?"
    if last.endswith("?"):
        return f'Good question. You asked: "{last}" This fake bot can only repeat it, but it streams.'
    return f'You said: "{last}" ({len(users)} message{"s" if len(users) != 1 else ""} so far).'


def tokens(text: str) -> list[str]:
    """The reply split the way models stream it: words with their leading space."""
    return re.findall(r"\s*\S+", text) or [text]


def count_tokens(text: str) -> int:
    return max(1, len(re.findall(r"\w+|[^\w\s]", text)))


def entities(text: str) -> list[dict[str, object]]:
    """Email addresses found in ``text``, as the API reports entities."""
    return [
        {"type": "email", "begin": m.start(), "end": m.end(), "text": m.group(0)}
        for m in EMAIL.finditer(text)
    ]
