"""Reliability: a fault matrix against ``FakeChatBotKit``, transport failures on real sockets,
retry timing, cancellation and connection hygiene.

Every fault runs for ``ConversationClient`` and ``AsyncConversationClient`` in process
(``fake.http_client()`` / ``fake.async_http_client()``), and a subset over real HTTP
(``fake.serve()``). Each case checks the outcome (a result after the right number of
retries, or the right typed error) and the exact number of requests the fake saw for the
operation, so a request sent once too often (or too rarely) fails the test. Sleeps between
retries are recorded instead of slept, so the backoff policy itself is checked too.

Transport failures the fake cannot play (refused, reset, truncated bodies, bytes that are
not UTF-8 or not JSON) come from ``RawServer``, a scripted TCP server on 127.0.0.1.
Everything is bounded: short timeouts, pool timeouts that turn a leak into an error, and
loops with fixed counts.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime
import gc
import json
import logging
import os
import socket
import struct
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from email.utils import format_datetime
from types import SimpleNamespace
from typing import Any

import httpx
import pytest

import chatbotkit_sdk._core
import chatbotkit_sdk._resource
from chatbotkit_sdk import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AsyncConversationClient,
    AuthenticationError,
    BadRequestError,
    ChatBotKitError,
    ConflictError,
    ConversationClient,
    InternalServerError,
    NotFoundError,
    RateLimitError,
    ResponseValidationError,
    StreamDecodeError,
    UnprocessableEntityError,
    models,
)
from chatbotkit_sdk._core import MAX_BACKOFF, MAX_RETRY_AFTER, ClientCore
from chatbotkit_sdk._options import ClientOptions
from chatbotkit_sdk.testing import FakeChatBotKit
from tests.helpers import BASE_URL, closed_port, event_types, new_conversation, settle

SECRET = "sk_test_Reliab1lity_W3xQ9"
DELAY = 0.001  # retry_delay: fast tests, and still a real exponential backoff to check
RETRIES = 2
TIMEOUT = 0.3  # seconds: the client's timeout in the stall cases (over loopback HTTP)
#: In process a healthy answer never waits on the timeout (the fake's transport answers at
#: once; only a stall sleeps, for the read timeout, then raises ReadTimeout), so a shorter
#: timeout proves the same there and sleeps a sixth as long.
TIMEOUT_IN_PROCESS = 0.05
STALL = 3.0  # longer than TIMEOUT; the fake's server ends stalls at once on shutdown
NO_HANG = 10.0  # generous bound: only proves that nothing hangs
HELLO = {"text": "Hello"}
STATELESS = {"messages": [{"type": "user", "text": "Why is the sky blue?"}]}

IN_PROCESS = ["sync", "async"]
ALL_MODES = ["sync", "async", "http-sync", "http-async"]


# --- helpers ---------------------------------------------------------------------------


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The delays the runners sleep between retries, recorded instead of slept.

    Only the SDK's runners see this: the fake's transport and server keep their clocks.
    """
    recorded: list[float] = []
    real_sleep = asyncio.sleep

    def sync_sleep(seconds: float) -> None:
        recorded.append(seconds)

    async def async_sleep(seconds: float) -> None:
        recorded.append(seconds)
        await real_sleep(0)

    # The runners' own module references are replaced (everything else in them kept), so no
    # other code's sleep is touched.
    monkeypatch.setattr(
        chatbotkit_sdk._resource, "time", SimpleNamespace(**{**vars(time), "sleep": sync_sleep})
    )
    monkeypatch.setattr(chatbotkit_sdk._resource, "_async_sleep", async_sleep)
    return recorded


def drive(
    mode: str,
    fake: FakeChatBotKit,
    url: str | None,
    action: Callable[[Any], Any],
    into: list[Any] | None = None,
    **options: Any,
) -> Any:
    """Run ``action(client)`` with a fresh client of ``mode`` and resolve its result."""
    options = {"secret": SECRET, "retry_delay": DELAY, "retries": RETRIES, **options}
    events: list[Any] = [] if into is None else into

    async def go() -> Any:
        if mode.endswith("async"):
            http = fake.async_http_client() if url is None else httpx.AsyncClient()
            async with http:
                client = AsyncConversationClient(base_url=url or BASE_URL, http_client=http, **options)
                return await settle(action(client), events)
        with fake.http_client() if url is None else httpx.Client() as sync_http:
            sync_client = ConversationClient(base_url=url or BASE_URL, http_client=sync_http, **options)
            return await settle(action(sync_client), events)

    return asyncio.run(go())


@contextlib.contextmanager
def served(fake: FakeChatBotKit, mode: str) -> Iterator[str | None]:
    """The fake's base URL over HTTP for the ``http-*`` modes, None for in process."""
    if mode.startswith("http"):
        with fake.serve() as url:
            yield url
    else:
        yield None


def seen(fake: FakeChatBotKit, operation: str) -> int:
    """How many requests for ``operation`` the fake saw; any other request fails the test."""
    others = [r.operation for r in fake.requests if r.operation != operation]
    assert others == [], f"unexpected requests: {others}"
    return sum(1 for r in fake.requests if r.operation == operation)


def backoff_bounds(attempt: int, retry_delay: float = DELAY) -> tuple[float, float]:
    base = min(retry_delay * 2**attempt, MAX_BACKOFF)
    return 0.75 * base, base


