"""The machinery under every endpoint: runners (I/O), lazy promises, method descriptors.

An endpoint is written once, in ``_endpoints.py``, as a function that returns a
``Call``. The descriptors here turn it into a method of both the sync and the async
clients: on a sync resource it sends and returns the model (or a
``ResponsePromise``), on an async one it returns a coroutine (or an
``AsyncResponsePromise``). Type checkers see the right signature for each.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Generator, Iterator, Mapping
from typing import Any, Generic, Protocol, TypeVar, cast

import httpx

from ._core import Call, ClientCore, Exchange
from ._streaming import AsyncEventStream, EventStream

__all__ = [
    "AsyncResponsePromise",
    "AsyncStreamableResponsePromise",
    "ResponsePromise",
    "StreamableResponsePromise",
]

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)  # a promise only hands its result out
E_co = TypeVar("E_co", covariant=True)  # the events of a streamable promise
V = TypeVar("V")
I = TypeVar("I")  # noqa: E741 - an item type

CacheKey = tuple[str, str, str]


class _Runner:
    """Shared by the sync and async runners: request building and the result cache."""

    def __init__(
        self, core: ClientCore, http: httpx.Client | httpx.AsyncClient, owns: bool, plain: bool | None = None
    ):
        self.core = core
        self.http = http
        self.owns_http = owns
        #: Whether ``http`` is a client this SDK made itself, with no base URL, headers or
        #: params of its own: requests are then built directly, which costs less than
        #: ``build_request()``'s merging (see ``make bench``); cookies servers set still
        #: go back, as ``build_request()`` would send them.
        self.plain = owns if plain is None else plain
        self._headers: tuple[Mapping[str, str], httpx.Headers] | None = None
        self.cache: dict[CacheKey, Any] = {}

    def build(self, call: Call[Any]) -> httpx.Request:
        try:
            if call.bare:  # presigned: exactly these headers, none of the client's
                timeout = httpx.Timeout(call.timeout).as_dict() if call.timeout else {}
                return httpx.Request(
                    call.method, call.url, headers=call.headers, content=call.content,
                    extensions={"timeout": timeout},
                )  # fmt: skip
            if self.plain:
                request = httpx.Request(
                    call.method, _parsed_url(call.url), params=call.params,
                    headers=self._merged(call.headers), json=call.json, content=call.content,
                    extensions={"timeout": _timeout_dict(call.timeout)},
                )  # fmt: skip
                if self.http.cookies:  # e.g. a load balancer's sticky cookie: sent back, as httpx would
                    self.http.cookies.set_cookie_header(request)
                return request
            # build_request() (unlike httpx.Request) applies an injected client's defaults.
            return self.http.build_request(
                call.method, call.url, params=call.params, headers=call.headers,
                json=call.json, content=call.content, timeout=call.timeout,
            )  # fmt: skip
        except httpx.InvalidURL as exc:  # e.g. from an endpoints override
            raise ValueError(f"invalid URL {call.url!r}: {exc}") from None

    def _merged(self, headers: Mapping[str, str]) -> httpx.Headers:
        """httpx's default headers, then ``headers`` (as ``build_request()`` would merge them).

        The merge for the client's own headers, which nearly every call sends, is kept.
        """
        kept = self._headers
        if kept is not None and kept[0] is headers:
            return kept[1]
        merged = httpx.Headers(self.http.headers)
        merged.update(headers)
        if headers is self.core.headers:
            self._headers = (headers, merged)
        return merged


#: Parsed URLs by their text. Parsing is most of what building a request costs, and an
#: application calls the same few URLs again and again (one conversation's complete,
#: list, fetch); an ``httpx.URL`` is immutable, so one object serves every request.
#: Bounded: emptied when full, so a long run over many ids cannot grow it.
_urls: dict[str, httpx.URL] = {}
_URLS_KEPT = 256
#: ``{"connect": ..., "read": ...}`` per ``httpx.Timeout``: nearly every call has one of
#: two (the default and the long one), so the dicts httpx wants are made once.
_timeouts: dict[int, tuple[httpx.Timeout | None, dict[str, float | None]]] = {}


def _parsed_url(url: str) -> httpx.URL:
    found = _urls.get(url)
    if found is None:
        if len(_urls) >= _URLS_KEPT:
            _urls.clear()
        found = _urls[url] = httpx.URL(url)
    return found


def _timeout_dict(timeout: httpx.Timeout | None) -> dict[str, float | None]:
    kept = _timeouts.get(id(timeout))
    if kept is None or kept[0] is not timeout:  # kept[0] holds the object, so its id is not reused
        if len(_timeouts) >= 16:
            _timeouts.clear()
        kept = _timeouts[id(timeout)] = (timeout, httpx.Timeout(timeout).as_dict())
    return dict(kept[1])  # a copy: httpx may not change it, but a transport could


def _auth(bare: bool) -> Any:
    """A bare (presigned) request gets no auth, not even an injected client's ``auth=``."""
    return None if bare else httpx.USE_CLIENT_DEFAULT


