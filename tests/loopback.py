"""A tiny HTTP/1.1 server on 127.0.0.1 that streams JSON Lines, for tests that need real
sockets (connection pools, early close). Bounded: it serves until the test stops it."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


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