def assert_backoff(delays: list[float], retry_delay: float = DELAY) -> None:
    for attempt, delay in enumerate(delays):
        low, high = backoff_bounds(attempt, retry_delay)
        assert low - 1e-9 <= delay <= high + 1e-9, (attempt, delay)


# --- 1. the fault matrix ---------------------------------------------------------------------


@dataclass(frozen=True)
class Op:
    """One operation as a test drives it: its name in ``fake.requests`` and how to call it."""

    name: str
    operation: str  # also what its faults are injected for
    call: Callable[[Any, str], Any]  # (client, conversation_id) -> what the client returns

    def __str__(self) -> str:
        return self.name


FETCH = Op("fetch", "fetch_conversation", lambda c, cid: c.fetch(cid))
COMPLETE = Op("complete", "complete_conversation_message", lambda c, cid: c.complete(cid, HELLO))
MESSAGE_CREATE = Op(
    "message.create",
    "create_conversation_message",
    lambda c, cid: c.message.create(cid, {"type": "user", "text": "Hi"}),
)
STREAM = Op(
    "complete.stream",
    "complete_conversation_message",
    lambda c, cid: c.complete(cid, HELLO).stream(),
)
PLAIN_OPS = [FETCH, COMPLETE, MESSAGE_CREATE]


@dataclass(frozen=True)
class Fault:
    """A fault to inject and what the client must make of it."""

    name: str
    inject: Callable[[FakeChatBotKit, str], object]  # (fake, operation)
    error: type[Exception] | None  # None: the call succeeds
    requests: int
    status: int | None = None
    cause: type[Exception] | None = None  # the httpx exception chained as __cause__
    #: the waits expected between tries: "zero" (Retry-After: 0) or "backoff"
    waits: str = "backoff"
    options: dict[str, Any] = field(default_factory=dict)
    http: bool = True  # also run over real HTTP

    def __str__(self) -> str:
        return self.name


STATUS_CLASSES: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    404: NotFoundError,
    408: APIStatusError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
    500: InternalServerError,
    502: InternalServerError,
    503: InternalServerError,
    504: InternalServerError,
}


def _fail(status: int, times: int, retry_after: str | None = None) -> Callable[[FakeChatBotKit, str], object]:
    return lambda fake, operation: fake.fail(
        status, times=times, operation=operation, retry_after=retry_after
    )


FAULTS: list[Fault] = [
    Fault("429 Retry-After 0, then served", _fail(429, RETRIES, "0"), None, RETRIES + 1, waits="zero"),
    Fault(
        "429 Retry-After 0, every time",
        _fail(429, RETRIES + 1, "0"),
        RateLimitError,
        RETRIES + 1,
        status=429,
        waits="zero",
    ),
    Fault("429 without Retry-After, then served", _fail(429, RETRIES), None, RETRIES + 1),
    Fault(
        "429 without Retry-After, every time",
        _fail(429, RETRIES + 1),
        RateLimitError,
        RETRIES + 1,
        status=429,
    ),
    *(
        Fault(f"{status} once, then served", _fail(status, 1), None, 2, http=status in (503, 408))
        for status in (408, 500, 502, 503, 504)
    ),
    *(
        Fault(
            f"{status} every time",
            _fail(status, RETRIES + 1),
            STATUS_CLASSES[status],
            RETRIES + 1,
            status=status,
            http=status == 502,
        )
        for status in (408, 500, 502, 503, 504)
    ),
    *(
        Fault(
            f"{status} is not retried",
            _fail(status, 1),
            STATUS_CLASSES[status],
            1,
            status=status,
            http=status in (404, 422),
        )
        for status in (400, 401, 404, 409, 422)
    ),
    Fault(
        "stall longer than the timeout",
        lambda fake, operation: fake.stall(STALL, operation=operation),
        APITimeoutError,
        1,
        cause=httpx.ReadTimeout,
        options={"timeout": TIMEOUT},
    ),
    Fault(
        "stall once, retry_timeout=True",
        lambda fake, operation: fake.stall(STALL, operation=operation),
        None,
        2,
        options={"timeout": TIMEOUT, "retry_timeout": True},
    ),
    Fault(
        "stall every time, retry_timeout=True",
        lambda fake, operation: fake.stall(STALL, times=RETRIES + 1, operation=operation),
        APITimeoutError,
        RETRIES + 1,
        cause=httpx.ReadTimeout,
        options={"timeout": TIMEOUT, "retry_timeout": True},
        http=False,
    ),
    Fault("drop once, then served", lambda fake, operation: fake.drop(operation=operation), None, 2),
    Fault(
        "drop every time",
        lambda fake, operation: fake.drop(times=RETRIES + 1, operation=operation),
        APIConnectionError,
        RETRIES + 1,
        cause=httpx.RemoteProtocolError,
    ),
    # A cut on a plain (not streamed) answer: the fake sends half the body, then hangs up.
    Fault(
        "body cut once, then served", lambda fake, operation: fake.cut_stream(0, operation=operation), None, 2
    ),
    Fault(
        "body cut every time",
        lambda fake, operation: fake.cut_stream(0, times=RETRIES + 1, operation=operation),
        APIConnectionError,
        RETRIES + 1,
        cause=httpx.RemoteProtocolError,
    ),
]

MATRIX = [
    pytest.param(mode, op, fault, id=f"{mode}-{op}-{fault}")
    for fault in FAULTS
    for op in PLAIN_OPS
    for mode in ALL_MODES
    if not mode.startswith("http") or (fault.http and op is not MESSAGE_CREATE)
]


