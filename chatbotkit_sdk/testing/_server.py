"""The fake over real HTTP/1.1 on loopback, one thread per connection.

JSON Lines answers are sent with chunked transfer encoding, one chunk per event,
flushed as produced: a client sees the first token before the last one exists.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
import typing
from collections.abc import Callable, Generator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from ._wire import DROP, PAUSE, FakeRequest

if typing.TYPE_CHECKING:
    from ._fake import FakeChatBotKit

__all__ = ["serve"]


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server  # pyright: ignore[reportIncompatibleVariableOverride] - always the _Server below

    def log_message(self, format: str, *args: object) -> None:
        return  # tests and the demo print what they need themselves

    def do_GET(self) -> None:
        self._answer()

    def __getattr__(self, name: str) -> Any:
        # Every other method (TRACE, QUERY, ...) gets the API's JSON 405/404 as well,
        # not the standard library's HTML 501.
        if name.startswith("do_"):
            return self._answer
        raise AttributeError(name)

    def _answer(self) -> None:
        try:
            self._exchange()
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True  # the client left (e.g. it timed out); nothing to tell it

    def _exchange(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        host = self.headers.get("Host") or "{}:{}".format(*self.server.server_address[:2])
        headers = {name.lower(): value for name, value in self.headers.items()}
        answer = self.server.fake.handle(
            FakeRequest(self.command, f"http://{host}{self.path}", headers, body)
        )
        if answer.stall:
            self.server.stalled.wait(answer.stall)
        if answer.drop:
            self._hang_up()
            return
        self.send_response(answer.status)
        for name, value in answer.headers.items():
            self.send_header(name, value)
        if answer.lines is None:
            self.send_header("Content-Length", str(len(answer.body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(answer.body)
            return
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        for line in answer.lines:
            if line is PAUSE:
                time.sleep(self.server.fake.token_delay)
                continue
            if line is DROP:
                self._hang_up()
                return
            self.wfile.write(b"%x\r\n%s\r\n" % (len(line), line))
            self.wfile.flush()
        self.wfile.write(b"0\r\n\r\n")

    def _hang_up(self) -> None:
        self.wfile.flush()
        self.close_connection = True
        with contextlib.suppress(OSError):
            self.connection.shutdown(socket.SHUT_RDWR)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], fake: FakeChatBotKit) -> None:
        super().__init__(address, _Handler)
        self.fake = fake
        self.stalled = threading.Event()  # set on shutdown, so stalls end at once


@contextmanager
def serve(fake: FakeChatBotKit, host: str = "127.0.0.1", port: int = 0) -> Generator[str, None, None]:
    """Run ``fake`` on ``host:port`` (0: any free port) in a thread; yields its base URL."""
    server = _Server((host, port), fake)
    # A short poll interval: leaving serve() (every test using it) should not take 0.5 s.
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.02}, name="fake-chatbotkit", daemon=True
    )
    thread.start()
    try:
        yield f"http://{host}:{server.server_address[1]}"
    finally:
        server.stalled.set()
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def run_forever(fake: FakeChatBotKit, host: str, port: int, announce: Callable[[str], None]) -> None:
    """Serve until interrupted; ``announce`` gets the base URL once the port is bound."""
    with _Server((host, port), fake) as server:
        announce(f"http://{host}:{server.server_address[1]}")
        server.serve_forever()
