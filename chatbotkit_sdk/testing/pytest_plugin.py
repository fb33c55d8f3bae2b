"""pytest plugin (entry point ``pytest11``): fixtures for testing code that uses the SDK.

Installed with the package; pytest loads it by itself. Fixtures:

- ``chatbotkit_fake``: a fresh ``FakeChatBotKit`` for each test;
- ``chatbotkit_client``: a ``ConversationClient`` wired to it in process;
- ``chatbotkit_async_client``: the same for ``AsyncConversationClient``;
- ``chatbotkit_url``: the fake served over HTTP on 127.0.0.1, for code that builds
  its own client (or is not Python).

To test against tomorrow's API (``FakeChatBotKit(newer_api=True)``): for one test,
``@pytest.mark.chatbotkit_fake(newer_api=True)``; for a whole suite, the ini option
``chatbotkit_newer_api = true`` (or ``pytest -o chatbotkit_newer_api=true``). A
marker's ``newer_api`` wins over the ini option.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest

from .._client import AsyncConversationClient, ConversationClient
from ._fake import FakeChatBotKit

BASE_URL = "http://fake.chatbotkit.test"
NEWER_API_INI = "chatbotkit_newer_api"
MARKER = "chatbotkit_fake"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addini(
        NEWER_API_INI,
        "chatbotkit_fake answers as a newer API would (FakeChatBotKit(newer_api=True))",
        type="bool",
        default=False,
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", f"{MARKER}(newer_api=True): this test's chatbotkit_fake answers as a newer API would"
    )


@pytest.fixture
def chatbotkit_fake(request: pytest.FixtureRequest) -> FakeChatBotKit:
    """A fresh, empty fake ChatBotKit API (no faults, no delay); see the module for ``newer_api``."""
    newer_api = bool(request.config.getini(NEWER_API_INI))
    marker = request.node.get_closest_marker(MARKER)
    if marker is not None:
        if marker.args or set(marker.kwargs) - {"newer_api"}:
            raise TypeError(f"@pytest.mark.{MARKER} takes only newer_api=True/False")
        newer_api = bool(marker.kwargs.get("newer_api", newer_api))
    return FakeChatBotKit(newer_api=newer_api)


@pytest.fixture
def chatbotkit_client(chatbotkit_fake: FakeChatBotKit) -> Iterator[ConversationClient]:
    """A ``ConversationClient`` that talks to ``chatbotkit_fake`` in process."""
    http = chatbotkit_fake.http_client()
    with ConversationClient(secret="sk-test", base_url=BASE_URL, http_client=http, retry_delay=0) as client:
        yield client
    http.close()


@pytest.fixture
def chatbotkit_async_client(chatbotkit_fake: FakeChatBotKit) -> Iterator[AsyncConversationClient]:
    """An ``AsyncConversationClient`` that talks to ``chatbotkit_fake`` in process."""
    http = chatbotkit_fake.async_http_client()
    yield AsyncConversationClient(secret="sk-test", base_url=BASE_URL, http_client=http, retry_delay=0)
    asyncio.run(http.aclose())


@pytest.fixture
def chatbotkit_url(chatbotkit_fake: FakeChatBotKit) -> Iterator[str]:
    """The base URL of ``chatbotkit_fake`` served over HTTP on loopback."""
    with chatbotkit_fake.serve() as url:
        yield url