def options_for(mode: str, options: dict[str, Any]) -> dict[str, Any]:
    """A fault's client options for ``mode``: an in-process run takes the shorter timeout."""
    if "timeout" in options and not mode.startswith("http"):
        return {**options, "timeout": TIMEOUT_IN_PROCESS}
    return options


def check_outcome(
    fault: Fault, outcome: Any, error: BaseException | None, requests: int, delays: list[float]
) -> None:
    if fault.error is None:
        assert error is None, f"expected success, got {error!r}"
        assert outcome is not None
    else:
        assert error is not None, f"expected {fault.error.__name__}, got {outcome!r}"
        assert type(error) is fault.error, repr(error)
        assert isinstance(error, ChatBotKitError)
        assert not isinstance(error, httpx.HTTPError)
        if fault.status is not None:
            assert isinstance(error, APIStatusError)
            assert error.status_code == fault.status
        if fault.cause is not None:
            assert type(error.__cause__) is fault.cause, repr(error.__cause__)
    assert requests == fault.requests
    assert len(delays) == fault.requests - 1  # one wait before each retry, none after the last try
    if fault.waits == "zero":
        assert delays == [0.0] * len(delays)
    else:
        assert_backoff(delays)


@pytest.mark.parametrize(("mode", "op", "fault"), MATRIX)
def test_fault_matrix(mode: str, op: Op, fault: Fault, fake: FakeChatBotKit, sleeps: list[float]) -> None:
    conversation_id = new_conversation(fake, SECRET)
    fault.inject(fake, op.operation)
    outcome: Any = None
    error: BaseException | None = None
    started = time.monotonic()
    with served(fake, mode) as url:
        try:
            outcome = drive(
                mode, fake, url, lambda c: op.call(c, conversation_id), **options_for(mode, fault.options)
            )
        except Exception as exc:
            error = exc
    assert time.monotonic() - started < NO_HANG
    check_outcome(fault, outcome, error, seen(fake, op.operation), sleeps)
    assert all(f.times == 0 for f in fake.faults)  # every injected fault was met


STREAM_FAULTS: list[Fault] = [
    # Before the first event, a stream request is an ordinary request: retried the same way.
    Fault("429 Retry-After 0 before the stream", _fail(429, RETRIES, "0"), None, RETRIES + 1, waits="zero"),
    Fault("503 before the stream", _fail(503, 1), None, 2),
    Fault("404 before the stream", _fail(404, 1), NotFoundError, 1, status=404),
    Fault("drop before the stream", lambda fake, operation: fake.drop(operation=operation), None, 2),
    Fault(
        "stall before the stream, retry_timeout=True",
        lambda fake, operation: fake.stall(STALL, operation=operation),
        None,
        2,
        options={"timeout": TIMEOUT, "retry_timeout": True},
    ),
]


@pytest.mark.parametrize(
    ("mode", "fault"),
    [pytest.param(mode, fault, id=f"{mode}-{fault}") for fault in STREAM_FAULTS for mode in ALL_MODES],
)
def test_stream_faults_before_the_first_event(
    mode: str, fault: Fault, fake: FakeChatBotKit, sleeps: list[float]
) -> None:
    conversation_id = new_conversation(fake, SECRET)
    fault.inject(fake, STREAM.operation)
    events: list[Any] = []
    outcome: Any = None
    error: BaseException | None = None
    with served(fake, mode) as url:
        try:
            outcome = drive(
                mode,
                fake,
                url,
                lambda c: STREAM.call(c, conversation_id),
                events,
                **options_for(mode, fault.options),
            )
        except Exception as exc:
            error = exc
    check_outcome(fault, outcome, error, seen(fake, STREAM.operation), sleeps)
    if fault.error is None:
        assert event_types(events)[0] == "completeBegin"
        assert event_types(events)[-1] == "result"
    else:
        assert events == []


@pytest.mark.parametrize("mode", ALL_MODES)
@pytest.mark.parametrize("retry_timeout", [False, True])
def test_a_stream_cut_after_two_events_is_never_retried(
    mode: str, retry_timeout: bool, fake: FakeChatBotKit, sleeps: list[float]
) -> None:
    conversation_id = new_conversation(fake, SECRET)
    fake.cut_stream(2)
    events: list[Any] = []
    with served(fake, mode) as url, pytest.raises(APIConnectionError) as caught:
        drive(
            mode,
            fake,
            url,
            lambda c: STREAM.call(c, conversation_id),
            events,
            retries=5,
            retry_timeout=retry_timeout,
        )
    assert type(caught.value) is APIConnectionError
    assert isinstance(caught.value.__cause__, httpx.RemoteProtocolError)
    assert event_types(events) == ["completeBegin", "token"]
    assert seen(fake, STREAM.operation) == 1
    assert sleeps == []


@pytest.mark.parametrize("mode", ALL_MODES)
@pytest.mark.parametrize("after", [0, 3])
def test_a_malformed_line_is_a_stream_decode_error_and_not_retried(
    mode: str, after: int, fake: FakeChatBotKit, sleeps: list[float]
) -> None:
    conversation_id = new_conversation(fake, SECRET)
    fake.malformed_line(after)
    events: list[Any] = []
    with served(fake, mode) as url, pytest.raises(StreamDecodeError) as caught:
        drive(mode, fake, url, lambda c: STREAM.call(c, conversation_id), events, retries=5)
    assert len(events) == after
    assert "not JSON" in caught.value.line
    assert seen(fake, STREAM.operation) == 1
    assert sleeps == []


