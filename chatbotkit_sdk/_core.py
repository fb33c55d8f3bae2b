"""Everything between a method call and the wire that does no I/O.

``ClientCore`` turns an endpoint wrapper's arguments into a ``Call`` (URL, headers,
query, JSON body, timeout, retries), turns an ``httpx.Response`` into a model or one
of our errors, and decides whether and when to retry. The sync and async clients
only send, sleep and read; they share all of this.
"""

from __future__ import annotations

import dataclasses
import datetime
import json
import logging
import random
import re
import typing
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Generic, Self, TypeVar, cast

import httpx

from ._exceptions import (
    APIError,
    APIStatusError,
    ResponseValidationError,
    connection_error,
    redacted,
    status_error_class,
)
from ._logging import log
from ._options import ClientOptions, check_headers, check_timeout, merge_headers
from ._types import NotGiven, RequestOptions
from ._validate import REQUEST, Invalid, check_json, check_model, checker_for

if TYPE_CHECKING:
    from chatbotkit_api.operations import Operation, Parameter

# attrs, the generated models and dateutil are imported where first needed, not
# here: ``import chatbotkit_sdk`` stays close to ``import httpx`` (see ``make bench``).

__all__ = ["Call", "ClientCore", "Endpoint", "StreamCall"]

T = TypeVar("T")
E = TypeVar("E")

#: Completions may think for minutes; everything else should answer quickly.
DEFAULT_TIMEOUT = httpx.Timeout(60.0, connect=5.0)
LONG_TIMEOUT = httpx.Timeout(600.0, connect=5.0, pool=60.0)
_OPTION_NAMES = frozenset(RequestOptions.__annotations__)
RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
MAX_BACKOFF = 8.0
MAX_RETRY_AFTER = 60.0


_SECRET_HEADER = re.compile(r"auth|token|secret|key|cookie|signature", re.IGNORECASE)


def _safe_headers(headers: Mapping[str, str]) -> dict[str, str]:
    """Headers fit for a log line: anything that looks like a credential is hidden."""
    return {k: "[redacted]" if _SECRET_HEADER.search(k) else v for k, v in headers.items()}


@dataclasses.dataclass(frozen=True, slots=True)
class Endpoint:
    """One operation of the generated description, with the classes it names imported."""

    spec: Operation
    #: the path's {placeholders}, in order: the ids a method takes first
    placeholders: tuple[str, ...]
    #: API query name -> parameter
    query: Mapping[str, Parameter]
    body: type | None
    result: type
    #: type -> event model, for operations that can answer in JSON Lines
    events: Mapping[str, type] | None

    @staticmethod
    def named(name: str) -> Endpoint:
        found = _endpoints.get(name)
        if found is None:
            found = _endpoints[name] = Endpoint._load(name)
        return found

    @staticmethod
    def _load(name: str) -> Endpoint:
        from chatbotkit_api import models
        from chatbotkit_api.operations import OPERATIONS

        op = OPERATIONS[name]
        events = None
        if op.events is not None:  # an ``error`` event raises StreamError instead
            events = {kind: getattr(models, model) for kind, model in op.events.items() if kind != "error"}
        return Endpoint(
            spec=op,
            placeholders=tuple(p.name for p in op.path_params),
            query={p.name: p for p in op.query},
            body=getattr(models, op.body) if op.body else None,
            result=getattr(models, op.result),
            events=events,
        )


_endpoints: dict[str, Endpoint] = {}


