"""Hostile input, as hypothesis properties (bounded for CI: a few hundred examples in all).

1. Requests: any mapping given as the request of a body-taking method (values may hold
   what JSON cannot: NaN, infinities, lone surrogates) either becomes a request (which the
   transport receives, with exactly that JSON) or raises ``TypeError``/``ValueError``
   naming a field, with nothing sent.
2. Answers: any JSON as a 200 body, and every mutation of a valid body, either parses into
   the operation's model or raises ``ResponseValidationError``; never a raw ``KeyError``,
   ``TypeError``, ``AttributeError`` or ``ValueError``.
3. Streams: any chunking of a stream, valid or not (garbage lines, invalid UTF-8, a body cut
   short, a dropped connection) gives the same events as the whole body, then the same
   typed error at the same point.

And the server's ``Retry-After`` headers: whatever they say, the client waits at most 60 s,
never a negative or infinite time, and never fails on them.
"""

from __future__ import annotations

import asyncio
import datetime
import json
import math
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

import attrs
import chatbotkit_api.models
import httpx
import pytest
from chatbotkit_api.operations import MODELS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import chatbotkit_sdk._resource
from chatbotkit_sdk import (
    APIConnectionError,
    AsyncConversationClient,
    ChatBotKitError,
    ConversationClient,
    RateLimitError,
    ResponseValidationError,
    StreamDecodeError,
    StreamError,
    UnknownEvent,
    models,
)
from chatbotkit_sdk._core import MAX_BACKOFF, MAX_RETRY_AFTER
from tests.helpers import Body, run
from tests.sdk.test_methods import CASES, Case
from tests.sdk.test_streaming import COMPLETE_LINES

SECRET = "sk_test_H0stile_Input_5mT2"
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# --- strategies ------------------------------------------------------------------------------

TEXT = st.text(max_size=12)
JSON_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(-(2**63), 2**63)
    | st.floats(allow_nan=False, allow_infinity=False)
    | TEXT
)


def _api_name(cls: type, attribute: str) -> str:
    """The API's name of a generated attribute (``bot_id`` -> ``botId``), from the spec's table."""
    by_attribute = {field.attribute: name for name, field in MODELS[cls.__name__].fields.items()}
    return by_attribute[attribute]


def _field_names(cls: type) -> list[str]:
    return [_api_name(cls, f.name) for f in attrs.fields(cls) if f.name != "additional_properties"]


#: Every field name of every generated model: keys an answer (or a request) plausibly has.
VOCABULARY = sorted(
    {
        name
        for model_name in chatbotkit_api.models.__all__
        if attrs.has(cls := getattr(chatbotkit_api.models, model_name))
        for name in _field_names(cls)
    }
)
KEYS = st.sampled_from(VOCABULARY) | TEXT
JSON = st.recursive(
    JSON_SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=5),
    max_leaves=12,
)


class Transport:
    """A MockTransport answering ``answer(request)``; records every request."""

    def __init__(self, answer: Callable[[httpx.Request], httpx.Response]) -> None:
        self.answer = answer
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return self.answer(request)

    def client(self, mode: str = "sync", **options: Any) -> Any:
        options = {"secret": SECRET, "retries": 0, "retry_delay": 0, **options}
        transport = httpx.MockTransport(self)
        if mode == "sync":
            return ConversationClient(http_client=httpx.Client(transport=transport), **options)
        return AsyncConversationClient(http_client=httpx.AsyncClient(transport=transport), **options)


# --- 1. random mappings as requests ------------------------------------------------------------

T0 = 1732406400000
VALID_ANSWERS: dict[type, dict[str, Any]] = {
    models.ConversationCreateResult: {"id": "cnv_1"},
    models.IdResult: {"id": "cnv_1"},
    models.CompleteResult: {"text": "t", "usage": {"token": 1}, "end": {"reason": "stop"}},
    models.ConversationCompleteResult: {
        "id": "m",
        "text": "t",
        "usage": {"token": 1},
        "end": {"reason": "stop"},
    },
    models.DispatchResult: {"channelId": "ch_000000000000000000000001"},
    models.CompactResult: {"text": "t", "usage": {"token": 1}},
    models.SendResult: {"id": "msg_1", "entities": []},
    models.ReceiveResult: {"id": "msg_2", "text": "t", "usage": {"token": 1}},
    models.MessageCreateResult: {"id": "msg_1", "entities": []},
    models.ConversationSession: {"id": "ses_1", "token": "tok", "expiresAt": T0},
    models.AttachmentUploadResult: {"id": "att_1", "name": "a"},
}