@pytest.mark.parametrize("mode", ["http-sync", "http-async"])
def test_a_stream_stalled_mid_way_times_out_and_is_not_retried(mode: str, sleeps: list[float]) -> None:
    # Tokens 1 s apart, a 0.3 s read timeout: the first event arrives, then the wait for
    # the first token times out. Even with retry_timeout=True a started stream is not sent again.
    fake = FakeChatBotKit(token_delay=1.0)
    conversation_id = new_conversation(fake, SECRET)
    events: list[Any] = []
    started = time.monotonic()
    with served(fake, mode) as url, pytest.raises(APITimeoutError) as caught:
        drive(
            mode,
            fake,
            url,
            lambda c: STREAM.call(c, conversation_id),
            events,
            timeout=TIMEOUT,
            retry_timeout=True,
            retries=3,
        )
    assert time.monotonic() - started < NO_HANG
    assert isinstance(caught.value.__cause__, httpx.ReadTimeout)
    assert event_types(events) == ["completeBegin"]
    assert seen(fake, STREAM.operation) == 1
    assert sleeps == []


# --- 2. retry timing ------------------------------------------------------------------------


@pytest.mark.parametrize("mode", IN_PROCESS)
@pytest.mark.parametrize("status", [429, 503])
def test_without_retry_after_the_backoff_doubles_with_jitter_up_to_the_cap(
    mode: str, status: int, fake: FakeChatBotKit, sleeps: list[float]
) -> None:
    conversation_id = new_conversation(fake, SECRET)
    fake.fail(status, times=6)
    result = drive(mode, fake, None, lambda c: c.fetch(conversation_id), retries=6, retry_delay=1.0)
    assert result.id == conversation_id
    assert seen(fake, "fetch_conversation") == 7
    assert len(sleeps) == 6
    assert_backoff(sleeps, retry_delay=1.0)
    assert max(sleeps) <= MAX_BACKOFF
    assert sleeps[4] >= 0.75 * MAX_BACKOFF  # 16 s: capped
    assert sleeps[5] >= 0.75 * MAX_BACKOFF  # 32 s: capped


@pytest.mark.parametrize(("draw", "factor"), [(0.0, 1.0), (0.5, 0.875), (0.999999, 0.75)])
def test_the_jitter_factor_is_one_minus_a_quarter_of_a_random_draw(
    draw: float, factor: float, fake: FakeChatBotKit, sleeps: list[float], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(chatbotkit_sdk._core, "random", SimpleNamespace(random=lambda: draw))
    conversation_id = new_conversation(fake, SECRET)
    fake.fail(503, times=5)
    drive("sync", fake, None, lambda c: c.fetch(conversation_id), retries=5, retry_delay=0.5)
    expected = [min(0.5 * 2**n, MAX_BACKOFF) * factor for n in range(5)]
    assert sleeps == pytest.approx(expected, rel=1e-5)


def test_the_jitter_spreads_waits_out() -> None:
    core = ClientCore(ClientOptions.create(secret=SECRET))
    call = core.call("fetch_conversation", ("cnv_1",), {})
    assert call.result is models.Conversation
    waits = [ClientCore.backoff(call, 2, None) for _ in range(400)]
    low, high = backoff_bounds(2, call.retry_delay)
    assert all(low <= wait <= high for wait in waits)
    # 400 draws all in one tenth of the range would have a probability of 10**-400.
    assert max(waits) - min(waits) > (high - low) / 10


def _future_http_date(seconds: float) -> str:
    when = datetime.datetime.now(datetime.UTC) + datetime.timedelta(seconds=seconds)
    return format_datetime(when, usegmt=True)


@pytest.mark.parametrize("mode", IN_PROCESS)
@pytest.mark.parametrize(
    ("retry_after", "bounds"),
    [
        ("2.5", (2.5, 2.5)),
        ("0", (0.0, 0.0)),
        (f"{MAX_RETRY_AFTER:g}", (MAX_RETRY_AFTER, MAX_RETRY_AFTER)),
        ("http-date+30", (27.0, 30.0)),
        ("http-date-past", (0.0, 0.0)),
    ],
)
def test_retry_after_from_the_fake_is_honoured_up_to_60s(
    mode: str, retry_after: str, bounds: tuple[float, float], fake: FakeChatBotKit, sleeps: list[float]
) -> None:
    if retry_after == "http-date+30":
        retry_after = _future_http_date(30)
    elif retry_after == "http-date-past":
        retry_after = "Wed, 21 Oct 2015 07:28:00 GMT"
    conversation_id = new_conversation(fake, SECRET)
    fake.fail(429, retry_after=retry_after)
    assert drive(mode, fake, None, lambda c: c.fetch(conversation_id)).id == conversation_id
    assert seen(fake, "fetch_conversation") == 2
    assert len(sleeps) == 1
    assert bounds[0] <= sleeps[0] <= bounds[1]


@pytest.mark.parametrize("mode", IN_PROCESS)
@pytest.mark.parametrize(
    "retry_after",
    [f"{MAX_RETRY_AFTER + 1:g}", "3600", "http-date+120", "soon", "nan", "inf", "1e400", "Wed, 99 Foo 2015"],
)
def test_a_retry_after_too_long_or_unreadable_falls_back_to_backoff(
    mode: str, retry_after: str, fake: FakeChatBotKit, sleeps: list[float]
) -> None:
    if retry_after == "http-date+120":
        retry_after = _future_http_date(120)
    conversation_id = new_conversation(fake, SECRET)
    fake.fail(503, times=2, retry_after=retry_after)
    assert drive(mode, fake, None, lambda c: c.fetch(conversation_id), retry_delay=0.5).id
    assert seen(fake, "fetch_conversation") == 3
    assert len(sleeps) == 2
    assert_backoff(sleeps, retry_delay=0.5)


class Scripted:
    """A MockTransport answering from a list of responses (the last one repeats)."""

    def __init__(self, *answers: httpx.Response) -> None:
        self.answers = list(answers)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]

    def client(self, mode: str, **options: Any) -> Any:
        options = {"secret": SECRET, "retry_delay": 0.5, **options}
        transport = httpx.MockTransport(self)
        if mode == "sync":
            return ConversationClient(http_client=httpx.Client(transport=transport), **options)
        return AsyncConversationClient(http_client=httpx.AsyncClient(transport=transport), **options)


