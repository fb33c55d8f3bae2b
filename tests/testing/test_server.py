"""The fake's HTTP/1.1 server (``chatbotkit_sdk/testing/_server.py``) over raw sockets.

Every request the server cannot read gets a JSON answer in the API's error shape, and
the server goes on serving; valid requests still work with keep-alive, pipelining and
streaming; threads stay bounded; leaving ``serve()`` closes every connection. Loopback
only; short timeouts keep the module fast, and waits are bounded polls, not timings.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import socket
import threading
import time
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any
from urllib.parse import urlsplit

import httpcore
import httpx
import pytest

from chatbotkit_sdk import (
    AsyncConversationClient,
    ConversationClient,
    NotFoundError,
)
from chatbotkit_sdk.testing import FakeChatBotKit, FakeRequest, FakeResponse
from chatbotkit_sdk.testing._server import MAX_BODY_BYTES, MAX_JSON_DEPTH, MAX_NUMBER_DIGITS, serve
from tests.helpers import FAKE_SECRET, HELLO

AUTH = "Authorization: Bearer sk-test\r\n"
LIST = b"GET /v1/conversation/list HTTP/1.1\r\nHost: fake\r\n" + AUTH.encode() + b"\r\n"
REQUEST_TIMEOUT = 0.3  # the module's server waits this long for a request to arrive in full
WAIT = 5.0  # the longest any read here waits: a bug fails the test instead of hanging it


def post(path: str, body: bytes, *headers: str, content_type: str = "application/json") -> bytes:
    head = f"POST {path} HTTP/1.1\r\nHost: fake\r\n{AUTH}Content-Type: {content_type}\r\n"
    head += f"Content-Length: {len(body)}\r\n" + "".join(f"{h}\r\n" for h in headers)
    return head.encode() + b"\r\n" + body


class Response:
    def __init__(self, status: int, headers: dict[str, str], body: bytes) -> None:
        self.status, self.headers, self.body = status, headers, body

    def json(self) -> Any:
        return json.loads(self.body)


class Client:
    """One raw connection, and a minimal HTTP/1.1 answer reader with a timeout on every read."""

    def __init__(self, url: str) -> None:
        parts = urlsplit(url)
        assert parts.hostname is not None
        assert parts.port is not None
        self.sock = socket.create_connection((parts.hostname, parts.port), timeout=WAIT)
        self.buffer = b""

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.sock.close()

    def send(self, data: bytes) -> None:
        self.sock.sendall(data)

    def _fill(self) -> None:
        data = self.sock.recv(65536)
        if not data:
            raise EOFError
        self.buffer += data

    def _line(self) -> bytes:
        while b"\r\n" not in self.buffer:
            self._fill()
        line, self.buffer = self.buffer.split(b"\r\n", 1)
        return line

    def _exact(self, size: int) -> bytes:
        while len(self.buffer) < size:
            self._fill()
        data, self.buffer = self.buffer[:size], self.buffer[size:]
        return data

    def response(self, *, head: bool = False) -> Response:
        status = int(self._line().split(b" ", 2)[1])
        headers: dict[str, str] = {}
        while line := self._line():
            name, _, value = line.decode("latin-1").partition(":")
            headers[name.strip().lower()] = value.strip()
        if head or status < 200:
            return Response(status, headers, b"")
        if headers.get("transfer-encoding") == "chunked":
            body = b""
            while size := int(self._line(), 16):
                body += self._exact(size)
                assert self._exact(2) == b"\r\n"
            assert self._line() == b""
            return Response(status, headers, body)
        if "content-length" in headers:
            return Response(status, headers, self._exact(int(headers["content-length"])))
        with contextlib.suppress(EOFError):  # no framing: the body ends with the connection
            while True:
                self._fill()
        body, self.buffer = self.buffer, b""
        return Response(status, headers, body)

    def exchange(self, data: bytes, *, head: bool = False) -> Response:
        self.send(data)
        return self.response(head=head)

    def closed(self) -> bool:
        """Whether the server closed the connection (waits up to WAIT for it)."""
        try:
            return not self.buffer and not self.sock.recv(1)
        except ConnectionResetError:
            return True


def assert_refused(answer: Response, status: int, code: str, *words: str) -> None:
    """A JSON answer in the API's error shape, never HTML."""
    assert answer.status == status, answer.body
    assert answer.headers["content-type"] == "application/json"
    assert b"<" not in answer.body
    error = answer.json()
    assert set(error) == {"message", "code"}
    assert error["code"] == code
    for word in words:
        assert word in error["message"]


