"""The async client under asyncio and trio: every test runs once per backend.

httpx runs under either (through anyio, or trio directly for sockets), so the SDK must
not bring asyncio along where it does I/O or sleeps: a retry's back-off, the fake's
token delays and stalls, streams, cancellation and closing. Each test is a coroutine
run with ``anyio.run(..., backend=...)``, against ``FakeChatBotKit`` in process
(``fake.async_http_client()``) or over real sockets on 127.0.0.1 (``fake.serve()``).
Delays are a few milliseconds and nothing asserts on time; waits are bounded by
``NO_HANG`` so a bug fails instead of hanging.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Generator
from contextlib import contextmanager
from typing import Any, TypeVar

import anyio
import httpx
import pytest
import trio

from chatbotkit_sdk import (
    APIStatusError,
    APITimeoutError,
    AsyncConversationClient,
    AsyncEventStream,
    models,
    params,
)
from chatbotkit_sdk.testing import FakeChatBotKit

T = TypeVar("T")

SECRET = "sk_test_Backends_7hQ2"
IN_PROCESS_URL = "http://fake.chatbotkit.test"
STATELESS: params.CompleteRequestParam = {"messages": [{"type": "user", "text": "Why is the sky blue?"}]}
REPLY = 'Good question. You asked: "Why is the sky blue?" This fake bot can only repeat it, but it streams.'
DELAY = 0.001  # retry_delay and token_delay: real sleeps through the backend, kept tiny
NO_HANG = 10.0  # only a bound: nothing here should come near it
# One connection and a short pool timeout: a response left open makes the next call on the
# same client fail with a pool timeout instead of succeeding.
ONE_CONNECTION = httpx.Limits(max_connections=1, max_keepalive_connections=1)
POOL_TIMEOUT = httpx.Timeout(NO_HANG, pool=2.0)
#: The exception each backend cancels a task with (both are BaseException, not Exception).
NATIVE_CANCELLED: dict[str, type[BaseException]] = {"asyncio": asyncio.CancelledError, "trio": trio.Cancelled}


@pytest.fixture(params=["asyncio", "trio"])
def backend(request: pytest.FixtureRequest) -> str:
    name: str = request.param
    return name


@pytest.fixture(params=["in-process", "loopback"])
def transport(request: pytest.FixtureRequest) -> str:
    name: str = request.param
    return name


def run(backend: str, flow: Callable[[], Awaitable[T]]) -> T:
    """Run ``flow`` under ``backend``, checking it is really that event loop that runs it."""

    async def checked() -> T:
        assert running_backend() == backend
        with anyio.fail_after(NO_HANG):
            return await flow()

    return anyio.run(checked, backend=backend)


def running_backend() -> str:
    try:
        trio.lowlevel.current_task()
    except RuntimeError:
        asyncio.current_task()  # raises RuntimeError too when no asyncio loop runs
        return "asyncio"
    return "trio"


@contextmanager
def base_url(fake: FakeChatBotKit, transport: str) -> Generator[str, None, None]:
    if transport == "loopback":
        with fake.serve() as url:
            yield url
    else:
        yield IN_PROCESS_URL


def http_client(fake: FakeChatBotKit, transport: str, url: str) -> httpx.AsyncClient:
    """An httpx client for the fake; over loopback, a pool of one connection."""
    if transport == "loopback":
        return httpx.AsyncClient(limits=ONE_CONNECTION, timeout=POOL_TIMEOUT)
    return httpx.AsyncClient(transport=fake.transport(), base_url=url)


def client_for(http: httpx.AsyncClient, url: str, **options: Any) -> AsyncConversationClient:
    options.setdefault("retry_delay", DELAY)
    return AsyncConversationClient(secret=SECRET, base_url=url, http_client=http, **options)


def operations(fake: FakeChatBotKit) -> list[str | None]:
    return [r.operation for r in fake.requests]


# --- retries: the back-off sleeps through the running backend ----------------------------


@pytest.mark.parametrize("fault", ["status-503", "dropped-connection"])
def test_a_retried_call_sleeps_and_succeeds(backend: str, transport: str, fault: str) -> None:
    fake = FakeChatBotKit()

    def inject() -> None:
        if fault == "status-503":
            fake.fail(503)
        else:
            fake.drop()

    async def flow() -> tuple[str, str]:
        async with http_client(fake, transport, url) as http:
            client = client_for(http, url, retries=2)
            inject()
            page = await client.list()
            inject()  # a stream's request is retried the same way, before any event
            text = await client.complete(None, STATELESS).stream().text()
        assert page.items == []
        return page.cursor, text

    with base_url(fake, transport) as url:
        cursor, text = run(backend, flow)
    assert cursor == ""
    assert text == REPLY
    # Each call: the failed attempt, one back-off sleep, then the retry that succeeded.
    assert operations(fake) == ["list_conversations"] * 2 + ["complete_conversation"] * 2


def test_retries_give_up_with_the_last_error(backend: str) -> None:
    fake = FakeChatBotKit()
    fake.fail(503, times=3)

    async def flow() -> int:
        async with fake.async_http_client() as http:
            client = client_for(http, IN_PROCESS_URL, retries=2)
            with pytest.raises(APIStatusError) as caught:
                await client.list()
            return caught.value.status_code

    assert run(backend, flow) == 503
    assert operations(fake) == ["list_conversations"] * 3  # the first attempt and two retries


# --- the fake's own waits: stalls and token delays --------------------------------------


def test_the_fakes_stalls_wait_on_the_running_backend(backend: str) -> None:
    fake = FakeChatBotKit()

    async def flow() -> tuple[str, BaseException | None]:
        async with fake.async_http_client() as http:
            client = client_for(http, IN_PROCESS_URL, retries=0, timeout=0.05)
            fake.stall(DELAY)  # shorter than the read timeout: answers late
            page = await client.list()
            fake.stall(NO_HANG)  # longer: httpx's ReadTimeout, after waiting the timeout out
            with pytest.raises(APITimeoutError) as caught:
                await client.list()
        assert page.items == []
        return page.cursor, caught.value.__cause__

    cursor, cause = run(backend, flow)
    assert cursor == ""
    assert type(cause) is httpx.ReadTimeout
    assert operations(fake) == ["list_conversations"] * 2


# --- streaming ---------------------------------------------------------------------------


def test_stream_events_tokens_text_and_final_result(backend: str, transport: str) -> None:
    fake = FakeChatBotKit(token_delay=DELAY)  # a real (tiny) sleep between tokens

    async def flow() -> dict[str, Any]:
        async with http_client(fake, transport, url) as http:
            client = client_for(http, url, retries=0)
            events: list[Any] = []
            stream = client.complete(None, STATELESS).stream()
            assert isinstance(stream, AsyncEventStream)
            async with stream:
                async for event in stream:
                    events.append(event)
            tokens = [token async for token in client.complete(None, STATELESS).stream().tokens()]
            text = await client.complete(None, STATELESS).stream().text()
            final = await client.complete(None, STATELESS).stream().final_result()
            # Same connection reused throughout: every stream gave it back when done.
            plain = await client.complete(None, STATELESS)
        return {"events": events, "tokens": tokens, "text": text, "final": final, "plain": plain}

    with base_url(fake, transport) as url:
        got = run(backend, flow)

    events = got["events"]
    kinds = [event.type for event in events]
    tokens = kinds.count("token")
    assert tokens >= 10
    assert kinds == ["completeBegin", *["token"] * tokens, "completeEnd", "usage", "message", "result"]
    streamed = "".join(event.data.token for event in events if event.type == "token")
    assert streamed == REPLY
    assert isinstance(events[-1].data, models.CompleteResult)
    assert events[-1].data.text == REPLY
    assert got["tokens"] == [event.data.token for event in events if event.type == "token"]
    assert got["text"] == REPLY
    assert isinstance(got["final"], models.CompleteResult)
    assert got["final"].text == REPLY
    assert got["final"].end.reason == "stop"
    assert got["plain"].text == REPLY
    assert operations(fake) == ["complete_conversation"] * 5


# --- cancellation ------------------------------------------------------------------------


def response_closed(stream: AsyncEventStream[Any, Any]) -> bool:
    """Whether the stream's httpx response was closed (which only the SDK does: see below)."""
    response = stream._response
    return response is not None and response.is_closed


