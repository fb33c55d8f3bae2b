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

import dataclasses
import json
import typing
from collections.abc import AsyncIterator, Callable, Iterator, Mapping
from types import TracebackType
from typing import Any, Generic, Literal, Self, TypeVar, cast

import httpx

# The event models load on first use (PEP 562), like every generated model: the
# first stream pays for them, ``import chatbotkit_sdk`` does not.
from chatbotkit_api import models as m

from ._exceptions import StreamDecodeError, StreamError, connection_error, redacted
from ._validate import Invalid, check_model

if typing.TYPE_CHECKING:
    from typing import TypeAlias

    from chatbotkit_api.streams import AnyStreamEvent

    from ._core import Call

__all__ = ["AsyncEventStream", "EventParser", "EventStream", "StreamEvent", "UnknownEvent"]

T = TypeVar("T")
E = TypeVar("E")
X = TypeVar("X")
_QUOTE_LIMIT = 200
#: The raw (C) scanner under ``json.loads``: one call per line, no whitespace regexes.
#: typeshed does not declare this attribute of JSONDecoder, though it is always set.
_scan: Callable[[str, int], tuple[Any, int]] = getattr(json.JSONDecoder(), "scan_once")  # noqa: B009
#: What JSON calls whitespace (``str.strip()`` would also take e.g. U+00A0 and U+2028).
_JSON_SPACE = " \t\r\n"
#: An item a parser checked but does not hand out (a non-token event in ``tokens()``).
_SKIP: Any = object()


@dataclasses.dataclass(frozen=True, slots=True)
class UnknownEvent:
    """An event whose type this SDK does not know yet, passed through rather than refused.

    Its ``type`` is always ``"unknown"``, so that ``event.type == "token"`` narrows a
    stream's events for type checkers; the type the API sent is ``event_type``.
    """

    # Attribute docstrings (not #: comments): the API reference reads them.
    event_type: str
    """The event's ``type`` as the API sent it."""
    data: Any
    """Its ``data`` (``None`` if the line had none)."""
    raw: Mapping[str, Any] = dataclasses.field(default_factory=dict[str, Any], compare=False, repr=False)
    """The whole line, as parsed: keys besides ``type`` and ``data`` are here."""

    @property
    def type(self) -> Literal["unknown"]:
        """Always ``"unknown"``: compare it to narrow a stream's events (the API's name is ``event_type``)."""
        return "unknown"


if typing.TYPE_CHECKING:
    #: Every event any stream can yield (``error`` events raise ``StreamError`` instead).
    StreamEvent: TypeAlias = AnyStreamEvent | UnknownEvent


if not typing.TYPE_CHECKING:

    def __getattr__(name: str) -> Any:
        """``StreamEvent`` is built when first used, since it needs every event model."""
        if name != "StreamEvent":
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        from chatbotkit_api.streams import AnyStreamEvent  # the generated union of them all

        union = AnyStreamEvent | UnknownEvent
        globals()[name] = union
        return union


