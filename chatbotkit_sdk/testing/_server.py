"""The fake over real HTTP/1.1 on loopback.

JSON Lines answers are sent with chunked transfer encoding, one chunk per event,
sent as produced: a client sees the first token before the last one exists.

Clients in any language poke at this server, often on purpose with broken requests, so
it reads HTTP itself (no ``http.server``) and answers every request it cannot read in
the API's error shape, ``{"message": ..., "code": ...}`` as ``application/json``
(never HTML), then closes that connection and goes on serving the others:

- a request line that is not ``METHOD target HTTP/1.x``: 400 (``HTTP/2`` and later: 505);
- a request line over 64 KiB: 414; a head over 64 KiB or 100 fields: 431;
- a ``Content-Length`` that is not a number, or a body that stops short of it (the
  client then idles or closes): 400; a body over 32 MiB: 413;
- a chunked body that breaks the chunked syntax: 400 (chunked bodies are decoded);
  ``Transfer-Encoding`` with ``Content-Length``, or without ``chunked`` last: 400; a
  transfer coding other than ``chunked``: 501;
- a head that does not arrive within ``request_timeout``: 408.

A JSON body nested deeper than 100 levels, or with a number of more than 1000 digits,
is answered 400 before the fake parses it (the connection stays open); if the fake
raises anyway, ``RecursionError`` and ``ValueError`` are answered 400 and anything
else 500, in the same shape. ``HEAD`` is answered as ``GET`` without the body.

Threads: one (``serve_forever()``) accepts connections and watches the idle ones in a
selector, so an idle connection costs no thread; it is closed after ``idle_timeout``.
A connection with bytes to read goes to a worker thread, which reads and answers its
requests and hands it back; workers are started on demand, at most ``max_workers``,
and end after half a second without work. Once a request has begun, all of it must
arrive within ``request_timeout``, and each write of the answer must finish within it
too. Leaving ``serve()`` closes every connection: a client that kept one alive gets a
connection error, never an answer from a fake that should be gone.
"""

from __future__ import annotations

import collections
import contextlib
import http
import json
import re
import selectors
import socket
import threading
import time
import typing
from collections.abc import Callable, Generator, Iterator, Mapping
from contextlib import contextmanager
from email.utils import formatdate

from .._exceptions import status_error_class
from ._wire import DROP, PAUSE, FakeRequest, FakeResponse

if typing.TYPE_CHECKING:
    from ._fake import FakeChatBotKit

__all__ = ["serve"]

MAX_REQUEST_LINE = 64 * 1024
MAX_HEAD_BYTES = 64 * 1024  # all header fields together, and again for a chunked body's trailer
MAX_FIELDS = 100
MAX_BODY_BYTES = 32 * 1024 * 1024
MAX_CHUNK_LINE = 4096
MAX_JSON_DEPTH = 100
MAX_NUMBER_DIGITS = 1000

MAX_WORKERS = 32
MAX_OPEN = 512
IDLE_TIMEOUT = 15.0
#: How long a worker thread with nothing to do waits for more before it ends.
WORKER_LINGER = 0.5
REQUEST_TIMEOUT = 10.0
#: At most this long, after refusing a request, the server reads (and drops) what the
#: client still sends before closing: closing with unread data would reset the
#: connection, and the client could lose the answer.
LINGER = 1.0

_RECV = 64 * 1024
_LISTEN, _WAKE = object(), object()  # what the selector's keys carry besides connections
#: Codes for the statuses only the server answers (the rest come from the SDK's table).
_CODES = {414: "URI_TOO_LONG", 431: "REQUEST_HEADER_FIELDS_TOO_LARGE", 505: "HTTP_VERSION_NOT_SUPPORTED"}
#: Framing is the server's to decide, whatever the fake's headers say.
_FRAMING = {"content-length", "transfer-encoding", "connection", "date"}

