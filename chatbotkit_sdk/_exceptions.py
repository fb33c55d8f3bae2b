"""Every error the SDK raises. Catch ``ChatBotKitError`` to catch them all.

    ChatBotKitError
     └── APIError                      something went wrong talking to the API
          ├── APIStatusError           the API answered with a non-2xx status
          │    ├── BadRequestError              400
          │    ├── AuthenticationError          401
          │    ├── PaymentRequiredError         402
          │    ├── PermissionDeniedError        403
          │    ├── NotFoundError                404
          │    ├── ConflictError                409
          │    ├── UnprocessableEntityError     422
          │    ├── RateLimitError               429
          │    └── InternalServerError          >= 500
          ├── APIConnectionError       no usable answer: refused, reset, dropped, ...
          │    └── APITimeoutError     ... or too slow
          ├── ResponseValidationError  a 2xx answer that does not fit the spec's model
          │    └── StreamDecodeError   a stream line that is not a JSON event
          └── StreamError              an ``error`` event in a stream, or no ``result``

Arguments are checked before anything is sent; a wrong one raises the built-in
``TypeError`` or ``ValueError``, naming the field, never one of these.

A status error carries ``status_code``, ``code`` and ``message`` (from the API's
``{"message", "code"}`` body, or derived from the status when the body has none),
the decoded ``body`` and the ``httpx.Response``. The request recorded on an error
has its credentials removed.
"""

from __future__ import annotations

from typing import Any

import httpx

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ChatBotKitError",
    "ConflictError",
    "InternalServerError",
    "NotFoundError",
    "PaymentRequiredError",
    "PermissionDeniedError",
    "RateLimitError",
    "ResponseValidationError",
    "StreamDecodeError",
    "StreamError",
    "UnprocessableEntityError",
]


class ChatBotKitError(Exception):
    """Base class of every error this SDK raises on purpose."""


