"""The client classes (``chatbotkit_sdk/_client.py``): construction, the secret and base URL
from the environment, ``extend()``, and who closes the HTTP client. Sync and async.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from chatbotkit_sdk import (
    AsyncConversationClient,
    ChatBotKitError,
    ConversationClient,
    InternalServerError,
)
from chatbotkit_sdk.testing import FakeChatBotKit
from tests.helpers import CONVERSATION, SECRET, Harness, ok
from tests.sdk.test_methods import SUBCLIENTS

SECRET_ENV = "CHATBOTKIT_API_SECRET"
OFFICIAL = "https://api.chatbotkit.com"


# --- extend() -----------------------------------------------------------------------

FETCH_KEY = "/api/v1/conversation/{conversationId}/fetch"
MESSAGE_FETCH_KEY = "/api/v1/conversation/{conversationId}/message/{messageId}/fetch"


def test_extend_merges_headers_and_endpoints_and_replaces_the_rest(
    make: Callable[..., Harness], mode: str
) -> None:
    h = make(
        ok(CONVERSATION),
        base_url="http://localhost:8765",
        headers={"X-A": "a1", "X-B": "b1"},
        endpoints={FETCH_KEY: "/custom/{conversationId}"},
        run_as_user_id="usr_1",
        timezone="Europe/London",
        retries=0,
    )
    original = h.client
    extended = original.extend(
        secret="sk_other_9",
        base_url="http://localhost:9999",
        headers={"X-B": "b2", "X-C": "c2"},
        endpoints={MESSAGE_FETCH_KEY: "/m/{conversationId}/{messageId}"},
        run_as_user_id="usr_2",
        retries=2,
    )

    assert type(extended) is type(original)
    assert extended is not original
    for name, classes in SUBCLIENTS.items():
        sub = getattr(extended, name)
        assert type(sub) is classes[0 if mode == "sync" else 1]
        assert sub is not getattr(original, name)

    h.run(lambda c: c.fetch("cnv_1"), extended)
    sent = h.last
    assert str(sent.url) == "http://localhost:9999/custom/cnv_1"  # endpoint kept
    assert sent.headers["authorization"] == "Bearer sk_other_9"
    assert sent.headers["x-a"] == "a1"
    assert sent.headers["x-b"] == "b2"
    assert sent.headers["x-c"] == "c2"
    assert sent.headers["x-runas-user-id"] == "usr_2"
    assert sent.headers["x-timezone"] == "Europe/London"

    # The sub-clients of the new client use its options too.
    h.responder = ok({**CONVERSATION, "id": "msg_1", "type": "bot", "text": "Hi"})
    h.run(lambda c: c.message.fetch("cnv_1", "msg_1"), extended)
    sent = h.last
    assert str(sent.url) == "http://localhost:9999/m/cnv_1/msg_1"
    assert sent.headers["authorization"] == "Bearer sk_other_9"
    assert sent.headers["x-c"] == "c2"
    assert sent.headers["x-runas-user-id"] == "usr_2"

    # The original client is unchanged.
    h.run(lambda c: c.message.fetch("cnv_1", "msg_1"), original)
    sent = h.last
    assert str(sent.url) == "http://localhost:8765/api/v1/conversation/cnv_1/message/msg_1/fetch"
    assert sent.headers["authorization"] == f"Bearer {SECRET}"
    assert sent.headers["x-b"] == "b1"
    assert "x-c" not in sent.headers
    assert sent.headers["x-runas-user-id"] == "usr_1"

    # retries replaced: 2 on the new client, still 0 on the original.
    h.responder = lambda request: httpx.Response(503)
    before = len(h.requests)
    with pytest.raises(InternalServerError):
        h.run(lambda c: c.fetch("cnv_1"), extended)
    assert len(h.requests) - before == 3
    before = len(h.requests)
    with pytest.raises(InternalServerError):
        h.run(lambda c: c.fetch("cnv_1"), original)
    assert len(h.requests) - before == 1


def test_extend_checks_its_options(make: Callable[..., Harness]) -> None:
    client = make().client
    with pytest.raises(ValueError, match="Nowhere/Land"):
        client.extend(timezone="Nowhere/Land")
    with pytest.raises(TypeError, match="colour"):
        client.extend(colour="blue")


# --- construction, secrets, closing ---------------------------------------------------


@pytest.mark.parametrize("cls", [ConversationClient, AsyncConversationClient])
def test_no_secret_is_an_error(monkeypatch: pytest.MonkeyPatch, cls: type) -> None:
    monkeypatch.delenv(SECRET_ENV, raising=False)
    with pytest.raises(ChatBotKitError, match=SECRET_ENV):
        cls()
    with pytest.raises(ChatBotKitError, match=SECRET_ENV):
        cls(secret="")


def test_the_secret_comes_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, make: Callable[..., Harness]
) -> None:
    monkeypatch.setenv(SECRET_ENV, "sk_from_env_1")
    h = make(secret=None)
    h.run(lambda c: c.fetch("cnv_1"))
    assert h.last.headers["authorization"] == "Bearer sk_from_env_1"

    h = make(secret="sk_explicit_2")  # an explicit secret wins
    h.run(lambda c: c.fetch("cnv_1"))
    assert h.last.headers["authorization"] == "Bearer sk_explicit_2"


@pytest.fixture
def closed(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Every httpx client closed during the test."""
    seen: list[Any] = []
    sync_close, async_close = httpx.Client.close, httpx.AsyncClient.aclose

    def close(self: httpx.Client) -> None:
        seen.append(self)
        sync_close(self)

    async def aclose(self: httpx.AsyncClient) -> None:
        seen.append(self)
        await async_close(self)

    monkeypatch.setattr(httpx.Client, "close", close)
    monkeypatch.setattr(httpx.AsyncClient, "aclose", aclose)
    return seen


