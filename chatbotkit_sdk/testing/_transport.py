"""The fake as an httpx transport, for ``ConversationClient(http_client=httpx.Client(transport=...))``.

Faults that need a wire are played as httpx would report them: a stall longer than the
request's read timeout raises ``httpx.ReadTimeout`` (after waiting that long), a
dropped connection ``httpx.RemoteProtocolError``, before the answer or mid-stream.
"""

from __future__ import annotations

import time
import typing
from collections.abc import AsyncIterator, Iterator

import anyio
import httpx

from ._wire import DROP, PAUSE, FakeRequest, FakeResponse

if typing.TYPE_CHECKING:
    from ._fake import FakeChatBotKit

__all__ = ["FakeTransport"]


def _request(request: httpx.Request, body: bytes) -> FakeRequest:
    headers = {name.lower(): value for name, value in request.headers.items()}
    return FakeRequest(request.method, str(request.url), headers, body)


def _stall_limit(request: httpx.Request, answer: FakeResponse) -> float | None:
    """How long to wait, or None when the wait would outlast the read timeout."""
    read = request.extensions.get("timeout", {}).get("read")
    return None if read is not None and answer.stall > read else answer.stall


def _dropped(request: httpx.Request, midway: bool) -> httpx.RemoteProtocolError:
    why = (
        "peer closed connection without sending complete message body"
        if midway
        else ("Server disconnected without sending a response.")
    )
    return httpx.RemoteProtocolError(why, request=request)


class _Lines(httpx.SyncByteStream, httpx.AsyncByteStream):
    def __init__(self, lines: Iterator[bytes], request: httpx.Request, delay: float) -> None:
        self._lines = lines
        self._request = request
        self._delay = delay

    def __iter__(self) -> Iterator[bytes]:
        for line in self._lines:
            if line is PAUSE:
                time.sleep(self._delay)
            elif line is DROP:
                raise _dropped(self._request, midway=True)
            else:
                yield line

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for line in self._lines:
            if line is PAUSE:
                await anyio.sleep(self._delay)
            elif line is DROP:
                raise _dropped(self._request, midway=True)
            else:
                yield line
                await anyio.sleep(0)  # let other tasks run between lines, as a socket would


def _response(request: httpx.Request, answer: FakeResponse, delay: float) -> httpx.Response:
    if answer.drop:
        raise _dropped(request, midway=False)
    if answer.lines is not None:
        stream = _Lines(answer.lines, request, delay)
        return httpx.Response(answer.status, headers=answer.headers, stream=stream)
    return httpx.Response(answer.status, headers=answer.headers, content=answer.body)


class FakeTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """Serves a ``FakeChatBotKit`` to ``httpx.Client`` and ``httpx.AsyncClient`` alike."""

    def __init__(self, fake: FakeChatBotKit) -> None:
        self.fake = fake

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        answer = self.fake.handle(_request(request, request.read()))
        wait = _stall_limit(request, answer)
        if wait is None:
            time.sleep(request.extensions["timeout"]["read"])
            raise httpx.ReadTimeout("timed out waiting for the fake's answer", request=request)
        time.sleep(wait)
        return _response(request, answer, self.fake.token_delay)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        answer = self.fake.handle(_request(request, await request.aread()))
        wait = _stall_limit(request, answer)
        if wait is None:
            await anyio.sleep(request.extensions["timeout"]["read"])
            raise httpx.ReadTimeout("timed out waiting for the fake's answer", request=request)
        await anyio.sleep(wait)
        return _response(request, answer, self.fake.token_delay)
