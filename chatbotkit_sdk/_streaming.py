"""JSON Lines streams (``Accept: application/jsonl``): decoding, typed events, lifecycle.

``EventParser`` does all the work without I/O: bytes in, typed events out. It is
fed whatever chunks the network delivers, so a line may be split anywhere, even
inside a multi-byte UTF-8 character; lines are only decoded once complete. Memory
is one partial line, whatever the number of events.

``EventStream`` and ``AsyncEventStream`` wrap one open response around a parser:
iterate them (each event once), or use ``tokens()``, ``text()``, ``final_result()``.
Leaving a ``with`` block, ``close()``, breaking out of the loop, an exception in the
loop body, or garbage collection all close the response, which returns the
connection to the pool.
"""

from __future__ import annotations

import functools
import json
import typing
from collections.abc import AsyncIterator, Callable, Iterator, Mapping
from types import TracebackType
from typing import Any, Generic, Self, TypeVar, get_args

import attrs
import httpx
from chatbotkit_api.models import (
    AbortEvent,
    CompleteBeginEvent,
    CompleteEndEvent,
    CompleteResultEvent,
    ConversationCompleteResultEvent,
    ConversationItemEvent,
    ConversationMessageItemEvent,
    MessageEvent,
    ReasoningTokenEvent,
    ReceiveResultEvent,
    SendResultEvent,
    TokenEvent,
    UsageEvent,
    WaitForChannelMessageBeginEvent,
    WaitForChannelMessageEndEvent,
)

from ._exceptions import StreamDecodeError, StreamError, connection_error, redacted
from ._validate import Invalid, _ModelNamespace, check_model

if typing.TYPE_CHECKING:
    from ._core import Call

__all__ = ["AsyncEventStream", "EventParser", "EventStream", "StreamEvent", "UnknownEvent"]

T = TypeVar("T")
_QUOTE_LIMIT = 200


@attrs.frozen
class UnknownEvent:
    """An event type this SDK does not know yet, passed through rather than refused."""

    type: str
    data: Any


#: Every event a stream can yield (``error`` events raise ``StreamError`` instead).
StreamEvent = (
    TokenEvent
    | ReasoningTokenEvent
    | MessageEvent
    | UsageEvent
    | CompleteBeginEvent
    | CompleteEndEvent
    | WaitForChannelMessageBeginEvent
    | WaitForChannelMessageEndEvent
    | AbortEvent
    | CompleteResultEvent
    | ConversationCompleteResultEvent
    | SendResultEvent
    | ReceiveResultEvent
    | ConversationItemEvent
    | ConversationMessageItemEvent
    | UnknownEvent
)

#: The events of completion streams other than their own ``result`` event.
_COMPLETION_EVENTS = (
    TokenEvent,
    ReasoningTokenEvent,
    MessageEvent,
    UsageEvent,
    CompleteBeginEvent,
    CompleteEndEvent,
    WaitForChannelMessageBeginEvent,
    WaitForChannelMessageEndEvent,
    AbortEvent,
)


@functools.cache
def event_type(cls: type) -> str:
    """The ``type`` value an event model stands for (its ``Literal`` type hint)."""
    hint = typing.get_type_hints(cls, localns=_ModelNamespace())["type_"]
    (value,) = get_args(hint)
    return str(value)


@functools.cache
def events_for(final: type) -> Mapping[str, type]:
    """Type -> model for a stream whose own event is ``final`` (a result or item event)."""
    kind = event_type(final)
    if kind == "item":
        return {kind: final}
    return {**{event_type(cls): cls for cls in _COMPLETION_EVENTS}, kind: final}


class EventParser:
    """Incremental JSON Lines decoder and event builder; shared by sync and async streams."""

    __slots__ = ("_events", "_partial", "_request", "_response")

    def __init__(self, events: Mapping[str, type], response: httpx.Response) -> None:
        self._events = events
        self._response = response
        self._request = redacted(response.request)  # errors raised here carry no secret
        self._partial = bytearray()

    def feed(self, chunk: bytes) -> Iterator[StreamEvent]:
        """The events completed by ``chunk``, one at a time (an error raises in place)."""
        if b"\n" not in chunk:
            self._partial += chunk
            return
        lines = chunk.split(b"\n")
        if self._partial:
            self._partial += lines[0]
            lines[0] = bytes(self._partial)
        self._partial = bytearray(lines.pop())
        for line in lines:
            if line.strip():
                yield self._event(line)

    def end(self) -> Iterator[StreamEvent]:
        """The last event, if the stream did not end with a newline."""
        if self._partial.strip():
            line, self._partial = bytes(self._partial), bytearray()
            yield self._event(line)

    def _event(self, line: bytes) -> StreamEvent:
        try:
            item = json.loads(line)
        except ValueError:  # also invalid UTF-8
            raise self._decode_error("a stream line is not JSON", line) from None
        if not isinstance(item, dict) or not isinstance(item.get("type"), str) or "data" not in item:
            raise self._decode_error('a stream line is not a {"type", "data"} event', line)
        kind = item["type"]
        if kind == "error":
            data = item["data"]
            message = data.get("message") if isinstance(data, dict) else None
            raise StreamError(str(message or data), data=data, request=self._request)
        cls = self._events.get(kind)
        if cls is None:
            return UnknownEvent(kind, item["data"])
        try:
            check_model(cls, item, strict=False)
        except Invalid as exc:
            raise self._decode_error(f"a {kind!r} event does not fit {cls.__name__}: {exc}", line) from None
        event: StreamEvent = cls.from_dict(item)  # type: ignore[attr-defined]
        return event

    def _decode_error(self, problem: str, line: bytes) -> StreamDecodeError:
        quoted = line[:_QUOTE_LIMIT].decode("utf-8", "replace")
        more = "..." if len(line) > _QUOTE_LIMIT else ""
        self._response.request = self._request
        return StreamDecodeError(f"{problem}: {quoted!r}{more}", line=quoted, response=self._response)