_TOKEN = rb"[!#$%&'*+\-.^_`|~0-9A-Za-z]+"
_REQUEST_LINE = re.compile(rb"(" + _TOKEN + rb") +([^\x00-\x20\x7f]+) +HTTP/([0-9])\.([0-9])")
_FIELD_NAME = re.compile(_TOKEN)
_ABSOLUTE = re.compile(rb"https?://[^/?#]+", re.IGNORECASE)
_DIGITS = re.compile(r"[0-9]+")
_HEX = re.compile(rb"[0-9A-Fa-f]{1,16}")
_JSON_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
_LONG_NUMBER = re.compile(rb"[0-9]{%d}" % (MAX_NUMBER_DIGITS + 1))
_BRACKET = re.compile(rb"[\[\]{}]")


class _Refused(Exception):
    """A request the server answers itself, in the API's error shape, before closing."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status, self.message = status, message


class _Closed(Exception):
    """The client closed its side of the connection."""


class _Request(typing.NamedTuple):
    method: str
    url: str
    version: tuple[int, int]
    headers: dict[str, str]  # lower-case names; repeated fields joined with ", "
    body: bytes


def _error(status: int, message: str) -> FakeResponse:
    code = _CODES.get(status) or status_error_class(status)[1]
    body = json.dumps({"message": message, "code": code}).encode()
    return FakeResponse(status, {"Content-Type": "application/json"}, body)


def _json_problem(content_type: str | None, body: bytes) -> str | None:
    """Why a JSON body is refused before anyone parses it (Python's parser would raise
    RecursionError, or ValueError for a long integer), or None."""
    if content_type is not None and "json" not in content_type.lower():
        return None  # e.g. an attachment's bytes, PUT to its upload URL
    if body.lstrip()[:1] not in (b"{", b"["):
        return None  # not nested at all, or not JSON: the fake says so itself
    deep = body.count(b"[") + body.count(b"{") > MAX_JSON_DEPTH
    if not deep and not _LONG_NUMBER.search(body):
        return None  # the usual case, decided without a scan
    bare = _JSON_STRING.sub(b'""', body)  # brackets and digits inside strings do not count
    if _LONG_NUMBER.search(bare):
        return f"the JSON body has a number of more than {MAX_NUMBER_DIGITS} digits"
    depth = 0
    for bracket in _BRACKET.finditer(bare):
        depth += 1 if bracket.group() in (b"[", b"{") else -1
        if depth > MAX_JSON_DEPTH:
            return f"the JSON body is nested deeper than {MAX_JSON_DEPTH} levels"
    return None


def _reason(status: int) -> str:
    try:
        return http.HTTPStatus(status).phrase
    except ValueError:
        return "Unknown"


def _field_value(value: str) -> str:
    return value.replace("\r", " ").replace("\n", " ")  # a value cannot end the head early


class _Reader:
    """The client's bytes, every read bounded by ``deadline`` (a ``time.monotonic()``)."""

    def __init__(self, sock: socket.socket) -> None:
        self._sock = sock
        self._buffer = bytearray()
        self.deadline = 0.0

    def __len__(self) -> int:
        return len(self._buffer)

    def fill(self) -> None:
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError
        self._sock.settimeout(left)
        data = self._sock.recv(_RECV)
        if not data:
            raise _Closed
        self._buffer += data

    def line(self, limit: int, refusal: _Refused) -> bytes:
        """The next line without its CRLF (or bare LF); ``refusal`` if it is over ``limit``."""
        start = 0
        while True:
            end = self._buffer.find(b"\n", start)
            if end > limit + 1:
                raise refusal
            if end >= 0:
                line = bytes(self._buffer[:end]).removesuffix(b"\r")
                if len(line) > limit:
                    raise refusal
                del self._buffer[: end + 1]
                return line
            if len(self._buffer) > limit + 1:
                raise refusal
            start = len(self._buffer)
            self.fill()

    def exact(self, size: int) -> bytes:
        while len(self._buffer) < size:
            self.fill()
        data = bytes(self._buffer[:size])
        del self._buffer[:size]
        return data