class EventParser(Generic[X]):
    """Incremental JSON Lines decoder: bytes in, one item per event out; no I/O.

    Shared by sync and async streams. A chunk's complete lines are decoded from
    UTF-8 together (a line is only decoded once its newline has arrived, so a
    character split across chunks is never cut) and each is parsed straight
    from the JSON scanner. Every event is checked against its model; token
    events, nearly all of any stream, are recognised by their exact shape and
    built without the general check (the result is identical, see the tests).
    """

    __slots__ = ("_events", "_partial", "_request", "_response", "_token_data", "_tokens")

    def __init__(self, events: Mapping[str, type], response: httpx.Response) -> None:
        self._events = events
        # Events whose data is just ``{"token": str}``: the hot path of every completion.
        token_events = (m.TokenEvent, m.ReasoningTokenEvent)
        self._tokens = {kind: cls for kind, cls in events.items() if cls in token_events}
        self._token_data = m.TokenData
        self._response = response
        self._request = redacted(response.request)  # errors raised here carry no secret
        self._partial = bytearray()

    def feed(self, chunk: bytes) -> Iterator[X]:
        """The items completed by ``chunk``, one at a time (an error raises in place)."""
        last = chunk.rfind(b"\n")
        if last < 0:
            self._partial += chunk
            return
        if self._partial:
            self._partial += chunk[:last]
            block = bytes(self._partial)
        else:
            block = chunk[:last]
        self._partial = bytearray(chunk[last + 1 :])
        yield from self._lines(block)

    def end(self) -> Iterator[X]:
        """The last item, if the stream did not end with a newline."""
        if self._partial.strip():
            block, self._partial = bytes(self._partial), bytearray()
            yield from self._lines(block)

    def _lines(self, block: bytes) -> Iterator[X]:
        try:
            text, checked = block.decode(), True
        except UnicodeDecodeError:  # find the bad line: those before it still count
            text, checked = block.decode("utf-8", "surrogateescape"), False
        scan = _scan
        for raw in text.split("\n"):
            line = raw.strip(_JSON_SPACE)
            if not line:
                continue
            if not checked and not _is_utf8(line):
                raise self._decode_error("a stream line is not UTF-8", line)
            try:
                item, end = scan(line, 0)
            except (StopIteration, ValueError, RecursionError):
                item, end = self._retry_without_bom(line)
            if end != len(line):
                raise self._decode_error("a stream line is not JSON", line)
            out = self._item(item, line)
            if out is not _SKIP:
                yield out

    def _retry_without_bom(self, line: str) -> tuple[Any, int]:
        """A line may start with a byte order mark, as ``json.loads`` allows; else not JSON."""
        if line.startswith("\ufeff"):
            try:
                item, end = _scan(line, 1)
            except (StopIteration, ValueError, RecursionError):
                pass
            else:
                return item, end
        raise self._decode_error("a stream line is not JSON", line)

    def _token(self, item: Any) -> str | None:
        """The token of an exactly-shaped token event of this stream, else None."""
        # JSON objects have string keys. Declared, not cast(): this runs for every token.
        if type(item) is not dict:
            return None
        event: dict[str, Any] = item  # pyright: ignore[reportUnknownVariableType]
        if len(event) != 2:
            return None
        kind = event.get("type")
        if type(kind) is str and kind in self._tokens:
            data = event.get("data")
            if type(data) is dict:
                fields: dict[str, Any] = data  # pyright: ignore[reportUnknownVariableType]
                if len(fields) == 1:
                    token = fields.get("token")
                    if type(token) is str:
                        return token
        return None

    def _item(self, item: Any, line: str) -> Any:
        token = self._token(item)
        if token is not None:
            return self._tokens[item["type"]](type_=item["type"], data=self._token_data(token=token))
        return self._event(item, line)

    def _event(self, item: Any, line: str) -> Any:
        event = cast("dict[str, Any]", item) if isinstance(item, dict) else {}  # JSON: string keys
        kind = event.get("type")
        if not isinstance(kind, str):
            raise self._decode_error('a stream line is not a {"type", "data"} event', line)
        if kind == "error":
            data: Any = event.get("data")  # any JSON
            fields = cast("dict[str, Any]", data) if isinstance(event.get("data"), dict) else {}
            raise StreamError(str(fields.get("message") or data), data=data, request=self._request)
        cls = self._events.get(kind)
        if cls is None:  # newer than this SDK: passed on, whatever its shape
            return UnknownEvent(kind, event.get("data"), event)
        try:
            check_model(cls, event, strict=False)
        except Invalid as exc:
            raise self._decode_error(f"a {kind!r} event does not fit {cls.__name__}: {exc}", line) from None
        # Every event class is a generated model, with from_dict().
        return cls.from_dict(event)  # type: ignore[attr-defined]  # pyright: ignore[reportUnknownMemberType, reportUnknownVariableType]

    def _decode_error(self, problem: str, line: str) -> StreamDecodeError:
        raw = line.encode("utf-8", "surrogateescape")  # a bad line is quoted as it came
        quoted = raw[:_QUOTE_LIMIT].decode("utf-8", "replace")
        more = "..." if len(raw) > _QUOTE_LIMIT else ""
        self._response.request = self._request
        return StreamDecodeError(f"{problem}: {quoted!r}{more}", line=quoted, response=self._response)


