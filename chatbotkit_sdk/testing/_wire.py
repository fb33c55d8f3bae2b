"""What passes between the fake's core and its transports: requests, answers, faults."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Literal

import attrs

__all__ = ["DROP", "PAUSE", "FakeRequest", "FakeResponse", "Fault", "RecordedRequest"]

#: Marks, in a stream's lines, where the connection is to be dropped.
DROP = b"\x00drop"
#: Marks, in a stream's lines, a pause of ``token_delay`` (each shell sleeps its own way).
PAUSE = b"\x00pause"


@attrs.frozen
class FakeRequest:
    method: str
    url: str
    headers: Mapping[str, str]  # lower-case names
    body: bytes = b""


@attrs.define
class FakeResponse:
    status: int
    headers: dict[str, str]
    body: bytes = b""
    #: For JSON Lines answers: one encoded line (with "\n") at a time, or DROP.
    lines: Iterator[bytes] | None = None
    #: Seconds to wait before answering at all (a stalled server).
    stall: float = 0.0
    #: Drop the connection instead of answering.
    drop: bool = False


@attrs.frozen
class RecordedRequest:
    """What the fake saw: for tests that count or inspect requests."""

    method: str
    path: str
    operation: str | None
    headers: Mapping[str, str]
    body: bytes


@attrs.define
class Fault:
    """One injected failure, consumed by the next ``times`` matching requests."""

    kind: Literal["status", "stall", "drop", "cut", "malformed"]
    times: int = 1
    path: str | None = None  # a substring of the API path, e.g. "/complete"
    status: int = 503
    retry_after: str | None = None
    seconds: float = 0.0
    after_events: int = 0

    def matches(self, path: str) -> bool:
        return self.times > 0 and (self.path is None or self.path in path)
