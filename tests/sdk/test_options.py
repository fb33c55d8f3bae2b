"""Client and per-call options (``chatbotkit_sdk/_options.py``): the headers they send,
timeouts, retries per call, and the URL every request goes to (base URL, host, endpoint
overrides). Sync and async, against ``httpx.MockTransport``.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from chatbotkit_sdk import (
    AsyncConversationClient,
    ConversationClient,
    InternalServerError,
)
from tests.helpers import CONVERSATION, SECRET, Harness, ok
from tests.sdk.test_client import FETCH_KEY, MESSAGE_FETCH_KEY

SECRET_ENV = "CHATBOTKIT_API_SECRET"
OFFICIAL = "https://api.chatbotkit.com"


# --- headers and per-call options -----------------------------------------------------


def test_every_header_option_is_sent(make: Callable[..., Harness]) -> None:
    h = make(
        run_as_user_id="usr_42",
        run_as_child_user_email="child@example.com",
        timezone="America/New_York",
        headers={"X-Custom": "client", "X-Team": "support"},
    )
    h.run(lambda c: c.fetch("cnv_1", extra_headers={"X-Trace": "trc_1", "X-Custom": "call"}))
    sent = h.last.headers
    assert sent["authorization"] == f"Bearer {SECRET}"
    assert sent["x-runas-user-id"] == "usr_42"
    assert sent["x-runas-child-user-email"] == "child@example.com"
    assert sent["x-timezone"] == "America/New_York"
    assert sent["x-team"] == "support"
    assert sent["x-trace"] == "trc_1"
    assert sent["x-custom"] == "call"  # per-call headers come after the client's

    h.run(lambda c: c.fetch("cnv_1"))
    sent = h.last.headers
    assert "x-trace" not in sent
    assert sent["x-custom"] == "client"


def test_no_optional_headers_unless_configured(make: Callable[..., Harness]) -> None:
    h = make()
    h.run(lambda c: c.fetch("cnv_1"))
    for name in ("x-runas-user-id", "x-runas-child-user-email", "x-timezone"):
        assert name not in h.last.headers


@pytest.mark.parametrize("zone", ["Mars/Olympus_Mons", "", "../etc/passwd", "/etc/localtime"])
@pytest.mark.parametrize("cls", [ConversationClient, AsyncConversationClient])
def test_an_unknown_timezone_is_refused_at_construction(cls: type, zone: str) -> None:
    with pytest.raises(ValueError, match="timezone"):
        cls(secret=SECRET, timezone=zone)


@pytest.mark.parametrize(
    ("options", "call", "name", "expected"),
    [
        (
            {"headers": {"x-custom": "client"}},
            lambda c: c.fetch("cnv_1", extra_headers={"X-Custom": "call"}),
            "x-custom",
            ["call"],
        ),
        (
            {"headers": {"x-custom": "client"}},
            lambda c: c.extend(headers={"X-CUSTOM": "extended"}).fetch("cnv_1"),
            "x-custom",
            ["extended"],
        ),
        (
            {},
            lambda c: c.fetch("cnv_1", extra_headers={"authorization": "Bearer ses_token_1"}),
            "authorization",
            ["Bearer ses_token_1"],
        ),
    ],
    ids=["extra-headers", "extend", "authorization"],
)
def test_a_header_given_twice_in_another_case_is_sent_once(
    make: Callable[..., Harness],
    options: dict[str, Any],
    call: Callable[[Any], Any],
    name: str,
    expected: list[str],
) -> None:
    h = make(**options)
    h.run(call)
    assert h.last.headers.get_list(name) == expected


@pytest.mark.parametrize("zone", ["Foo+3", "UTC+3", "XYZ-2"])
def test_a_posix_tz_string_is_not_an_iana_timezone(zone: str) -> None:
    with pytest.raises(ValueError, match="timezone"):
        ConversationClient(secret=SECRET, timezone=zone)


@pytest.mark.parametrize("zone", ["Europe/London", "Asia/Kolkata", "UTC", "Etc/GMT+5"])
def test_iana_timezones_are_accepted(make: Callable[..., Harness], zone: str) -> None:
    h = make(timezone=zone)
    h.run(lambda c: c.fetch("cnv_1"))
    assert h.last.headers["x-timezone"] == zone


PLUS_TWO = datetime.timezone(datetime.timedelta(hours=2))


@pytest.mark.parametrize(
    ("value", "sent"),
    [
        ("2024-11-01", "2024-11-01T00:00:00+00:00"),
        ("2024-11-01T10:15:00", "2024-11-01T10:15:00+00:00"),
        ("2024-11-01T10:15:00Z", "2024-11-01T10:15:00+00:00"),
        ("2024-11-01T10:15:00+02:00", "2024-11-01T10:15:00+02:00"),
        (datetime.date(2024, 11, 1), "2024-11-01T00:00:00+00:00"),
        (datetime.datetime(2024, 11, 1, 10, 15), "2024-11-01T10:15:00+00:00"),
        (datetime.datetime(2024, 11, 1, 10, 15, tzinfo=PLUS_TWO), "2024-11-01T10:15:00+02:00"),
    ],
    ids=["date-str", "naive-str", "z-str", "offset-str", "date", "naive", "aware"],
)
def test_usage_period_forms(make: Callable[..., Harness], value: Any, sent: str) -> None:
    h = make(ok({"tokens": 1, "messages": 2}))
    h.run(lambda c: c.usage("cnv_1", {"from": value}))
    assert dict(h.last.url.params) == {"from": sent}
    h.run(lambda c: c.usage("cnv_1", {"to": value}))
    assert dict(h.last.url.params) == {"to": sent}


def test_per_call_timeout(make: Callable[..., Harness]) -> None:
    h = make()
    h.run(lambda c: c.fetch("cnv_1", timeout=7.5))
    assert h.last.extensions["timeout"]["read"] == 7.5
    h.run(lambda c: c.fetch("cnv_1"))
    assert h.last.extensions["timeout"]["read"] != 7.5

    h = make(timeout=3.0)
    h.run(lambda c: c.fetch("cnv_1"))
    assert h.last.extensions["timeout"]["read"] == 3.0


def test_per_call_retries_override_the_client(make: Callable[..., Harness]) -> None:
    h = make(lambda request: httpx.Response(503), retries=3)
    with pytest.raises(InternalServerError):
        h.run(lambda c: c.fetch("cnv_1", retries=0))
    assert len(h.requests) == 1
    with pytest.raises(InternalServerError):
        h.run(lambda c: c.fetch("cnv_1", retries=1))
    assert len(h.requests) == 3


# --- URL building -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({}, f"{OFFICIAL}/v1/conversation/list"),
        ({"base_url": "http://localhost:8765"}, "http://localhost:8765/api/v1/conversation/list"),
        ({"base_url": "http://localhost:8765/"}, "http://localhost:8765/api/v1/conversation/list"),
        (
            {"base_url": "https://proxy.example.com/cbk"},
            "https://proxy.example.com/cbk/api/v1/conversation/list",
        ),
        ({"host": "staging.example.com"}, "https://staging.example.com/api/v1/conversation/list"),
        ({"protocol": "http"}, "http://api.chatbotkit.com/v1/conversation/list"),
        (
            {"base_url": "http://localhost:8765", "host": "127.0.0.1:9000", "protocol": "https"},
            "https://127.0.0.1:9000/api/v1/conversation/list",
        ),
        ({"host": "api.chatbotkit.com"}, f"{OFFICIAL}/v1/conversation/list"),
    ],
    ids=["default", "local", "trailing-slash", "path-prefix", "host", "protocol", "both", "host-official"],
)
def test_url_building(make: Callable[..., Harness], options: dict[str, str], expected: str) -> None:
    h = make(ok({"items": [], "cursor": "c"}), **options)
    h.run(lambda c: c.list())
    assert str(h.last.url) == expected


@pytest.mark.parametrize(
    ("options", "call", "expected"),
    [
        (
            {"base_url": "http://localhost:8765", "endpoints": {FETCH_KEY: "/custom/{conversationId}"}},
            lambda c: c.fetch("cnv_1"),
            "http://localhost:8765/custom/cnv_1",
        ),
        (
            {"endpoints": {FETCH_KEY: "https://edge.example.com/c/{conversationId}/get"}},
            lambda c: c.fetch("cnv_1"),
            "https://edge.example.com/c/cnv_1/get",
        ),
        (
            {"endpoints": {FETCH_KEY: "https://edge.example.com/c/{conversationId}/get"}},
            lambda c: c.fetch("a/b"),
            "https://edge.example.com/c/a%2Fb/get",
        ),
        (
            {
                "base_url": "http://localhost:8765",
                "endpoints": {MESSAGE_FETCH_KEY: "/m/{messageId}/of/{conversationId}"},
            },
            lambda c: c.message.fetch("cnv_1", "msg_1"),
            "http://localhost:8765/m/msg_1/of/cnv_1",
        ),
        (  # an override of one path leaves the others alone
            {"base_url": "http://localhost:8765", "endpoints": {FETCH_KEY: "/custom/{conversationId}"}},
            lambda c: c.message.fetch("cnv_1", "msg_1"),
            "http://localhost:8765/api/v1/conversation/cnv_1/message/msg_1/fetch",
        ),
    ],
    ids=["relative", "absolute", "absolute-encoded", "two-params", "other-path"],
)
def test_endpoint_overrides(
    make: Callable[..., Harness], options: dict[str, Any], call: Callable[[Any], Any], expected: str
) -> None:
    answer = {**CONVERSATION, "type": "bot", "text": "Hi"}
    h = make(ok(answer), **options)
    h.run(call)
    assert str(h.last.url) == expected