def run_call(client: Any, call: Callable[[Any], Any]) -> Any:
    return asyncio.run(settle(call(client), []))


CONVERSATION = {"id": "cnv_1", "createdAt": 1, "updatedAt": 2}


@pytest.mark.parametrize("mode", IN_PROCESS)
@pytest.mark.parametrize(
    ("headers", "low", "high"),
    [
        ({"retry-after-ms": "1500"}, 1.5, 1.5),
        ({"retry-after-ms": "0"}, 0.0, 0.0),
        ({"retry-after-ms": "60000"}, 60.0, 60.0),
        ({"retry-after-ms": "250", "retry-after": "30"}, 0.25, 0.25),  # ms wins
        ({"retry-after-ms": "60001"}, *backoff_bounds(0, 0.5)),
        ({"retry-after-ms": "bogus", "retry-after": "3"}, 3.0, 3.0),
        ({"retry-after": "-5"}, 0.0, 0.0),
    ],
)
def test_retry_after_ms(
    mode: str, headers: dict[str, str], low: float, high: float, sleeps: list[float]
) -> None:
    script = Scripted(httpx.Response(429, headers=headers), httpx.Response(200, json=CONVERSATION))
    result = run_call(script.client(mode), lambda c: c.fetch("cnv_1"))
    assert result.id == "cnv_1"
    assert len(script.requests) == 2
    assert len(sleeps) == 1
    assert low - 1e-9 <= sleeps[0] <= high + 1e-9


# --- 3. timeouts, per-call retries, logging ----------------------------------------------


@pytest.mark.parametrize("mode", IN_PROCESS)
@pytest.mark.parametrize(("retry_timeout", "requests"), [(False, 1), (True, RETRIES + 1)])
def test_timeouts_are_retried_only_with_retry_timeout(
    mode: str, retry_timeout: bool, requests: int, fake: FakeChatBotKit, sleeps: list[float]
) -> None:
    conversation_id = new_conversation(fake, SECRET)
    fake.stall(STALL, times=10)
    with pytest.raises(APITimeoutError):
        drive(
            mode,
            fake,
            None,
            lambda c: c.complete(conversation_id, HELLO),
            timeout=TIMEOUT_IN_PROCESS,
            retry_timeout=retry_timeout,
        )
    assert seen(fake, "complete_conversation_message") == requests
    assert len(sleeps) == requests - 1


@pytest.mark.parametrize("mode", ALL_MODES)
def test_per_call_retries_override_the_client(mode: str, fake: FakeChatBotKit, sleeps: list[float]) -> None:
    conversation_id = new_conversation(fake, SECRET)
    with served(fake, mode) as url:
        fake.fail(503, times=3)
        assert drive(mode, fake, url, lambda c: c.fetch(conversation_id, retries=3), retries=0).id
        assert seen(fake, "fetch_conversation") == 4
        fake.requests.clear()
        fake.fail(503, times=10)
        with pytest.raises(InternalServerError):
            drive(mode, fake, url, lambda c: c.fetch(conversation_id, retries=0), retries=5)
        assert seen(fake, "fetch_conversation") == 1
        fake.requests.clear()
        with pytest.raises(InternalServerError):
            drive(mode, fake, url, lambda c: c.complete(conversation_id, HELLO, retries=1), retries=5)
        assert seen(fake, "complete_conversation_message") == 2
    assert len(sleeps) == 3 + 0 + 1


@pytest.mark.parametrize("mode", IN_PROCESS)
def test_each_retry_is_logged_at_debug(
    mode: str, fake: FakeChatBotKit, sleeps: list[float], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="chatbotkit_sdk")
    conversation_id = new_conversation(fake, SECRET)
    fake.fail(503, times=1)
    fake.drop(times=1)
    fake.fail(429, retry_after="0", times=1)
    assert drive(mode, fake, None, lambda c: c.fetch(conversation_id), retries=3).id == conversation_id
    retries = [r for r in caplog.records if r.getMessage().startswith("retrying")]
    assert len(retries) == 3 == len(sleeps)
    assert all(r.name == "chatbotkit_sdk" and r.levelno == logging.DEBUG for r in retries)
    messages = [r.getMessage() for r in retries]
    path = f"/api/v1/conversation/{conversation_id}/fetch"
    assert all(f"GET {BASE_URL}{path}" in m for m in messages)
    assert "(retry 1 of 3): status 503" in messages[0]
    assert "(retry 2 of 3): RemoteProtocolError" in messages[1]
    assert "in 0.00s (retry 3 of 3): status 429" in messages[2]
    assert all(SECRET not in r.getMessage() for r in caplog.records)


