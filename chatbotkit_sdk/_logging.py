"""The ``chatbotkit_sdk`` logger, and ``CHATBOTKIT_LOG=debug|info`` to see it on stderr.

Log lines name methods, URLs, statuses and retries; headers that look like
credentials (Authorization, anything with token/secret/key/cookie/signature in its
name) are shown as ``[redacted]``.
"""

from __future__ import annotations

import logging
import os

__all__ = ["configure_from_env", "log"]

log = logging.getLogger("chatbotkit_sdk")
LEVELS = {"debug": logging.DEBUG, "info": logging.INFO}


def configure_from_env() -> None:
    level = LEVELS.get(os.environ.get("CHATBOTKIT_LOG", "").strip().lower())
    if level is None:
        return
    log.setLevel(level)
    if not log.handlers:  # an application's own logging setup wins
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("[%(asctime)s %(name)s %(levelname)s] %(message)s"))
        log.addHandler(handler)