async def consume(
    where: str, stream: AsyncEventStream[Any, Any], events: list[Any], started: anyio.Event, kept: list[Any]
) -> None:
    """Read ``stream`` until cancelled ``where``; ``started`` is set at the first event."""
    if where == "awaiting-the-next-event":  # cancelled inside the SDK, awaiting the transport
        iterator = aiter(stream)
        kept.append(iterator)
        async for event in iterator:
            events.append(event)
            started.set()
    elif where == "in-the-loop-body":  # cancelled in the application's code, inside async with
        async with stream:
            iterator = aiter(stream)
            kept.append(iterator)
            async for event in iterator:
                events.append(event)
                started.set()
                await anyio.sleep_forever()
    else:  # the same without async with, and nothing keeps the iterator
        async for event in stream:
            events.append(event)
            started.set()
            await anyio.sleep_forever()


@pytest.mark.parametrize("where", ["awaiting-the-next-event", "in-the-loop-body", "no-async-with"])
def test_a_cancelled_stream_is_closed_and_the_client_stays_usable(
    backend: str, transport: str, where: str
) -> None:
    """A task consuming a stream is cancelled mid-stream by its task group.

    The half-read iterator is kept referenced (as an application might) where ``async with``
    or the SDK's own ``finally`` must close the response: otherwise garbage collection of
    httpx's generators would release the connection behind the SDK's back. Without
    ``async with``, releasing it is the backend's async-generator finalizer's job.
    """
    # Tokens 50 ms apart: the stream would last about a second, so the cancellation (right
    # after the first event) always lands mid-stream. The delay is dropped afterwards.
    fake = FakeChatBotKit(token_delay=0.05)
    kept: list[Any] = []

    async def flow() -> dict[str, Any]:
        async with http_client(fake, transport, url) as http:
            client = client_for(http, url, retries=0, timeout=POOL_TIMEOUT)
            stream = client.complete(None, STATELESS).stream()
            events: list[Any] = []
            seen: list[BaseException] = []
            started = anyio.Event()

            async def task() -> None:
                try:
                    await consume(where, stream, events, started, kept)
                except BaseException as exc:
                    seen.append(exc)
                    raise

            async with anyio.create_task_group() as group:
                group.start_soon(task)
                await started.wait()
                group.cancel_scope.cancel()
            # The task group absorbed exactly its own cancellation: nothing was raised in
            # its place (an SDK error wrapping it would have come out of the `async with`).
            caught = group.cancel_scope.cancelled_caught
            fake.token_delay = 0  # the rest at full speed (the server's abandoned answer too)
            # The next call on the same client: over loopback, through a pool of one
            # connection, so it only succeeds if the cancelled response gave it back.
            after = await client.complete(None, STATELESS).stream().text()
            closed = response_closed(stream)
        return {"events": events, "seen": seen, "caught": caught, "after": after, "closed": closed}

    with base_url(fake, transport) as url:
        got = run(backend, flow)

    assert got["caught"] is True
    assert len(got["seen"]) == 1
    assert type(got["seen"][0]) is NATIVE_CANCELLED[backend]
    events = got["events"]
    assert 1 <= len(events) <= 3  # stopped early: the stream has over twenty events
    assert events[0].type == "completeBegin"
    assert got["closed"] is True
    assert got["after"] == REPLY
    assert operations(fake) == ["complete_conversation"] * 2
    assert len(kept) == (0 if where == "no-async-with" else 1)