# --- 4. transport failures on real sockets -------------------------------------------------


def _reset(conn: socket.socket) -> None:
    """Close with an RST instead of a FIN: the peer sees 'connection reset'."""
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))


RESET = b"\x00reset"  # a step of a script: reset the connection (and stop)


class RawServer:
    """A TCP server on 127.0.0.1 answering each request with scripted bytes, for failures that
    only a wire can produce. Counts the requests it read; bounded by socket timeouts."""

    def __init__(self, steps: list[bytes]) -> None:
        self.steps = steps
        self.requests = 0
        self._sock = socket.create_server(("127.0.0.1", 0))
        self._sock.settimeout(0.05)
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self.port = self._sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> RawServer:
        thread = threading.Thread(target=self._accept, daemon=True)
        thread.start()
        self._threads.append(thread)
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=5)
        self._sock.close()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            thread = threading.Thread(target=self._serve, args=(conn,), daemon=True)
            thread.start()
            self._threads.append(thread)

    def _serve(self, conn: socket.socket) -> None:
        conn.settimeout(5)
        with conn:
            data = b""
            try:
                while b"\r\n\r\n" not in data:
                    chunk = conn.recv(65536)
                    if not chunk:
                        return
                    data += chunk
                head, _, body = data.partition(b"\r\n\r\n")
                length = 0
                for line in head.split(b"\r\n")[1:]:
                    name, _, value = line.partition(b":")
                    if name.strip().lower() == b"content-length":
                        length = int(value)
                while len(body) < length:
                    body += conn.recv(65536)
                self.requests += 1
                for step in self.steps:
                    if step == RESET:
                        _reset(conn)
                        return
                    conn.sendall(step)
                    time.sleep(0.01)  # let the client read what was sent before what follows
            except OSError:
                return


def _head(status: str = "200 OK", **headers: str) -> bytes:
    lines = [
        f"HTTP/1.1 {status}",
        "Connection: close",
        *(f"{k.replace('_', '-')}: {v}" for k, v in headers.items()),
    ]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def _plain(body: bytes, status: str = "200 OK", **headers: str) -> list[bytes]:
    return [_head(status, Content_Type="application/json", Content_Length=str(len(body)), **headers) + body]


CONVERSATION_JSON = json.dumps(CONVERSATION).encode()


@dataclass(frozen=True)
class WireFailure:
    name: str
    steps: list[bytes]
    error: type[Exception]
    cause: tuple[type[BaseException], ...]
    retried: bool

    def __str__(self) -> str:
        return self.name


WIRE_FAILURES = [
    WireFailure("reset before the answer", [RESET], APIConnectionError, (httpx.ReadError,), True),
    WireFailure("closed before the answer", [], APIConnectionError, (httpx.RemoteProtocolError,), True),
    WireFailure(
        "reset mid-body",
        [_head(Content_Type="application/json", Content_Length="200") + CONVERSATION_JSON[:10], RESET],
        APIConnectionError,
        (httpx.ReadError,),
        True,
    ),
    WireFailure(
        "dropped mid-body",
        [_head(Content_Type="application/json", Content_Length="200") + CONVERSATION_JSON[:10]],
        APIConnectionError,
        (httpx.RemoteProtocolError,),
        True,
    ),
    WireFailure(
        "truncated chunked body",
        [
            _head(Content_Type="application/json", Transfer_Encoding="chunked")
            + b"40\r\n"
            + CONVERSATION_JSON[:10]
        ],
        APIConnectionError,
        (httpx.RemoteProtocolError,),
        True,
    ),
    WireFailure(
        "bad chunk size",
        [_head(Content_Type="application/json", Transfer_Encoding="chunked") + b"zz\r\n{}\r\n0\r\n\r\n"],
        APIConnectionError,
        (httpx.RemoteProtocolError,),
        True,
    ),
    WireFailure(
        "not HTTP at all",
        [b"SSH-2.0-OpenSSH_9.6\r\n"],
        APIConnectionError,
        (httpx.RemoteProtocolError,),
        True,
    ),
    WireFailure(
        "gzip that is not gzip",
        _plain(b"this is not gzip", Content_Encoding="gzip"),
        APIConnectionError,
        (httpx.DecodingError,),
        False,
    ),
    WireFailure(
        "invalid UTF-8 body",
        _plain(b'{"id": "cnv_\xff\xfe", "createdAt": 1, "updatedAt": 2}'),
        ResponseValidationError,
        (UnicodeDecodeError,),
        False,
    ),
    WireFailure(
        "non-JSON 2xx body",
        _plain(b"<html>upstream ok</html>"),
        ResponseValidationError,
        (ValueError,),
        False,
    ),
    WireFailure(
        "2xx body missing required fields",
        _plain(b'{"id": "cnv_1"}'),
        ResponseValidationError,
        (Exception,),
        False,
    ),
    WireFailure(
        "2xx JSON of the wrong shape", _plain(b"[1, 2, 3]"), ResponseValidationError, (Exception,), False
    ),
]


def _check_typed(error: BaseException, failure: WireFailure) -> None:
    assert type(error) is failure.error, repr(error)
    assert isinstance(error, ChatBotKitError)
    assert not isinstance(error, httpx.HTTPError | json.JSONDecodeError | KeyError)
    assert isinstance(error.__cause__, failure.cause), repr(error.__cause__)
    if isinstance(error, APIConnectionError):
        assert isinstance(error.__cause__, httpx.HTTPError)
        assert error.request is not None
        assert error.request.headers["authorization"] == "[redacted]"
    if isinstance(error, ResponseValidationError):
        assert error.response.status_code == 200