class SyncRunner(_Runner):
    http: httpx.Client

    def send(self, call: Call[Any], stream: bool = False) -> httpx.Response:
        exchange = Exchange(call, self.build(call))
        for step in exchange:
            if step is None:  # SEND
                exchange.answer = self._send(exchange.request, stream, call.bare)
            else:
                time.sleep(step)
        assert exchange.response is not None
        return exchange.response

    def _send(self, request: httpx.Request, stream: bool, bare: bool) -> httpx.Response | Exception:
        try:
            # stream=False: httpx reads the body and closes the response itself.
            response = self.http.send(request, stream=stream, auth=_auth(bare))
            if stream and not response.is_success:  # an error's body is read for the error
                try:
                    response.read()
                finally:
                    response.close()
        except httpx.HTTPError as exc:
            return exc
        return response

    def run(self, call: Call[T]) -> T:
        result = self.core.parse(call, self.send(call))
        if call.then is not None:
            self.send(call.then(result))
        return result

    def promise(self, call: Call[T]) -> ResponsePromise[T]:
        kind = ResponsePromise if call.events is None else StreamableResponsePromise
        # Either class makes a promise of T (a streamable one's events are typed by the endpoint).
        return cast("type[ResponsePromise[T]]", kind)(self, call)

    def close(self) -> None:
        if self.owns_http:
            self.http.close()


async def _async_sleep(seconds: float) -> None:
    # anyio, not asyncio: the async client runs under asyncio and trio alike, as httpx does.
    # Imported here, not at import time: a program that never awaits need not load it.
    import anyio

    await anyio.sleep(seconds)


class AsyncRunner(_Runner):
    http: httpx.AsyncClient

    async def send(self, call: Call[Any], stream: bool = False) -> httpx.Response:
        exchange = Exchange(call, self.build(call))
        for step in exchange:
            if step is None:  # SEND
                exchange.answer = await self._send(exchange.request, stream, call.bare)
            else:
                await _async_sleep(step)
        assert exchange.response is not None
        return exchange.response

    async def _send(self, request: httpx.Request, stream: bool, bare: bool) -> httpx.Response | Exception:
        try:
            response = await self.http.send(request, stream=stream, auth=_auth(bare))
            if stream and not response.is_success:
                try:
                    await response.aread()
                finally:
                    await response.aclose()
        except httpx.HTTPError as exc:
            return exc
        return response

    async def run(self, call: Call[T]) -> T:
        result = self.core.parse(call, await self.send(call))
        if call.then is not None:
            await self.send(call.then(result))
        return result

    def promise(self, call: Call[T]) -> AsyncResponsePromise[T]:
        kind = AsyncResponsePromise if call.events is None else AsyncStreamableResponsePromise
        # Either class makes a promise of T (a streamable one's events are typed by the endpoint).
        return cast("type[AsyncResponsePromise[T]]", kind)(self, call)

    async def aclose(self) -> None:
        if self.owns_http:
            await self.http.aclose()


# --- lazy results -----------------------------------------------------------------


class _Promise(Generic[T_co]):
    __slots__ = ("_call", "_done", "_runner", "_value")

    def __init__(self, runner: _Runner, call: Call[T_co]) -> None:
        self._runner = runner
        self._call = call
        self._done = False
        self._value: Any = None

    def _key(self, key: str) -> CacheKey:
        if not isinstance(key, str):  # pyright: ignore[reportUnnecessaryIsInstance] - untyped callers
            raise TypeError(f"cache key must be a string, got {type(key).__name__}")
        return (key, *self._call.cache_key)

    def _keep(self, value: V) -> V:
        self._value, self._done = value, True
        return value

    def _memo(self) -> T_co:
        return cast("T_co", self._value)

    def __repr__(self) -> str:
        state = "done" if self._done else "not sent"
        return f"<{type(self).__name__} {self._call.method} {self._call.url} ({state})>"