@dataclasses.dataclass(frozen=True, slots=True)
class Call(Generic[T]):
    """A request ready to send, and how to read its answer. Immutable; no I/O."""

    method: str
    url: str
    headers: Mapping[str, str] = dataclasses.field(repr=False)  # holds the secret
    params: Mapping[str, Any] | None
    json: Any
    result: type[T]
    timeout: httpx.Timeout | None
    retries: int
    retry_delay: float
    retry_timeout: bool
    #: type -> event model, for operations that can answer in JSON Lines
    events: Mapping[str, type] | None = dataclasses.field(default=None, repr=False)
    #: raw bytes to send instead of JSON (the presigned upload)
    content: bytes | None = dataclasses.field(default=None, repr=False)
    #: send exactly these headers: not even an injected httpx client's defaults
    bare: bool = False
    #: a second request to send with the parsed result, e.g. the bytes of an upload
    then: Callable[[Any], Call[Any]] | None = dataclasses.field(default=None, repr=False)

    def replace(self, **changes: Any) -> Self:
        """This call with some fields changed."""
        return dataclasses.replace(self, **changes)

    @property
    def paged(self) -> bool:
        """Whether the answer is a page of ``items`` with a ``cursor``."""
        return _is_page(self.result)

    def streaming(self) -> Self:
        """This call, asking for a JSON Lines stream."""
        if self.events is None:
            raise TypeError(f"{self.method} {self.url} cannot be streamed")
        return self.replace(headers=merge_headers(self.headers, {"Accept": "application/jsonl"}))

    def next_page(self, cursor: str) -> Self:
        """This call, for the page after the one that returned ``cursor``."""
        return self.replace(params={**(self.params or {}), "cursor": cursor})

    @property
    def cache_key(self) -> tuple[str, str]:
        query = str(httpx.QueryParams(self.params)) if self.params else ""
        return self.method, f"{self.url}?{query}" if query else self.url


@dataclasses.dataclass(frozen=True, slots=True)
class StreamCall(Call[T], Generic[T, E]):
    """A ``Call`` of an operation that can answer as a stream of ``E`` events."""


_pages: dict[type, bool] = {}


def _is_page(cls: type) -> bool:
    found = _pages.get(cls)
    if found is None:
        import attrs

        names = attrs.fields_dict(cls) if attrs.has(cls) else {}
        found = _pages[cls] = "items" in names and "cursor" in names
    return found


def _query_value(param: Parameter, value: Any) -> Any:
    """A query value as it goes on the URL, or TypeError/ValueError naming the parameter."""
    schema = param.schema
    if schema.kind == "string" and schema.format == "date-time":
        return _as_datetime(param.name, value).isoformat()
    if schema.kind == "string" and schema.format == "date" and isinstance(value, datetime.date):
        return (value.date() if isinstance(value, datetime.datetime) else value).isoformat()
    try:
        checker_for(schema)(value, param.name, REQUEST)
    except Invalid as exc:
        raise (ValueError if "expected one of" in exc.problem else TypeError)(str(exc)) from None
    return value


def _as_datetime(name: str, value: Any) -> datetime.datetime:
    from dateutil import parser as date_parser

    when: datetime.datetime
    if isinstance(value, str):
        try:
            when = date_parser.isoparse(value)
        except ValueError:
            raise ValueError(f"{name}: {value!r} is not an ISO 8601 date or date-time") from None
    elif isinstance(value, datetime.datetime):
        when = value
    elif isinstance(value, datetime.date):
        when = datetime.datetime.combine(value, datetime.time())
    else:
        raise TypeError(f"{name}: expected a datetime, date or ISO 8601 string, got {value!r}")
    # A time without an offset is taken as UTC, and sent with the offset spelled out.
    return when if when.tzinfo else when.replace(tzinfo=datetime.UTC)


def _extra_body(extra: Any) -> dict[str, Any]:
    """``extra_body`` as sent: any keys, JSON values; else TypeError naming the key."""
    if not isinstance(extra, Mapping):
        raise TypeError(f"extra_body must be a mapping, not {type(extra).__name__}")
    fields = cast("Mapping[object, object]", extra)
    for key, value in fields.items():
        if not isinstance(key, str):
            raise TypeError(f"extra_body: keys must be strings, got {key!r}")
        try:
            check_json(value, f"extra_body[{key!r}]")
        except Invalid as exc:
            raise TypeError(str(exc)) from None
    return dict(cast("Mapping[str, Any]", fields))


_QUERY_SCALARS = (str, int, float)  # bool is an int: sent as true/false, as httpx does


def _extra_query(extra: Any) -> dict[str, Any]:
    """``extra_query`` as sent: any keys; scalar values or lists of them, ``None`` left out."""
    if not isinstance(extra, Mapping):
        raise TypeError(f"extra_query must be a mapping, not {type(extra).__name__}")
    params: dict[str, Any] = {}
    for key, value in cast("Mapping[object, object]", extra).items():
        if not isinstance(key, str):
            raise TypeError(f"extra_query: keys must be strings, got {key!r}")
        if value is None:
            continue
        values = cast("list[object]", value) if isinstance(value, list | tuple) else [value]
        for item in values:
            if not isinstance(item, _QUERY_SCALARS):
                raise TypeError(
                    f"extra_query[{key!r}]: expected a string, number or boolean (or a list of them), "
                    f"got {type(item).__name__}"
                )
            try:
                check_json(item, f"extra_query[{key!r}]")
            except Invalid as exc:
                raise TypeError(str(exc)) from None
        params[key] = list(values) if isinstance(value, list | tuple) else value
    return params


