"""Plain helpers shared by the test files (fixtures are in ``conftest.py``).

- constants: ``BASE_URL``, ``SECRET``, ``HELLO``, ``T0``;
- ``Harness``: a client of one mode (sync or async) on ``httpx.MockTransport`` that records
  every request and every stream ``Body``; ``ok`` and ``sequence`` make its answers;
- resolving what a client method returns in either mode: ``settle`` (async), ``run`` (sync);
- ``jsonl`` (a JSON Lines body), ``closed_port`` (a port that refuses connections);
- the fake as a process: ``cli``, ``start_cli``, ``stop``;
- ``streaming_server``: a tiny HTTP/1.1 server on 127.0.0.1 that streams JSON Lines, for
  tests that need real sockets (connection pools, early close);
- every operation of the spec called through the public client, with values built from the
  spec: ``sample`` makes a valid value for any schema of ``chatbotkit_api.operations``,
  ``CALLERS`` knows, for each operation, the public method that sends it and its arguments.
"""

from __future__ import annotations

import asyncio
import copy
import dataclasses
import inspect
import json
import os
import re
import select
import socket
import subprocess
import sys
import threading
from collections.abc import AsyncIterator, Callable, Iterable, Iterator
from contextlib import ExitStack, contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
from chatbotkit_api.operations import MODELS, OPERATIONS, Schema

from chatbotkit_sdk import (
    AsyncConversationClient,
    AsyncEventStream,
    AsyncResponsePromise,
    ConversationClient,
    EventStream,
    ResponsePromise,
)
from chatbotkit_sdk._endpoints import (
    AttachmentEndpoints,
    ContactEndpoints,
    ConversationEndpoints,
    MessageEndpoints,
    SessionEndpoints,
)
from chatbotkit_sdk._methods import Dual, Method
from chatbotkit_sdk.testing import FakeChatBotKit

#: The repository (tests/ is right below it).
ROOT = Path(__file__).resolve().parent.parent
BASE_URL = "http://fake.chatbotkit.test"
SECRET = "sk_test_Zq8v3XyL2pN7wR4t"
#: The fake's tests' secret (a fake made without ``secret=`` takes any), and its header.
FAKE_SECRET = "sk_test_Fake7hQ2mV9xK4"
FAKE_AUTH = {"Authorization": f"Bearer {FAKE_SECRET}"}
HELLO = "Hello! I am the ChatBotKit test bot. How can I help you today?"
T0 = 1732406400000  # 2024-11-24T00:00:00Z in ms
JSONL = "application/jsonl"
CONVERSATION = {"id": "cnv_1", "createdAt": T0, "updatedAt": T0 + 1000}

Responder = Callable[[httpx.Request], "httpx.Response | Body | BaseException"]


# --- a client of either mode on a recording mock transport ----------------------------------