@dataclass(frozen=True)
class BodyMethod:
    name: str
    model: type
    result: type
    call: Callable[[Any, Any], Any]

    def __str__(self) -> str:
        return self.name


BODY_METHODS = [
    BodyMethod(
        "create", models.ConversationCreateRequest, models.ConversationCreateResult, lambda c, b: c.create(b)
    ),
    BodyMethod(
        "update", models.ConversationUpdateRequest, models.IdResult, lambda c, b: c.update("cnv_1", b)
    ),
    BodyMethod(
        "complete(None)", models.CompleteRequest, models.CompleteResult, lambda c, b: c.complete(None, b)
    ),
    BodyMethod(
        "complete(id)",
        models.ConversationCompleteRequest,
        models.ConversationCompleteResult,
        lambda c, b: c.complete("cnv_1", b),
    ),
    BodyMethod(
        "dispatch(None)", models.DispatchRequest, models.DispatchResult, lambda c, b: c.dispatch(None, b)
    ),
    BodyMethod(
        "dispatch(id)",
        models.ConversationDispatchRequest,
        models.DispatchResult,
        lambda c, b: c.dispatch("cnv_1", b),
    ),
    BodyMethod("compact(None)", models.CompactRequest, models.CompactResult, lambda c, b: c.compact(None, b)),
    BodyMethod("send", models.SendRequest, models.SendResult, lambda c, b: c.send("cnv_1", b)),
    BodyMethod("receive", models.ReceiveRequest, models.ReceiveResult, lambda c, b: c.receive("cnv_1", b)),
    BodyMethod("upvote", models.UpvoteRequest, models.IdResult, lambda c, b: c.upvote("cnv_1", b)),
    BodyMethod("downvote", models.DownvoteRequest, models.IdResult, lambda c, b: c.downvote("cnv_1", b)),
    BodyMethod(
        "message.create",
        models.MessageCreateRequest,
        models.MessageCreateResult,
        lambda c, b: c.message.create("cnv_1", b),
    ),
    BodyMethod(
        "message.update",
        models.MessageUpdateRequest,
        models.IdResult,
        lambda c, b: c.message.update("cnv_1", "msg_1", b),
    ),
    BodyMethod(
        "message.upvote",
        models.UpvoteRequest,
        models.IdResult,
        lambda c, b: c.message.upvote("cnv_1", "msg_1", b),
    ),
    BodyMethod(
        "session.create",
        models.SessionCreateRequest,
        models.ConversationSession,
        lambda c, b: c.session.create("cnv_1", b),
    ),
    BodyMethod(
        "attachment.upload",
        models.AttachmentUploadRequest,
        models.AttachmentUploadResult,
        lambda c, b: c.attachment.upload("cnv_1", b),
    ),
    BodyMethod(
        "contact.upsert",
        models.ContactUpsertRequest,
        models.IdResult,
        lambda c, b: c.contact.upsert("cnv_1", b),
    ),
]

BY_NAME = {method.name: method for method in BODY_METHODS}


def _required(cls: type) -> list[str]:
    return [_api_name(cls, f.name) for f in attrs.fields(cls) if f.default is attrs.NOTHING]


#: Request values may also hold what JSON cannot: NaN, infinities, lone surrogates (in
#: strings and in the keys of nested objects).
SURROGATES = st.sampled_from(["\ud800", "tail \udcff"])
REQUEST_VALUES = st.recursive(
    JSON_SCALARS
    | st.sampled_from([math.nan, math.inf, -math.inf])
    | SURROGATES
    | st.text(st.characters(exclude_categories=()), max_size=12),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS | SURROGATES, inner, max_size=5),
    max_leaves=12,
)