def token_of(event: StreamEvent) -> str | None:
    return event.data.token if isinstance(event, TokenEvent) else None


def result_of(event: StreamEvent) -> Any:
    """The ``data`` of a ``result`` event, or ``None`` for any other event."""
    if isinstance(event, CompleteResultEvent | ConversationCompleteResultEvent):
        return event.data
    if isinstance(event, SendResultEvent | ReceiveResultEvent):
        return event.data
    return None


def _no_result() -> StreamError:
    return StreamError("the stream ended without a 'result' event")


class _Stream(Generic[T]):
    """What the sync and async streams share: the call, the parser, the response."""

    def __init__(self, call: Call[T], open_response: Callable[[], Any]) -> None:
        self._call = call
        self._open = open_response
        self._response: httpx.Response | None = None
        self._closed = False
        self._consumed = False

    def _check_open(self) -> None:
        if self._closed:
            raise RuntimeError("this stream was closed; ask for a new one with .stream()")

    def _start(self, response: httpx.Response) -> EventParser:
        if self._consumed:
            raise RuntimeError("a stream can be iterated only once")
        self._consumed = True
        self._response = response
        assert self._call.events is not None
        return EventParser(self._call.events, response)

    def __repr__(self) -> str:
        state = "closed" if self._closed else "open" if self._response else "not sent"
        return f"<{type(self).__name__} {self._call.method} {self._call.url} ({state})>"


class EventStream(_Stream[T]):
    """Events of one streamed answer. Iterate it once, inside ``with`` or not."""

    def __iter__(self) -> Iterator[StreamEvent]:
        self._check_open()
        response = self._response or self._open()
        parser = self._start(response)
        try:
            for chunk in response.iter_bytes():
                yield from parser.feed(chunk)
            yield from parser.end()
        except httpx.HTTPError as exc:
            raise connection_error(exc, response.request) from exc
        finally:
            self.close()

    def tokens(self) -> Iterator[str]:
        """Only the text tokens of the reply, as they arrive."""
        for event in self:
            token = token_of(event)
            if token is not None:
                yield token

    def text(self) -> str:
        """Consume the stream; the reply's tokens joined."""
        return "".join(self.tokens())

    def final_result(self) -> T:
        """Consume the stream; the ``result`` event's data (as the non-streamed call returns)."""
        for event in self:
            result = result_of(event)
            if result is not None:
                value: T = result
                self.close()
                return value
        raise _no_result()

    def close(self) -> None:
        """Close the response (and return its connection to the pool). Idempotent."""
        if not self._closed:
            self._closed = True
            if self._response is not None:
                self._response.close()

    def __enter__(self) -> Self:
        self._check_open()
        if self._response is None:
            self._response = self._open()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __del__(self) -> None:
        self.close()


class AsyncEventStream(_Stream[T]):
    """Events of one streamed answer, for ``async for``; use ``async with`` to be prompt."""

    async def __aiter__(self) -> AsyncIterator[StreamEvent]:
        self._check_open()
        response = self._response or await self._open()
        parser = self._start(response)
        try:
            async for chunk in response.aiter_bytes():
                for event in parser.feed(chunk):
                    yield event
            for event in parser.end():
                yield event
        except httpx.HTTPError as exc:
            raise connection_error(exc, response.request) from exc
        finally:
            await self.aclose()

    async def tokens(self) -> AsyncIterator[str]:
        """Only the text tokens of the reply, as they arrive."""
        async for event in self:
            token = token_of(event)
            if token is not None:
                yield token

    async def text(self) -> str:
        """Consume the stream; the reply's tokens joined."""
        return "".join([token async for token in self.tokens()])

    async def final_result(self) -> T:
        """Consume the stream; the ``result`` event's data (as the non-streamed call returns)."""
        async for event in self:
            result = result_of(event)
            if result is not None:
                value: T = result
                await self.aclose()
                return value
        raise _no_result()

    async def aclose(self) -> None:
        """Close the response (and return its connection to the pool). Idempotent."""
        if not self._closed:
            self._closed = True
            if self._response is not None:
                await self._response.aclose()

    async def __aenter__(self) -> Self:
        self._check_open()
        if self._response is None:
            self._response = await self._open()
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()
