"""Errors (``chatbotkit_sdk/_exceptions.py``): each status becomes its typed error with the
API's code and message, transport failures become SDK errors, and none shows the secret.
Sync and async, against ``httpx.MockTransport``.
"""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest

from chatbotkit_sdk import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ChatBotKitError,
    ConflictError,
    InternalServerError,
    NotFoundError,
    PaymentRequiredError,
    PermissionDeniedError,
    RateLimitError,
    UnprocessableEntityError,
)
from tests.helpers import CONVERSATION, SECRET, Harness, leaks, sequence

SECRET_ENV = "CHATBOTKIT_API_SECRET"
OFFICIAL = "https://api.chatbotkit.com"


# --- status errors ----------------------------------------------------------------------

STATUSES = [
    (400, BadRequestError, "BAD_REQUEST"),
    (401, AuthenticationError, "NOT_AUTHENTICATED"),
    (402, PaymentRequiredError, "NO_SUBSCRIPTION"),
    (403, PermissionDeniedError, "NOT_AUTHORIZED"),
    (404, NotFoundError, "NOT_FOUND"),
    (409, ConflictError, "CONFLICT"),
    (413, APIStatusError, "CONTENT_TOO_LARGE"),
    (422, UnprocessableEntityError, "UNPROCESSABLE_ENTITY"),
    (429, RateLimitError, "TOO_MANY_REQUESTS"),
    (500, InternalServerError, "INTERNAL_SERVER_ERROR"),
    (502, InternalServerError, None),
    (503, InternalServerError, None),
    (504, InternalServerError, None),
]

BODIES: dict[str, Callable[[int], httpx.Response]] = {
    "json": lambda status: httpx.Response(
        status, json={"message": "Conversation cnv_1 is busy", "code": "CONVERSATION_BUSY"}
    ),
    "empty": httpx.Response,
    "text": lambda status: httpx.Response(status, text="upstream said no"),
    "json-without-keys": lambda status: httpx.Response(status, json={"error": "nope"}),
}


@pytest.mark.parametrize("kind", list(BODIES))
@pytest.mark.parametrize(("status", "error_class", "fallback"), STATUSES, ids=[str(s[0]) for s in STATUSES])
def test_status_errors(
    make: Callable[..., Harness],
    status: int,
    error_class: type[APIStatusError],
    fallback: str | None,
    kind: str,
) -> None:
    h = make(lambda request: BODIES[kind](status), retries=0)
    with pytest.raises(APIStatusError) as caught:
        h.run(lambda c: c.update("cnv_1", {"name": "x"}))
    err = caught.value

    assert type(err) is error_class
    assert isinstance(err, ChatBotKitError)
    assert len(h.requests) == 1
    assert err.status_code == status
    assert isinstance(err.response, httpx.Response)
    assert err.response.status_code == status
    if kind == "json":
        assert err.code == "CONVERSATION_BUSY"
        assert err.message == "Conversation cnv_1 is busy"
        assert err.body == {"message": "Conversation cnv_1 is busy", "code": "CONVERSATION_BUSY"}
    else:
        assert isinstance(err.code, str)
        assert err.code
        if fallback is not None:
            assert err.code == fallback
        assert isinstance(err.message, str)
        assert err.message
    if kind == "text":
        assert err.body == "upstream said no"
        assert "upstream said no" in err.message
    if kind == "json-without-keys":
        assert err.body == {"error": "nope"}
    if kind == "empty":
        assert not err.body
    for text in (str(err), repr(err)):
        assert SECRET not in text
    assert not leaks(err.response.request.headers)
    assert err.response.request.headers["authorization"] == "[redacted]"


def test_the_secret_was_sent_although_errors_hide_it(make: Callable[..., Harness]) -> None:
    h = make(lambda request: httpx.Response(401, json={"message": "bad key"}), retries=0)
    with pytest.raises(AuthenticationError) as caught:
        h.run(lambda c: c.fetch("cnv_1"))
    assert h.last.headers["authorization"] == f"Bearer {SECRET}"
    err = caught.value
    assert err.code == "NOT_AUTHENTICATED"
    assert err.message == "bad key"
    assert SECRET not in str(err)
    assert SECRET not in repr(err)
    assert err.request is not None
    assert err.request.headers["authorization"] == "[redacted]"
    assert err.response.request.headers["authorization"] == "[redacted]"


def test_repr_of_a_client_hides_the_secret(make: Callable[..., Harness]) -> None:
    client = make(secret=SECRET, run_as_user_id="usr_1").client
    assert SECRET not in repr(client)
    assert "usr_1" in repr(client)  # the repr does show options
    extended = client.extend(secret="sk_second_secret_value")
    assert "sk_second_secret_value" not in repr(extended)
    assert SECRET not in repr(extended)


# --- transport errors -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raised", "expected"),
    [
        (httpx.ConnectError("connection refused"), APIConnectionError),
        (httpx.ReadError("connection reset by peer"), APIConnectionError),
        (httpx.RemoteProtocolError("server disconnected"), APIConnectionError),
        (httpx.ReadTimeout("timed out"), APITimeoutError),
        (httpx.ConnectTimeout("timed out"), APITimeoutError),
    ],
    ids=["connect", "read", "protocol", "read-timeout", "connect-timeout"],
)
def test_transport_errors_become_sdk_errors(
    make: Callable[..., Harness], raised: httpx.HTTPError, expected: type[APIConnectionError]
) -> None:
    h = make(lambda request: raised, retries=0)
    with pytest.raises(APIConnectionError) as caught:
        h.run(lambda c: c.fetch("cnv_1"))
    err = caught.value
    assert type(err) is expected
    assert not isinstance(err, httpx.HTTPError)
    assert len(h.requests) == 1
    assert err.request is not None
    assert err.request.url.path == "/v1/conversation/cnv_1/fetch"
    assert err.request.headers["authorization"] == "[redacted]"
    assert not leaks(err.request.headers)
    assert SECRET not in str(err)
    assert SECRET not in repr(err)


def test_a_connect_error_then_success_is_retried(make: Callable[..., Harness]) -> None:
    h = make(sequence(httpx.ConnectError("refused"), httpx.Response(200, json=CONVERSATION)))
    assert h.run(lambda c: c.fetch("cnv_1")).id == "cnv_1"
    assert len(h.requests) == 2