class Body(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A response body: hands out ``chunks`` (then raises ``error``), records being closed."""

    def __init__(self, chunks: Iterable[bytes], error: Exception | None = None) -> None:
        self._chunks = chunks
        self._error = error
        self.handed = 0
        self.closed = False

    def _each(self) -> Iterator[bytes]:
        for chunk in self._chunks:
            self.handed += 1
            yield chunk
        if self._error is not None:
            raise self._error

    def __iter__(self) -> Iterator[bytes]:
        return self._each()

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for chunk in self._each():
            yield chunk

    def close(self) -> None:
        self.closed = True

    async def aclose(self) -> None:
        self.closed = True


class Harness:
    """A client of one mode whose transport records every request and every stream body.

    The responder answers each request with a response, a ``Body`` (sent as a 200 JSON
    Lines stream) or an exception (raised, as a transport error would be).
    """

    def __init__(self, mode: str, responder: Responder, **options: Any) -> None:
        self.mode = mode
        self.responder = responder
        self.requests: list[httpx.Request] = []
        self.bodies: list[Body] = []
        self.http: httpx.Client | httpx.AsyncClient
        options.setdefault("secret", SECRET)
        options.setdefault("retry_delay", 0)
        transport = httpx.MockTransport(self._handle)
        if mode == "sync":
            self.http = httpx.Client(transport=transport)
            self.client: Any = ConversationClient(http_client=self.http, **options)
        else:
            self.http = httpx.AsyncClient(transport=transport)
            self.client = AsyncConversationClient(http_client=self.http, **options)

    def _handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        answer = self.responder(request)
        if isinstance(answer, BaseException):
            raise answer
        if isinstance(answer, Body):
            self.bodies.append(answer)
            return httpx.Response(200, stream=answer, headers={"Content-Type": JSONL})
        if isinstance(answer.stream, Body):
            self.bodies.append(answer.stream)
        return answer

    @property
    def last(self) -> httpx.Request:
        assert self.requests, "no request was sent"
        return self.requests[-1]

    @property
    def body(self) -> Body:
        assert len(self.bodies) == 1, f"expected one stream body, got {len(self.bodies)}"
        return self.bodies[0]

    def run(self, call: Callable[[Any], Any], client: Any = None) -> Any:
        """Call a method and resolve what it returns (promise, coroutine or model)."""
        client = self.client if client is None else client
        if self.mode == "sync":
            value = call(client)
            return value.result() if isinstance(value, ResponsePromise) else value

        async def go() -> Any:
            value = call(client)
            if isinstance(value, AsyncResponsePromise) or inspect.isawaitable(value):
                return await value
            return value

        return asyncio.run(go())

    def resolve(self, promise: Any) -> Any:
        if self.mode == "sync":
            return promise.result()

        async def go() -> Any:
            return await promise

        return asyncio.run(go())

    def cached(self, promise: Any, *key: str) -> Any:
        if self.mode == "sync":
            return promise.cache(*key)
        return asyncio.run(promise.cache(*key))


def ok(payload: Any) -> Responder:
    return lambda request: httpx.Response(200, json=payload)


def sequence(*answers: httpx.Response | BaseException) -> Responder:
    """Answers in order; the last one repeats."""
    queue = list(answers)

    def respond(request: httpx.Request) -> httpx.Response | BaseException:
        return queue.pop(0) if len(queue) > 1 else queue[0]

    return respond


def leaks(headers: httpx.Headers) -> bool:
    """Whether any header value holds ``SECRET`` (``str(headers)`` masks it anyway)."""
    return any(SECRET in value for value in headers.values())


def body_of(request: httpx.Request) -> Any:
    return json.loads(request.content) if request.content else None


@contextmanager
def raw_http(
    fake: FakeChatBotKit, where: str, *, headers: dict[str, str] | None = None, url: str | None = None
) -> Iterator[httpx.Client]:
    """Plain httpx to ``fake``: ``where`` is "in-process" (its transport) or "http" (loopback
    HTTP: to ``url``, a server of it already running, or to one started here)."""
    with ExitStack() as stack:
        if where == "http":
            url = url or stack.enter_context(fake.serve())
            http = stack.enter_context(httpx.Client(base_url=url, headers=headers, timeout=10))
        else:
            transport = fake.transport()
            http = stack.enter_context(httpx.Client(transport=transport, base_url=BASE_URL, headers=headers))
        yield http


class Wire:
    """A fake and a raw httpx client to it; ``path()`` fills in fresh ids."""

    def __init__(self, fake: FakeChatBotKit, http: httpx.Client) -> None:
        self.fake = fake
        self.http = http

    def path(self, operation: str) -> str:
        conversation = self.http.post("/v1/conversation/create", json={"name": "contract"}).json()["id"]
        message = self.http.post(
            f"/v1/conversation/{conversation}/message/create", json={"type": "user", "text": "hi"}
        ).json()["id"]
        template = OPERATIONS[operation].path
        return "/v1" + template.replace("{conversationId}", conversation).replace("{messageId}", message)

    def call(self, operation: str, body: Any = None, query: str = "") -> httpx.Response:
        op = OPERATIONS[operation]
        url = self.path(operation) + (f"?{query}" if query else "")
        if op.method == "GET":
            return self.http.get(url)
        return self.http.post(
            url, content=json.dumps(body).encode(), headers={"Content-Type": "application/json"}
        )


# --- what a client method returns, resolved in either mode ------------------------------------


async def settle(value: Any, into: list[Any] | None = None) -> Any:
    """Resolve what a client method returned: a model, a promise, a coroutine or a stream.

    A stream is read to its end inside ``with`` / ``async with``, its events appended to
    ``into`` as they arrive (so a test sees the events before an error); the list of
    events is returned.
    """
    events: list[Any] = [] if into is None else into
    if isinstance(value, EventStream):
        with value:
            for event in value:
                events.append(event)
        return events
    if isinstance(value, AsyncEventStream):
        async with value:
            async for event in value:
                events.append(event)
        return events
    if isinstance(value, ResponsePromise):
        return value.result()
    if inspect.isawaitable(value):
        return await value
    return value


async def drain_later(stream: EventStream[Any] | AsyncEventStream[Any], into: list[Any]) -> None:
    """Read ``stream`` to its end inside ``with`` / ``async with``, appending to ``into``."""
    if isinstance(stream, AsyncEventStream):
        async with stream:
            async for event in stream:
                into.append(event)
    else:
        with stream:
            into.extend(stream)


def new_conversation(fake: FakeChatBotKit, secret: str = FAKE_SECRET) -> str:
    """A conversation created in ``fake`` (in process, with ``secret``), its request forgotten."""
    with httpx.Client(transport=fake.transport(), base_url=BASE_URL) as raw:
        answer = raw.post(
            "/api/v1/conversation/create", json={}, headers={"Authorization": f"Bearer {secret}"}
        )
    conversation_id: str = answer.json()["id"]
    fake.requests.clear()
    return conversation_id


def stored_messages(fake: FakeChatBotKit, conversation_id: str) -> list[tuple[str, str]]:
    """The (type, text) of each message the fake holds for ``conversation_id``."""
    return [(m["type"], m["text"]) for m in fake.messages[conversation_id]]


def event_types(events: list[Any]) -> list[str]:
    return [event.type for event in events]


def tokens_of(events: list[Any], kind: str = "token") -> str:
    """The tokens of the events of type ``kind`` (``token``, or ``reasoningToken``...), joined."""
    return "".join(event.data.token for event in events if event.type == kind)


def run(value: Any) -> Any:
    """Resolve a client method's result from sync code: a model, a promise or a coroutine."""
    if isinstance(value, ResponsePromise):
        return value.result()
    if inspect.isawaitable(value):

        async def go() -> Any:
            return await value

        return asyncio.run(go())
    return value


def jsonl(lines: Iterable[Any], newline: bytes = b"\n") -> bytes:
    """A JSON Lines body: each item as JSON (non-ASCII kept as is), ended by ``newline``."""
    return b"".join(json.dumps(line, ensure_ascii=False).encode() + newline for line in lines)


@contextmanager
def closed_port() -> Iterator[int]:
    """A port of 127.0.0.1 that refuses connections while the block runs: bound, so that no
    other process (a parallel worker's server) can take it, but not listening."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        yield port


#: Plugins of this venv that an application's suite of the fake does not use; a child
#: pytest imports them all (1.4 s of its run), so the plugin tests' child runs leave them out.
UNRELATED_PLUGINS = ("-p", "no:schemathesis", "-p", "no:hypothesispytest")


# --- the fake as a process: python -m chatbotkit_sdk.testing ---------------------------------


def cli(*args: str, unbuffered: bool) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    if unbuffered:
        env["PYTHONUNBUFFERED"] = "1"
    command = [sys.executable, "-m", "chatbotkit_sdk.testing", *args]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)


def stop(process: subprocess.Popen[str]) -> str:
    process.terminate()
    try:
        output, _ = process.communicate(timeout=5)
    except subprocess.TimeoutExpired:
        process.kill()
        output, _ = process.communicate(timeout=5)
    return output


def start_cli(*args: str, unbuffered: bool) -> tuple[subprocess.Popen[str], int]:
    """``cli(--port 0, *args)``: the process and the port it announced, once it serves.

    The kernel picks the port, so parallel workers never race for one, and the banner
    names it; it is printed once the socket listens. Returning also proves the banner
    reaches a pipe while the server runs.
    """
    process = cli("--port", "0", *args, unbuffered=unbuffered)
    assert process.stdout is not None
    ready, _, _ = select.select([process.stdout], [], [], 10)
    banner = process.stdout.readline() if ready else ""
    found = re.search(r"http://127\.0\.0\.1:(\d+)", banner)
    if found is None:
        stop(process)
        raise AssertionError(f"the fake did not announce its port within 10 s: {banner!r}")
    return process, int(found.group(1))


# --- a loopback server that streams JSON Lines ---------------------------------------------


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    events = 50

    def log_message(self, format: str, *args: object) -> None:  # quiet
        return

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.send_response(200)
        self.send_header("Content-Type", "application/jsonl")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        try:
            for index in range(self.events):
                line = json.dumps({"type": "token", "data": {"token": f"t{index} "}}) + "\n"
                self._chunk(line.encode())
            self._chunk(b"")
        except (BrokenPipeError, ConnectionResetError):
            return  # the client closed early, which is what the tests do

    def _chunk(self, data: bytes) -> None:
        self.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
        self.wfile.flush()


@contextmanager
def streaming_server() -> Iterator[str]:
    """Yields the base URL of a server answering every POST with a stream of token events."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


# --- every operation of the spec through the public client ----------------------------------

_SCALARS: dict[str, Any] = {
    "string": "text",
    "integer": 3,
    "number": 1.5,
    "boolean": True,
    "any": {"any": ["json"]},
}


def sample(schema: Schema, *, full: bool) -> Any:
    """A valid value for ``schema``: with every optional property (``full``) or only the required."""
    kind = schema.kind
    value: Any
    if kind == "model":
        model = MODELS[schema.model]
        value = {
            name: sample(field.schema, full=full)
            for name, field in model.fields.items()
            if full or field.required
        }
        value = value if model.fields else {"key": "value"}  # free-form (Meta): the user's own keys
    elif kind in ("array", "map"):
        assert schema.items is not None
        item = sample(schema.items, full=full)
        value = [item] if kind == "array" else {"key": item}
    elif kind == "union":
        value = sample(schema.options[0], full=full)
    elif kind == "enum":
        value = schema.values[0]
    else:
        value = copy.deepcopy(_SCALARS[kind])
    return value


OWNERS = {
    ConversationEndpoints: (),
    MessageEndpoints: ("message",),
    SessionEndpoints: ("session",),
    AttachmentEndpoints: ("attachment",),
    ContactEndpoints: ("contact",),
}


@dataclasses.dataclass(frozen=True)
class Caller:
    """How to call an operation through the public client: ``client.<owner>.<attr>(*args)``."""

    operation: str
    owner: tuple[str, ...]
    attr: str
    stateless: bool  # the ``None`` half of a dual method

    def ids(self) -> tuple[Any, ...]:
        """The leading positional arguments: ``None`` for a stateless half, then the path's ids."""
        ids = tuple(f"id_{p.attribute}" for p in OPERATIONS[self.operation].path_params)
        return ((None,) if self.stateless else ()) + ids

    def request(self) -> dict[str, Any] | None:
        """A valid request body with only its required fields, if the method takes one."""
        body = OPERATIONS[self.operation].body
        if body is None or not MODELS[body].fields:
            return None
        value: dict[str, Any] = sample(Schema(kind="model", model=body), full=False)
        return value

    def args(self) -> tuple[Any, ...]:
        request = self.request()
        return self.ids() + (() if request is None else (request,))

    def method(self, client: Any) -> Any:
        for name in self.owner:
            client = getattr(client, name)
        return getattr(client, self.attr)


def _callers() -> dict[str, Caller]:
    found: dict[str, Caller] = {}
    for owner, route in OWNERS.items():
        for attr, value in vars(owner).items():
            halves = []
            if isinstance(value, Method):
                halves = [(value._half.name, False)]
            elif isinstance(value, Dual):
                halves = [(value._stateless.name, True), (value._stateful.name, False)]
            for operation, stateless in halves:
                if attr != "upload_file":  # sends a second request: ``upload`` is the same answer
                    found.setdefault(operation, Caller(operation, route, attr, stateless))
    return found


CALLERS = _callers()