@pytest.mark.parametrize("mode", IN_PROCESS)
@pytest.mark.parametrize("failure", WIRE_FAILURES, ids=str)
def test_transport_failures_become_typed_errors_with_the_cause_chained(
    mode: str, failure: WireFailure, sleeps: list[float]
) -> None:
    with RawServer(failure.steps) as server:
        client = (ConversationClient if mode == "sync" else AsyncConversationClient)(
            secret=SECRET, base_url=server.url, retries=RETRIES, retry_delay=DELAY, timeout=NO_HANG
        )
        with pytest.raises(ChatBotKitError) as caught:
            run_call(client, lambda c: c.fetch("cnv_1"))
    _check_typed(caught.value, failure)
    tries = RETRIES + 1 if failure.retried else 1
    assert server.requests == tries
    assert len(sleeps) == tries - 1


@pytest.mark.parametrize("mode", IN_PROCESS)
def test_connection_refused_is_retried_then_a_typed_error(
    mode: str, sleeps: list[float], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="chatbotkit_sdk")
    with closed_port() as port:
        client = (ConversationClient if mode == "sync" else AsyncConversationClient)(
            secret=SECRET, base_url=f"http://127.0.0.1:{port}", retries=RETRIES, retry_delay=DELAY
        )
        for call in (lambda c: c.fetch("cnv_1"), lambda c: c.complete("cnv_1", HELLO).stream()):
            sleeps.clear()
            caplog.clear()
            with pytest.raises(APIConnectionError) as caught:
                run_call(client, call)
            assert type(caught.value) is APIConnectionError
            assert isinstance(caught.value.__cause__, httpx.ConnectError)
            assert len(sleeps) == RETRIES
            requests = [r for r in caplog.records if r.getMessage().startswith("request:")]
            assert len(requests) == RETRIES + 1


STREAM_HEAD = _head(Content_Type="application/jsonl", Transfer_Encoding="chunked")


def _chunk(line: dict[str, Any]) -> bytes:
    data = json.dumps(line).encode() + b"\n"
    return b"%x\r\n%s\r\n" % (len(data), data)


TOKEN_LINES = [_chunk({"type": "token", "data": {"token": f"t{i} "}}) for i in range(2)]


@pytest.mark.parametrize("mode", IN_PROCESS)
@pytest.mark.parametrize(
    ("ending", "cause"),
    [
        ([RESET], httpx.ReadError),
        ([], httpx.RemoteProtocolError),
        ([b'5\r\n{"ty'], httpx.RemoteProtocolError),
        ([b"zz\r\n"], httpx.RemoteProtocolError),
    ],
    ids=["reset", "closed", "closed mid-chunk", "bad chunk size"],
)
def test_a_stream_broken_on_the_wire_raises_after_its_events_and_is_not_retried(
    mode: str, ending: list[bytes], cause: type[Exception], sleeps: list[float]
) -> None:
    with RawServer([STREAM_HEAD + b"".join(TOKEN_LINES), *ending]) as server:
        client = (ConversationClient if mode == "sync" else AsyncConversationClient)(
            secret=SECRET, base_url=server.url, retries=RETRIES, retry_delay=DELAY, timeout=NO_HANG
        )
        events: list[Any] = []
        with pytest.raises(APIConnectionError) as caught:
            asyncio.run(settle(client.complete("cnv_1", HELLO).stream(), events))
    assert type(caught.value) is APIConnectionError
    assert isinstance(caught.value.__cause__, cause)
    assert [e.data.token for e in events] == ["t0 ", "t1 "]
    assert server.requests == 1
    assert sleeps == []


# --- 5. cancellation and connection hygiene ----------------------------------------------------


def open_connections(port: int) -> int:
    """This process's open TCP sockets connected to ``port`` on the other end (Linux /proc)."""
    inodes = set()
    for fd in os.listdir("/proc/self/fd"):
        with contextlib.suppress(OSError):
            target = os.readlink(f"/proc/self/fd/{fd}")
            if target.startswith("socket:["):
                inodes.add(target[len("socket:[") : -1])
    count = 0
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with contextlib.suppress(OSError), open(table) as lines:
            for line in list(lines)[1:]:
                fields = line.split()
                if int(fields[2].rsplit(":", 1)[1], 16) == port and fields[9] in inodes:
                    count += 1
    return count


linux_only = pytest.mark.skipif(
    not (sys.platform.startswith("linux") and os.path.exists("/proc/net/tcp")),
    reason="counts sockets through /proc (Linux)",
)
LIMITS = httpx.Limits(max_connections=5, max_keepalive_connections=5)
# A short pool timeout: a leaked connection makes the next request fail instead of hang.
POOL_TIMEOUT = httpx.Timeout(NO_HANG, pool=2.0)


def _port(url: str) -> int:
    return int(url.rsplit(":", 1)[1])


@linux_only
def test_the_socket_count_sees_an_open_stream() -> None:
    """The counter the tests below rely on does see a connection held by an open stream."""
    fake = FakeChatBotKit()
    with fake.serve() as url, httpx.Client(limits=LIMITS, timeout=POOL_TIMEOUT) as http:
        client = ConversationClient(secret=SECRET, base_url=url, http_client=http, retries=0)
        assert open_connections(_port(url)) == 0
        stream = client.complete(None, STATELESS).stream()
        with stream:
            events = iter(stream)  # kept: dropping a half-read iterator closes the stream
            next(events)
            assert open_connections(_port(url)) == 1
        assert open_connections(_port(url)) == 0  # a stream left early closes its connection