def test_sync_close_closes_an_owned_http_client(closed: list[Any]) -> None:
    client = ConversationClient(secret=SECRET)
    assert closed == []
    client.close()
    assert len(closed) == 1
    assert isinstance(closed[0], httpx.Client)
    assert closed[0].is_closed

    with ConversationClient(secret=SECRET) as entered:
        assert isinstance(entered, ConversationClient)
        assert len(closed) == 1
    assert len(closed) == 2
    assert closed[1].is_closed


def test_async_close_closes_an_owned_http_client(closed: list[Any]) -> None:
    async def go() -> None:
        client = AsyncConversationClient(secret=SECRET)
        assert closed == []
        await client.aclose()
        assert len(closed) == 1
        assert isinstance(closed[0], httpx.AsyncClient)
        assert closed[0].is_closed

        async with AsyncConversationClient(secret=SECRET) as entered:
            assert isinstance(entered, AsyncConversationClient)
            assert len(closed) == 1
        assert len(closed) == 2
        assert closed[1].is_closed

    asyncio.run(go())


def test_an_injected_http_client_is_left_open(closed: list[Any], mode: str) -> None:
    h = Harness(mode, ok(CONVERSATION))
    if mode == "sync":
        with h.client as entered:
            assert entered is h.client
            h.run(lambda c: c.fetch("cnv_1"))
        h.client.close()
    else:

        async def go() -> None:
            async with h.client as entered:
                assert entered is h.client
                await h.client.fetch("cnv_1")
            await h.client.aclose()

        asyncio.run(go())
    assert closed == []
    assert not h.http.is_closed
    # ... and still usable by its owner.
    h.run(lambda c: c.fetch("cnv_1"))
    assert len(h.requests) == 2


def test_closing_an_extended_client_leaves_the_pool_open(closed: list[Any], mode: str) -> None:
    if mode == "sync":
        client = ConversationClient(secret=SECRET)
        client.extend(run_as_user_id="usr_1").close()
        assert closed == []
        client.close()
    else:

        async def go() -> None:
            client = AsyncConversationClient(secret=SECRET)
            await client.extend(run_as_user_id="usr_1").aclose()
            assert closed == []
            await client.aclose()

        asyncio.run(go())
    assert len(closed) == 1


def test_the_wrong_kind_of_http_client_is_refused() -> None:
    with pytest.raises(TypeError, match="AsyncClient"):
        AsyncConversationClient(secret=SECRET, http_client=httpx.Client())
    with pytest.raises(TypeError, match="Client"):
        ConversationClient(secret=SECRET, http_client=httpx.AsyncClient())


BASE_URL_ENV = "CHATBOTKIT_BASE_URL"


@pytest.mark.parametrize("cls", [ConversationClient, AsyncConversationClient])
def test_chatbotkit_base_url_points_both_clients_at_another_api(
    cls: type[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = FakeChatBotKit(secret="sk-env")
    with fake.serve() as url:
        monkeypatch.setenv(SECRET_ENV, "sk-env")
        monkeypatch.setenv(BASE_URL_ENV, url)
        client = cls()
        assert client.options.origin == url
        if cls is ConversationClient:
            created = client.create({"name": "from the environment"})
            client.close()
        else:

            async def go() -> Any:
                async with client:
                    return await client.create({"name": "from the environment"})

            created = asyncio.run(go())
    assert fake.conversations[created.id]["name"] == "from the environment"


def test_an_explicit_base_url_or_host_wins_over_chatbotkit_base_url(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(BASE_URL_ENV, "http://127.0.0.1:9")
    assert ConversationClient(secret="sk", base_url="https://proxy.example").options.origin == (
        "https://proxy.example"
    )
    assert ConversationClient(secret="sk", host="api.example").options.origin == "https://api.example"
    monkeypatch.delenv(BASE_URL_ENV)
    assert ConversationClient(secret="sk").options.origin == "https://api.chatbotkit.com"


@pytest.mark.parametrize("value", ["api.chatbotkit.com", "ftp://example.com", "http://user:pw@example.com"])
def test_a_malformed_chatbotkit_base_url_is_an_error_naming_the_variable(
    value: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(BASE_URL_ENV, value)
    with pytest.raises(ValueError, match="the CHATBOTKIT_BASE_URL environment variable") as info:
        ConversationClient(secret="sk-not-shown")
    assert "sk-not-shown" not in str(info.value)