class _Connection:
    """One client connection: parked in the server's selector while it idles, served by
    a worker thread while a request arrives and is answered."""

    def __init__(self, server: _Server, sock: socket.socket) -> None:
        self.server = server
        self.sock = sock
        self.reader = _Reader(sock)
        self.keep_alive = True
        self.http10 = False
        #: Since when it has waited for a request (its idle timeout counts from there).
        self.idle_since = time.monotonic()
        self._lock = threading.Lock()  # between close() and abort() from other threads
        self._closed = False

    # --- the connection's life ------------------------------------------------------

    def serve(self) -> bool:
        """Serves the requests that have arrived: True to park it for the next one, False
        once it is closed. Called when its socket has something to read."""
        try:
            if not len(self.reader):
                self.reader.deadline = time.monotonic() + self.server.request_timeout
                self.reader.fill()  # a request begins, or the client has closed (quietly)
            while self._one_request():
                if not len(self.reader):  # else the next request is here already (pipelined)
                    return True
        except (OSError, _Closed):  # TimeoutError is an OSError: a client too slow to read
            pass
        self.close()
        return False

    def close(self) -> None:
        with self._lock:
            if not self._closed:
                self._closed = True
                self.sock.close()
        self.server.forget(self)

    def abort(self) -> None:
        """Ends the connection from another thread: its reads end, its writes fail."""
        with self._lock:
            if not self._closed:
                with contextlib.suppress(OSError):
                    self.sock.shutdown(socket.SHUT_RDWR)

    def _one_request(self) -> bool:
        """Reads a request and answers it; whether the connection is to be kept."""
        if self.server.stopping.is_set():
            return False
        self.reader.deadline = time.monotonic() + self.server.request_timeout
        try:
            request = self._read_request()
        except _Refused as refusal:
            self._refuse(refusal)
            return False
        if self.server.stopping.is_set():
            return False  # serve() has ended: nothing more reaches the fake
        self._answer(request)
        return self.keep_alive and not self.server.stopping.is_set()

    # --- reading a request ------------------------------------------------------------

    def _read_request(self) -> _Request:
        try:
            method, target, version = self._request_line()
            fields = self._fields(MAX_HEAD_BYTES)
        except TimeoutError:
            timeout = self.server.request_timeout
            raise _Refused(408, f"the request head did not arrive within {timeout:g} s") from None
        except _Closed:
            raise _Refused(400, "the connection was closed in the middle of the request head") from None
        headers: dict[str, str] = {}
        for name, value in fields:
            headers[name] = f"{headers[name]}, {value}" if name in headers else value
        if sum(name == "host" for name, _ in fields) > 1:
            raise _Refused(400, "a request has one Host header field")
        tokens = {token.strip().lower() for token in headers.get("connection", "").split(",")}
        self.http10 = version < (1, 1)
        self.keep_alive = "keep-alive" in tokens if self.http10 else "close" not in tokens
        if _ABSOLUTE.match(target):
            url = target.decode("latin-1")
        elif target.startswith(b"/"):
            # Like http.server: "//x" would read as a host to a client, so it is "/x".
            path = "/" + target.decode("latin-1").lstrip("/")
            host = headers.get("host") or self.server.authority
            url = f"http://{host}{path}"
        else:
            raise _Refused(400, f"the request target must be a path or an absolute URL: {target[:100]!r}")
        body = self._body(version, headers)
        return _Request(method, url, version, headers, body)

    def _request_line(self) -> tuple[str, bytes, tuple[int, int]]:
        too_long = _Refused(414, f"the request line is longer than {MAX_REQUEST_LINE} bytes")
        line = self.reader.line(MAX_REQUEST_LINE, too_long)
        if not line:  # one empty line before a request is to be ignored (RFC 9112, 2.2)
            line = self.reader.line(MAX_REQUEST_LINE, too_long)
        found = _REQUEST_LINE.fullmatch(line)
        if found is None:
            raise _Refused(400, f"not an HTTP/1.1 request line: {line[:100]!r}")
        method, target, major, minor = found.groups()
        if major != b"1":
            if major >= b"2":
                raise _Refused(505, f"HTTP/{major.decode()} is not served here; HTTP/1.1 is")
            raise _Refused(400, f"not an HTTP/1.1 request line: {line[:100]!r}")
        return method.decode("ascii"), target, (1, int(minor))

    def _fields(self, budget: int) -> list[tuple[str, str]]:
        """Header (or trailer) fields up to the empty line, at most ``budget`` bytes."""
        too_large = _Refused(431, f"the request's header fields are over {MAX_HEAD_BYTES} bytes")
        fields: list[tuple[str, str]] = []
        while True:
            line = self.reader.line(budget, too_large)
            budget -= len(line) + 2
            if not line:
                return fields
            if len(fields) == MAX_FIELDS:
                raise _Refused(431, f"the request has more than {MAX_FIELDS} header fields")
            name, colon, value = line.partition(b":")
            if not colon or not _FIELD_NAME.fullmatch(name):
                # Also a folded line (RFC 9112, 5.2 lets a server refuse those).
                raise _Refused(400, f"not a header field: {line[:100]!r}")
            fields.append((name.decode("ascii").lower(), value.strip(b" \t").decode("latin-1")))

    def _body(self, version: tuple[int, int], headers: Mapping[str, str]) -> bytes:
        coding = headers.get("transfer-encoding")
        length = headers.get("content-length")
        if coding is not None:
            if length is not None:
                raise _Refused(400, "a request has Transfer-Encoding or Content-Length, not both")
            codings = [c.strip().lower() for c in coding.split(",") if c.strip()]
            if not codings or codings[-1] != "chunked":
                raise _Refused(400, "Transfer-Encoding must end with chunked")
            if codings != ["chunked"]:
                raise _Refused(501, f"only the chunked transfer coding is served here, not {coding!r}")
            self._continue(version, headers)
            return self._chunked()
        if length is None:
            return b""
        values = {value.strip() for value in length.split(",")}  # "5, 5" is 5 (RFC 9110, 8.6)
        value = values.pop()
        if values or not _DIGITS.fullmatch(value):
            raise _Refused(400, f"Content-Length must be a number of bytes, not {length[:100]!r}")
        size = int(value) if len(value.lstrip("0")) <= 12 else MAX_BODY_BYTES + 1
        if size > MAX_BODY_BYTES:
            raise _Refused(413, f"the request body is over {MAX_BODY_BYTES} bytes")
        if size:
            self._continue(version, headers)
        try:
            return self.reader.exact(size)
        except (TimeoutError, _Closed):
            got = min(len(self.reader), size)
            raise _Refused(
                400, f"the body ended after {got} of the {size} bytes its Content-Length declares"
            ) from None

    def _continue(self, version: tuple[int, int], headers: Mapping[str, str]) -> None:
        if version >= (1, 1) and headers.get("expect", "").lower() == "100-continue":
            self._send(b"HTTP/1.1 100 Continue\r\n\r\n")

    def _chunked(self) -> bytes:
        body = bytearray()
        try:
            while True:
                line = self.reader.line(MAX_CHUNK_LINE, _Refused(400, "a chunk size line is too long"))
                size_field = line.split(b";", 1)[0].strip(b" \t")  # chunk extensions are ignored
                if not _HEX.fullmatch(size_field):
                    raise _Refused(400, f"not a chunk size: {line[:100]!r}")
                size = int(size_field, 16)
                if not size:
                    self._fields(MAX_HEAD_BYTES)  # the trailer, read and left aside
                    return bytes(body)
                if len(body) + size > MAX_BODY_BYTES:
                    raise _Refused(413, f"the request body is over {MAX_BODY_BYTES} bytes")
                body += self.reader.exact(size)
                self.reader.line(0, _Refused(400, "a chunk is longer than its size says"))
        except (TimeoutError, _Closed):
            raise _Refused(
                400, f"the chunked body ended after {len(body)} bytes, before its last chunk"
            ) from None

    # --- answering ---------------------------------------------------------------------

    def _answer(self, request: _Request) -> None:
        head_only = request.method == "HEAD"
        problem = _json_problem(request.headers.get("content-type"), request.body)
        if problem is not None:
            answer = _error(400, problem)
        else:
            method = "GET" if head_only else request.method  # HEAD: the GET's head, no body
            answer = self._ask(FakeRequest(method, request.url, request.headers, request.body))
        if answer.stall:
            self.server.stalled.wait(answer.stall)
        if self.server.stopping.is_set():
            self.keep_alive = False
            return
        if answer.drop:
            self._hang_up()
            return
        if answer.lines is None:
            framing = {"Content-Length": str(len(answer.body))}
            self._send(self._head(answer, framing) + (b"" if head_only else answer.body))
            return
        chunked = request.version >= (1, 1)
        if not chunked:
            self.keep_alive = False  # HTTP/1.0 has no chunks: the body ends with the connection
        self._send(self._head(answer, {"Transfer-Encoding": "chunked"} if chunked else {}))
        if not head_only:
            self._stream(answer.lines, chunked)

    def _stream(self, lines: Iterator[bytes], chunked: bool) -> None:
        """A JSON Lines body, one chunk per line, each sent as soon as the fake yields it."""
        while True:
            try:
                line = next(lines, None)
            except Exception:  # the fake failed mid-stream: all a client can see is a cut
                self._hang_up()
                return
            if line is None:
                break
            if self.server.stopping.is_set():  # serve() has ended: cut, not finish in a rush
                self._hang_up()
                return
            if line is PAUSE:
                self.server.stalled.wait(self.server.fake.token_delay)  # ends at once on shutdown
            elif line is DROP:
                self._hang_up()
                return
            elif line:  # an empty chunk would end the body
                self._send(b"%x\r\n%s\r\n" % (len(line), line) if chunked else line)
        if chunked:
            self._send(b"0\r\n\r\n")

    def _ask(self, request: FakeRequest) -> FakeResponse:
        try:
            return self.server.fake.handle(request)
        except RecursionError:
            return _error(400, "the request is nested too deeply to be read")
        except ValueError as exc:  # e.g. a number too long for int()
            return _error(400, f"the request could not be read: {exc}")
        except Exception as exc:
            return _error(500, f"the fake failed on this request: {type(exc).__name__}: {exc}")

    def _head(self, answer: FakeResponse, framing: Mapping[str, str]) -> bytes:
        lines = [f"HTTP/1.1 {answer.status} {_reason(answer.status)}", f"Date: {formatdate(usegmt=True)}"]
        lines += [
            f"{name}: {_field_value(value)}"
            for name, value in answer.headers.items()
            if name.lower() not in _FRAMING
        ]
        lines += [f"{name}: {value}" for name, value in framing.items()]
        if not self.keep_alive:
            lines.append("Connection: close")
        elif self.http10:
            lines.append("Connection: keep-alive")
        return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1", "replace")

    def _send(self, data: bytes) -> None:
        self.sock.settimeout(self.server.request_timeout)
        self.sock.sendall(data)

    def _refuse(self, refusal: _Refused) -> None:
        self.keep_alive = False
        answer = _error(refusal.status, refusal.message)
        with contextlib.suppress(OSError):
            self._send(self._head(answer, {"Content-Length": str(len(answer.body))}) + answer.body)
            # Read what the client still sends (the rest of a body too large, say) until it
            # closes: closing with unread data would reset the connection, answer and all.
            self.sock.shutdown(socket.SHUT_WR)
            deadline = time.monotonic() + min(LINGER, self.server.request_timeout)
            while (left := deadline - time.monotonic()) > 0:
                self.sock.settimeout(left)
                if not self.sock.recv(_RECV):
                    break

    def _hang_up(self) -> None:
        self.keep_alive = False
        with contextlib.suppress(OSError):
            self.sock.shutdown(socket.SHUT_RDWR)


