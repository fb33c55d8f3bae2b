"""Abandoned streams give their connection back: 1,000 early exits through a pool of 10.

These use real sockets on 127.0.0.1 (``streaming_server`` of tests/helpers.py): MockTransport has no pool to
exhaust. Each stream is left after its first event; if any response stayed open, the
eleventh request would wait for a free connection and fail with a pool timeout. The
stream objects, and in the ``with``/``close()`` cases their half-read iterators, are kept
referenced (as an application might), so neither reference counting nor httpcore's own
generator cleanup can release the connection behind our back: only the SDK's closing can.
"""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from chatbotkit_sdk import AsyncConversationClient, ConversationClient, EventStream
from tests.helpers import streaming_server

ROUNDS = 1000
LIMITS = httpx.Limits(max_connections=10, max_keepalive_connections=10)
# A short pool timeout turns a leaked connection into an error instead of a hang.
TIMEOUT = httpx.Timeout(10.0, pool=2.0)


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    with streaming_server() as url:
        yield url


def _open_connections(pool: object) -> int:
    return len(getattr(pool, "connections", []))


def _busy_connections(pool: object) -> int:
    """Connections of the pool that are still serving a response (not idle, not closed)."""
    return sum(not connection.is_idle() for connection in getattr(pool, "connections", []))


def test_sync_streams_left_early_release_their_connections(base_url: str) -> None:
    http = httpx.Client(limits=LIMITS, timeout=TIMEOUT)
    kept: list[object] = []
    with ConversationClient(
        secret="sk-test", base_url=base_url, http_client=http, retries=0, timeout=TIMEOUT
    ) as client:
        for index in range(ROUNDS):
            stream = client.complete("cnv_1", {"text": "hi"}).stream()
            if index % 4 == 0:
                kept.append(stream)
                for _event in stream:
                    break  # leaving the loop drops the iterator, which closes the response
            elif index % 4 == 1:
                with stream:
                    iterator = iter(stream)
                    next(iterator)
                kept.append((stream, iterator))
            elif index % 4 == 2:
                iterator = iter(stream)
                next(iterator)
                stream.close()
                kept.append((stream, iterator))
            else:
                iterator = iter(stream)
                next(iterator)
                del stream, iterator  # nothing refers to it any more
                # Dropping the last reference should release the connection on the spot; if
                # it did not (a reference cycle), only a collection can, so collect then. A
                # full collection every round over the whole suite's heap took a minute; the
                # outcome is the same: a stream that is never released ends in a pool timeout.
                if _busy_connections(http._transport._pool):
                    gc.collect()
                continue
            # Leaving the loop, the block or calling close() gives the connection back at once,
            # with no garbage collection (which the case above may need) to hide a leak.
            assert _busy_connections(http._transport._pool) == 0, f"round {index}"
        # Still usable afterwards, and nothing is left checked out of the pool.
        assert client.complete("cnv_1", {"text": "hi"}).stream().text().startswith("t0 t1 ")
        assert _open_connections(http._transport._pool) <= LIMITS.max_connections
    http.close()


def test_async_streams_left_early_release_their_connections(base_url: str) -> None:
    async def run() -> str:
        http = httpx.AsyncClient(limits=LIMITS, timeout=TIMEOUT)
        kept: list[object] = []
        async with AsyncConversationClient(
            secret="sk-test", base_url=base_url, http_client=http, retries=0, timeout=TIMEOUT
        ) as client:
            for index in range(ROUNDS):
                stream = client.complete("cnv_1", {"text": "hi"}).stream()
                if index % 2 == 0:
                    async with stream:
                        events = aiter(stream)
                        await anext(events)
                    kept.append((stream, events))
                else:
                    kept.append(stream)
                    async for _event in stream:
                        break  # asyncio's async-generator finalizer closes the response
                    await asyncio.sleep(0)
            text = await client.complete("cnv_1", {"text": "hi"}).stream().text()
            assert _open_connections(http._transport._pool) <= LIMITS.max_connections
        await http.aclose()
        return text

    assert asyncio.run(run()).startswith("t0 t1 ")


def _fail_inside_the_loop(stream: EventStream[Any]) -> None:
    for _event in stream:
        raise KeyError("application bug")


def test_an_exception_inside_the_loop_body_releases_the_connection(base_url: str) -> None:
    http = httpx.Client(limits=httpx.Limits(max_connections=1), timeout=TIMEOUT)
    client = ConversationClient(
        secret="sk-test", base_url=base_url, http_client=http, retries=0, timeout=TIMEOUT
    )
    kept: list[object] = []
    for _ in range(5):  # with one connection, a leak would fail on the second round
        stream = client.complete("cnv_1", {"text": "hi"}).stream()
        kept.append(stream)
        with pytest.raises(KeyError):
            _fail_inside_the_loop(stream)
    assert client.complete("cnv_1", {"text": "hi"}).stream().text().startswith("t0 ")
    http.close()