def assert_serves(url: str) -> None:
    """A valid request on a new connection is still answered."""
    with Client(url) as client:
        answer = client.exchange(LIST)
    assert answer.status == 200
    assert answer.json() == {"items": [], "cursor": ""}


@pytest.fixture
def url(fake: FakeChatBotKit) -> Iterator[str]:
    with serve(fake, request_timeout=REQUEST_TIMEOUT, idle_timeout=WAIT) as base_url:
        yield base_url


# --- JSON the fake must not be made to parse -----------------------------------------------


def nested(depth: int) -> bytes:
    return b'{"meta": {"deep": ' + b"[" * depth + b"]" * depth + b"}}"


@pytest.mark.parametrize(
    ("body", "content_type", "words"),
    [
        (nested(MAX_JSON_DEPTH + 1), "application/json", ["nested deeper than"]),
        (nested(100_000), "application/json", ["nested deeper than"]),
        # Not declared JSON, so not scanned: the fake's parser raises RecursionError itself.
        (nested(100_000), "text/plain", ["nested too deeply"]),
        (b'{"meta": {"n": ' + b"7" * 5000 + b"}}", "application/json", [f"{MAX_NUMBER_DIGITS} digits"]),
        (b'{"meta": {"n": 1.' + b"0" * 5000 + b"}}", "application/json", ["digits"]),
    ],
    ids=["just-too-deep", "deep", "deep-as-text", "5000-digit-int", "5000-digit-float"],
)
def test_json_too_deep_or_too_long_is_400_and_the_connection_goes_on(
    url: str, fake: FakeChatBotKit, body: bytes, content_type: str, words: list[str]
) -> None:
    with Client(url) as client:
        answer = client.exchange(post("/v1/conversation/create", body, content_type=content_type))
        assert_refused(answer, 400, "BAD_REQUEST", *words)
        assert fake.conversations == {}
        assert client.exchange(LIST).status == 200  # the body was read: the connection stays usable
    assert_serves(url)


def test_json_within_the_limits_is_taken(url: str, fake: FakeChatBotKit) -> None:
    # As deep as allowed, a long number, and brackets and digits inside strings, which do not count.
    meta = b'{"deep": ' + b"[" * (MAX_JSON_DEPTH - 2) + b"]" * (MAX_JSON_DEPTH - 2)
    meta += b', "n": ' + b"9" * MAX_NUMBER_DIGITS + b', "s": "' + b"[{" * 500 + b"1" * 5000 + b'"}'
    with Client(url) as client:
        answer = client.exchange(post("/v1/conversation/create", b'{"meta": ' + meta + b"}"))
    assert answer.status == 200, answer.body
    (stored,) = fake.conversations.values()
    assert stored["meta"]["n"] == int("9" * MAX_NUMBER_DIGITS)


def test_a_5000_digit_number_in_the_query_is_400(url: str) -> None:
    with Client(url) as client:
        target = "/v1/conversation/list?take=" + "1" * 5000
        answer = client.exchange(f"GET {target} HTTP/1.1\r\nHost: fake\r\n{AUTH}\r\n".encode())
        assert_refused(answer, 400, "BAD_REQUEST", "take", "5000 digits")
        assert client.exchange(LIST).status == 200
    assert_serves(url)


