"""Fixtures shared by the whole suite (plain helpers are in ``tests/helpers.py``).

``mode`` runs a test for the sync and the async client; ``make`` builds a ``Harness`` of
that mode (a client on a recording ``httpx.MockTransport``); ``fake`` is a fresh
``FakeChatBotKit``. A file or folder that needs other values defines its own.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from chatbotkit_sdk.testing import FakeChatBotKit
from tests.helpers import CONVERSATION, Harness, Responder, ok


@pytest.fixture(params=["sync", "async"])
def mode(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def make(mode: str) -> Callable[..., Harness]:
    """``make(responder=ok(CONVERSATION), **client_options)``: a ``Harness`` of ``mode``."""

    def factory(responder: Responder | None = None, **options: Any) -> Harness:
        return Harness(mode, responder or ok(CONVERSATION), **options)

    return factory


@pytest.fixture
def fake() -> FakeChatBotKit:
    return FakeChatBotKit()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Run the tests of ``scripts/`` first (no test depends on the order; this is for speed).

    Their module fixtures regenerate the package and run mypy, the longest setup of the
    suite. Under ``make test`` (``--dist worksteal``) the first worker's queue starts with
    them, and a worker that runs out of tests steals from the end of another's queue, so
    the module stays on one worker and its fixtures run once, early, overlapping the rest.
    """
    items.sort(key=lambda item: not item.nodeid.startswith("tests/scripts/"))  # stable