class TokenParser(EventParser[str]):
    """Yields only the text of ``token`` events; every other event is still checked
    (an ``error`` event still raises), but no event object is built for tokens."""

    __slots__ = ()

    def _item(self, item: Any, line: str) -> Any:
        token = self._token(item)
        if token is not None:
            return token if item["type"] == "token" else _SKIP
        event = self._event(item, line)
        return event.data.token if isinstance(event, m.TokenEvent) else _SKIP


def _is_utf8(line: str) -> bool:
    try:
        line.encode()
    except UnicodeEncodeError:
        return False
    return True


def result_of(event: Any) -> Any:
    """The ``data`` of a ``result`` event, or ``None`` for any other event."""
    return event.data if event.type == "result" else None


def _no_result() -> StreamError:
    return StreamError("the stream ended without a 'result' event")


class _Stream(Generic[T, E]):
    """What the sync and async streams share: the call, the parser, the response.

    ``T`` is the operation's result (``final_result()``), ``E`` the union of its events.
    """

    def __init__(self, call: Call[T], open_response: Callable[[], Any]) -> None:
        self._call = call
        self._open = open_response
        self._response: httpx.Response | None = None
        self._closed = False
        self._consumed = False

    def _check_open(self) -> None:
        if self._closed:
            raise RuntimeError("this stream was closed; ask for a new one with .stream()")

    def _start(self, response: httpx.Response, parser: type[EventParser[X]]) -> EventParser[X]:
        if self._consumed:
            raise RuntimeError("a stream can be iterated only once")
        self._consumed = True
        self._response = response
        assert self._call.events is not None
        return parser(self._call.events, response)

    def __repr__(self) -> str:
        state = "closed" if self._closed else "open" if self._response else "not sent"
        return f"<{type(self).__name__} {self._call.method} {self._call.url} ({state})>"


class EventStream(_Stream[T, E]):
    """Events of one streamed answer. Iterate it once, inside ``with`` or not."""

    def __iter__(self) -> Iterator[E | UnknownEvent]:
        return self._run(EventParser)

    def tokens(self) -> Iterator[str]:
        """Only the text tokens of the reply, as they arrive (other events are checked, not built)."""
        return self._run(TokenParser)

    def _run(self, kind: type[EventParser[X]]) -> Iterator[X]:
        self._check_open()
        response = self._response or self._open()
        parser = self._start(response, kind)
        try:
            for chunk in response.iter_bytes():
                yield from parser.feed(chunk)
            yield from parser.end()
        except httpx.HTTPError as exc:
            raise connection_error(exc, response.request) from exc
        finally:
            self.close()

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


class AsyncEventStream(_Stream[T, E]):
    """Events of one streamed answer, for ``async for``; use ``async with`` to be prompt."""

    def __aiter__(self) -> AsyncIterator[E | UnknownEvent]:
        return self._run(EventParser)

    def tokens(self) -> AsyncIterator[str]:
        """Only the text tokens of the reply, as they arrive (other events are checked, not built)."""
        return self._run(TokenParser)

    async def _run(self, kind: type[EventParser[X]]) -> AsyncIterator[X]:
        self._check_open()
        response = self._response or await self._open()
        parser = self._start(response, kind)
        try:
            async for chunk in response.aiter_bytes():
                for item in parser.feed(chunk):
                    yield item
            for item in parser.end():
                yield item
        except httpx.HTTPError as exc:
            raise connection_error(exc, response.request) from exc
        finally:
            await self.aclose()

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


def events_of(operation: str) -> Mapping[str, type]:
    """Type -> event model of the stream of ``operation`` (its name in the generated table)."""
    from ._core import Endpoint

    events = Endpoint.named(operation).events
    if events is None:
        raise ValueError(f"{operation} cannot stream")
    return events