def test_the_fake_failing_is_a_json_500_and_the_server_goes_on(
    fake: FakeChatBotKit, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = fake.handle

    def handle(request: FakeRequest) -> FakeResponse:
        if "boom" in request.url:
            raise KeyError("boom")
        return real(request)

    monkeypatch.setattr(fake, "handle", handle)
    with serve(fake) as url, Client(url) as client:
        get = f"GET /v1/conversation/boom/fetch HTTP/1.1\r\nHost: fake\r\n{AUTH}\r\n".encode()
        assert_refused(client.exchange(get), 500, "INTERNAL_SERVER_ERROR", "KeyError")
        assert client.exchange(LIST).status == 200


# --- framing: chunked bodies and Content-Length ----------------------------------------------


def test_a_chunked_body_is_decoded(url: str, fake: FakeChatBotKit) -> None:
    body = b'{"name": "chunked", "meta": {"k": "v"}}'
    chunks = b"".join(b"%x;ext=1\r\n%s\r\n" % (len(part), part) for part in (body[:5], body[5:17], body[17:]))
    head = f"POST /v1/conversation/create HTTP/1.1\r\nHost: fake\r\n{AUTH}Transfer-Encoding: chunked\r\n\r\n"
    with Client(url) as client:
        answer = client.exchange(head.encode() + chunks + b"0\r\nX-Trailer: yes\r\n\r\n")
        assert answer.status == 200, answer.body
        # The chunks were not read as requests of their own: the next answer is the next request's.
        assert client.exchange(LIST).json()["items"][0]["name"] == "chunked"
    (stored,) = fake.conversations.values()
    assert stored["meta"] == {"k": "v"}
    assert fake.requests[0].body == body


@pytest.mark.parametrize(
    "chunks",
    [b"zz\r\nhello\r\n0\r\n\r\n", b"3\r\nhello\r\n0\r\n\r\n", b"-5\r\nhello\r\n0\r\n\r\n"],
    ids=["not-hex", "longer-than-its-size", "negative"],
)
def test_a_broken_chunked_body_is_400(url: str, chunks: bytes) -> None:
    head = f"POST /v1/conversation/create HTTP/1.1\r\nHost: fake\r\n{AUTH}Transfer-Encoding: chunked\r\n\r\n"
    with Client(url) as client:
        assert_refused(client.exchange(head.encode() + chunks), 400, "BAD_REQUEST", "chunk")
        assert client.closed()
    assert_serves(url)


def test_a_chunked_body_that_stops_is_400(url: str) -> None:
    head = f"POST /v1/conversation/create HTTP/1.1\r\nHost: fake\r\n{AUTH}Transfer-Encoding: chunked\r\n\r\n"
    with Client(url) as client:
        client.send(head.encode() + b"5\r\nhello\r\n")  # then idles: no last chunk
        assert_refused(client.response(), 400, "BAD_REQUEST", "before its last chunk")
        assert client.closed()
    assert_serves(url)


@pytest.mark.parametrize(
    ("coding", "status", "code"),
    [("gzip", 400, "BAD_REQUEST"), ("gzip, chunked", 501, "NOT_IMPLEMENTED")],
)
def test_transfer_codings_other_than_chunked(url: str, coding: str, status: int, code: str) -> None:
    head = f"POST /v1/conversation/create HTTP/1.1\r\nHost: fake\r\n{AUTH}Transfer-Encoding: {coding}\r\n\r\n"
    with Client(url) as client:
        assert_refused(client.exchange(head.encode() + b"0\r\n\r\n"), status, code, "chunked")
        assert client.closed()
    assert_serves(url)


@pytest.mark.parametrize(
    ("length", "status", "code"),
    [
        ("abc", 400, "BAD_REQUEST"),
        ("-5", 400, "BAD_REQUEST"),
        ("5, 6", 400, "BAD_REQUEST"),
        ("1e3", 400, "BAD_REQUEST"),
        (str(MAX_BODY_BYTES + 1), 413, "CONTENT_TOO_LARGE"),
        ("9" * 5000, 413, "CONTENT_TOO_LARGE"),
    ],
    ids=["not-a-number", "negative", "two-values", "exponent", "too-large", "5000-digits"],
)
def test_a_bad_content_length_is_refused_at_once(
    url: str, fake: FakeChatBotKit, length: str, status: int, code: str
) -> None:
    head = f"POST /v1/conversation/create HTTP/1.1\r\nHost: fake\r\n{AUTH}Content-Length: {length}\r\n\r\n"
    with Client(url) as client:
        answer = client.exchange(head.encode() + b"{}")
        assert_refused(answer, status, code, "over" if status == 413 else "Content-Length")
        assert client.closed()
    assert fake.requests == []
    assert_serves(url)


def test_a_body_shorter_than_its_content_length_is_400_after_the_timeout(
    url: str, fake: FakeChatBotKit
) -> None:
    head = f"POST /v1/conversation/create HTTP/1.1\r\nHost: fake\r\n{AUTH}Content-Length: 100\r\n\r\n"
    with Client(url) as client:
        client.send(head.encode() + b'{"name": "')  # 10 bytes, then the client idles
        assert_refused(client.response(), 400, "BAD_REQUEST", "10 of the 100 bytes")
        assert client.closed()
    assert fake.requests == []
    assert_serves(url)


def test_both_content_length_and_chunked_is_400(url: str) -> None:
    head = f"POST /v1/conversation/create HTTP/1.1\r\nHost: fake\r\n{AUTH}"
    head += "Content-Length: 7\r\nTransfer-Encoding: chunked\r\n\r\n"
    with Client(url) as client:
        assert_refused(client.exchange(head.encode() + b"0\r\n\r\n"), 400, "BAD_REQUEST", "not both")
        assert client.closed()
    assert_serves(url)


def test_expect_100_continue(url: str, fake: FakeChatBotKit) -> None:
    head = f"POST /v1/conversation/create HTTP/1.1\r\nHost: fake\r\n{AUTH}"
    head += "Content-Length: 2\r\nExpect: 100-continue\r\n\r\n"
    with Client(url) as client:
        assert client.exchange(head.encode()).status == 100
        assert client.exchange(b"{}").status == 200
    assert len(fake.conversations) == 1


# --- request line and head ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("request_bytes", "status", "code"),
    [
        (b"GARBAGE\r\n\r\n", 400, "BAD_REQUEST"),
        (b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n", 400, "BAD_REQUEST"),  # TLS, sort of
        (b"GET /v1/conversation/list\r\n\r\n", 400, "BAD_REQUEST"),  # HTTP/0.9
        (b"GET /v1/conversation/list HTTP/1.1 extra\r\n\r\n", 400, "BAD_REQUEST"),
        (b"GET /v1/conversation/list HTTX/1.1\r\n\r\n", 400, "BAD_REQUEST"),
        (b"G(T /v1/conversation/list HTTP/1.1\r\n\r\n", 400, "BAD_REQUEST"),
        (b"GET v1/conversation/list HTTP/1.1\r\n\r\n", 400, "BAD_REQUEST"),
        (b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", 505, "HTTP_VERSION_NOT_SUPPORTED"),
        (b"GET / HTTP/1.1\r\nno colon here\r\n\r\n", 400, "BAD_REQUEST"),
        (b"GET / HTTP/1.1\r\nBad Name: x\r\n\r\n", 400, "BAD_REQUEST"),
        (b"GET / HTTP/1.1\r\nX-A: 1\r\n folded\r\n\r\n", 400, "BAD_REQUEST"),
        (b"GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400, "BAD_REQUEST"),
    ],
    ids=[
        "garbage",
        "binary",
        "http-0.9",
        "four-words",
        "not-http",
        "bad-method",
        "not-a-path",
        "http2-preface",
        "field-without-colon",
        "space-in-field-name",
        "folded-field",
        "two-hosts",
    ],
)
def test_an_unreadable_request_is_a_json_4xx(url: str, request_bytes: bytes, status: int, code: str) -> None:
    with Client(url) as client:
        assert_refused(client.exchange(request_bytes), status, code)
        assert client.closed()
    assert_serves(url)


def test_an_oversize_request_line_is_a_json_414(url: str) -> None:
    with Client(url) as client:
        line = b"GET /v1/conversation/list?q=" + b"a" * 70_000 + b" HTTP/1.1\r\n"
        assert_refused(client.exchange(line + b"Host: fake\r\n\r\n"), 414, "URI_TOO_LONG")
        assert client.closed()
    assert_serves(url)


@pytest.mark.parametrize(
    "fields",
    [
        f"X-Big: {'a' * 70_000}\r\n",
        "".join(f"X-{n}: {'a' * 1000}\r\n" for n in range(70)),
        "X-A: 1\r\n" * 101,
    ],
    ids=["one-long-field", "many-fields-in-all", "101-fields"],
)
def test_oversize_headers_are_a_json_431(url: str, fields: str) -> None:
    with Client(url) as client:
        request = f"GET /v1/conversation/list HTTP/1.1\r\nHost: fake\r\n{fields}\r\n".encode()
        assert_refused(client.exchange(request), 431, "REQUEST_HEADER_FIELDS_TOO_LARGE")
        assert client.closed()
    assert_serves(url)


def test_a_head_that_stops_is_a_json_408(url: str) -> None:
    with Client(url) as client:
        client.send(b"GET /v1/conversation/list HTTP/1.1\r\nHost: fake\r\n")  # then idles
        assert_refused(client.response(), 408, "REQUEST_TIMEOUT")
        assert client.closed()
    assert_serves(url)


def test_head_answers_with_the_get_head_and_no_body(url: str) -> None:
    with Client(url) as client:
        got = client.exchange(LIST)
        head = client.exchange(LIST.replace(b"GET", b"HEAD", 1), head=True)
        # Had HEAD sent a body, it would be read here as the start of the next answer.
        assert client.exchange(LIST).json() == got.json()
        streamed_head = b"HEAD /v1/conversation/list HTTP/1.1\r\nHost: fake\r\nAccept: application/jsonl\r\n"
        streamed = client.exchange(streamed_head + AUTH.encode() + b"\r\n", head=True)
        assert client.exchange(LIST).status == 200
    assert head.status == 200
    assert head.headers["content-type"] == "application/json"
    assert head.headers["content-length"] == str(len(got.body))
    assert head.body == b""
    assert streamed.headers["transfer-encoding"] == "chunked"
    assert streamed.headers["content-type"] == "application/jsonl"


def test_unknown_methods_and_routes_are_json(url: str) -> None:
    with Client(url) as client:
        for request in (
            LIST.replace(b"GET", b"TRACE", 1),
            LIST.replace(b"GET", b"DELETE", 1),
            LIST.replace(b"list", b"nothing-here", 1),
        ):
            answer = client.exchange(request)
            assert answer.status in (404, 405)
            assert answer.headers["content-type"] == "application/json"
            assert set(answer.json()) == {"message", "code"}


# --- valid requests: keep-alive, pipelining, streaming, HTTP/1.0 ---------------------------------


def test_keep_alive_and_pipelined_requests(url: str, fake: FakeChatBotKit) -> None:
    create = post("/v1/conversation/create", b'{"name": "piped"}')
    with Client(url) as client:
        client.send(LIST + create + LIST)  # all three before reading any answer
        answers = [client.response() for _ in range(3)]
        assert client.exchange(LIST).status == 200  # and the connection goes on
    assert [a.status for a in answers] == [200, 200, 200]
    assert answers[0].json()["items"] == []
    assert answers[2].json()["items"][0]["name"] == "piped"
    assert len(fake.requests) == 4


def test_json_lines_stream_chunked_and_the_connection_goes_on(url: str) -> None:
    body = b'{"messages": [{"type": "user", "text": "Hello"}]}'
    with Client(url) as client:
        answer = client.exchange(post("/v1/conversation/complete", body, "Accept: application/jsonl"))
        assert answer.status == 200
        assert answer.headers["transfer-encoding"] == "chunked"
        assert answer.headers["content-type"] == "application/jsonl"
        events = [json.loads(line) for line in answer.body.splitlines()]
        assert events[-1]["type"] == "result"
        assert sum(event["type"] == "token" for event in events) > 1
        assert client.exchange(LIST).status == 200


def test_http_1_0_is_answered_and_closed(url: str) -> None:
    with Client(url) as client:
        answer = client.exchange(f"GET /v1/conversation/list HTTP/1.0\r\n{AUTH}\r\n".encode())
        assert answer.status == 200
        assert answer.json() == {"items": [], "cursor": ""}
        assert client.closed()


def test_absolute_form_target(url: str) -> None:
    with Client(url) as client:
        request = LIST.replace(b"/v1/", f"{url}/v1/".encode(), 1)
        assert client.exchange(request).json() == {"items": [], "cursor": ""}


# --- threads -----------------------------------------------------------------------------------


def wait_for(condition: Callable[[], bool], what: str, deadline: float = 10.0) -> None:
    end = time.monotonic() + deadline
    while not condition():
        assert time.monotonic() < end, what
        time.sleep(0.02)


def test_200_idle_connections_do_not_take_200_threads(fake: FakeChatBotKit) -> None:
    with serve(fake, max_workers=8, idle_timeout=WAIT) as url:
        base = threading.active_count()
        clients = [Client(url) for _ in range(200)]
        try:
            most = base
            for _ in range(20):  # a while of idling, watched
                most = max(most, threading.active_count())
                time.sleep(0.01)
            assert_serves(url)
            assert most <= base + 8
            # Now every one of them begins a request and stops half-way: each needs a worker.
            for client in clients:
                client.send(b"GET /v1/conversation/list HTTP/1.1\r\n")
            wait_for(lambda: threading.active_count() >= base + 8, "the workers did not start")
            for _ in range(20):
                assert threading.active_count() <= base + 8
                time.sleep(0.01)
        finally:
            for client in clients:
                client.sock.close()
        wait_for(lambda: threading.active_count() <= base, "the workers did not end")


def test_idle_connections_time_out_and_their_threads_end(fake: FakeChatBotKit) -> None:
    with serve(fake, max_workers=8, idle_timeout=0.3, request_timeout=0.3) as url:
        base = threading.active_count()
        idle = [Client(url) for _ in range(100)]
        started = [Client(url) for _ in range(20)]
        for client in started:
            client.send(b"GET /v1/conversation/list HTTP/1.1\r\n")  # and no more
        try:
            assert all(client.closed() for client in idle)  # closed by the server, without a word
            for client in started:
                assert_refused(client.response(), 408, "REQUEST_TIMEOUT")
                assert threading.active_count() <= base + 8
                client.sock.close()
            wait_for(lambda: threading.active_count() <= base, "the workers did not end")
            assert_serves(url)
        finally:
            for client in idle + started:
                client.sock.close()


# --- leaving serve() ---------------------------------------------------------------------------


def test_leaving_serve_closes_kept_alive_connections(fake: FakeChatBotKit) -> None:
    with serve(fake) as url:
        raw = Client(url)
        assert raw.exchange(LIST).status == 200
        http = httpx.Client(base_url=url, headers={"Authorization": "Bearer sk-test"}, timeout=WAIT)
        assert http.get("/v1/conversation/list").status_code == 200  # its connection stays in its pool
    seen = len(fake.requests)
    with raw:
        try:
            raw.send(LIST)
        except OSError:
            pass  # refused at once: as good as closed
        else:
            assert raw.closed()
    # httpcore's own error too: after an in-process pytester run (tests/testing/test_pytest_plugin.py) httpx
    # may map httpcore's errors by classes of a reloaded module, and let the raw one through.
    with contextlib.closing(http), pytest.raises((httpx.TransportError, httpcore.NetworkError)):
        http.get("/v1/conversation/list")
    assert len(fake.requests) == seen  # the old fake answered nothing more


def test_leaving_serve_ends_stalls_and_streams_in_flight() -> None:
    fake = FakeChatBotKit(token_delay=0.5)  # a stream of many tokens lasts seconds
    fake.stall(60, path="/conversation/list")
    outcomes: list[str] = []

    def request(url: str, data: bytes) -> None:
        with Client(url) as client:
            client.send(data)
            try:
                outcomes.append(f"answered {client.response().status}")
            except (EOFError, ConnectionResetError):
                outcomes.append("cut")

    server = serve(fake)
    url = server.__enter__()
    body = b'{"messages": [{"type": "user", "text": "Hello"}]}'
    stream = post("/v1/conversation/complete", body, "Accept: application/jsonl")
    clients = [threading.Thread(target=request, args=(url, data)) for data in (LIST, stream)]
    for thread in clients:
        thread.start()
    wait_for(lambda: len(fake.requests) == 2, "the requests did not arrive")
    leaving = threading.Thread(target=server.__exit__, args=(None, None, None))
    leaving.start()
    leaving.join(WAIT)  # a bound, not a timing: a 60 s stall must not hold serve() open
    assert not leaving.is_alive()
    for thread in clients:
        thread.join(WAIT)
        assert not thread.is_alive()
    assert outcomes == ["cut", "cut"]


ONE_USER_MESSAGE = {"messages": [{"type": "user", "text": "Hello"}]}


# --- 7. real streaming over HTTP ---------------------------------------------------------

DELAY = 0.1  # between tokens: 13 tokens take 1.2 s, well above the 0.4 s asserted below


def test_tokens_arrive_while_the_reply_is_still_being_produced() -> None:
    fake = FakeChatBotKit(token_delay=DELAY)
    with fake.serve() as url, ConversationClient(secret=FAKE_SECRET, base_url=url) as client:
        conversation_id = client.create().id
        started = time.monotonic()
        first: float | None = None
        tokens: list[str] = []
        with client.complete(conversation_id, {"text": "Why?"}).stream() as stream:
            for token in stream.tokens():
                tokens.append(token)
                if first is None:
                    first = time.monotonic()
        end = time.monotonic()
    assert first is not None
    assert len(tokens) >= 12
    # The fake sleeps DELAY between tokens, so producing them all takes >= 1.1 s: a client
    # that got the first one long before the end was streamed to, not sent a buffer.
    assert end - started >= DELAY * (len(tokens) - 1) - 0.05
    assert first < end - 0.4
    assert first - started < (end - started) / 2


# --- 8. the JS SDK's request shapes over real HTTP -------------------------------------------


JS_HEADERS = {
    "Authorization": f"Bearer {FAKE_SECRET}",
    "X-RunAs-User-Id": "user_123",
    "X-RunAs-Child-User-Email": "child@example.com",
    "X-Timezone": "Europe/London",
    "Content-Type": "application/json",
}


def test_js_sdk_request_shapes(fake: FakeChatBotKit) -> None:
    with fake.serve() as url, httpx.Client(base_url=url, headers=JS_HEADERS, timeout=10) as http:
        created = http.post("/api/v1/conversation/create", content=json.dumps({"model": "gpt-4o"}))
        assert created.status_code == 200
        conversation_id = created.json()["id"]
        seen = fake.requests[-1].headers
        assert seen["x-runas-user-id"] == "user_123"
        assert seen["x-runas-child-user-email"] == "child@example.com"
        assert seen["x-timezone"] == "Europe/London"

        lines: list[dict[str, Any]] = []
        with http.stream(
            "POST",
            f"/api/v1/conversation/{conversation_id}/complete",
            content=json.dumps({"text": "Hello"}),
            headers={"Accept": "application/jsonl"},
        ) as answer:
            assert answer.status_code == 200
            assert answer.headers["content-type"] == "application/jsonl"
            assert answer.headers["transfer-encoding"] == "chunked"
            lines.extend(json.loads(line) for line in answer.iter_lines() if line)
        assert all(set(line) == {"type", "data"} for line in lines)
        assert lines[0]["type"] == "completeBegin"
        assert lines[-1]["type"] == "result"
        assert lines[-1]["data"]["text"] == HELLO
        assert "".join(line["data"]["token"] for line in lines if line["type"] == "token") == HELLO

        plain = http.post(f"/api/v1/conversation/{conversation_id}/complete", content=b'{"text": "thanks"}')
        assert plain.headers["content-type"] == "application/json"
        assert plain.json()["text"] == "You are welcome. Is there anything else?"

        listed = http.get(f"/api/v1/conversation/{conversation_id}/message/list", params={"order": "asc"})
        assert [m["type"] for m in listed.json()["items"]] == ["user", "bot", "user", "bot"]
        items = http.get(
            f"/api/v1/conversation/{conversation_id}/message/list", headers={"Accept": "application/jsonl"}
        )
        assert [json.loads(line)["type"] for line in items.text.splitlines()] == ["item"] * 4
        assert http.post(f"/api/v1/conversation/{conversation_id}/delete", content=b"{}").status_code == 200
    assert fake.conversations == {}
    assert all(r.path.startswith("/api/v1/") for r in fake.requests)


def test_the_sync_client_over_http(fake: FakeChatBotKit) -> None:
    with (
        fake.serve() as url,
        ConversationClient(
            secret=FAKE_SECRET, base_url=url, run_as_user_id="user_9", timezone="Europe/Paris"
        ) as client,
    ):
        conversation_id = client.create({"model": "gpt-4o"}).id
        with client.complete(conversation_id, {"text": "Hello"}).stream() as stream:
            text = "".join(stream.tokens())
        assert text == HELLO
        messages = list(client.message.list(conversation_id, {"order": "asc", "take": 1}).iter_all())
        assert [(m.type, m.text) for m in messages] == [("user", "Hello"), ("bot", HELLO)]
        assert client.delete(conversation_id).id == conversation_id
        with pytest.raises(NotFoundError):
            client.fetch(conversation_id).result()
    assert fake.conversations == {}
    assert all(r.path.startswith("/api/v1/conversation/") for r in fake.requests)
    assert {r.headers.get("x-runas-user-id") for r in fake.requests} == {"user_9"}
    assert {r.headers.get("x-timezone") for r in fake.requests} == {"Europe/Paris"}


def test_the_async_client_over_http(fake: FakeChatBotKit) -> None:
    async def flow(url: str) -> list[tuple[str, str]]:
        async with AsyncConversationClient(secret=FAKE_SECRET, base_url=url) as client:
            conversation_id = (await client.create({"model": "gpt-4o"})).id
            async with client.complete(conversation_id, {"text": "What is this?"}).stream() as stream:
                text = await stream.text()
            assert text.startswith("Good question.")
            pages: AsyncIterator[Any] = client.message.list(conversation_id, {"order": "asc"}).iter_all()
            messages = [(m.type, m.text) async for m in pages]
            await client.delete(conversation_id)
            with pytest.raises(NotFoundError):
                await client.fetch(conversation_id)
            return messages

    with fake.serve() as url:
        messages = asyncio.run(flow(url))
    assert [kind for kind, _ in messages] == ["user", "bot"]
    assert messages[1][1].startswith('Good question. You asked: "What is this?"')
    assert fake.conversations == {}