def retry_after(response: httpx.Response) -> float | None:
    """Seconds the server asked us to wait (``retry-after-ms`` or ``Retry-After``)."""
    raw_ms = response.headers.get("retry-after-ms")
    if raw_ms is not None:
        try:
            return max(float(raw_ms) / 1000.0, 0.0)
        except ValueError:
            pass
    raw = response.headers.get("retry-after")
    if raw is None:
        return None
    try:
        return max(float(raw), 0.0)
    except ValueError:
        pass
    from dateutil import parser as date_parser

    try:
        when = date_parser.parse(raw)
    except (ValueError, OverflowError):
        return None
    if when.tzinfo is None:  # HTTP dates are GMT
        when = when.replace(tzinfo=datetime.UTC)
    return max((when - datetime.datetime.now(datetime.UTC)).total_seconds(), 0.0)


class ClientCore:
    """The I/O-free half of a client: one per client, shared by its sub-clients."""

    def __init__(self, options: ClientOptions) -> None:
        self.options = options
        #: The headers of every call without ``extra_headers``: one object, so that a
        #: runner can keep what it derives from it.
        self.headers: Mapping[str, str] = options.headers_for(None)

    # --- building --------------------------------------------------------------

    def call(
        self, name: str, args: tuple[Any, ...], options: RequestOptions, *, long: bool = False
    ) -> Call[Any]:
        """Everything needed to send operation ``name``; raises before any I/O if misused.

        ``args`` are a method's positional arguments: the path's ids in order, then
        the request body or the query, if the operation has one.
        """
        op = Endpoint.named(name)
        if options and not options.keys() <= _OPTION_NAMES:
            unknown = options.keys() - _OPTION_NAMES
            raise TypeError(f"unknown option(s): {', '.join(sorted(unknown))}")
        count = len(op.placeholders)
        ids, rest = args[:count], args[count:]
        if len(ids) != count or len(rest) > 1:
            raise TypeError(f"{name} takes {count} id(s) and at most one request, got {len(args)} arguments")
        payload = rest[0] if rest else None
        url = self.options.url(op.spec.path, dict(zip(op.placeholders, ids, strict=True)))
        params = json = None
        if op.body is not None:
            json = self._body(op.body, payload)
        elif op.query:
            params = self._params(op, payload)
        elif payload is not None:
            raise TypeError(f"{name} takes no request")
        timeout: Any = options.get("timeout", self.options.timeout)
        if isinstance(timeout, NotGiven):
            timeout = LONG_TIMEOUT if long else DEFAULT_TIMEOUT
        elif "timeout" in options:
            timeout = check_timeout(timeout)
        retries = options.get("retries", self.options.retries)
        # Checked at run time for untyped callers, whatever the annotation says.
        if isinstance(retries, bool) or not isinstance(retries, int) or retries < 0:  # pyright: ignore[reportUnnecessaryIsInstance]
            raise ValueError(f"retries: expected an integer >= 0, got {retries!r}")
        extra_body, extra_query = options.get("extra_body"), options.get("extra_query")
        if extra_body is not None:  # None: not given, as wrappers forward it
            if op.body is None:
                raise TypeError(
                    f"{name} ({op.spec.method} {op.spec.path}) sends no request body, "
                    "so extra_body has nowhere to go (extra_query adds to the URL)"
                )
            json = {**(json or {}), **_extra_body(extra_body)}
        if extra_query is not None:
            params = {**(params or {}), **_extra_query(extra_query)}
        extra = options.get("extra_headers")
        # Either class, as a Call (a StreamCall's event type matters only to type checkers).
        return cast("type[Call[Any]]", Call if op.events is None else StreamCall)(
            method=op.spec.method,
            url=url,
            headers=self.options.headers_for(extra) if extra else self.headers,
            params=params,
            json=json,
            result=op.result,
            timeout=timeout,
            retries=retries,
            retry_delay=self.options.retry_delay,
            retry_timeout=self.options.retry_timeout,
            events=op.events,
        )

    @staticmethod
    def presigned(call: Call[Any], content: bytes) -> Callable[[Any], Call[None]]:
        """What sends ``content`` to the ``uploadRequest`` in an upload's result.

        The bytes go exactly where and how the API said: its method, URL and headers,
        and nothing of ours (no Authorization, no X-RunAs-*, no client defaults).
        """

        def upload(result: Any) -> Call[None]:
            import attrs

            target: Any = getattr(result, "upload_request", None)
            if not attrs.has(type(target)):  # pyright: ignore[reportUnknownArgumentType] - type() of Any
                raise APIError(
                    f"{call.url}: the answer has no uploadRequest, so the file's bytes were not sent"
                )
            headers = dict(target.headers.additional_properties) if target.headers else {}
            try:
                check_headers(headers, "uploadRequest.headers")
                if httpx.URL(target.url).scheme not in ("http", "https"):
                    raise ValueError(f"uploadRequest.url: not an http(s) URL: {target.url!r}")
            except (TypeError, ValueError, httpx.InvalidURL) as exc:
                raise APIError(f"the uploadRequest cannot be sent, so the bytes were not: {exc}") from exc
            return call.replace(
                method=target.method.upper(),
                url=target.url,
                headers=headers,
                params=None,
                json=None,
                result=type(None),
                content=content,
                bare=True,
                events=None,
                then=None,
            )

        return upload

    @staticmethod
    def _body(model: type, value: Any) -> dict[str, Any]:
        """The JSON body for ``value``: a model instance or a mapping with API names."""
        if value is None:
            value = {}
        data: dict[str, Any]
        if isinstance(value, model):
            data = value.to_dict()  # type: ignore[attr-defined]
            unknown_keys = True  # its additional_properties were put there on purpose
        elif isinstance(value, Mapping):
            data, unknown_keys = dict(cast("Mapping[str, Any]", value)), False
        else:
            raise TypeError(f"request must be a {model.__name__} or a mapping, not {type(value).__name__}")
        try:
            check_model(model, data, strict=True, unknown_keys=unknown_keys)
        except Invalid as exc:
            error = ValueError if "expected one of" in exc.problem else TypeError
            raise error(f"{model.__name__}.{exc}" if exc.path else f"{model.__name__}: {exc}") from None
        return data

    @staticmethod
    def _params(op: Endpoint, query: Mapping[str, Any] | None) -> dict[str, Any]:
        if query is None:
            query = {}
        if not isinstance(query, Mapping):  # pyright: ignore[reportUnnecessaryIsInstance] - untyped callers
            raise TypeError(f"the query must be a mapping, not {type(query).__name__}")
        unknown = [key for key in query if key not in op.query]
        if unknown:
            known = ", ".join(op.query)
            raise TypeError(f"unknown query parameter {unknown[0]!r} (expected one of: {known})")
        params: dict[str, Any] = {}
        for key, param in op.query.items():  # the spec's order: the same query, the same URL
            value = query.get(key)
            if value is None:
                if param.required:
                    raise TypeError(f"the query parameter {key!r} is required")
                continue
            sent = _query_value(param, value)
            if param.style == "deepObject":  # meta[key]=value
                params.update({f"{key}[{k}]": v for k, v in sent.items()})
            else:
                params[key] = sent
        return params

    # --- reading ---------------------------------------------------------------

    @staticmethod
    def parse(call: Call[T], response: httpx.Response) -> T:
        """The model in a 2xx answer, or ``ResponseValidationError``."""
        try:
            data = json.loads(response.content)
        except ValueError as exc:  # also invalid UTF-8
            response.request = redacted(response.request)
            raise ResponseValidationError(
                f"{call.method} {call.url}: the answer is not JSON ({exc})",
                body=response.text[:2000] if response.content else None,
                response=response,
            ) from exc
        if call.paged and isinstance(data, dict):
            page = cast("dict[str, Any]", data)
            if page.get("cursor") is None:  # the last page may come without one: "" (no next page)
                page["cursor"] = ""
        try:
            check_model(call.result, data, strict=False)
            # Every result class is a generated model, with from_dict(); T is only a type variable.
            return call.result.from_dict(data)  # type: ignore[attr-defined, no-any-return]  # pyright: ignore[reportAttributeAccessIssue, reportUnknownMemberType, reportUnknownVariableType]
        except (Invalid, KeyError, TypeError, ValueError) as exc:
            response.request = redacted(response.request)
            raise ResponseValidationError(
                f"{call.method} {call.url}: the answer does not fit {call.result.__name__}: {exc}",
                body=data,
                response=response,
            ) from exc

    @staticmethod
    def status_error(response: httpx.Response) -> APIStatusError:
        """Our error for a non-2xx answer whose body has been read."""
        cls, fallback_code = status_error_class(response.status_code)
        body: Any
        try:
            body = json.loads(response.content) if response.content else None
        except ValueError:
            body = response.text
        message = code = None
        if isinstance(body, Mapping):
            fields = cast("Mapping[str, Any]", body)
            message = fields.get("message") if isinstance(fields.get("message"), str) else None
            code = fields.get("code") if isinstance(fields.get("code"), str) else None
        if message is None:
            text = body if isinstance(body, str) and body.strip() else None
            message = (text or response.reason_phrase or fallback_code)[:500]
        response.request = redacted(response.request)
        return cls(message, code=code or fallback_code, body=body, response=response)

    # --- retrying ----------------------------------------------------------------

    @staticmethod
    def backoff(call: Call[Any], attempt: int, response: httpx.Response | None) -> float:
        """Seconds to wait before retry number ``attempt + 1``."""
        if response is not None:
            asked = retry_after(response)
            if asked is not None and asked <= MAX_RETRY_AFTER:
                return asked
        delay: float = min(call.retry_delay * 2**attempt, MAX_BACKOFF)
        return delay * (1.0 - 0.25 * random.random())  # jitter: spread out herds

    @staticmethod
    def should_retry(
        call: Call[Any], attempt: int, *, response: httpx.Response | None = None,
        error: Exception | None = None,
    ) -> bool:  # fmt: skip
        if attempt >= call.retries:
            return False
        if response is not None:
            return response.status_code in RETRY_STATUSES
        if isinstance(error, httpx.TimeoutException):
            return call.retry_timeout
        return isinstance(error, httpx.TransportError)

    @staticmethod
    def log_retry(call: Call[Any], attempt: int, delay: float, why: str) -> None:
        log.debug(
            "retrying %s %s in %.2fs (retry %d of %d): %s",
            call.method, call.url, delay, attempt + 1, call.retries, why,
        )  # fmt: skip


