"""What passes between the fake's core and its transports: requests, answers, faults."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, Literal

import attrs

__all__ = ["DROP", "PAUSE", "REDACTED", "FakeRequest", "FakeResponse", "Fault", "RecordedRequest"]

#: Marks, in a stream's lines, where the connection is to be dropped.
DROP = b"\x00drop"
#: Marks, in a stream's lines, a pause of ``token_delay`` (each shell sleeps its own way).
PAUSE = b"\x00pause"
#: What a credential in a header (or a query parameter) of a ``RecordedRequest`` reads as.
REDACTED = "[redacted]"


@attrs.frozen
class FakeRequest:
    """A request as the fake's core sees it, whichever way it came (in process or HTTP):
    the argument of ``FakeChatBotKit.handle()``."""

    method: str
    """The HTTP method, upper case."""
    url: str
    """The whole URL, query included."""
    headers: Mapping[str, str]
    """Header names in lower case."""
    body: bytes = b""
    """The request body as sent."""


@attrs.define
class FakeResponse:
    """The fake's answer to a ``FakeRequest``, before the transport or server sends it."""

    status: int
    """The HTTP status."""
    headers: dict[str, str]
    """The answer's headers."""
    body: bytes = b""
    """The whole body, for answers that are not streamed."""
    lines: Iterator[bytes] | None = None
    """For JSON Lines answers: one encoded line (with ``"\n"``) at a time, or ``DROP``."""
    stall: float = 0.0
    """Seconds to wait before answering at all (a stalled server)."""
    drop: bool = False
    """Drop the connection instead of answering."""


@attrs.frozen
class RecordedRequest:
    """One request as the fake saw it, and its answer: for tests that count or inspect requests.

    - ``method``; ``path``: as sent, with its ``/v1`` or ``/api/v1`` prefix, without the query;
    - ``operation``: the operation's name, a key of ``chatbotkit_api.operations.OPERATIONS``
      (the generated module's name, e.g. ``complete_conversation_message``), ``None`` for a
      path the API does not have;
    - ``headers``: lower-case names; ``Authorization`` and anything else that looks like a
      credential (by name, by a ``Bearer``/``Basic`` value, or holding the fake's secret or
      a session token) reads ``"[redacted]"`` (``REDACTED``);
    - ``body``: the raw bytes; ``json``: the body parsed as JSON, or ``None`` (no body, or
      not JSON);
    - ``query``: each query parameter as sent (decoded), ``name -> value``, a list of
      values when the name was repeated; deepObject keys stay as sent (``"meta[team]"``);
      credential-like parameters (e.g. a presigned upload's ``signature``) are redacted;
    - ``status``: the status of the answer, ``None`` when the connection was dropped
      before one (a ``drop()`` fault).
    """

    method: str
    path: str
    operation: str | None
    headers: Mapping[str, str]
    body: bytes
    query: Mapping[str, str | list[str]] = attrs.field(factory=lambda: {})
    json: Any = None
    status: int | None = None


#: A fault's kind: what ``fail``, ``stall``, ``drop``, ``cut_stream`` and ``malformed_line`` add.
FaultKind = Literal["status", "stall", "drop", "cut", "malformed"]


@attrs.define
class Fault:
    """One injected failure, for the next ``times`` matching requests (see ``FakeChatBotKit.fail``).

    A fault matches a request for its ``operation`` (a key of
    ``chatbotkit_api.operations.OPERATIONS``) or its ``path`` (a path template of the spec,
    such as ``/conversation/{conversationId}/complete``, matched exactly), or any request of
    the API if it has neither; never one for a path the API does not have. A matching fault
    fires with ``probability`` (drawn from the fake's own ``random.Random``), and each time
    it fires ``times`` counts down.
    ``latency`` is added before the answer, whatever the kind.
    """

    kind: FaultKind
    times: int = 1
    path: str | None = None
    status: int = 503
    retry_after: str | None = None
    seconds: float = 0.0
    after_events: int = 0
    operation: str | None = None
    #: the error body's ``code`` (default: the status's, e.g. ``TOO_MANY_REQUESTS``) and ``message``
    code: str | None = None
    message: str | None = None
    probability: float = 1.0
    latency: float = 0.0

    def matches(self, operation: str, template: str) -> bool:
        """Whether the fault applies to a request for ``operation``, whose path template is ``template``."""
        return (
            self.times > 0
            and (self.operation is None or self.operation == operation)
            and (self.path is None or self.path == template)
        )
