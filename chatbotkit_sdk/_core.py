"""Everything between a method call and the wire that does no I/O.

``ClientCore`` turns an endpoint wrapper's arguments into a ``Call`` (URL, headers,
query, JSON body, timeout, retries), turns an ``httpx.Response`` into a model or one
of our errors, and decides whether and when to retry. The sync and async clients
only send, sleep and read; they share all of this.
"""

from __future__ import annotations

import dataclasses
import datetime
import importlib
import inspect
import json
import logging
import random
import re
import typing
from collections.abc import Callable, Mapping
from types import ModuleType
from typing import Any, Generic, TypeVar, get_args

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
from ._streaming import events_for
from ._types import NotGiven, RequestOptions
from ._validate import Invalid, _ModelNamespace, check_model, checker_for, json_name

# attrs, the generated models and dateutil are imported where first needed, not
# here: ``import chatbotkit_sdk`` stays close to ``import httpx`` (see ``make bench``).

__all__ = ["Call", "ClientCore", "Operation"]

T = TypeVar("T")

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
class Operation:
    """One generated endpoint module, with its method and templated path from the spec."""

    module: ModuleType
    method: str
    path: str
    #: API query name -> (keyword of the generated function, type hint)
    query: Mapping[str, tuple[str, Any]]
    #: positional path arguments of the generated function, filled with placeholders
    path_args: tuple[str, ...]
    #: the path's {placeholders}, in order: the ids a wrapper passes positionally
    placeholders: tuple[str, ...]

    @classmethod
    def of(cls, module: ModuleType) -> Operation:
        found = _operations.get(module.__name__)
        if found is None:
            found = _operations[module.__name__] = cls._inspect(module)
        return found

    @classmethod
    def _inspect(cls, module: ModuleType) -> Operation:
        package, name = module.__name__.rsplit(".", 1)
        method, path = importlib.import_module(package).OPERATIONS[name]
        build = module._get_kwargs
        hints = typing.get_type_hints(build, localns=_ModelNamespace())
        query: dict[str, tuple[str, Any]] = {}
        path_args: list[str] = []
        for param in inspect.signature(build).parameters.values():
            if param.kind is param.POSITIONAL_OR_KEYWORD:
                path_args.append(param.name)
            elif param.name not in ("body", "x_timezone"):  # X-Timezone comes from options
                query[json_name(param.name)] = (param.name, hints[param.name])
        placeholders = tuple(re.findall(r"{([^{}]+)}", path))
        return cls(module, method, path, query, tuple(path_args), placeholders)


_operations: dict[str, Operation] = {}


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

    def replace(self, **changes: Any) -> Call[T]:
        """This call with some fields changed."""
        return dataclasses.replace(self, **changes)

    @property
    def paged(self) -> bool:
        """Whether the answer is a page of ``items`` with a ``cursor``."""
        return _is_page(self.result)

    def streaming(self) -> Call[T]:
        """This call, asking for a JSON Lines stream."""
        if self.events is None:
            raise TypeError(f"{self.method} {self.url} cannot be streamed")
        return self.replace(headers=merge_headers(self.headers, {"Accept": "application/jsonl"}))

    def next_page(self, cursor: str) -> Call[T]:
        """This call, for the page after the one that returned ``cursor``."""
        return self.replace(params={**(self.params or {}), "cursor": cursor})

    @property
    def cache_key(self) -> tuple[str, str]:
        query = str(httpx.QueryParams(self.params)) if self.params else ""
        return self.method, f"{self.url}?{query}" if query else self.url


_pages: dict[type, bool] = {}


def _is_page(cls: type) -> bool:
    found = _pages.get(cls)
    if found is None:
        import attrs

        names = attrs.fields_dict(cls) if attrs.has(cls) else {}
        found = _pages[cls] = "items" in names and "cursor" in names
    return found