SEND = None
"""An ``Exchange`` step meaning "send the request now" (any other step is seconds to sleep)."""


class Exchange:
    """One request with its retries, as steps for a sync or async driver to carry out.

    Iterate it; for each step either send ``request`` (step is ``SEND``) or sleep that
    many seconds, and put what sending gave (a response, or the ``httpx.HTTPError``
    raised) in ``answer``. When iteration ends, ``response`` is the 2xx answer; every
    failure raises our typed error from inside the iteration. The policy lives here
    once; the drivers only do I/O.
    """

    __slots__ = ("answer", "call", "request", "response")

    def __init__(self, call: Call[Any], request: httpx.Request) -> None:
        self.call = call
        self.request = request
        self.answer: httpx.Response | Exception | None = None
        self.response: httpx.Response | None = None

    def __iter__(self) -> typing.Iterator[float | None]:
        call = self.call
        attempt = 0
        while True:
            if log.isEnabledFor(logging.DEBUG):
                log.debug("request: %s %s %s", call.method, call.url, _safe_headers(call.headers))
            yield SEND
            answer = self.answer
            if log.isEnabledFor(logging.DEBUG):
                outcome = answer.status_code if isinstance(answer, httpx.Response) else repr(answer)
                log.debug("response: %s %s -> %s", call.method, call.url, outcome)
            if isinstance(answer, httpx.Response):
                if answer.is_success:
                    self.response = answer
                    return
                if not ClientCore.should_retry(call, attempt, response=answer):
                    raise ClientCore.status_error(answer)
                why = f"status {answer.status_code}"
                delay = ClientCore.backoff(call, attempt, answer)
            else:
                assert isinstance(answer, Exception)
                if not ClientCore.should_retry(call, attempt, error=answer):
                    raise connection_error(answer, self.request) from answer
                why = type(answer).__name__
                delay = ClientCore.backoff(call, attempt, None)
            ClientCore.log_retry(call, attempt, delay, why)
            yield delay
            attempt += 1
