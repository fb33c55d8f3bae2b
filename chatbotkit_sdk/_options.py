"""Client options: checked once when a client is made, immutable afterwards."""

from __future__ import annotations

import dataclasses
import functools
import os
import re
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any, cast
from urllib.parse import quote, urlsplit, urlunsplit

import httpx

from ._exceptions import ChatBotKitError
from ._types import NOT_GIVEN, NotGiven

__all__ = ["DEFAULT_BASE_URL", "ClientOptions", "encode_segment"]

DEFAULT_BASE_URL = "https://api.chatbotkit.com"
SECRET_ENV = "CHATBOTKIT_API_SECRET"
#: Where the clients send requests when neither ``base_url`` nor ``host`` is given
#: (as ``OPENAI_BASE_URL`` does for openai-python): e.g. a fake or a proxy.
BASE_URL_ENV = "CHATBOTKIT_BASE_URL"
#: The official API serves /v1/...; other hosts (proxies, the fake) serve /api/v1/...
OFFICIAL_HOST = "api.chatbotkit.com"

_HEADER_NAME = re.compile(r"^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$")
_BAD_HEADER_VALUE = re.compile(r"[\r\n\x00]")
#: host[:port]; also keeps user info ("user:pass@") out, which would leak into logs
_NETLOC = re.compile(r"^[A-Za-z0-9.\-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$")
_PLACEHOLDER = re.compile(r"{([^{}]+)}")
#: Ids that are their own percent-encoding (most are): no need to call quote().
_PLAIN_SEGMENT = re.compile(r"[A-Za-z0-9_~-]+")


def _frozen_map(value: Mapping[str, str]) -> Mapping[str, str]:
    return MappingProxyType(dict(value))


def merge_headers(*layers: Mapping[str, str] | None) -> dict[str, str]:
    """Later layers win; header names compare case-insensitively, as HTTP says."""
    merged: dict[str, tuple[str, str]] = {}
    for layer in layers:
        for name, value in (layer or {}).items():
            merged[name.lower()] = (name, value)
    return dict(merged.values())


def _check_header(name: Any, value: Any, field: str) -> None:
    if not isinstance(name, str) or not _HEADER_NAME.match(name):
        raise ValueError(f"{field}: {name!r} is not a valid header name")
    if not isinstance(value, str):
        raise TypeError(f"{field}[{name!r}]: header values must be strings, got {value!r}")
    if _BAD_HEADER_VALUE.search(value):
        raise ValueError(f"{field}[{name!r}]: header value contains CR, LF or NUL")
    if not value.isascii():  # httpx sends header values as ASCII
        raise ValueError(f"{field}[{name!r}]: header value must be ASCII")


def check_headers(headers: Any, field: str) -> Mapping[str, str]:
    """A read-only copy of ``headers`` after checking every name and value."""
    if headers is None:
        return MappingProxyType({})
    if not isinstance(headers, Mapping):
        raise TypeError(f"{field} must be a mapping of header names to strings")
    checked = cast("Mapping[str, str]", headers)  # each name and value is checked just below
    for name, value in checked.items():
        _check_header(name, value, field)
    return _frozen_map(checked)


def _check_timezone(name: str) -> None:
    from dateutil import tz  # here, not at import: only a timezone option needs it

    # gettz also accepts file paths and falls back to the local zone for ""; neither
    # is a time zone *name* the API understands.
    if not name or name.startswith("/") or ".." in name.split("/"):
        raise ValueError(f"timezone: {name!r} is not an IANA time zone name")
    zone = tz.gettz(name)
    # gettz also parses POSIX TZ strings ("Foo+3") into tzstr; only database zones count.
    if not isinstance(zone, tz.tzfile | tz.tzutc):
        raise ValueError(f"timezone: unknown time zone {name!r} (expected e.g. 'Europe/London')")


def check_timeout(value: Any, field: str = "timeout") -> httpx.Timeout | None:
    if value is None or isinstance(value, httpx.Timeout):
        return value
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
        raise ValueError(f"{field}: expected seconds > 0, an httpx.Timeout or None, got {value!r}")
    return httpx.Timeout(float(value), connect=min(float(value), 5.0))