class _Server:
    """Accepts connections on ``address``; answers them with at most ``max_workers`` threads.

    One thread (the one in ``serve_forever()``) accepts connections and watches the idle
    ones in a selector: an idle connection costs no thread, and is closed after
    ``idle_timeout``. When one has bytes to read, it goes to a worker thread, which reads
    and answers requests while they come and then hands the connection back. Workers are
    started on demand, at most ``max_workers``, and end after a while without work; past
    that, connections wait for a worker in turn. At most ``max_open`` connections are open
    at once; more wait in the listen backlog.
    """

    def __init__(
        self,
        address: tuple[str, int],
        fake: FakeChatBotKit,
        *,
        max_workers: int = MAX_WORKERS,
        idle_timeout: float = IDLE_TIMEOUT,
        request_timeout: float = REQUEST_TIMEOUT,
        max_open: int = MAX_OPEN,
    ) -> None:
        host = address[0]
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        self.socket = socket.create_server(address, family=family, backlog=1024)
        self.socket.setblocking(False)
        port: int = self.socket.getsockname()[1]
        self.authority = f"[{host}]:{port}" if family == socket.AF_INET6 else f"{host}:{port}"
        self.url = f"http://{self.authority}"
        self.fake = fake
        self.max_workers = max_workers
        self.idle_timeout = idle_timeout
        self.request_timeout = request_timeout
        self.max_open = max_open
        self.stalled = threading.Event()  # set on shutdown, so stalls end at once
        self.stopping = threading.Event()
        self._stopped = threading.Event()
        self._stopped.set()  # not serving yet
        # The selector and the parked connections belong to the thread in serve_forever().
        self._selector = selectors.DefaultSelector()
        self._parked: set[_Connection] = set()
        self._listening = False
        self._paused_until = 0.0  # accept() failed (out of file descriptors?): wait a little
        self._wake_in, self._wake_out = socket.socketpair()
        self._wake_in.setblocking(False)
        self._wake_out.setblocking(False)
        self._selector.register(self._wake_in, selectors.EVENT_READ, _WAKE)
        # Shared with the workers, under the condition's lock:
        self._changed = threading.Condition()
        self._open: set[_Connection] = set()
        self._ready: collections.deque[_Connection] = collections.deque()  # waiting for a worker
        self._handed_back: list[_Connection] = []  # to be parked again
        self._workers: set[threading.Thread] = set()
        self._idle_workers = 0

    def __enter__(self) -> _Server:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.shutdown()
        self.server_close()

    # --- the selector thread -----------------------------------------------------------

    def serve_forever(self, poll_interval: float = 0.5) -> None:
        """Accepts and watches connections until ``shutdown()``."""
        self._stopped.clear()
        try:
            while not self.stopping.is_set():
                self._listen()
                for key, _ in self._selector.select(self._next_timeout(poll_interval)):
                    if key.data is _LISTEN:
                        self._accept()
                    elif key.data is _WAKE:
                        with contextlib.suppress(OSError):
                            self._wake_in.recv(4096)
                    else:
                        self._unpark(key.data)
                        self._dispatch(key.data)
                self._park_handed_back()
                self._expire()
        finally:
            self._stopped.set()

    def _listen(self) -> None:
        with self._changed:
            wanted = len(self._open) < self.max_open and time.monotonic() >= self._paused_until
        if wanted != self._listening:
            if wanted:
                self._selector.register(self.socket, selectors.EVENT_READ, _LISTEN)
            else:
                self._selector.unregister(self.socket)
            self._listening = wanted

    def _next_timeout(self, poll_interval: float) -> float:
        timeout = poll_interval
        if self._parked:
            first = min(connection.idle_since for connection in self._parked)
            timeout = min(timeout, first + self.idle_timeout - time.monotonic())
        if not self._listening and self._paused_until:
            timeout = min(timeout, self._paused_until - time.monotonic())
        return max(timeout, 0.0)

    def _accept(self) -> None:
        for _ in range(64):  # then the others get their turn
            with self._changed:
                if len(self._open) >= self.max_open:
                    return
            try:
                sock, _address = self.socket.accept()
            except BlockingIOError:
                return
            except OSError:  # e.g. out of file descriptors: the backlog keeps the client
                self._paused_until = time.monotonic() + 0.1
                return
            with contextlib.suppress(OSError):  # each chunk of a stream leaves at once
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            connection = _Connection(self, sock)
            with self._changed:
                self._open.add(connection)
            self._park(connection)

    def _park(self, connection: _Connection) -> None:
        connection.idle_since = time.monotonic()
        try:
            self._selector.register(connection.sock, selectors.EVENT_READ, connection)
        except (OSError, ValueError):  # closed meanwhile
            connection.close()
            return
        self._parked.add(connection)

    def _unpark(self, connection: _Connection) -> None:
        self._parked.discard(connection)
        with contextlib.suppress(KeyError, ValueError):
            self._selector.unregister(connection.sock)

    def _park_handed_back(self) -> None:
        with self._changed:
            handed_back, self._handed_back = self._handed_back, []
        for connection in handed_back:
            self._park(connection)

    def _expire(self) -> None:
        now = time.monotonic()
        for connection in [c for c in self._parked if now - c.idle_since >= self.idle_timeout]:
            self._unpark(connection)
            connection.close()  # an idle connection may be closed without a word

    def _wake(self) -> None:
        with contextlib.suppress(OSError):  # a full pipe will wake it as well
            self._wake_out.send(b"\0")

    # --- the workers -------------------------------------------------------------------

    def _dispatch(self, connection: _Connection) -> None:
        with self._changed:
            self._ready.append(connection)
            if len(self._ready) > self._idle_workers and len(self._workers) < self.max_workers:
                worker = threading.Thread(target=self._work, name="fake-chatbotkit-worker", daemon=True)
                self._workers.add(worker)
                try:
                    worker.start()
                except RuntimeError:  # no thread to be had: the workers there are will do
                    self._workers.discard(worker)
            self._changed.notify()

    def _work(self) -> None:
        try:
            while (connection := self._next_ready()) is not None:
                try:
                    keep = connection.serve()
                except BaseException:
                    connection.close()
                    raise
                if keep:
                    with self._changed:
                        stopping = self.stopping.is_set()  # then server_close() may be past it
                        if not stopping:
                            self._handed_back.append(connection)
                    if stopping:
                        connection.close()
                    else:
                        self._wake()
        finally:
            with self._changed:
                self._workers.discard(threading.current_thread())

    def _next_ready(self) -> _Connection | None:
        """The next connection to serve; None when the worker has had none for a while."""
        deadline = time.monotonic() + WORKER_LINGER
        with self._changed:
            while not self._ready:
                left = deadline - time.monotonic()
                if self.stopping.is_set() or left <= 0:
                    # Uncounted at once, under the lock: a connection queued from now on
                    # must start a worker of its own, not wait for this one.
                    self._workers.discard(threading.current_thread())
                    return None
                self._idle_workers += 1
                self._changed.wait(left)
                self._idle_workers -= 1
            return self._ready.popleft()

    def forget(self, connection: _Connection) -> None:
        with self._changed:
            full = len(self._open) >= self.max_open
            self._open.discard(connection)
        if full:
            self._wake()  # it may listen again

    # --- stopping ----------------------------------------------------------------------

    def shutdown(self) -> None:
        """Stops accepting; returns once ``serve_forever()`` has returned."""
        self.stopping.set()
        self.stalled.set()
        self._wake()
        self._stopped.wait()

    def server_close(self) -> None:
        """Closes the port and every connection, and waits (briefly) for the workers."""
        self.stopping.set()
        self.stalled.set()
        self.socket.close()
        with self._changed:
            unowned = [*self._ready, *self._handed_back, *self._parked]
            self._ready.clear()
            self._handed_back.clear()
            self._parked.clear()
            owned = [c for c in self._open if c not in unowned]
            workers = list(self._workers)
            self._changed.notify_all()
        for connection in unowned:
            connection.close()
        for connection in owned:
            connection.abort()  # its worker's next read or write fails, and it closes it
        deadline = time.monotonic() + 5
        for worker in workers:
            worker.join(timeout=max(deadline - time.monotonic(), 0))
        self._selector.close()
        self._wake_in.close()
        self._wake_out.close()


@contextmanager
def serve(
    fake: FakeChatBotKit,
    host: str = "127.0.0.1",
    port: int = 0,
    *,
    max_workers: int = MAX_WORKERS,
    idle_timeout: float = IDLE_TIMEOUT,
    request_timeout: float = REQUEST_TIMEOUT,
) -> Generator[str, None, None]:
    """Run ``fake`` on ``host:port`` (0: any free port) in a thread; yields its base URL.

    On exit every connection is closed and no request reaches ``fake`` any more.
    """
    server = _Server(
        (host, port),
        fake,
        max_workers=max_workers,
        idle_timeout=idle_timeout,
        request_timeout=request_timeout,
    )
    thread = threading.Thread(target=server.serve_forever, name="fake-chatbotkit", daemon=True)
    thread.start()
    try:
        yield server.url
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def run_forever(fake: FakeChatBotKit, host: str, port: int, announce: Callable[[str], None]) -> None:
    """Serve until interrupted; ``announce`` gets the base URL once the port is bound."""
    with _Server((host, port), fake) as server:
        announce(server.url)
        server.serve_forever()
