"""pytest plugin (entry point ``pytest11``): fixtures for testing code that uses the SDK.

Installed with the package; pytest loads it by itself. Fixtures:

- ``chatbotkit_fake``: a fresh ``FakeChatBotKit`` for each test;
- ``chatbotkit_client``: a ``ConversationClient`` wired to it in process;
- ``chatbotkit_async_client``: the same for ``AsyncConversationClient``;
- ``chatbotkit_url``: the fake served over HTTP on 127.0.0.1, for code that builds
  its own client (or is not Python).
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest

from .._client import AsyncConversationClient, ConversationClient
from ._fake import FakeChatBotKit

BASE_URL = "http://fake.chatbotkit.test"


@pytest.fixture
def chatbotkit_fake() -> FakeChatBotKit:
    """A fresh, empty fake ChatBotKit API (no faults, no delay)."""
    return FakeChatBotKit()


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
