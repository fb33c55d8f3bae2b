"""Fixtures of the fake's tests: a client and plain httpx to a fresh fake, in process."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from chatbotkit_sdk import ConversationClient
from chatbotkit_sdk.testing import FakeChatBotKit
from tests.helpers import BASE_URL, FAKE_AUTH, FAKE_SECRET


@pytest.fixture
def client(fake: FakeChatBotKit) -> Iterator[ConversationClient]:
    http = fake.http_client()
    with ConversationClient(secret=FAKE_SECRET, base_url=BASE_URL, http_client=http, retry_delay=0) as c:
        yield c
    http.close()


@pytest.fixture
def raw(fake: FakeChatBotKit) -> Iterator[httpx.Client]:
    """Plain httpx to the fake in process, with a valid secret (the client's checks bypassed)."""
    with httpx.Client(transport=fake.transport(), base_url=BASE_URL, headers=FAKE_AUTH) as http:
        yield http