def test_a_deadline_ends_a_stream_in_the_same_task(backend: str, transport: str) -> None:
    """A cancel scope's deadline (rather than a task group's cancel) ends a stream cleanly."""
    fake = FakeChatBotKit(token_delay=0.05)

    async def flow() -> tuple[bool, int, bool, str]:
        events: list[Any] = []
        async with http_client(fake, transport, url) as http:
            client = client_for(http, url, retries=0, timeout=POOL_TIMEOUT)
            stream = client.complete(None, STATELESS).stream()
            with anyio.CancelScope() as scope:
                async for event in stream:
                    events.append(event)
                    if len(events) == 1:  # tokens come 50 ms apart: this expires mid-stream
                        scope.deadline = anyio.current_time() + 0.01
            fake.token_delay = 0
            after = await client.complete(None, STATELESS)
            closed = response_closed(stream)
        return scope.cancelled_caught, len(events), closed, after.text

    with base_url(fake, transport) as url:
        cancelled, count, closed, after = run(backend, flow)
    assert cancelled is True
    assert 1 <= count < 10
    assert closed is True
    assert after == REPLY


# --- closing -----------------------------------------------------------------------------


def pooled(http: httpx.AsyncClient) -> int:
    """The connections in the pool of an httpx client with its default transport (httpcore's)."""
    transport: Any = http._transport
    return len(transport._pool.connections)