def _requests_for(method: BodyMethod) -> st.SearchStrategy[dict[str, Any]]:
    # The empty key has no path to start a message with: test_an_empty_key_is_named checks it.
    keys = st.sampled_from(_field_names(method.model)) | TEXT.filter(bool)
    return st.dictionaries(keys, REQUEST_VALUES, max_size=5)


def check_request_property(method: BodyMethod, request: dict[str, Any], mode: str) -> None:
    transport = Transport(lambda r: httpx.Response(200, json=VALID_ANSWERS[method.result]))
    client = transport.client(mode)
    refused: TypeError | ValueError | None = None
    try:
        result = run(method.call(client, request))
    except (TypeError, ValueError) as exc:
        refused = exc
    if refused is None:
        assert isinstance(result, method.result)
        assert len(transport.requests) == 1
        assert json.loads(transport.requests[0].content) == request
        return
    assert type(refused) in (TypeError, ValueError), repr(refused)  # not a subclass such as UnicodeError
    assert transport.requests == []
    message = str(refused)
    prefix = f"{method.model.__name__}."
    assert message.startswith(prefix), message
    rest = message[len(prefix) :]
    named = [*request, *_required(method.model)]
    assert any(
        rest.startswith(name) and rest[len(name) : len(name) + 1] in (":", ".", "[") for name in named
    ), message


@pytest.mark.parametrize("method", BODY_METHODS, ids=str)
@SETTINGS
@given(data=st.data())
def test_any_mapping_is_sent_as_is_or_refused_naming_a_field(method: BodyMethod, data: st.DataObject) -> None:
    check_request_property(method, data.draw(_requests_for(method), label="request"), "sync")


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_any_mapping_through_the_async_client(data: st.DataObject) -> None:
    method = data.draw(st.sampled_from(BODY_METHODS), label="method")
    check_request_property(method, data.draw(_requests_for(method), label="request"), "async")


@pytest.mark.parametrize("method", [BY_NAME["create"], BY_NAME["upvote"]], ids=str)
def test_an_empty_key_is_named(method: BodyMethod) -> None:
    """An empty key has no path to put first in the message; the message must still show it."""
    transport = Transport(lambda r: httpx.Response(200, json=VALID_ANSWERS[method.result]))
    with pytest.raises(TypeError) as caught:
        run(method.call(transport.client(), {"": None}))
    assert transport.requests == []
    assert "''" in str(caught.value)


#: Values no JSON body can hold, each where a request model accepts "anything" or a number.
NOT_JSON = [
    pytest.param(BY_NAME["session.create"], {"durationInSeconds": math.nan}, "durationInSeconds", id="nan"),
    pytest.param(BY_NAME["session.create"], {"durationInSeconds": -math.inf}, "durationInSeconds", id="-inf"),
    pytest.param(BY_NAME["update"], {"meta": {"score": math.nan}}, "meta.score", id="nan-in-meta"),
    pytest.param(BY_NAME["update"], {"meta": {"tags": {"a", "b"}}}, "meta.tags", id="set-in-meta"),
    pytest.param(BY_NAME["update"], {"meta": {"blob": b"\x00\x01"}}, "meta.blob", id="bytes-in-meta"),
    pytest.param(BY_NAME["update"], {"meta": {"at": object()}}, "meta.at", id="object-in-meta"),
    pytest.param(BY_NAME["update"], {"name": "lone \ud800 surrogate"}, "name", id="surrogate"),
    pytest.param(
        BY_NAME["create"],
        {"messages": [{"type": "user", "text": "\udcff"}]},
        "messages[0].text",
        id="nested-surrogate",
    ),
    pytest.param(
        BY_NAME["update"],
        {"meta": {"\udcff": "key is a lone surrogate"}},
        "meta",
        id="surrogate-key-in-meta",
    ),
]


@pytest.mark.parametrize(("method", "request_body", "field"), NOT_JSON)
def test_a_value_json_cannot_hold_is_refused_naming_the_field(
    method: BodyMethod, request_body: dict[str, Any], field: str
) -> None:
    transport = Transport(lambda r: httpx.Response(200, json=VALID_ANSWERS[method.result]))
    with pytest.raises((TypeError, ValueError)) as caught:
        run(method.call(transport.client(), request_body))
    assert transport.requests == []
    assert type(caught.value) in (TypeError, ValueError), repr(caught.value)
    assert f"{method.model.__name__}.{field}" in str(caught.value)


