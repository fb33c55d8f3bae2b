"""Lazy promises (``chatbotkit_sdk/_resource.py``): nothing is sent until a result is used,
then once; ``cache()`` shares results by key. Sync and async, against ``httpx.MockTransport``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest

from chatbotkit_sdk import (
    NotFoundError,
)
from tests.helpers import CONVERSATION, SECRET, Harness, Responder, ok, sequence
from tests.sdk.test_methods import CASES, Case

SECRET_ENV = "CHATBOTKIT_API_SECRET"
OFFICIAL = "https://api.chatbotkit.com"


# --- lazy promises ----------------------------------------------------------------


def counting(answer: dict[str, Any]) -> Responder:
    """Answers ``answer`` with ``id`` set to "<id>#<n>" for the n-th request."""
    count = 0

    def respond(request: httpx.Request) -> httpx.Response:
        nonlocal count
        count += 1
        return httpx.Response(200, json={**answer, "id": f"{answer['id']}#{count}"})

    return respond


LAZY_CASES = [case for case in CASES if case.lazy]


@pytest.mark.parametrize("case", LAZY_CASES, ids=str)
def test_a_promise_sends_nothing_until_used_and_only_once(mode: str, case: Case) -> None:
    h = Harness(mode, ok(case.answer))
    promise = case.call(h.client)
    assert h.requests == []
    assert f"{case.method} " in repr(promise)
    assert SECRET not in repr(promise)

    first = h.resolve(promise)
    second = h.resolve(promise)

    assert len(h.requests) == 1
    assert first is second
    assert isinstance(first, case.result)


def test_cache_shares_results_per_key_method_and_url(make: Callable[..., Harness]) -> None:
    h = make(counting(CONVERSATION))
    c = h.client

    first = h.cached(c.fetch("cnv_1"))
    assert len(h.requests) == 1
    assert first.id == "cnv_1#1"

    again = h.cached(c.fetch("cnv_1"))
    explicit_default = h.cached(c.fetch("cnv_1"), "default")
    assert len(h.requests) == 1
    assert again is first
    assert explicit_default is first

    other_key = h.cached(c.fetch("cnv_1"), "fresh")
    assert len(h.requests) == 2
    assert other_key.id == "cnv_1#2"
    assert h.cached(c.fetch("cnv_1"), "fresh") is other_key

    other_url = h.cached(c.fetch("cnv_2"))
    assert len(h.requests) == 3
    assert other_url.id == "cnv_1#3"
    assert h.last.url.path == "/v1/conversation/cnv_2/fetch"

    # A plain result() is not memoised across promises.
    plain = h.resolve(c.fetch("cnv_1"))
    assert len(h.requests) == 4
    assert plain.id == "cnv_1#4"


def test_cache_key_includes_the_query(make: Callable[..., Harness]) -> None:
    h = make(ok({"items": [], "cursor": "cur_2"}))
    c = h.client
    h.cached(c.list({"take": 1}))
    h.cached(c.list({"take": 1}))
    assert len(h.requests) == 1
    h.cached(c.list({"take": 2}))
    assert len(h.requests) == 2
    assert dict(h.last.url.params) == {"take": "2"}


def test_a_promise_result_is_cached_after_an_error_is_not(make: Callable[..., Harness]) -> None:
    h = make(
        sequence(httpx.Response(404, json={"message": "gone"}), httpx.Response(200, json=CONVERSATION)),
        retries=0,
    )
    promise = h.client.fetch("cnv_1")
    with pytest.raises(NotFoundError):
        h.resolve(promise)
    assert h.resolve(promise).id == "cnv_1"
    assert len(h.requests) == 2
