"""A minimal HTTP/1.1 server with canned ChatBotKit answers, for ``make bench``.

It does as little as possible per request (no routing table, no JSON encoding, no
framework) so that what the benchmark measures is the client. Run it as a script;
it prints its port on the first line of stdout and serves until stdin closes.

Answers, by path:

* ``GET .../conversation/{id}/fetch``: one small Conversation (Content-Length).
* ``POST .../conversation/s{N}/complete``: N JSON Lines events, chunked: N-5
  tokens, then completeEnd, usage, message and result.
"""

from __future__ import annotations

import asyncio
import functools
import json
import sys

CONVERSATION = json.dumps(
    {
        "id": "cnv_bench",
        "createdAt": 1732406400000,
        "updatedAt": 1732406460000,
        "model": "gpt-4o",
        "backstory": "You are a helpful assistant.",
        "name": "Benchmark",
        "meta": {"source": "bench"},
    },
    separators=(",", ":"),
).encode()

_WORDS = ("The ", "quick ", "brown ", "fox ", "jumps ", "over ", "the ", "lazy ", "dog. ")
_CHUNK = 64 * 1024


def _line(event: dict[str, object]) -> bytes:
    return json.dumps(event, separators=(",", ":")).encode() + b"\n"


@functools.cache
def stream_body(count: int) -> bytes:
    """The chunked-encoded body of a ``count``-event completion stream."""
    tokens = [_line({"type": "token", "data": {"token": w}}) for w in _WORDS]
    text = "".join(_WORDS[i % len(_WORDS)] for i in range(count - 5))
    tail = [
        {"type": "completeBegin", "data": {}},
        {"type": "completeEnd", "data": {}},
        {"type": "usage", "data": {"model": "gpt-4o", "inputTokensUsed": 9, "outputTokensUsed": count - 5}},
        {"type": "message", "data": {"type": "bot", "text": text}},
        {
            "type": "result",
            "data": {"id": "msg_bench", "text": text, "usage": {"token": count}, "end": {"reason": "stop"}},
        },
    ]
    raw = b"".join(tokens[i % len(tokens)] for i in range(count - 5)) + b"".join(map(_line, tail))
    out = bytearray()
    for start in range(0, len(raw), _CHUNK):
        piece = raw[start : start + _CHUNK]
        out += b"%x\r\n%s\r\n" % (len(piece), piece)
    return bytes(out + b"0\r\n\r\n")


def _answer(method: bytes, target: bytes) -> bytes:
    path = target.split(b"?", 1)[0]
    if method == b"GET" and path.endswith(b"/fetch"):
        head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n"
        return head % len(CONVERSATION) + CONVERSATION
    if method == b"POST" and path.endswith(b"/complete"):
        name = path.rsplit(b"/", 2)[-2]
        if name.startswith(b"s") and name[1:].isdigit():
            head = b"HTTP/1.1 200 OK\r\nContent-Type: application/jsonl\r\nTransfer-Encoding: chunked\r\n\r\n"
            return head + stream_body(int(name[1:]))
    body = b'{"message":"not found","code":"NOT_FOUND"}'
    return b"HTTP/1.1 404 Not Found\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body)


class _Connection(asyncio.Protocol):
    def __init__(self) -> None:
        self.buffer = b""
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        while True:
            end = self.buffer.find(b"\r\n\r\n")
            if end < 0:
                return
            head = self.buffer[:end]
            length = 0
            for line in head.split(b"\r\n")[1:]:
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value)
            if len(self.buffer) < end + 4 + length:
                return  # the body is still arriving
            self.buffer = self.buffer[end + 4 + length :]
            method, target, _ = head.split(b" ", 2)
            assert self.transport is not None
            self.transport.write(_answer(method, target))


async def _serve() -> None:
    loop = asyncio.get_running_loop()
    server = await loop.create_server(_Connection, "127.0.0.1", 0, backlog=2048)
    print(server.sockets[0].getsockname()[1], flush=True)
    # Serve until the benchmark closes our stdin (or dies).
    await loop.run_in_executor(None, sys.stdin.read)
    server.close()


if __name__ == "__main__":
    asyncio.run(_serve())