@linux_only
def test_cancelled_tasks_mid_stream_release_their_connections() -> None:
    # Tokens 50 ms apart: a stream lasts ~0.8 s, far longer than it takes to start five and
    # cancel them, so every task is cancelled mid-stream (the first event comes at once).
    fake = FakeChatBotKit(token_delay=0.05)

    async def run(url: str) -> tuple[int, int, str]:
        http = httpx.AsyncClient(limits=LIMITS, timeout=POOL_TIMEOUT)
        client = AsyncConversationClient(secret=SECRET, base_url=url, http_client=http, retries=0)
        baseline = open_connections(_port(url))
        cancelled = 0

        async def consume(started: asyncio.Event, variant: int) -> None:
            stream = client.complete(None, STATELESS).stream()
            if variant == 0:  # cancelled while waiting for the next chunk
                async for _event in stream:
                    started.set()
            elif variant == 1:  # cancelled in the loop body, inside async with
                async with stream:
                    async for _event in stream:
                        started.set()
                        await asyncio.sleep(60)
            else:  # cancelled in the loop body, without async with
                async for _event in stream:
                    started.set()
                    await asyncio.sleep(60)

        for batch in range(40):  # 200 tasks, 5 at a time through a pool of 5
            starts = [asyncio.Event() for _ in range(LIMITS.max_connections or 0)]
            tasks = [asyncio.create_task(consume(s, (batch + i) % 3)) for i, s in enumerate(starts)]
            await asyncio.wait_for(asyncio.gather(*(s.wait() for s in starts)), NO_HANG)
            for task in tasks:
                task.cancel()
            results = await asyncio.gather(*tasks, return_exceptions=True)
            cancelled += sum(isinstance(r, asyncio.CancelledError) for r in results)
            await asyncio.sleep(0)
        reply = await client.complete(None, STATELESS)
        during = open_connections(_port(url))
        await http.aclose()
        assert open_connections(_port(url)) == baseline
        return cancelled, during, reply.text

    with fake.serve() as url:
        cancelled, during, text = asyncio.run(asyncio.wait_for(run(url), 60))
    assert cancelled == 200
    assert during <= (LIMITS.max_keepalive_connections or 0)
    assert text.startswith("Good question.")
    assert sum(1 for r in fake.requests if r.operation == "complete_conversation") == 201


class Bug(Exception):
    """An application error raised inside a loop over a stream."""


def _sync_round(client: ConversationClient, index: int, kept: list[Any]) -> None:
    stream = client.complete(None, STATELESS).stream()
    kept.append(stream)
    variant = index % 4
    if variant == 0:
        for _event in stream:
            break
    elif variant == 1:
        with contextlib.suppress(Bug), stream:
            for _event in stream:
                raise Bug
    elif variant == 2:
        iterator = iter(stream)
        next(iterator)
        kept.append(iterator)  # the half-read iterator stays referenced: only close() frees it
        stream.close()
    else:
        with contextlib.suppress(Bug):
            for _event in stream:
                raise Bug


async def _async_round(client: AsyncConversationClient, index: int, kept: list[Any]) -> None:
    stream = client.complete(None, STATELESS).stream()
    kept.append(stream)
    variant = index % 4
    if variant == 0:
        async with stream:
            async for _event in stream:
                break
    elif variant == 1:
        with contextlib.suppress(Bug):
            async with stream:
                async for _event in stream:
                    raise Bug
    elif variant == 2:
        with contextlib.suppress(Bug):
            async for _event in stream:
                raise Bug
    else:
        started = asyncio.Event()

        async def consume() -> None:
            async for _event in stream:
                started.set()
                await asyncio.sleep(60)

        task = asyncio.create_task(consume())
        await started.wait()
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


@linux_only
def test_a_thousand_abandoned_streams_leave_no_socket_open() -> None:
    fake = FakeChatBotKit()
    rounds = 500  # sync, and as many async
    with fake.serve() as url:
        port = _port(url)
        baseline = open_connections(port)

        kept: list[Any] = []
        http = httpx.Client(limits=LIMITS, timeout=POOL_TIMEOUT)
        client = ConversationClient(secret=SECRET, base_url=url, http_client=http, retries=0)
        for index in range(rounds):
            _sync_round(client, index, kept)
        assert client.complete(None, STATELESS).stream().text().startswith("Good question.")
        assert open_connections(port) - baseline <= (LIMITS.max_keepalive_connections or 0)
        http.close()
        assert open_connections(port) == baseline

        async def run() -> str:
            kept_async: list[Any] = []
            http = httpx.AsyncClient(limits=LIMITS, timeout=POOL_TIMEOUT)
            client = AsyncConversationClient(secret=SECRET, base_url=url, http_client=http, retries=0)
            for index in range(rounds):
                await _async_round(client, index, kept_async)
            await asyncio.sleep(0)
            text = await client.complete(None, STATELESS).stream().text()
            assert open_connections(port) - baseline <= (LIMITS.max_keepalive_connections or 0)
            await http.aclose()
            return text

        assert asyncio.run(asyncio.wait_for(run(), 120)).startswith("Good question.")
        gc.collect()
        assert open_connections(port) == baseline
        del kept
    assert sum(1 for r in fake.requests if r.operation == "complete_conversation") == 2 * rounds + 2
