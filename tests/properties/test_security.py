"""Security: ids stay inside their path segment, headers cannot be injected, the secret never
leaks (reprs, errors, the requests errors carry, logs), presigned uploads carry none of the
client's credentials, and ``CHATBOTKIT_LOG=debug`` redacts what it prints.

Requests go to ``FakeChatBotKit`` in process and over real HTTP (``fake.serve()``), so the
far end decodes what the SDK encoded: an id is checked both as bytes on the wire and as the
value the server routed and answered about.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from typing import Any
from urllib.parse import unquote

import httpx
import pytest

from chatbotkit_sdk import (
    APIConnectionError,
    APIError,
    APIStatusError,
    APITimeoutError,
    AsyncConversationClient,
    AuthenticationError,
    ChatBotKitError,
    ConversationClient,
    InternalServerError,
    NotFoundError,
    RateLimitError,
    ResponseValidationError,
    StreamDecodeError,
    StreamError,
)
from chatbotkit_sdk.testing import FakeChatBotKit
from tests.helpers import BASE_URL, closed_port, new_conversation, settle

SECRET = "sk_live_N0tToBeLeaked_7Hq2Zx9Kp4"
AUTH = {"Authorization": f"Bearer {SECRET}"}


# --- helpers ------------------------------------------------------------------------------


class Endpoint:
    """A client of one mode talking to a fake (in process or over HTTP), recording every
    ``httpx.Request`` it sends through an event hook.

    An async client's connections belong to one event loop, so the async mode makes its
    ``httpx.AsyncClient`` (and client) afresh inside each ``run``.
    """

    def __init__(self, mode: str, fake: FakeChatBotKit, url: str | None, **options: Any) -> None:
        self.mode, self.fake, self.url = mode, fake, url
        self.sent: list[httpx.Request] = []
        self.options = {
            "secret": SECRET,
            "retries": 0,
            "retry_delay": 0,
            "base_url": url or BASE_URL,
            **options,
        }
        if mode == "async":
            self.client: Any = AsyncConversationClient(**self.options)
        else:
            transport = fake.transport() if url is None else None
            self.http = httpx.Client(
                transport=transport, event_hooks={"request": [self.sent.append]}, timeout=30
            )
            self.client = ConversationClient(http_client=self.http, **self.options)

    def run(self, call: Callable[[Any], Any]) -> Any:
        if self.mode == "sync":
            return asyncio.run(settle(call(self.client)))

        async def record(request: httpx.Request) -> None:
            self.sent.append(request)

        async def go() -> Any:
            transport = self.fake.transport() if self.url is None else None
            async with httpx.AsyncClient(
                transport=transport, event_hooks={"request": [record]}, timeout=30
            ) as http:
                return await settle(call(AsyncConversationClient(http_client=http, **self.options)))

        return asyncio.run(go())

    def close(self) -> None:
        if self.mode == "sync":
            self.http.close()


@contextmanager
def endpoint(mode: str, fake: FakeChatBotKit, **options: Any) -> Iterator[Endpoint]:
    """``mode``: "sync" / "async" in process, "http-sync" / "http-async" over loopback HTTP."""
    with ExitStack() as stack:
        url = stack.enter_context(fake.serve()) if mode.startswith("http") else None
        ep = Endpoint(mode.removeprefix("http-"), fake, url, **options)
        stack.callback(ep.close)
        yield ep


# --- 1. path parameters never leave their segment -------------------------------------------

HOSTILE_IDS: dict[str, str] = {
    "slash": "a/b",
    "dotdot": "..",
    "dot": ".",
    "triple-dot": "...",
    "traversal": "../../admin",
    "backslash-traversal": "..\\..\\admin",
    "pct2F": "%2F",
    "pct2E2E": "%2E%2E",
    "pct-encoded-traversal": "..%2F..%2Fadmin",
    "question": "?",
    "query": "cnv_1?take=1&order=asc",
    "hash": "#",
    "fragment": "cnv_1#frag",
    "cr": "\r",
    "lf": "\n",
    "crlf": "\r\n",
    "request-smuggling": "x HTTP/1.1\r\nX-Injected: 1\r\n\r\nGET /admin",
    "nul": "\x00",
    "nul-inside": "cnv_1\x00.json",
    "space": " ",
    "spaces": "a b  c ",
    "tab": "\t",
    "semicolon": "a;b=c",
    "plus-and-amp": "a+b&c=d",
    "non-ascii": "ünïcødé ☃ 😀",
    "rtl-override": "\u202ecnv",
    "other-route": "cnv_1/delete",
    "10kB": "k" * 10_240,
    "10kB-utf8": "é" * 5_120,
}

#: (name, call with the hostile id, path segments with "{}" for it, operation, 404 message)
PATH_CALLS: list[tuple[str, Callable[[Any, str, str], Any], list[str], str, str]] = [
    (
        "fetch",
        lambda c, ident, cid: c.fetch(ident),
        ["api", "v1", "conversation", "{}", "fetch"],
        "fetch_conversation",
        "conversation",
    ),
    (
        "message.fetch (conversation id)",
        lambda c, ident, cid: c.message.fetch(ident, "msg_1"),
        ["api", "v1", "conversation", "{}", "message", "msg_1", "fetch"],
        "fetch_conversation_message",
        "conversation",
    ),
    (
        "message.fetch (message id)",
        lambda c, ident, cid: c.message.fetch(cid, ident),
        ["api", "v1", "conversation", "{cid}", "message", "{}", "fetch"],
        "fetch_conversation_message",
        "message",
    ),
    (
        "complete(id)",
        lambda c, ident, cid: c.complete(ident, {"text": "Hello"}),
        ["api", "v1", "conversation", "{}", "complete"],
        "complete_conversation_message",
        "conversation",
    ),
]

SAFE_SEGMENT = re.compile(r"^[A-Za-z0-9._~%-]+$")


def check_segments(raw_path: str, template: list[str], ident: str, cid: str) -> None:
    """``raw_path`` has exactly the template's segments, the id's one decoding back to it."""
    assert raw_path.startswith("/")
    segments = raw_path[1:].split("/")
    assert len(segments) == len(template), segments[:10]
    for segment, expected in zip(segments, template, strict=True):
        if expected == "{}":
            assert SAFE_SEGMENT.match(segment), segment[:50]
            assert segment not in (".", "..")
            assert unquote(segment, errors="strict") == ident
        else:
            assert segment == expected.replace("{cid}", cid)


@pytest.mark.parametrize("mode", ["sync", "async", "http-sync", "http-async"])
@pytest.mark.parametrize("ident", list(HOSTILE_IDS.values()), ids=list(HOSTILE_IDS))
def test_a_hostile_id_stays_in_its_segment_and_reaches_the_right_operation(mode: str, ident: str) -> None:
    fake = FakeChatBotKit()
    cid = new_conversation(fake, SECRET)
    with endpoint(mode, fake) as ep:
        for _name, call, template, operation, what in PATH_CALLS:
            with pytest.raises(NotFoundError) as caught:
                ep.run(lambda c, call=call: call(c, ident, cid))  # type: ignore[misc]
            sent = ep.sent[-1]
            assert sent.url.query == b""
            assert sent.url.fragment == ""
            raw = sent.url.raw_path.decode("ascii")
            check_segments(raw, template, ident, cid)
            # What the fake saw on its side of the wire, how it routed it, what it decoded.
            recorded = fake.requests[-1]
            check_segments(recorded.path, template, ident, cid)
            assert recorded.operation == operation
            assert caught.value.message == f"{what} {ident!r} was not found"
    assert len(fake.requests) == len(PATH_CALLS)
    assert len(fake.conversations) == 1  # nothing was created, deleted or reached elsewhere


# --- 2. header injection -----------------------------------------------------------------------

BAD_VALUES = {
    "cr": "a\rb",
    "lf": "a\nb",
    "crlf-injection": "v\r\nX-Injected: 1",
    "nul": "a\x00b",
    "trailing-crlf": "value\r\n",
}
BAD_NAMES = ["X-Bad\r\nName", "X-Bad\nName", "X-Bad\x00", "X Bad", ""]


class Recorder:
    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return httpx.Response(200, json={"id": "cnv_1", "createdAt": 1, "updatedAt": 2})

    def client(self, mode: str, **options: Any) -> Any:
        options = {"secret": SECRET, "retries": 0, **options}
        if mode == "sync":
            return ConversationClient(
                http_client=httpx.Client(transport=httpx.MockTransport(self)), **options
            )
        return AsyncConversationClient(
            http_client=httpx.AsyncClient(transport=httpx.MockTransport(self)), **options
        )


OPTION_CASES: list[tuple[str, Callable[[str], dict[str, Any]]]] = [
    ("headers", lambda v: {"headers": {"X-Custom": v}}),
    ("run_as_user_id", lambda v: {"run_as_user_id": v}),
    ("run_as_child_user_email", lambda v: {"run_as_child_user_email": v}),
    ("timezone", lambda v: {"timezone": v}),
    ("secret", lambda v: {"secret": f"sk_{v}"}),
]


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("value", list(BAD_VALUES.values()), ids=list(BAD_VALUES))
@pytest.mark.parametrize(("field", "options"), OPTION_CASES, ids=[c[0] for c in OPTION_CASES])
def test_cr_lf_nul_in_an_option_is_refused_before_any_request(
    mode: str, value: str, field: str, options: Callable[[str], dict[str, Any]]
) -> None:
    recorder = Recorder()
    with pytest.raises(ValueError, match=field) as at_construction:
        recorder.client(mode, **options(value))
    good = recorder.client(mode)
    with pytest.raises(ValueError, match=field) as at_extend:
        good.extend(**options(value))
    assert recorder.requests == []
    for err in (at_construction.value, at_extend.value):
        assert value not in str(err)  # the bad value (perhaps a credential) is not echoed
        assert SECRET not in str(err)
        assert SECRET not in repr(err)


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("value", list(BAD_VALUES.values()), ids=list(BAD_VALUES))
def test_cr_lf_nul_in_extra_headers_is_refused_before_any_request(mode: str, value: str) -> None:
    recorder = Recorder()
    client = recorder.client(mode)
    calls = [
        lambda c: c.fetch("cnv_1", extra_headers={"X-Custom": value}),
        lambda c: c.create({}, extra_headers={"X-Custom": value}),
        lambda c: c.complete("cnv_1", {"text": "hi"}, extra_headers={"X-Custom": value}).stream(),
        lambda c: c.attachment.upload_file(
            "cnv_1", b"x", name="a", content_type="text/plain", extra_headers={"X-Custom": value}
        ),
    ]
    for call in calls:
        with pytest.raises(ValueError, match="extra_headers"):
            asyncio.run(settle(call(client)))
    assert recorder.requests == []


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("name", BAD_NAMES)
def test_a_bad_header_name_is_refused_before_any_request(mode: str, name: str) -> None:
    recorder = Recorder()
    with pytest.raises(ValueError, match="headers"):
        recorder.client(mode, headers={name: "v"})
    client = recorder.client(mode)
    with pytest.raises(ValueError, match="extra_headers"):
        asyncio.run(settle(client.fetch("cnv_1", extra_headers={name: "v"})))
    assert recorder.requests == []


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_a_non_ascii_secret_never_shows_up_in_an_error(mode: str) -> None:
    """httpx can only send ASCII header values: httpx's own UnicodeEncodeError would carry
    'Bearer <secret>' in its repr() and .object, so the secret must be refused first."""
    secret = "sk_live_Ünïcode_9f8e7d6c"
    recorder = Recorder()
    raised: list[BaseException] = []
    try:
        client = recorder.client(mode, secret=secret)
        asyncio.run(settle(client.delete("cnv_1")))
    except Exception as exc:  # refusing it (ValueError) or failing the call typed are both fine
        raised.append(exc)
    assert recorder.requests == []
    assert len(raised) == 1
    err = raised[0]
    assert isinstance(err, ValueError | ChatBotKitError)
    assert secret not in str(err)
    assert secret not in repr(err)
    assert secret not in repr(err.args)
    assert secret not in repr(vars(err))


@pytest.mark.parametrize("field", ["run_as_user_id", "run_as_child_user_email", "headers"])
def test_a_header_value_httpx_cannot_send_is_refused_naming_the_option(field: str) -> None:
    """Non-ASCII values (which httpx cannot send) are refused like CR/LF, naming the option."""
    value = "jürgen@exämple.de"
    recorder = Recorder()
    options = {"headers": {"X-Custom": value}} if field == "headers" else {field: value}

    def attempt() -> None:
        client = recorder.client("sync", **options)
        client.fetch("cnv_1").result()

    with pytest.raises(ValueError, match=field):
        attempt()
    assert recorder.requests == []


# --- 3. the secret never leaks -------------------------------------------------------------------


def _leaks(text: str) -> bool:
    return SECRET in text


def _check_request(request: httpx.Request | None) -> None:
    if request is None:
        return
    assert not any(_leaks(value) for value in request.headers.values()), request.headers
    assert not any(SECRET.encode() in value for _, value in request.headers.raw)
    assert not _leaks(repr(request))
    assert not _leaks(str(request.url))
    if "authorization" in request.headers:
        assert request.headers["authorization"] == "[redacted]"


def assert_no_secret(err: BaseException) -> None:
    """Nothing reachable from ``err`` (its text, requests, response, causes) holds the secret."""
    seen: set[int] = set()
    pending: list[BaseException | None] = [err]
    while pending:
        exc = pending.pop()
        if exc is None or id(exc) in seen:
            continue
        seen.add(id(exc))
        assert not _leaks(str(exc)), str(exc)
        assert not _leaks(repr(exc)), repr(exc)
        assert not _leaks(repr(exc.args))
        if isinstance(exc, APIError):
            assert not _leaks(exc.message)
            _check_request(exc.request)
        for name in ("body", "line", "data"):
            assert not _leaks(repr(getattr(exc, name, None)))
        response = getattr(exc, "response", None)
        if isinstance(response, httpx.Response):
            _check_request(response.request)
            assert not _leaks(repr(response))
        if isinstance(exc, httpx.RequestError):
            _check_request(exc.request)  # the chained httpx exception's request
        pending += [exc.__cause__, exc.__context__]


def _error_of(run: Callable[[], Any]) -> BaseException:
    try:
        run()
    except ChatBotKitError as exc:
        return exc
    raise AssertionError("expected an error")


ERROR_EVENT = b'{"type": "token", "data": {"token": "Hi"}}\n{"type": "error", "data": {"message": "boom"}}\n'


def _mock_answer(request: httpx.Request) -> httpx.Response:
    """Answers the fake cannot give: bodies that do not fit, an error event."""
    if request.url.path.endswith("/not-json/fetch"):
        return httpx.Response(200, content=b"<html>ok</html>")
    if request.url.path.endswith("/complete"):
        return httpx.Response(200, content=ERROR_EVENT, headers={"Content-Type": "application/jsonl"})
    return httpx.Response(200, json={"id": 7})


@pytest.mark.parametrize("mode", ["sync", "async", "http-sync", "http-async"])
def test_the_secret_never_leaks_in_a_full_flow(mode: str, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)  # every logger: the SDK's, httpx's and httpcore's
    fake = FakeChatBotKit(secret=SECRET)  # it answers only to the secret
    errors: list[BaseException] = []
    with endpoint(mode, fake, run_as_user_id="usr_1", headers={"X-Team": "blue"}, retries=2) as ep:
        client = ep.client
        texts = [repr(client), repr(client.options), str(client.options), repr(client.extend(timezone="UTC"))]
        cid = ep.run(lambda c: c.create({"name": "flow"})).id
        fake.fail(503)  # a retry, logged
        ep.run(lambda c: c.fetch(cid))
        texts += [repr(client.fetch(cid)), repr(client.complete(cid, {"text": "Hi"}).stream())]
        ep.run(lambda c: c.complete(cid, {"text": "Hello"}).stream())
        ep.run(lambda c: c.attachment.upload_file(cid, b"bytes", name="a.txt", content_type="text/plain"))
        assert fake.requests[0].status == 200  # the secret was sent: the fake takes no other
        assert fake.requests[0].headers["authorization"] == "[redacted]"  # and its log keeps none

        errors.append(_error_of(lambda: ep.run(lambda c: c.fetch("cnv_missing"))))
        fake.fail(429, times=3)
        errors.append(_error_of(lambda: ep.run(lambda c: c.fetch(cid))))
        fake.fail(500, times=3)
        errors.append(_error_of(lambda: ep.run(lambda c: c.complete(cid, {"text": "Hi"}))))
        fake.drop(times=3)
        errors.append(_error_of(lambda: ep.run(lambda c: c.fetch(cid))))
        fake.stall(3.0)
        errors.append(_error_of(lambda: ep.run(lambda c: c.fetch(cid, timeout=0.2))))
        fake.cut_stream(2)
        errors.append(_error_of(lambda: ep.run(lambda c: c.complete(cid, {"text": "Hi"}).stream())))
        fake.malformed_line(1)
        errors.append(_error_of(lambda: ep.run(lambda c: c.complete(cid, {"text": "Hi"}).stream())))

    other = FakeChatBotKit(secret="sk_a_different_one")
    with endpoint(mode, other) as ep:
        errors.append(_error_of(lambda: ep.run(lambda c: c.fetch("cnv_1"))))
    sync_or_async = mode.removeprefix("http-")
    for call in (
        lambda c: c.fetch("cnv_1"),
        lambda c: c.fetch("not-json"),
        lambda c: c.complete("cnv_1", {"text": "Hi"}).stream(),
    ):
        client = _mock_client(sync_or_async)
        errors.append(_error_of(lambda call=call, client=client: asyncio.run(settle(call(client)))))  # type: ignore[misc]
    with closed_port() as port:
        refused = (ConversationClient if sync_or_async == "sync" else AsyncConversationClient)(
            secret=SECRET, base_url=f"http://127.0.0.1:{port}", retries=1, retry_delay=0
        )
        errors.append(_error_of(lambda: asyncio.run(settle(refused.fetch("cnv_1")))))

    kinds = [type(e) for e in errors]
    assert kinds == [
        NotFoundError,
        RateLimitError,
        InternalServerError,
        APIConnectionError,
        APITimeoutError,
        APIConnectionError,
        StreamDecodeError,
        AuthenticationError,
        ResponseValidationError,
        ResponseValidationError,
        StreamError,
        APIConnectionError,
    ]
    for err in errors:
        assert_no_secret(err)
    for err in errors:
        if isinstance(err, APIStatusError | ResponseValidationError):
            assert err.response.request.headers["authorization"] == "[redacted]"
    for text in texts:
        assert not _leaks(text)
    assert any(r.getMessage().startswith("retrying") for r in caplog.records)
    assert any("[redacted]" in r.getMessage() for r in caplog.records)
    for record in caplog.records:
        assert not _leaks(record.getMessage()), record.getMessage()
    assert not _leaks(caplog.text)


def _mock_client(mode: str) -> Any:
    transport = httpx.MockTransport(_mock_answer)
    if mode == "sync":
        return ConversationClient(secret=SECRET, http_client=httpx.Client(transport=transport), retries=0)
    return AsyncConversationClient(
        secret=SECRET, http_client=httpx.AsyncClient(transport=transport), retries=0
    )


# --- 4. presigned uploads carry none of the client's credentials ---------------------------------

UPLOAD_DATA = bytes(range(256)) * 40  # every byte value, 10 kB
INJECTED_DEFAULTS = {
    "Authorization": "Bearer injected-default",
    "X-RunAs-User-Id": "usr_injected",
    "X-Injected-Default": "1",
}
#: headers of ours and the injected client's that must never reach the presigned URL
FORBIDDEN = {
    "authorization",
    "x-runas-user-id",
    "x-runas-child-user-email",
    "x-timezone",
    "x-team",
    "x-api-key",
    "x-request-id",
    "x-injected-default",
}


def _http_client(mode: str, fake: FakeChatBotKit, url: str | None, **kwargs: Any) -> Any:
    transport = fake.transport() if url is None else None
    base = url or BASE_URL
    if mode.endswith("async"):
        return httpx.AsyncClient(transport=transport, base_url=base, **kwargs)
    return httpx.Client(transport=transport, base_url=base, **kwargs)


def _upload(mode: str, fake: FakeChatBotKit, **http_kwargs: Any) -> Any:
    with ExitStack() as stack:
        url = stack.enter_context(fake.serve()) if mode.startswith("http") else None
        http = _http_client(mode, fake, url, **http_kwargs)
        options = {
            "secret": SECRET,
            "base_url": url or BASE_URL,
            "http_client": http,
            "run_as_user_id": "usr_1",
            "run_as_child_user_email": "child@example.com",
            "timezone": "Europe/London",
            "headers": {"X-Team": "blue", "X-Api-Key": "key_123"},
            "retries": 0,
        }

        async def go() -> Any:
            if mode.endswith("async"):
                async with http:
                    client = AsyncConversationClient(**options)
                    cid = (await client.create()).id
                    return await client.attachment.upload_file(
                        cid,
                        UPLOAD_DATA,
                        name="blob.bin",
                        content_type="application/octet-stream",
                        extra_headers={"X-Request-Id": "req_1"},
                    )
            with http:
                sync_client = ConversationClient(**options)
                cid = sync_client.create().id
                return sync_client.attachment.upload_file(
                    cid,
                    UPLOAD_DATA,
                    name="blob.bin",
                    content_type="application/octet-stream",
                    extra_headers={"X-Request-Id": "req_1"},
                )

        return asyncio.run(go())


def _check_upload(fake: FakeChatBotKit, result: Any) -> None:
    register, put = fake.requests[-2], fake.requests[-1]
    assert register.operation == "upload_conversation_attachment"
    assert register.status == 200  # the API request had them all: the fake takes only the secret
    assert register.headers["authorization"] == "[redacted]"  # (its log keeps no credential)
    assert register.headers["x-runas-user-id"] == "usr_1"
    assert register.headers["x-request-id"] == "req_1"
    assert put.method == "PUT"
    assert put.path.startswith("/_fake/uploads/")
    assert sorted(FORBIDDEN & set(put.headers)) == []
    assert not any(name.startswith("x-runas") for name in put.headers)
    assert not any(SECRET in value for value in put.headers.values())
    assert put.headers["content-type"] == "application/octet-stream"
    assert put.body == UPLOAD_DATA
    assert fake.uploads == {result.id: UPLOAD_DATA}


@pytest.mark.parametrize("mode", ["sync", "async", "http-sync", "http-async"])
def test_the_presigned_upload_carries_no_credentials_and_the_bytes_arrive_intact(mode: str) -> None:
    fake = FakeChatBotKit(secret=SECRET)
    result = _upload(mode, fake, headers=INJECTED_DEFAULTS)
    _check_upload(fake, result)


class InjectedAuth(httpx.Auth):
    """An injected client's auth hook (e.g. a token refresher) that fills a missing header."""

    def auth_flow(self, request: httpx.Request) -> Iterator[httpx.Request]:
        request.headers.setdefault("Authorization", "Bearer injected-auth-hook")
        yield request


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_the_presigned_upload_skips_an_injected_clients_auth_hook(mode: str) -> None:
    fake = FakeChatBotKit(secret=SECRET)
    result = _upload(mode, fake, auth=InjectedAuth())
    _check_upload(fake, result)