def encode_segment(value: Any, name: str) -> str:
    """One path segment, percent-encoded so that no id can reach another endpoint."""
    if type(value) is str and _PLAIN_SEGMENT.fullmatch(value):
        return value
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a string, got {type(value).__name__}")
    if not value:
        raise ValueError(f"{name} must not be empty")
    encoded = quote(value, safe="")
    # "." and ".." are unreserved, so quote() keeps them; as whole segments they
    # would be resolved away by URL normalisation.
    if encoded in (".", ".."):
        encoded = encoded.replace(".", "%2E")
    return encoded


def _option_str(field: str, value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise TypeError(f"{field} must be a string, got {type(value).__name__}")
    _check_header(field, value, field)
    return value


def _same(value: Any) -> Any:
    return value


def _empty_map() -> Mapping[str, str]:
    return _frozen_map({})


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True, repr=False)
class ClientOptions:
    """Everything a client was configured with. ``repr`` never shows the secret."""

    secret: str = dataclasses.field(repr=False)
    base_url: str = DEFAULT_BASE_URL
    host: str | None = None
    protocol: str | None = None
    endpoints: Mapping[str, str] = dataclasses.field(default_factory=_empty_map, metadata={"show": dict})
    run_as_user_id: str | None = None
    run_as_child_user_email: str | None = None
    timezone: str | None = None
    # Header values may hold credentials of their own; show only the names.
    headers: Mapping[str, str] = dataclasses.field(default_factory=_empty_map, metadata={"show": sorted})
    #: NOT_GIVEN: each operation's own default (long for completions); None: no limit.
    timeout: httpx.Timeout | NotGiven | None = NOT_GIVEN
    retries: int = 3
    retry_delay: float = 0.25
    retry_timeout: bool = False
    origin: str = dataclasses.field(init=False, repr=False)
    official: bool = dataclasses.field(init=False, repr=False)

    def __repr__(self) -> str:
        shown = (
            f"{f.name}={f.metadata.get('show', _same)(getattr(self, f.name))!r}"
            for f in dataclasses.fields(self)
            if f.repr
        )
        return f"ClientOptions({', '.join(shown)})"

    def __post_init__(self) -> None:
        parts = urlsplit(self.base_url)
        scheme = (self.protocol or parts.scheme).rstrip(":")
        netloc = self.host or parts.netloc
        if scheme not in ("http", "https"):
            raise ValueError(f"protocol: expected 'http' or 'https', got {scheme!r}")
        origin = urlunsplit((scheme, netloc, parts.path.rstrip("/"), "", ""))
        try:
            checked = httpx.URL(origin)
        except httpx.InvalidURL as exc:
            raise ValueError(f"host/base_url: {origin!r} is not a valid URL ({exc})") from None
        if not checked.host or not _NETLOC.match(netloc):  # credentials in the URL would leak into logs
            raise ValueError(f"host/base_url: {origin!r} needs a host and no user info")
        object.__setattr__(self, "origin", origin)
        object.__setattr__(self, "official", (urlsplit(self.origin).hostname or "") == OFFICIAL_HOST)

    @classmethod
    def create(cls, **given: Any) -> ClientOptions:
        """Options from the constructor arguments that were given, checked."""
        values = dict(given)
        secret = _check_secret(values.pop("secret", None) or os.environ.get(SECRET_ENV))
        from_env = os.environ.get(BASE_URL_ENV)
        if from_env and values.get("base_url") is None and values.get("host") is None:
            try:
                cls(secret=secret, base_url=_url_part("base_url", from_env))  # the URL alone
            except (TypeError, ValueError) as exc:
                raise ValueError(f"the {BASE_URL_ENV} environment variable: {exc}") from None
            values["base_url"] = from_env
        return cls(secret=secret, **_checked(values))

    def extend(self, **changes: Any) -> ClientOptions:
        """New options: ``headers`` and ``endpoints`` merged key by key, the rest replaced."""
        values = dict(changes)
        secret = values.pop("secret", None)
        checked = _checked(values)
        if "headers" in checked:
            checked["headers"] = _frozen_map(merge_headers(self.headers, checked["headers"]))
        if "endpoints" in checked:
            checked["endpoints"] = _frozen_map({**self.endpoints, **checked["endpoints"]})
        if secret is not None:
            checked["secret"] = _check_secret(secret)
        return dataclasses.replace(self, **checked)

    # --- request building (no I/O) ---------------------------------------------

    def url(self, template: str, path_params: Mapping[str, Any]) -> str:
        """The URL for a spec path such as ``/conversation/{conversationId}/fetch``."""
        key = "/api/v1" + template
        target = self.endpoints.get(key, key)
        literals, names = _split_template(target)
        parts = [literals[0]]
        for name, literal in zip(names, literals[1:], strict=True):
            if name not in path_params:
                raise ValueError(f"endpoint override for {key} uses unknown {{{name}}}")
            parts += (encode_segment(path_params[name], name), literal)
        path = "".join(parts)
        if "://" in path:
            return path
        if self.official and path.startswith("/api/"):
            path = path[len("/api") :]
        return self.origin + path

    def headers_for(self, extra: Mapping[str, str] | None) -> dict[str, str]:
        """Our headers, then the client's ``headers``, then the call's ``extra_headers``."""
        own = {"Authorization": f"Bearer {self.secret}"}
        if self.run_as_user_id is not None:
            own["X-RunAs-User-Id"] = self.run_as_user_id
        if self.run_as_child_user_email is not None:
            own["X-RunAs-Child-User-Email"] = self.run_as_child_user_email
        if self.timezone is not None:
            own["X-Timezone"] = self.timezone
        if not extra and not self.headers:
            return own
        return merge_headers(own, self.headers, check_headers(extra, "extra_headers") if extra else None)