def test_async_with_and_aclose_close_an_owned_pool(backend: str) -> None:
    fake = FakeChatBotKit()

    async def flow() -> list[tuple[int, bool, int]]:
        states: list[tuple[int, bool, int]] = []
        with fake.serve() as url:
            async with AsyncConversationClient(secret=SECRET, base_url=url) as client:
                http: httpx.AsyncClient = client._runner.http
                assert (await client.list()).items == []
                open_before = pooled(http)
            states.append((open_before, http.is_closed, pooled(http)))

            client = AsyncConversationClient(secret=SECRET, base_url=url)
            http = client._runner.http
            assert await client.complete(None, STATELESS).stream().text() == REPLY
            open_before = pooled(http)
            await client.aclose()
            states.append((open_before, http.is_closed, pooled(http)))
        return states

    # Each client held one kept-alive connection, and closing closed the pool and it.
    assert run(backend, flow) == [(1, True, 0), (1, True, 0)]
    assert operations(fake) == ["list_conversations", "complete_conversation"]


def test_closing_leaves_an_injected_http_client_open_and_usable(backend: str) -> None:
    fake = FakeChatBotKit()

    async def flow() -> tuple[bool, list[Any]]:
        async with fake.async_http_client() as http:
            async with client_for(http, IN_PROCESS_URL) as client:
                await client.list()
            other = client_for(http, IN_PROCESS_URL)
            await other.aclose()
            still_open = not http.is_closed
            page = await client_for(http, IN_PROCESS_URL).list()
        return still_open, page.items

    assert run(backend, flow) == (True, [])
    assert operations(fake) == ["list_conversations"] * 2


# --- the pytest plugin's async fixture --------------------------------------------------


def test_the_plugins_async_client_works_under_either_backend(
    backend: str, chatbotkit_async_client: AsyncConversationClient, chatbotkit_fake: FakeChatBotKit
) -> None:
    """The fixture's client is used under ``backend``; its teardown closes it outside any loop."""
    chatbotkit_fake.fail(503)

    async def flow() -> tuple[str, str]:
        conversation = await chatbotkit_async_client.create()
        text = await chatbotkit_async_client.complete(conversation.id, {"text": "thank you"}).stream().text()
        return conversation.id, text

    conversation_id, text = run(backend, flow)
    assert text == "You are welcome. Is there anything else?"
    assert list(chatbotkit_fake.conversations) == [conversation_id]
    assert operations(chatbotkit_fake) == ["create_conversation"] * 2 + ["complete_conversation_message"]