# --- 2. random and mutated JSON as answers --------------------------------------------------------

# upload_file's first answer is attachment.upload's model (covered); what it does with a
# well-formed but unusable uploadRequest is test_an_unusable_upload_request_is_an_api_error.
ANSWER_CASES = [case for case in CASES if case.name != "attachment.upload_file"]


def _answer_with(body: Any) -> Callable[[httpx.Request], httpx.Response]:
    content = json.dumps(body).encode()
    return lambda request: httpx.Response(200, content=content, headers={"Content-Type": "application/json"})


def check_answer_property(case: Case, body: Any, mode: str = "sync") -> None:
    transport = Transport(_answer_with(body))
    invalid: ResponseValidationError | None = None
    try:
        result = run(case.call(transport.client(mode)))
    except ResponseValidationError as exc:
        invalid = exc
    assert len(transport.requests) == 1
    if invalid is None:
        assert isinstance(result, case.result)
        return
    assert invalid.response.status_code == 200
    assert invalid.request is not None
    assert invalid.request.headers["authorization"] == "[redacted]"
    assert SECRET not in str(invalid)


@pytest.mark.parametrize("case", ANSWER_CASES, ids=[f"{i}-{c.name}" for i, c in enumerate(ANSWER_CASES)])
@SETTINGS
@given(body=JSON)
def test_any_json_answer_parses_or_is_a_response_validation_error(case: Case, body: Any) -> None:
    check_answer_property(case, body)