class _Page(Protocol[I]):
    """What ``iter_all()`` needs of a result: a page of ``items`` and the next ``cursor``."""

    items: list[I]
    cursor: str


def _after(call: Call[Any], page: _Page[Any]) -> Call[Any] | None:
    """The call for the next page, or None: an empty page or no cursor ends the walk."""
    return call.next_page(page.cursor) if page.items and page.cursor else None


class ResponsePromise(_Promise[T_co]):
    """A request not sent yet. ``result()`` sends it once; ``cache()`` shares it by key;
    ``iter_all()`` walks every page of a list."""

    __slots__ = ()
    _runner: SyncRunner

    def iter_all(self: ResponsePromise[_Page[I]]) -> Iterator[I]:
        """Every item of every page, fetching the next page only when one is used up."""
        page: _Page[I] | None = self.result()
        call: Call[Any] | None = self._call
        while page is not None and call is not None:
            yield from page.items
            call = _after(call, page)
            page = self._runner.run(call) if call else None

    def result(self) -> T_co:
        """Send the request (the first time only) and return the parsed answer."""
        if self._done:
            return self._memo()
        return self._keep(self._runner.run(self._call))

    def cache(self, key: str = "default") -> T_co:
        """Like ``result()``, but remembered on the client per key, method and URL."""
        slot = self._key(key)
        if slot not in self._runner.cache:
            self._runner.cache[slot] = self.result()
        return self._keep(cast("T_co", self._runner.cache[slot]))


class StreamableResponsePromise(ResponsePromise[T_co], Generic[T_co, E_co]):
    """A ``ResponsePromise`` of an operation that can also answer as a stream of ``E_co``."""

    __slots__ = ()

    def stream(self) -> EventStream[T_co, E_co]:
        """The answer as a stream of typed events (sent when first iterated or entered)."""
        call = self._call.streaming()
        return EventStream(call, lambda: self._runner.send(call, stream=True))


class AsyncResponsePromise(_Promise[T_co]):
    """A request not sent yet. ``await`` it to send it once; ``cache()`` shares it by key;
    ``iter_all()`` walks every page of a list."""

    __slots__ = ()
    _runner: AsyncRunner

    async def iter_all(self: AsyncResponsePromise[_Page[I]]) -> AsyncIterator[I]:
        """Every item of every page, fetching the next page only when one is used up."""
        page: _Page[I] | None = await self.result()
        call: Call[Any] | None = self._call
        while page is not None and call is not None:
            for item in page.items:
                yield item
            call = _after(call, page)
            page = await self._runner.run(call) if call else None

    def __await__(self) -> Generator[Any, None, T_co]:
        return self.result().__await__()

    async def result(self) -> T_co:
        """Send the request (the first time only) and return the parsed answer."""
        if self._done:
            return self._memo()
        return self._keep(await self._runner.run(self._call))

    async def cache(self, key: str = "default") -> T_co:
        """Like awaiting, but remembered on the client per key, method and URL."""
        slot = self._key(key)
        if slot not in self._runner.cache:
            self._runner.cache[slot] = await self.result()
        return self._keep(cast("T_co", self._runner.cache[slot]))


class AsyncStreamableResponsePromise(AsyncResponsePromise[T_co], Generic[T_co, E_co]):
    """An ``AsyncResponsePromise`` of an operation that can also answer as a stream of ``E_co``."""

    __slots__ = ()

    def stream(self) -> AsyncEventStream[T_co, E_co]:
        """The answer as a stream of typed events (sent when first iterated or entered)."""
        call = self._call.streaming()
        return AsyncEventStream(call, lambda: self._runner.send(call, stream=True))


# --- resources ---------------------------------------------------------------------


class Resource:
    """A client or sub-client: the core that builds calls and the runner that sends them."""

    _runner: SyncRunner | AsyncRunner

    def __init__(self, core: ClientCore, runner: SyncRunner | AsyncRunner) -> None:
        self._core = core
        self._runner = runner


# A sync resource is only ever made with a sync runner, an async one with an async
# runner (see _client.py): each narrows the attribute, which pyright, unlike mypy,
# reports because the attribute is mutable.


class SyncResource(Resource):
    _runner: SyncRunner  # pyright: ignore[reportIncompatibleVariableOverride]


class AsyncResource(Resource):
    _runner: AsyncRunner  # pyright: ignore[reportIncompatibleVariableOverride]