@functools.lru_cache(maxsize=512)
def _split_template(template: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """``/a/{x}/b`` -> (("/a/", "/b"), ("x",)): the text around each placeholder, and their names."""
    pieces = _PLACEHOLDER.split(template)
    return tuple(pieces[0::2]), tuple(pieces[1::2])


def _check_secret(secret: Any) -> str:
    if not secret:
        raise ChatBotKitError(f"No API secret: pass secret=... or set the {SECRET_ENV} environment variable.")
    if not isinstance(secret, str):
        raise TypeError(f"secret must be a string, got {type(secret).__name__}")
    if _BAD_HEADER_VALUE.search(secret) or not secret.isascii():
        raise ValueError("secret must be ASCII without CR, LF or NUL")
    return secret


def _url_part(name: str, value: Any) -> str:
    if not isinstance(value, str) or not value:
        raise TypeError(f"{name} must be a non-empty string")
    if name == "base_url":
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError(f"base_url: expected an http(s) URL, got {value!r}")
    return value


def _timezone(name: str, value: Any) -> str | None:
    checked = _option_str(name, value)
    if checked is not None:
        _check_timezone(checked)
    return checked


def _endpoints(name: str, value: Any) -> Mapping[str, str]:
    paths = cast("Mapping[object, object]", value) if isinstance(value, Mapping) else None
    if paths is None or not all(isinstance(k, str) and isinstance(v, str) for k, v in paths.items()):
        raise TypeError("endpoints must map templated paths to URL strings")
    return _frozen_map(cast("Mapping[str, str]", paths))


def _retries(name: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"{name}: expected an integer >= 0, got {value!r}")
    return value


def _delay(name: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        raise ValueError(f"{name}: expected seconds >= 0, got {value!r}")
    return float(value)


def _flag(name: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"{name} must be a bool, got {value!r}")
    return value


def _timeout(name: str, value: Any) -> httpx.Timeout | NotGiven | None:
    return value if isinstance(value, NotGiven) else check_timeout(value, name)


#: How each option (other than the secret) is checked and normalised.
_CHECKS: dict[str, Callable[[str, Any], Any]] = {
    "base_url": _url_part,
    "host": _url_part,
    "protocol": _url_part,
    "endpoints": _endpoints,
    "run_as_user_id": _option_str,
    "run_as_child_user_email": _option_str,
    "timezone": _timezone,
    "headers": lambda name, value: check_headers(value, name),
    "timeout": _timeout,
    "retries": _retries,
    "retry_delay": _delay,
    "retry_timeout": _flag,
}


def _checked(values: dict[str, Any]) -> dict[str, Any]:
    unknown = sorted(set(values) - set(_CHECKS))
    if unknown:
        raise TypeError(f"unknown client option(s): {', '.join(unknown)}")
    return {name: _CHECKS[name](name, value) for name, value in values.items()}
