"""Small shared types of the public API."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypedDict

import httpx

__all__ = ["NOT_GIVEN", "NotGiven", "RequestOptions", "TimeoutTypes"]


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
    extra_headers: Mapping[str, str] | None
    #: Overrides the client's retry count for this call.
    retries: int
    #: Fields merged over this call's checked JSON body: for fields the API added after
    #: this release. Keys are not checked against the spec; values must be JSON.
    extra_body: Mapping[str, object] | None
    #: Parameters merged over this call's checked query, unchecked likewise: strings,
    #: numbers, booleans, or lists of them (``None`` leaves a parameter out). For all
    #: three ``extra_*``, ``None`` is the same as not passing the option.
    extra_query: Mapping[str, object] | None
