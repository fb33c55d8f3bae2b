"""What ``chatbotkit_sdk/_core.py`` decides without I/O, seen through the clients: path ids
stay inside their segment, and which answers are retried how often. Sync and async,
against ``httpx.MockTransport``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest

from chatbotkit_sdk import (
    APIStatusError,
    RateLimitError,
    models,
)
from tests.helpers import CONVERSATION, Harness, ok, sequence
from tests.sdk.test_methods import USAGE

SECRET_ENV = "CHATBOTKIT_API_SECRET"
OFFICIAL = "https://api.chatbotkit.com"


# --- path parameters ------------------------------------------------------------------

ADVERSARIAL_IDS = [
    ("a/b", "a%2Fb"),
    ("..", "%2E%2E"),
    (".", "%2E"),
    ("../../admin", "..%2F..%2Fadmin"),
    ("cnv_1?take=1", "cnv_1%3Ftake%3D1"),
    ("cnv_1#frag", "cnv_1%23frag"),
    ("100%", "100%25"),
    ("a b", "a%20b"),
    ("ünï", "%C3%BCn%C3%AF"),
    ("a%2Fb", "a%252Fb"),
    ("cnv_1/delete", "cnv_1%2Fdelete"),
]


@pytest.mark.parametrize(("raw", "encoded"), ADVERSARIAL_IDS, ids=[e for _, e in ADVERSARIAL_IDS])
def test_path_ids_stay_inside_one_segment(make: Callable[..., Harness], raw: str, encoded: str) -> None:
    h = make(ok({"id": "x", "text": "t", "usage": USAGE, "end": {"reason": "stop"}}))
    h.run(lambda c: c.delete(raw))
    assert h.last.url.raw_path == f"/v1/conversation/{encoded}/delete".encode()
    assert h.last.url.query == b""

    h.run(lambda c: c.message.update("cnv_1", raw, {"text": "Hi"}))
    assert h.last.url.raw_path == f"/v1/conversation/cnv_1/message/{encoded}/update".encode()

    h.run(lambda c: c.complete(raw, {"text": "Hi"}))
    assert h.last.url.raw_path == f"/v1/conversation/{encoded}/complete".encode()
    assert len(h.requests) == 3


@pytest.mark.parametrize(
    ("call", "error"),
    [
        (lambda c: c.fetch(""), ValueError),
        (lambda c: c.message.fetch("cnv_1", ""), ValueError),
        (lambda c: c.message.fetch("", "msg_1"), ValueError),
        (lambda c: c.fetch(123), TypeError),
        (lambda c: c.delete(None), TypeError),
        (lambda c: c.message.delete("cnv_1", b"msg_1"), TypeError),
        (lambda c: c.complete(42, {"text": "Hi"}), TypeError),
    ],
    ids=["empty", "empty-message", "empty-conversation", "int", "none", "bytes", "dual-int"],
)
def test_bad_path_ids_are_refused(
    make: Callable[..., Harness], call: Callable[[Any], Any], error: type
) -> None:
    h = make()
    # The API's name where the id is checked, the parameter's where it is missing (None).
    with pytest.raises(error, match=r"conversationId|messageId|'conversation_id'|'message_id'"):
        h.run(call)
    assert h.requests == []


# --- retries -------------------------------------------------------------------------------


def test_default_retries_recover_from_a_503(make: Callable[..., Harness]) -> None:
    h = make(sequence(httpx.Response(503), httpx.Response(200, json=CONVERSATION)))
    result = h.run(lambda c: c.fetch("cnv_1"))
    assert isinstance(result, models.Conversation)
    assert result.id == "cnv_1"
    assert len(h.requests) == 2
    assert [r.url.path for r in h.requests] == ["/v1/conversation/cnv_1/fetch"] * 2


def test_default_retries_give_up_after_four_attempts(make: Callable[..., Harness]) -> None:
    h = make(lambda request: httpx.Response(429, json={"message": "slow down"}))
    with pytest.raises(RateLimitError, match="slow down"):
        h.run(lambda c: c.fetch("cnv_1"))
    assert len(h.requests) == 4


@pytest.mark.parametrize("status", [408, 429, 500, 502, 503, 504])
def test_retried_statuses(make: Callable[..., Harness], status: int) -> None:
    h = make(lambda request: httpx.Response(status), retries=2)
    with pytest.raises(APIStatusError) as caught:
        h.run(lambda c: c.fetch("cnv_1"))
    assert caught.value.status_code == status
    assert len(h.requests) == 3


@pytest.mark.parametrize("status", [400, 401, 402, 403, 404, 409, 413, 422])
def test_client_errors_are_not_retried(make: Callable[..., Harness], status: int) -> None:
    h = make(lambda request: httpx.Response(status), retries=3)
    with pytest.raises(APIStatusError):
        h.run(lambda c: c.fetch("cnv_1"))
    assert len(h.requests) == 1