def _paths(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every path to a value inside ``value`` (dict keys and list indices)."""
    if isinstance(value, dict):
        for key, inner in value.items():
            yield (*path, key)
            yield from _paths(inner, (*path, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield (*path, index)
            yield from _paths(inner, (*path, index))


@st.composite
def mutated(draw: st.DrawFn, valid: Any) -> Any:
    """``valid`` with one value dropped or replaced, or a key added, somewhere inside."""
    body = json.loads(json.dumps(valid))
    paths = list(_paths(body))
    kind = draw(st.sampled_from(["drop", "replace", "add"]))
    if kind == "add" or not paths:
        targets = [(), *(p for p in paths if isinstance(_get(body, p), dict))]
        target = _get(body, draw(st.sampled_from(targets)))
        target[draw(KEYS)] = draw(JSON)
        return body
    path = draw(st.sampled_from(paths))
    parent = _get(body, path[:-1])
    if kind == "drop":
        del parent[path[-1]]
    else:
        parent[path[-1]] = draw(JSON)
    return body


def _get(value: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        value = value[step]
    return value


@pytest.mark.parametrize("case", ANSWER_CASES, ids=[f"{i}-{c.name}" for i, c in enumerate(ANSWER_CASES)])
@SETTINGS
@given(data=st.data())
def test_a_mutated_valid_answer_parses_or_is_a_response_validation_error(
    case: Case, data: st.DataObject
) -> None:
    check_answer_property(case, data.draw(mutated(case.answer), label="body"))


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_answers_through_the_async_client(data: st.DataObject) -> None:
    case = data.draw(st.sampled_from(ANSWER_CASES), label="case")
    body = data.draw(JSON | mutated(case.answer), label="body")
    check_answer_property(case, body, "async")


def test_the_valid_answers_do_parse() -> None:
    """The mutation test starts from bodies that parse (else it would test nothing)."""
    for case in ANSWER_CASES:
        transport = Transport(_answer_with(case.answer))
        assert isinstance(run(case.call(transport.client())), case.result)


UNUSABLE_UPLOAD_REQUESTS = {
    "header name with a space": {
        "method": "PUT",
        "url": "https://up.example/a",
        "headers": {"Bad Name": "v"},
    },
    "header value with CRLF": {
        "method": "PUT",
        "url": "https://up.example/a",
        "headers": {"X-A": "v\r\nX-B: w"},
    },
    "non-ASCII header value": {"method": "PUT", "url": "https://up.example/a", "headers": {"X-A": "é"}},
    "URL that is not one": {"method": "PUT", "url": "http://[::1", "headers": {}},
}


@pytest.mark.parametrize(
    "upload", list(UNUSABLE_UPLOAD_REQUESTS.values()), ids=list(UNUSABLE_UPLOAD_REQUESTS)
)
def test_an_unusable_upload_request_is_an_api_error(upload: dict[str, Any]) -> None:
    answer = {"id": "att_1", "name": "a", "uploadRequest": upload}
    transport = Transport(
        lambda r: httpx.Response(200, json=answer) if r.url.path.endswith("/upload") else httpx.Response(200)
    )
    with pytest.raises(Exception) as caught:  # noqa: PT011 - any error is checked just below
        run(transport.client().attachment.upload_file("cnv_1", b"abc", name="a", content_type="text/plain"))
    assert isinstance(caught.value, ChatBotKitError), repr(caught.value)
    assert len(transport.requests) == 1  # the bytes were not sent anywhere


# --- 3. streams cut anywhere -------------------------------------------------------------------

GARBAGE_LINES = st.sampled_from(
    [
        b"this line is not JSON {",
        b"[]",
        b"null",
        b'"just a string"',
        b"42",
        b'{"type": 5, "data": {}}',
        b'{"type": "token"}',
        b'{"data": {"token": "x"}}',
        b'{"type": "token", "data": {"token": 7}}',
        b'{"type": "result", "data": {"text": "no usage"}}',
        b'{"type": "message", "data": {"type": "robot", "text": "x"}}',
        b'{"type": "token", "data": {"token": "\xff\xfe"}}',
        b"\xc3",
        b"\xed\xa0\x80",  # a UTF-8-encoded surrogate
        b"{" * 50,
    ]
)
EVENT_LINES = st.one_of(
    st.builds(lambda t: {"type": "token", "data": {"token": t}}, TEXT),
    st.builds(lambda t: {"type": "message", "data": {"type": "bot", "text": t}}, TEXT),
    st.builds(lambda kind, data: {"type": kind, "data": data}, st.sampled_from(["ping", "x-new", ""]), JSON),
    st.builds(lambda t: {"type": "error", "data": {"message": t}}, TEXT),
    st.sampled_from(COMPLETE_LINES),
)
LINES = st.one_of(
    EVENT_LINES.map(lambda line: json.dumps(line, ensure_ascii=False).encode()),
    GARBAGE_LINES,
    st.sampled_from([b"", b"  ", b"\t", b"\r"]),
)


@st.composite
def hostile_streams(draw: st.DrawFn) -> tuple[bytes, list[bytes], bool]:
    """A JSON Lines body (maybe invalid, maybe cut short), a chunking of it, and whether the
    connection drops after the last chunk."""
    lines = draw(st.lists(LINES, max_size=8))
    newline = draw(st.sampled_from([b"\n", b"\r\n"]))
    body = b"".join(line + newline for line in lines)
    if draw(st.booleans()):  # cut short anywhere, even inside a multi-byte character
        body = body[: draw(st.integers(0, len(body)))]
    cuts = sorted(draw(st.lists(st.integers(0, len(body)), max_size=12)))
    chunks = [body[a:b] for a, b in zip([0, *cuts], [*cuts, len(body)], strict=True)]
    return body, chunks, draw(st.booleans())


def _described(event: Any) -> tuple[str, str, Any]:
    if isinstance(event, UnknownEvent):  # its .type is always "unknown": compare the API's type
        return ("UnknownEvent", event.event_type, event.data)
    return (type(event).__name__, event.type, event.to_dict())


Outcome = tuple[list[tuple[str, str, Any]], tuple[type, str] | None]


def stream_outcome(chunks: list[bytes], drop: bool, mode: str) -> Outcome:
    """The events a client yields for a body handed out as ``chunks``, and the error after them."""

    def respond(request: httpx.Request) -> httpx.Response:
        error = httpx.RemoteProtocolError("peer closed connection", request=request) if drop else None
        return httpx.Response(
            200, stream=Body(list(chunks), error), headers={"Content-Type": "application/jsonl"}
        )

    client = Transport(respond).client(mode)
    events: list[tuple[str, str, Any]] = []

    async def consume() -> None:
        async with client.complete(None, {"messages": []}).stream() as stream:
            async for event in stream:
                events.append(_described(event))

    try:
        if mode == "sync":
            with client.complete(None, {"messages": []}).stream() as stream:
                events.extend(_described(event) for event in stream)
        else:
            asyncio.run(consume())
    except (StreamDecodeError, StreamError, APIConnectionError) as exc:
        return events, (type(exc), str(exc))
    return events, None


@settings(max_examples=150, deadline=None)
@given(hostile_streams())
def test_any_chunking_of_any_stream_gives_the_same_events_and_error(
    stream: tuple[bytes, list[bytes], bool],
) -> None:
    body, chunks, drop = stream
    assert b"".join(chunks) == body
    whole = stream_outcome([body], drop, "sync")
    assert stream_outcome(chunks, drop, "sync") == whole
    if drop:
        assert whole[1] is not None  # a dropped connection is never a clean end


@settings(max_examples=40, deadline=None)
@given(hostile_streams())
def test_any_chunking_through_the_async_client(stream: tuple[bytes, list[bytes], bool]) -> None:
    body, chunks, drop = stream
    assert stream_outcome(chunks, drop, "async") == stream_outcome([body], drop, "sync")


def test_the_stream_property_sees_errors() -> None:
    """The outcomes compared above do tell events, bad lines, error events and drops apart."""
    good = json.dumps(COMPLETE_LINES[1]).encode() + b"\n"
    events, error = stream_outcome([good[:5], good[5:]], False, "sync")
    assert error is None
    assert [event[1] for event in events] == [COMPLETE_LINES[1]["type"]]
    error_event = b'{"type": "error", "data": {"message": "boom"}}\n'
    for chunks, drop, kind in [
        ([good, b"not json\n"], False, StreamDecodeError),
        ([good, b'{"type": "token", "data": {"tok'], False, StreamDecodeError),  # cut short
        ([good, error_event], False, StreamError),
        ([good], True, APIConnectionError),
    ]:
        events, error = stream_outcome(chunks, drop, "sync")
        assert len(events) == 1
        assert error is not None
        assert error[0] is kind


# --- the server's Retry-After, whatever it says --------------------------------------------------

HEADER_TEXT = st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=40)
RETRY_AFTER = st.one_of(
    HEADER_TEXT,
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.integers(-(10**30), 10**30).map(str),
    st.datetimes(timezones=st.just(datetime.UTC)).map(
        lambda when: when.strftime("%a, %d %b %Y %H:%M:%S GMT")
    ),
)


@settings(max_examples=150, deadline=None)
@given(
    retry_after=st.none() | RETRY_AFTER,
    retry_after_ms=st.none() | RETRY_AFTER,
    mode=st.sampled_from(["sync", "async"]),
)
def test_any_retry_after_waits_between_zero_and_sixty_seconds(
    retry_after: str | None, retry_after_ms: str | None, mode: str
) -> None:
    headers = {
        k: v for k, v in (("retry-after", retry_after), ("retry-after-ms", retry_after_ms)) if v is not None
    }
    answers = [httpx.Response(429, headers=headers), httpx.Response(200, json=VALID_ANSWERS[models.IdResult])]
    transport = Transport(lambda request: answers.pop(0))
    waits: list[float] = []

    async def async_sleep(seconds: float) -> None:
        waits.append(seconds)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(
            chatbotkit_sdk._resource, "time", SimpleNamespace(**{**vars(time), "sleep": waits.append})
        )
        patch.setattr(chatbotkit_sdk._resource, "_async_sleep", async_sleep)
        try:
            result = run(transport.client(mode, retries=1, retry_delay=0.25).delete("cnv_1"))
        except RateLimitError as exc:  # pragma: no cover - would mean the 200 was never asked for
            raise AssertionError("the retry was not sent") from exc
    assert isinstance(result, models.IdResult)
    assert len(transport.requests) == 2
    assert len(waits) == 1
    assert math.isfinite(waits[0])
    assert 0.0 <= waits[0] <= max(MAX_RETRY_AFTER, MAX_BACKOFF)
