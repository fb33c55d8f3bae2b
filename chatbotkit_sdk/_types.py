"""Small shared types of the public API."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Literal, TypedDict

import httpx

__all__ = [
    "NOT_GIVEN",
    "AttachmentListRequest",
    "ConversationListRequest",
    "MessageListRequest",
    "NotGiven",
    "RequestOptions",
    "TimeoutTypes",
    "UsageRequest",
]


class NotGiven:
    """Marks an option that was not passed, where ``None`` has a meaning of its own."""

    def __bool__(self) -> bool:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN = NotGiven()

#: Seconds for every phase, an ``httpx.Timeout``, or ``None`` for no limit.
TimeoutTypes = float | httpx.Timeout | None


class RequestOptions(TypedDict, total=False):
    """Keyword options every method takes (all optional)."""

    #: Overrides the client's timeout for this call.
    timeout: TimeoutTypes
    #: Headers added to this call only (after the client's own).
    extra_headers: Mapping[str, str]
    #: Overrides the client's retry count for this call.
    retries: int


class AttachmentListRequest(TypedDict, total=False):
    """Query of ``attachment.list``."""

    #: Where the page starts: the ``cursor`` of the previous page.
    cursor: str
    #: How many items the page holds at most.
    take: int


class MessageListRequest(AttachmentListRequest, total=False):
    """Query of ``message.list``."""

    #: ``"desc"`` (newest first, the default) or ``"asc"``.
    order: Literal["asc", "desc"]


class ConversationListRequest(MessageListRequest, total=False):
    """Query of ``list`` and ``export``."""

    #: Only conversations whose meta data has these key/value pairs.
    meta: Mapping[str, str]


# "from" is a Python keyword, so this TypedDict uses the functional syntax.
UsageRequest = TypedDict(
    "UsageRequest",
    {
        "from": "str | datetime.datetime | datetime.date",
        "to": "str | datetime.datetime | datetime.date",
    },
    total=False,
)
"""Period of ``usage()``: ISO 8601 strings, ``datetime`` or ``date`` objects (naive = UTC)."""