class APIError(ChatBotKitError):
    """A request was sent (or tried) and did not produce a usable answer."""

    message: str
    """What went wrong: the API's ``message``, or a description of the failure."""
    request: httpx.Request | None
    """The request, with its ``Authorization`` header reading ``[redacted]``."""

    def __init__(self, message: str, *, request: httpx.Request | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.request = request


class APIStatusError(APIError):
    """The API answered with a non-2xx status."""

    status_code: int
    """The HTTP status of the answer."""
    code: str
    """The API's error code (``NOT_FOUND``, ...), or one derived from the status."""
    body: Any
    """The answer's body: parsed JSON, the text when it was not JSON, ``None`` when empty."""
    response: httpx.Response
    """The answer itself."""

    def __init__(self, message: str, *, code: str, body: Any, response: httpx.Response) -> None:
        super().__init__(message, request=response.request)
        self.status_code = response.status_code
        self.code = code
        self.body = body
        self.response = response

    def __str__(self) -> str:
        return f"{self.status_code} {self.code}: {self.message}"

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(status_code={self.status_code}, code={self.code!r}, "
            f"message={self.message!r})"
        )


class BadRequestError(APIStatusError):
    """400: the API rejected the request's content."""


class AuthenticationError(APIStatusError):
    """401: the secret or session token is missing, wrong or expired."""


class PaymentRequiredError(APIStatusError):
    """402: the account has no subscription that covers this."""


class PermissionDeniedError(APIStatusError):
    """403: the credentials may not do this."""


class NotFoundError(APIStatusError):
    """404: no such conversation, message, ... (or not yours)."""


class ConflictError(APIStatusError):
    """409: the request conflicts with the current state."""


class UnprocessableEntityError(APIStatusError):
    """422: well-formed but not acceptable."""


class RateLimitError(APIStatusError):
    """429: too many requests; retried automatically before this is raised."""


class InternalServerError(APIStatusError):
    """5xx: the API failed. 500, 502, 503 and 504 are retried before this is raised; the
    others (501, 505, ...) say the request cannot succeed and are raised at once."""


class APIConnectionError(APIError):
    """No usable answer arrived: connection refused, reset or dropped, bad body bytes."""

    def __init__(self, message: str = "Connection error.", *, request: httpx.Request | None = None) -> None:
        super().__init__(message, request=request)


class APITimeoutError(APIConnectionError):
    """The API did not answer (or stopped sending) within the timeout."""

    def __init__(self, message: str = "Request timed out.", *, request: httpx.Request | None = None) -> None:
        super().__init__(message, request=request)


class ResponseValidationError(APIError):
    """A 2xx answer whose body does not fit the model the spec promises."""

    body: Any
    """What came: the JSON that did not fit, the start of a body that is not JSON, or a stream's line."""
    response: httpx.Response
    """The answer itself."""

    def __init__(self, message: str, *, body: Any, response: httpx.Response) -> None:
        super().__init__(message, request=response.request)
        self.body = body
        self.response = response


class StreamDecodeError(ResponseValidationError):
    """A line of a JSON Lines stream that is not JSON, or not a ``{"type", "data"}`` event."""

    line: str
    """The line that could not be read as an event."""

    def __init__(self, message: str, *, line: str, response: httpx.Response) -> None:
        super().__init__(message, body=line, response=response)
        self.line = line


class StreamError(APIError):
    """The API reported an error inside a stream (an ``error`` event), or the stream
    ended without the ``result`` event that ``final_result()`` waits for."""

    data: Any
    """The ``error`` event's ``data`` as the API sent it (``None`` for a missing ``result``)."""

    def __init__(self, message: str, *, data: Any = None, request: httpx.Request | None = None):
        super().__init__(message, request=request)
        self.data = data


_REDACTED = "[redacted]"
_SECRET_HEADERS = ("authorization", "proxy-authorization")


def redacted(request: httpx.Request) -> httpx.Request:
    """A copy of ``request`` for errors and logs, without its credentials.

    Every error we raise carries only such copies: in ``error.request``, in
    ``error.response.request``, and in the chained httpx exception's ``request``.
    """
    headers = httpx.Headers(request.headers)
    for name in _SECRET_HEADERS:
        if name in headers:
            headers[name] = _REDACTED
    copy = httpx.Request(request.method, request.url, headers=headers)
    copy.extensions = dict(request.extensions)
    return copy


def connection_error(exc: Exception, request: httpx.Request) -> APIConnectionError:
    """Our error for an httpx transport failure; the httpx error keeps only a redacted request."""
    safe = redacted(request)
    if isinstance(exc, httpx.RequestError):
        exc.request = safe  # it stays reachable as the error's __cause__
    if isinstance(exc, httpx.TimeoutException):
        return APITimeoutError(f"{request.method} {request.url} timed out", request=safe)
    reason = str(exc) or type(exc).__name__
    return APIConnectionError(f"{request.method} {request.url} failed: {reason}", request=safe)


#: The class and the fallback ``code`` for each status, as the official SDK derives them.
STATUS_ERRORS: dict[int, tuple[type[APIStatusError], str]] = {
    400: (BadRequestError, "BAD_REQUEST"),
    401: (AuthenticationError, "NOT_AUTHENTICATED"),
    402: (PaymentRequiredError, "NO_SUBSCRIPTION"),
    403: (PermissionDeniedError, "NOT_AUTHORIZED"),
    404: (NotFoundError, "NOT_FOUND"),
    405: (APIStatusError, "METHOD_NOT_ALLOWED"),
    408: (APIStatusError, "REQUEST_TIMEOUT"),
    409: (ConflictError, "CONFLICT"),
    413: (APIStatusError, "CONTENT_TOO_LARGE"),
    422: (UnprocessableEntityError, "UNPROCESSABLE_ENTITY"),
    429: (RateLimitError, "TOO_MANY_REQUESTS"),
    500: (InternalServerError, "INTERNAL_SERVER_ERROR"),
    501: (InternalServerError, "NOT_IMPLEMENTED"),
    502: (InternalServerError, "BAD_GATEWAY"),
    503: (InternalServerError, "SERVICE_UNAVAILABLE"),
    504: (InternalServerError, "GATEWAY_TIMEOUT"),
}


def status_error_class(status: int) -> tuple[type[APIStatusError], str]:
    """The error class and fallback code for a non-2xx status."""
    known = STATUS_ERRORS.get(status)
    if known is not None:
        return known
    if status >= 500:
        return InternalServerError, "INTERNAL_SERVER_ERROR"
    return APIStatusError, "UNKNOWN_ERROR"
