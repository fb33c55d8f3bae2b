"""Faults as the fake's shells play them (``chatbotkit_sdk/testing/_transport.py`` in process,
and the loopback server for comparison): sync and async clients, in process and over HTTP.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from typing import Any

import httpx
import pytest

from chatbotkit_sdk import (
    APIConnectionError,
    APITimeoutError,
    AsyncConversationClient,
    ConversationClient,
    InternalServerError,
    StreamDecodeError,
)
from chatbotkit_sdk.testing import FakeChatBotKit
from tests.helpers import BASE_URL, FAKE_SECRET, drain_later, event_types, settle, tokens_of

ONE_USER_MESSAGE = {"messages": [{"type": "user", "text": "Hello"}]}


# --- 6. faults: sync and async clients, in process and over HTTP ---------------------------


class Driver:
    """Runs a client call in one mode: sync or async client, in process or over HTTP."""

    def __init__(self, mode: str, fake: FakeChatBotKit, url: str | None) -> None:
        self.mode, self.fake, self.url = mode, fake, url

    def __call__(self, action: Callable[[Any], Any], **options: Any) -> Any:
        options = {"secret": FAKE_SECRET, "retry_delay": 0, **options}

        async def go() -> Any:
            if self.mode.endswith("async"):
                http = self.fake.async_http_client() if self.url is None else None
                try:
                    async with AsyncConversationClient(
                        base_url=self.url or BASE_URL, http_client=http, **options
                    ) as client:
                        return await settle(action(client))
                finally:
                    if http is not None:
                        await http.aclose()
            http_sync = self.fake.http_client() if self.url is None else None
            with ConversationClient(
                base_url=self.url or BASE_URL, http_client=http_sync, **options
            ) as client:
                return await settle(action(client))

        return asyncio.run(go())

    def stream(self, action: Callable[[Any], Any], into: list[Any], **options: Any) -> None:
        """Stream ``action(client).stream()`` into ``into`` (raising what the stream raises)."""
        self(lambda client: drain_later(action(client).stream(), into), **options)


@pytest.fixture(params=["sync", "async", "http-sync", "http-async"])
def drive(request: pytest.FixtureRequest, fake: FakeChatBotKit) -> Iterator[Driver]:
    with ExitStack() as stack:
        url = stack.enter_context(fake.serve()) if request.param.startswith("http") else None
        yield Driver(request.param, fake, url)


@pytest.fixture
def conversation_id(fake: FakeChatBotKit, raw: httpx.Client) -> str:
    conversation_id: str = raw.post("/v1/conversation/create", json={"model": "gpt-4o"}).json()["id"]
    fake.requests.clear()
    return conversation_id


def test_rate_limited_twice_then_served(drive: Driver, fake: FakeChatBotKit, conversation_id: str) -> None:
    fake.fail(429, retry_after="0", times=2)
    fetched = drive(lambda c: c.fetch(conversation_id))
    assert fetched.id == conversation_id
    assert [r.operation for r in fake.requests] == ["fetch_conversation"] * 3
    assert fake.faults[0].times == 0


def test_retry_after_header_and_body_of_an_injected_failure(raw: httpx.Client, fake: FakeChatBotKit) -> None:
    fake.fail(429, retry_after="7")
    answer = raw.get("/v1/conversation/list")
    assert answer.status_code == 429
    assert answer.headers["retry-after"] == "7"
    assert answer.json() == {"message": "Injected failure", "code": "TOO_MANY_REQUESTS"}
    assert raw.get("/v1/conversation/list").status_code == 200


def test_server_error_without_retries(drive: Driver, fake: FakeChatBotKit, conversation_id: str) -> None:
    fake.fail(503)
    with pytest.raises(InternalServerError) as caught:
        drive(lambda c: c.fetch(conversation_id), retries=0)
    assert (caught.value.status_code, caught.value.code) == (503, "SERVICE_UNAVAILABLE")
    assert len(fake.requests) == 1
    assert drive(lambda c: c.fetch(conversation_id), retries=0).id == conversation_id


def test_a_stall_longer_than_the_timeout(drive: Driver, fake: FakeChatBotKit, conversation_id: str) -> None:
    fake.stall(1.5)
    started = time.monotonic()
    with pytest.raises(APITimeoutError):
        drive(lambda c: c.fetch(conversation_id), timeout=0.2)
    assert time.monotonic() - started < 1.2
    assert len(fake.requests) == 1  # timeouts are not retried by default


def test_a_stall_shorter_than_the_timeout(drive: Driver, fake: FakeChatBotKit, conversation_id: str) -> None:
    fake.stall(0.15)
    started = time.monotonic()
    assert drive(lambda c: c.fetch(conversation_id), timeout=5).id == conversation_id
    assert time.monotonic() - started >= 0.14


def test_a_dropped_connection(drive: Driver, fake: FakeChatBotKit, conversation_id: str) -> None:
    fake.drop()
    with pytest.raises(APIConnectionError) as caught:
        drive(lambda c: c.fetch(conversation_id), retries=0)
    assert not isinstance(caught.value, APITimeoutError)
    fake.drop()
    assert drive(lambda c: c.fetch(conversation_id)).id == conversation_id
    assert len(fake.requests) == 3


def test_a_stream_cut_after_three_events(drive: Driver, fake: FakeChatBotKit, conversation_id: str) -> None:
    fake.cut_stream(after_events=3)
    events: list[Any] = []
    with pytest.raises(APIConnectionError):
        drive.stream(lambda c: c.complete(conversation_id, {"text": "Hello"}), events)
    assert event_types(events) == ["completeBegin", "token", "token"]
    assert tokens_of(events) == "Hello! I"
    assert len(fake.requests) == 1  # a stream that broke midway is not sent again


def test_a_malformed_line_after_two_events(drive: Driver, fake: FakeChatBotKit, conversation_id: str) -> None:
    fake.malformed_line(after_events=2)
    events: list[Any] = []
    with pytest.raises(StreamDecodeError) as caught:
        drive.stream(lambda c: c.complete(conversation_id, {"text": "Hello"}), events)
    assert event_types(events) == ["completeBegin", "token"]
    assert "not JSON" in caught.value.line


def test_a_fault_only_hits_matching_paths(drive: Driver, fake: FakeChatBotKit, conversation_id: str) -> None:
    fake.fail(503, path="/conversation/{conversationId}/message/list")
    assert drive(lambda c: c.fetch(conversation_id), retries=0).id == conversation_id
    assert fake.faults[0].times == 1
    with pytest.raises(InternalServerError):
        drive(lambda c: c.message.list(conversation_id), retries=0)
    assert fake.faults[0].times == 0
    assert drive(lambda c: c.message.list(conversation_id), retries=0).items == []


def test_times_counts_down(drive: Driver, fake: FakeChatBotKit, conversation_id: str) -> None:
    fake.fail(500, times=2)
    for left in (1, 0):
        with pytest.raises(InternalServerError):
            drive(lambda c: c.fetch(conversation_id), retries=0)
        assert fake.faults[0].times == left
    assert drive(lambda c: c.fetch(conversation_id), retries=0).id == conversation_id
    assert len(fake.requests) == 3