def _query_value(name: str, hint: Any, value: Any) -> Any:
    """A query value in the form the generated function expects, or TypeError/ValueError."""
    import attrs
    from chatbotkit_api.types import Unset

    options = [a for a in get_args(hint) if a is not Unset] or [hint]
    if datetime.datetime in options:
        return _as_datetime(name, value)
    model = next((o for o in options if isinstance(o, type) and attrs.has(o)), None)
    try:
        checker_for(model or hint)(value, name, True)
    except Invalid as exc:
        raise (ValueError if "expected one of" in exc.problem else TypeError)(str(exc)) from None
    return model.from_dict(value) if model is not None else value  # type: ignore[attr-defined]


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
        self,
        module: ModuleType,
        result: type[T],
        *ids: str,
        options: RequestOptions,
        query: Mapping[str, Any] | None = None,
        body: tuple[type, Any] | None = None,
        stream: type | None = None,
        long: bool = False,
    ) -> Call[T]:
        """Everything needed to send one operation; raises before any I/O if misused."""
        op = Operation.of(module)
        if options and not options.keys() <= _OPTION_NAMES:
            unknown = options.keys() - _OPTION_NAMES
            raise TypeError(f"unknown option(s): {', '.join(sorted(unknown))}")
        url = self.options.url(op.path, dict(zip(op.placeholders, ids, strict=True)))
        params = self._params(op, query) if op.query else None
        if query and not op.query:
            raise TypeError(f"{module.__name__.rsplit('.', 1)[1]} takes no query parameters")
        timeout: Any = options.get("timeout", self.options.timeout)
        if isinstance(timeout, NotGiven):
            timeout = LONG_TIMEOUT if long else DEFAULT_TIMEOUT
        elif "timeout" in options:
            timeout = check_timeout(timeout)
        retries = options.get("retries", self.options.retries)
        if isinstance(retries, bool) or not isinstance(retries, int) or retries < 0:
            raise ValueError(f"retries: expected an integer >= 0, got {retries!r}")
        extra = options.get("extra_headers")
        return Call(
            method=op.method,
            url=url,
            headers=self.options.headers_for(extra) if extra else self.headers,
            params=params,
            json=self._body(*body) if body is not None else None,
            result=result,
            timeout=timeout,
            retries=retries,
            retry_delay=self.options.retry_delay,
            retry_timeout=self.options.retry_timeout,
            events=events_for(stream) if stream is not None else None,
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
            if not attrs.has(type(target)):
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
            strict = False  # its extra keys were put there on purpose
        elif isinstance(value, Mapping):
            data, strict = dict(value), True
        else:
            raise TypeError(f"request must be a {model.__name__} or a mapping, not {type(value).__name__}")
        try:
            check_model(model, data, strict=strict)
        except Invalid as exc:
            error = ValueError if "expected one of" in exc.problem else TypeError
            raise error(f"{model.__name__}.{exc}" if exc.path else f"{model.__name__}: {exc}") from None
        return data

    @staticmethod
    def _params(op: Operation, query: Mapping[str, Any] | None) -> dict[str, Any]:
        if query is None:
            query = {}
        if not isinstance(query, Mapping):
            raise TypeError(f"the query must be a mapping, not {type(query).__name__}")
        kwargs: dict[str, Any] = {}
        for key, value in query.items():
            if key not in op.query:
                known = ", ".join(sorted(op.query))
                raise TypeError(f"unknown query parameter {key!r} (expected one of: {known})")
            if value is None:
                continue
            python_name, hint = op.query[key]
            kwargs[python_name] = _query_value(key, hint, value)
        placeholders = dict.fromkeys(op.path_args, "-")
        params: dict[str, Any] = op.module._get_kwargs(**placeholders, **kwargs).get("params", {})
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
        if call.paged and isinstance(data, dict) and data.get("cursor") is None:
            # The last page may come without a cursor; read it as "" (no next page).
            data["cursor"] = ""
        try:
            check_model(call.result, data, strict=False)
            return call.result.from_dict(data)  # type: ignore[attr-defined, no-any-return]
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
            message = body.get("message") if isinstance(body.get("message"), str) else None
            code = body.get("code") if isinstance(body.get("code"), str) else None
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
