"""JSON Lines streams and pagination, end to end against ``httpx.MockTransport``.

Every behaviour that sends something runs for both ``ConversationClient`` and
``AsyncConversationClient`` (the ``mode`` fixture). Stream bodies are ``Body`` (tests/helpers.py)
objects: they hand out exactly the chunks a test chooses (a line may be cut
anywhere, even inside a multi-byte character), can fail like a dropped connection,
and record when httpx closes them, so a test can tell whether the SDK let go of
the response. ``EventParser`` itself is checked with hypothesis against any
layout of the lines and any chunking of the bytes.
"""

from __future__ import annotations

import asyncio
import gc
import inspect
import json
import tracemalloc
from collections.abc import AsyncIterator, Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chatbotkit_sdk import (
    APIConnectionError,
    APITimeoutError,
    AsyncEventStream,
    AsyncResponsePromise,
    AsyncStreamableResponsePromise,
    EventStream,
    NotFoundError,
    ResponsePromise,
    StreamableResponsePromise,
    StreamDecodeError,
    StreamError,
    UnknownEvent,
    models,
)
from chatbotkit_sdk._streaming import EventParser
from chatbotkit_sdk._streaming import events_of as operation_events
from tests.helpers import JSONL, SECRET, T0, Body, Harness, Responder, jsonl

# --- bodies, clients and ways to drive a stream in either mode -----------------------


def run(value: Any) -> Any:
    """A sync client's value as is; an async client's coroutine run to its end."""
    return asyncio.run(value) if inspect.iscoroutine(value) else value


def drain(stream: EventStream[Any] | AsyncEventStream[Any], into: list[Any]) -> Any:
    """Iterate ``stream`` to its end, appending each event inside the loop body.

    Returns None for a sync stream, a coroutine (for ``run``) for an async one."""
    if isinstance(stream, EventStream):
        for event in stream:
            into.append(event)
        return None

    async def go() -> None:
        async for event in stream:
            into.append(event)

    return go()


def events_of(stream: EventStream[Any] | AsyncEventStream[Any]) -> list[Any]:
    events: list[Any] = []
    run(drain(stream, events))
    return events


def listed(iterable: Iterator[Any] | AsyncIterator[Any]) -> list[Any]:
    """``list()`` of a sync iterator, or of an async one (run to its end)."""
    if isinstance(iterable, Iterator):
        return list(iterable)

    async def go() -> list[Any]:
        return [item async for item in iterable]

    return asyncio.run(go())


def consume_many(h: Harness, make: Callable[[], Any], times: int) -> list[list[Any]]:
    """The events of ``times`` fresh streams (in one event loop for the async client)."""
    if h.mode == "sync":
        return [list(make()) for _ in range(times)]

    async def go() -> list[list[Any]]:
        return [[event async for event in make()] for _ in range(times)]

    return asyncio.run(go())


def described(events: Iterable[Any]) -> list[tuple[type, str, Any]]:
    """Each event as (class, the API's ``type``, ``.data`` as JSON), comparable with the lines sent.

    An ``UnknownEvent``'s ``.type`` is always ``"unknown"``; the API's type is its ``event_type``."""
    out: list[tuple[type, str, Any]] = []
    for event in events:
        if isinstance(event, UnknownEvent):
            assert event.type == "unknown"
            out.append((UnknownEvent, event.event_type, event.data))
        else:
            data = event.data.to_dict()
            out.append((type(event), event.type, data))
            assert event.to_dict() == {"type": event.type, "data": data}
    return out


def expected(lines: Iterable[dict[str, Any]], known: dict[str, type]) -> list[tuple[type, str, Any]]:
    """What ``described`` must give for ``lines`` when the stream knows ``known`` event types."""
    return [(known.get(line["type"], UnknownEvent), line["type"], line["data"]) for line in lines]


# --- what the API streams --------------------------------------------------------------

#: The events every completion stream knows, besides its own ``result`` event.
COMPLETION_EVENTS: dict[str, type] = {
    "token": models.TokenEvent,
    "reasoningToken": models.ReasoningTokenEvent,
    "message": models.MessageEvent,
    "usage": models.UsageEvent,
    "completeBegin": models.CompleteBeginEvent,
    "completeEnd": models.CompleteEndEvent,
    "waitForChannelMessageBegin": models.WaitForChannelMessageBeginEvent,
    "waitForChannelMessageEnd": models.WaitForChannelMessageEndEvent,
    "abort": models.AbortEvent,
}
COMPLETE_EVENTS = {**COMPLETION_EVENTS, "result": models.CompleteResultEvent}

MESSAGES = [
    {"type": "backstory", "text": "You are a helpful support agent."},
    {"type": "user", "text": "Où est ma commande ☃?"},
]
REPLY = "Bonjour é ☃ 😀!"
TOKENS = ["Bon", "jour é", " ☃ ", "😀", "!"]
USAGE = {"token": 42}
RESULT = {"text": REPLY, "usage": USAGE, "end": {"reason": "stop"}}
CONVERSATION = {"id": "cnv_1", "createdAt": T0, "updatedAt": T0 + 1000, "name": "Commande ☃"}
MESSAGE = {"id": "msg_1", "createdAt": T0, "updatedAt": T0, "type": "user", "text": "Où est ma commande?"}
ATTACHMENT = {"id": "att_1", "createdAt": T0, "updatedAt": T0, "name": "facture-é.pdf", "size": 2048}
UNKNOWN = {"type": "ping", "data": {"at": T0, "note": "neu 😀"}}


def completion(result: dict[str, Any]) -> list[dict[str, Any]]:
    """A realistic completion stream ending with ``result``: every event type, one unknown."""
    return [
        {"type": "completeBegin", "data": {}},
        {"type": "reasoningToken", "data": {"token": "Le client écrit en français…"}},
        *({"type": "token", "data": {"token": token}} for token in TOKENS),
        {"type": "message", "data": {"type": "bot", "text": REPLY}},
        {"type": "usage", "data": {"model": "gpt-4o", "inputTokensUsed": 31, "outputTokensUsed": 11}},
        {"type": "waitForChannelMessageBegin", "data": {"channelId": "chn_1"}},
        {"type": "waitForChannelMessageEnd", "data": {"channelId": "chn_1"}},
        {"type": "abort", "data": {"reason": "user", "functionName": "lookup_order"}},
        UNKNOWN,
        {"type": "completeEnd", "data": {}},
        {"type": "result", "data": result},
    ]


COMPLETE_LINES = completion(RESULT)


def complete(client: Any) -> Any:
    return client.complete(None, {"messages": MESSAGES, "model": "gpt-4o"})


@dataclass(frozen=True)
class StreamCase:
    name: str
    call: Callable[[Any], Any]
    path: str
    known: dict[str, type]
    lines: list[dict[str, Any]]
    #: the non-streamed answer of the same call, and the model it is read as
    answer: dict[str, Any]
    result: type | None = None

    def __str__(self) -> str:
        return self.name


RESULT_CASES = [
    StreamCase(
        name="complete(None)",
        call=complete,
        path="/v1/conversation/complete",
        known=COMPLETE_EVENTS,
        lines=COMPLETE_LINES,
        answer=RESULT,
        result=models.CompleteResult,
    ),
    StreamCase(
        name="complete(id)",
        call=lambda c: c.complete("cnv_1", {"text": "Où est ma commande?"}),
        path="/v1/conversation/cnv_1/complete",
        known={**COMPLETION_EVENTS, "result": models.ConversationCompleteResultEvent},
        lines=completion({"id": "msg_2", **RESULT}),
        answer={"id": "msg_2", **RESULT},
        result=models.ConversationCompleteResult,
    ),
    StreamCase(
        name="send",
        call=lambda c: c.send("cnv_1", {"text": "Où est ma commande?"}),
        path="/v1/conversation/cnv_1/send",
        known={**COMPLETION_EVENTS, "result": models.SendResultEvent},
        lines=completion({"id": "msg_1", "entities": []}),
        answer={"id": "msg_1", "entities": []},
        result=models.SendResult,
    ),
    StreamCase(
        name="receive",
        call=lambda c: c.receive("cnv_1"),
        path="/v1/conversation/cnv_1/receive",
        known={**COMPLETION_EVENTS, "result": models.ReceiveResultEvent},
        lines=completion({"id": "msg_2", "text": REPLY, "usage": USAGE}),
        answer={"id": "msg_2", "text": REPLY, "usage": USAGE},
        result=models.ReceiveResult,
    ),
]

ITEM_CASES = [
    StreamCase(
        name="list",
        call=lambda c: c.list({"take": 3}),
        path="/v1/conversation/list",
        known={"item": models.ConversationItemEvent},
        lines=[
            {"type": "item", "data": CONVERSATION},
            UNKNOWN,
            {"type": "item", "data": {**CONVERSATION, "id": "cnv_2"}},
        ],
        answer={"items": [CONVERSATION], "cursor": ""},
    ),
    StreamCase(
        name="export",
        call=lambda c: c.export({"take": 3}),
        path="/v1/conversation/export",
        known={"item": models.ConversationItemEvent},
        lines=[
            {"type": "item", "data": CONVERSATION},
            UNKNOWN,
            {"type": "item", "data": {**CONVERSATION, "id": "cnv_2"}},
        ],
        answer={"items": [CONVERSATION], "cursor": ""},
    ),
    StreamCase(
        name="message.list",
        call=lambda c: c.message.list("cnv_1", {"take": 3}),
        path="/v1/conversation/cnv_1/message/list",
        known={"item": models.ConversationMessageItemEvent},
        lines=[
            {"type": "item", "data": MESSAGE},
            UNKNOWN,
            {"type": "item", "data": {**MESSAGE, "id": "msg_2"}},
        ],
        answer={"items": [MESSAGE], "cursor": ""},
    ),
]


#: The generated operation behind each stream case.
CASE_OPERATIONS = {
    "complete(None)": "complete_conversation",
    "complete(id)": "complete_conversation_message",
    "send": "send_conversation_message",
    "receive": "receive_conversation_message",
    "list": "list_conversations",
    "export": "export_conversations",
    "message.list": "list_conversation_messages",
}


@pytest.mark.parametrize("case", RESULT_CASES + ITEM_CASES, ids=str)
def test_each_stream_knows_exactly_its_operations_events(case: StreamCase) -> None:
    """The events the SDK reads for an operation are the spec's (``error`` raises instead)."""
    assert dict(operation_events(CASE_OPERATIONS[case.name])) == case.known


def test_an_operation_that_cannot_stream_has_no_events() -> None:
    with pytest.raises(ValueError, match="fetch_conversation cannot stream"):
        operation_events("fetch_conversation")


def answering(case: StreamCase, chunks: Callable[[bytes], list[bytes]] = lambda body: [body]) -> Responder:
    """The stream of ``case`` to a JSON Lines request, its plain answer to any other."""

    def respond(request: httpx.Request) -> Body | httpx.Response:
        if request.headers.get("accept") == JSONL:
            return Body(chunks(jsonl(case.lines)))
        return httpx.Response(200, json=case.answer)

    return respond


def streaming(lines: list[Any], *, by_line: bool = False, error: Exception | None = None) -> Responder:
    """A stream of ``lines`` (dicts are JSON-encoded, bytes sent as they are) to every request."""
    encoded = [line if isinstance(line, bytes) else jsonl([line]) for line in lines]
    return lambda request: Body(encoded if by_line else [b"".join(encoded)], error)


# --- 1. requests and typed events -----------------------------------------------------


@pytest.mark.parametrize("case", RESULT_CASES + ITEM_CASES, ids=str)
def test_a_stream_asks_for_json_lines_and_yields_typed_events(mode: str, case: StreamCase) -> None:
    h = Harness(mode, answering(case))
    stream = case.call(h.client).stream()
    assert isinstance(stream, EventStream if mode == "sync" else AsyncEventStream)
    assert h.requests == [], "nothing may be sent before the stream is used"

    events = events_of(stream)

    assert len(h.requests) == 1
    request = h.requests[0]
    assert request.url.path == case.path
    assert request.headers.get_list("accept") == [JSONL]
    assert request.headers["authorization"] == f"Bearer {SECRET}"
    assert described(events) == expected(case.lines, case.known)
    assert any(isinstance(event, UnknownEvent) for event in events)
    assert h.body.closed


@pytest.mark.parametrize("case", RESULT_CASES, ids=str)
def test_stream_helpers(mode: str, case: StreamCase) -> None:
    h = Harness(mode, answering(case))

    tokens = listed(case.call(h.client).stream().tokens())
    text = run(case.call(h.client).stream().text())
    final = run(case.call(h.client).stream().final_result())
    plain = run(case.call(h.client).result())

    assert tokens == TOKENS  # not the reasoning token
    assert text == "".join(TOKENS) == REPLY
    assert case.result is not None
    assert type(final) is type(plain) is case.result
    assert final.to_dict() == plain.to_dict() == case.answer
    assert [r.headers.get("accept") == JSONL for r in h.requests] == [True, True, True, False]
    assert len(h.bodies) == 3
    assert all(body.closed for body in h.bodies)


def test_final_result_without_a_result_event_is_a_stream_error(mode: str) -> None:
    lines = [line for line in COMPLETE_LINES if line["type"] != "result"]
    h = Harness(mode, streaming(lines))
    with pytest.raises(StreamError, match="result"):
        run(complete(h.client).stream().final_result())
    assert h.body.closed


def test_text_of_a_stream_without_tokens_is_empty(mode: str) -> None:
    lines = [line for line in COMPLETE_LINES if line["type"] != "token"]
    h = Harness(mode, streaming(lines))
    assert run(complete(h.client).stream().text()) == ""


@pytest.mark.parametrize(
    "call",
    [
        lambda c: c.fetch("cnv_1"),
        lambda c: c.attachment.list("cnv_1"),
        lambda c: c.usage("cnv_1"),
        lambda c: c.message.fetch("cnv_1", "msg_1"),
    ],
    ids=["fetch", "attachment.list", "usage", "message.fetch"],
)
def test_only_streamable_methods_can_stream(mode: str, call: Callable[[Any], Any]) -> None:
    """A lazy read of an operation without JSON Lines is a plain promise: it has no ``.stream()``,
    and its call refuses to become a streaming one."""
    h = Harness(mode, streaming(COMPLETE_LINES))
    promise = call(h.client)
    assert type(promise) is (ResponsePromise if mode == "sync" else AsyncResponsePromise)
    assert not hasattr(promise, "stream")
    with pytest.raises(TypeError, match="cannot be streamed"):
        promise._call.streaming()
    assert h.requests == []


@pytest.mark.parametrize("case", RESULT_CASES + ITEM_CASES, ids=str)
def test_streamable_methods_return_streamable_promises(mode: str, case: StreamCase) -> None:
    h = Harness(mode, answering(case))
    promise = case.call(h.client)
    expected = StreamableResponsePromise if mode == "sync" else AsyncStreamableResponsePromise
    assert type(promise) is expected
    assert h.requests == []


@pytest.mark.parametrize(
    "options",
    [{"headers": {"accept": "application/json"}}, {"headers": {"ACCEPT": "text/plain"}}],
    ids=["client-headers-lowercase", "client-headers-uppercase"],
)
def test_a_stream_asks_only_for_json_lines_whatever_the_client_headers(
    mode: str, options: dict[str, Any]
) -> None:
    h = Harness(mode, streaming(COMPLETE_LINES), **options)
    events_of(complete(h.client).stream())
    assert h.requests[0].headers.get_list("accept") == [JSONL]


# --- 2. bytes cut anywhere ----------------------------------------------------------------


def cut_everywhere(body: bytes) -> list[list[bytes]]:
    """Every two-chunk split of ``body``, then one-byte chunks."""
    splits = [[body[:k], body[k:]] for k in range(len(body) + 1)]
    return [*splits, [body[i : i + 1] for i in range(len(body))]]


LAYOUTS = {
    "lf": jsonl(COMPLETE_LINES),
    "crlf": jsonl(COMPLETE_LINES, b"\r\n"),
    "blank lines, no final newline": b"\n  \n".join(jsonl([line]).rstrip(b"\n") for line in COMPLETE_LINES)
    + b"\n\t \r\n",
    "crlf, blank lines, no final newline": b"\r\n".join(
        [b"", b" ", *(jsonl([line]).rstrip(b"\n") for line in COMPLETE_LINES[:-1]), b"\t", b""]
    )
    + jsonl(COMPLETE_LINES[-1:]).rstrip(b"\n"),
}


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_a_stream_cut_anywhere_decodes_the_same(mode: str, layout: str) -> None:
    body = LAYOUTS[layout]
    for char in "é☃😀":
        assert char.encode() in body
    chunkings = [[body], *cut_everywhere(body)]
    pending = iter(chunkings)
    h = Harness(mode, lambda request: Body(next(pending)))

    decoded = consume_many(h, lambda: complete(h.client).stream(), len(chunkings))

    want = expected(COMPLETE_LINES, COMPLETE_EVENTS)
    assert described(decoded[0]) == want
    for chunks, events in zip(chunkings, decoded, strict=True):
        assert described(events) == want, f"chunks {chunks!r}"
    assert len(h.requests) == len(chunkings)


def test_a_multi_megabyte_line_in_small_chunks(mode: str) -> None:
    token = "é☃😀a" * 300_000  # 3.3 MB of UTF-8 characters of 1 to 4 bytes
    body = jsonl([{"type": "token", "data": {"token": token}}, COMPLETE_LINES[-1]])
    size = 4093  # odd: cuts land inside multi-byte characters
    h = Harness(mode, lambda request: Body(body[i : i + size] for i in range(0, len(body), size)))

    events = events_of(complete(h.client).stream())

    assert len(body) > 3_000_000
    assert h.body.handed == -(-len(body) // size)
    assert [type(event) for event in events] == [models.TokenEvent, models.CompleteResultEvent]
    assert events[0].data.token == token
    assert events[1].data.to_dict() == RESULT


# --- 4. errors inside a stream ------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"message": "Le modèle est surchargé ☃", "code": "OVERLOADED"}, "Le modèle est surchargé ☃"),
        ({"message": "rate limited"}, "rate limited"),
    ],
)
@pytest.mark.parametrize("by_line", [False, True], ids=["one chunk", "chunk per line"])
def test_an_error_event_raises_after_the_events_before_it(
    mode: str, data: Any, message: str, by_line: bool
) -> None:
    before = COMPLETE_LINES[:4]
    lines = [*before, {"type": "error", "data": data}, *COMPLETE_LINES[4:]]
    h = Harness(mode, streaming(lines, by_line=by_line))
    events: list[Any] = []

    with pytest.raises(StreamError) as info:
        run(drain(complete(h.client).stream(), events))

    assert described(events) == expected(before, COMPLETE_EVENTS)
    assert str(info.value) == message
    assert info.value.message == message
    assert info.value.data == data
    assert info.value.request is not None
    assert SECRET not in str(list(info.value.request.headers.values()))
    assert h.body.closed
    if by_line:
        assert h.body.handed == len(before) + 1  # nothing read after the error


BAD_LINES = {
    "not json": b"this is not JSON at all",
    "truncated json": b'{"type": "token", "data": {"token": "abc"}',
    "invalid utf-8": b'{"type": "token", "data": {"token": "\xff\xfe abc"}}',
    "a list": b'[{"type": "token", "data": {"token": "abc"}}]',
    "a string": b'"token: abc"',
    "no type": b'{"data": {"token": "abc"}}',
    "no data": b'{"type": "token"}',
    "type not a string": b'{"type": 7, "data": {"token": "abc"}}',
    "token without token": b'{"type": "token", "data": {"text": "abc"}}',
    "token not a string": b'{"type": "token", "data": {"token": 12345}}',
    # (a message type this release does not know is read, not refused: see test_forward_compat)
    "message type not a string": b'{"type": "message", "data": {"type": 5, "text": "abc"}}',
    "result without usage": b'{"type": "result", "data": {"text": "abc", "end": {"reason": "stop"}}}',
}


@pytest.mark.parametrize("by_line", [False, True], ids=["one chunk", "chunk per line"])
@pytest.mark.parametrize("problem", list(BAD_LINES))
def test_a_bad_line_raises_a_stream_decode_error_after_the_events_before_it(
    mode: str, problem: str, by_line: bool
) -> None:
    line = BAD_LINES[problem]
    before = COMPLETE_LINES[:3]
    h = Harness(mode, streaming([*before, line + b"\n", *COMPLETE_LINES[3:]], by_line=by_line))
    events: list[Any] = []

    with pytest.raises(StreamDecodeError) as info:
        run(drain(complete(h.client).stream(), events))

    assert described(events) == expected(before, COMPLETE_EVENTS)
    quoted = line.decode("utf-8", "replace")
    assert info.value.line == quoted
    assert quoted[-20:] in str(info.value)  # the line is quoted
    assert info.value.response.request is not None
    assert SECRET not in str(list(info.value.response.request.headers.values()))
    assert h.body.closed


def test_a_long_bad_line_is_quoted_only_in_part(mode: str) -> None:
    line = b"<html>" + b"x" * 100_000 + b"</html>"
    h = Harness(mode, streaming([COMPLETE_LINES[0], line]))
    events: list[Any] = []

    with pytest.raises(StreamDecodeError) as info:
        run(drain(complete(h.client).stream(), events))

    assert len(events) == 1
    assert "<html>xxxxxxxxxx" in str(info.value)
    assert len(str(info.value)) < 1000 < len(line)
    assert line.decode().startswith(info.value.line)
    assert len(info.value.line) < 1000


# --- 5. transport failures and status errors -------------------------------------------


@pytest.mark.parametrize(
    ("make_error", "error_type"),
    [
        (
            lambda request: httpx.RemoteProtocolError("peer closed connection", request=request),
            APIConnectionError,
        ),
        (lambda request: httpx.ReadError("connection reset by peer", request=request), APIConnectionError),
        (lambda request: httpx.ReadTimeout("timed out reading", request=request), APITimeoutError),
    ],
    ids=["dropped", "reset", "read timeout"],
)
def test_a_connection_lost_mid_stream_raises_an_sdk_error(
    mode: str, make_error: Callable[[httpx.Request], httpx.HTTPError], error_type: type[Exception]
) -> None:
    before = COMPLETE_LINES[:5]
    half = jsonl(COMPLETE_LINES[5:6])[:10]

    def respond(request: httpx.Request) -> Body:
        return Body([jsonl([line]) for line in before] + [half], make_error(request))

    h = Harness(mode, respond)
    events: list[Any] = []

    with pytest.raises(APIConnectionError) as info:
        run(drain(complete(h.client).stream(), events))

    assert type(info.value) is error_type
    assert not isinstance(info.value, httpx.HTTPError)
    assert isinstance(info.value.__cause__, httpx.HTTPError)
    assert described(events) == expected(before, COMPLETE_EVENTS)
    assert info.value.request is not None
    assert info.value.request.url.path == "/v1/conversation/complete"
    assert SECRET not in str(list(info.value.request.headers.values()))
    assert h.body.closed


@pytest.mark.parametrize("enter", [False, True], ids=["iterate", "enter"])
def test_a_status_error_on_a_stream_is_the_same_as_without(mode: str, enter: bool) -> None:
    payload = {"message": "Conversation cnv_404 not found", "code": "CONVERSATION_NOT_FOUND"}
    h = Harness(
        mode,
        lambda request: httpx.Response(404, stream=Body([json.dumps(payload).encode()])),
        retries=0,
    )
    stream = h.client.complete("cnv_404", {"text": "hi"}).stream()

    def use() -> None:
        if not enter:
            events_of(stream)
        elif mode == "sync":
            stream.__enter__()
        else:
            asyncio.run(stream.__aenter__())

    with pytest.raises(NotFoundError) as streamed:
        use()
    with pytest.raises(NotFoundError) as plain:
        run(h.client.complete("cnv_404", {"text": "hi"}).result())

    for err in (streamed.value, plain.value):
        assert err.status_code == 404
        assert err.code == "CONVERSATION_NOT_FOUND"
        assert err.message == "Conversation cnv_404 not found"
        assert err.body == payload
    assert len(h.requests) == 2
    assert h.requests[0].headers["accept"] == JSONL
    assert all(body.closed for body in h.bodies)  # the error bodies were read and let go


def test_a_stream_request_is_retried_like_any_other(mode: str) -> None:
    answers: list[Any] = [httpx.Response(503, json={"message": "busy"}), Body([jsonl(COMPLETE_LINES)])]
    h = Harness(mode, lambda request: answers.pop(0), retries=2)

    events = events_of(complete(h.client).stream())

    assert described(events) == expected(COMPLETE_LINES, COMPLETE_EVENTS)
    assert [r.headers.get_list("accept") for r in h.requests] == [[JSONL], [JSONL]]


# --- 6. lifecycle: the response is closed however the stream is left --------------------

#: One chunk per line, so a test can see that an early exit did not read the rest.
BY_LINE = streaming(COMPLETE_LINES, by_line=True)


def test_the_request_is_sent_on_entering(mode: str) -> None:
    h = Harness(mode, BY_LINE)
    stream = complete(h.client).stream()
    assert h.requests == []
    if mode == "sync":
        with stream as entered:
            assert entered is stream
            assert len(h.requests) == 1
            events = list(entered)
    else:

        async def go() -> list[Any]:
            async with stream as entered:
                assert entered is stream
                assert len(h.requests) == 1
                return [event async for event in entered]

        events = asyncio.run(go())
    assert len(h.requests) == 1  # entering and iterating send one request
    assert described(events) == expected(COMPLETE_LINES, COMPLETE_EVENTS)


def test_leaving_the_with_block_closes_the_response(mode: str) -> None:
    h = Harness(mode, BY_LINE)
    stream = complete(h.client).stream()
    if mode == "sync":
        with stream:
            iterator = iter(stream)
            first = next(iterator)
            assert not h.body.closed
        assert h.body.closed  # although ``iterator`` is still alive
        iterator.close()
    else:

        async def go() -> Any:
            async with stream:
                iterator = aiter(stream)
                event = await anext(iterator)
                assert not h.body.closed
            assert h.body.closed
            await iterator.aclose()
            return event

        first = asyncio.run(go())
    assert isinstance(first, models.CompleteBeginEvent)
    assert h.body.handed < len(COMPLETE_LINES)


def test_breaking_out_of_the_loop_closes_the_response(mode: str) -> None:
    h = Harness(mode, BY_LINE)
    stream = complete(h.client).stream()
    if mode == "sync":
        for event in stream:
            if isinstance(event, models.TokenEvent):
                break
        assert h.body.closed
    else:

        async def go() -> None:
            async with stream:
                async for event in stream:
                    if isinstance(event, models.TokenEvent):
                        break
            assert h.body.closed

        asyncio.run(go())
    assert h.body.handed < len(COMPLETE_LINES)


def test_breaking_out_of_an_async_loop_without_async_with_closes_the_response() -> None:
    h = Harness("async", BY_LINE)

    async def go() -> None:
        async for event in complete(h.client).stream():
            if isinstance(event, models.TokenEvent):
                break
        for _ in range(5):  # asyncio closes the abandoned async generator soon after
            await asyncio.sleep(0)
        assert h.body.closed

    asyncio.run(go())
    assert h.body.handed < len(COMPLETE_LINES)


class Boom(Exception):
    pass


def test_an_exception_in_the_loop_body_closes_the_response(mode: str) -> None:
    h = Harness(mode, BY_LINE)
    stream = complete(h.client).stream()
    if mode == "sync":

        def loop() -> None:
            for _ in stream:
                raise Boom

        with pytest.raises(Boom):
            loop()
        assert h.body.closed
    else:

        async def loop_async() -> None:
            async with stream:
                async for _ in stream:
                    raise Boom

        async def go() -> None:
            with pytest.raises(Boom):
                await loop_async()
            assert h.body.closed

        asyncio.run(go())
    assert h.body.handed < len(COMPLETE_LINES)


def test_close_closes_the_response(mode: str) -> None:
    h = Harness(mode, BY_LINE)
    stream = complete(h.client).stream()
    if mode == "sync":
        iterator = iter(stream)
        next(iterator)
        assert not h.body.closed
        stream.close()
        assert h.body.closed
        stream.close()  # idempotent
        iterator.close()
    else:

        async def go() -> None:
            iterator = aiter(stream)
            await anext(iterator)
            assert not h.body.closed
            await stream.aclose()
            assert h.body.closed
            await stream.aclose()
            await iterator.aclose()

        asyncio.run(go())
    assert h.body.closed


def test_garbage_collecting_a_started_sync_stream_closes_the_response() -> None:
    h = Harness("sync", streaming(COMPLETE_LINES * 2, by_line=True))
    started = complete(h.client).stream()
    iterator = iter(started)
    next(iterator)
    entered = complete(h.client).stream()
    entered.__enter__()
    assert len(h.bodies) == 2
    assert not any(body.closed for body in h.bodies)

    del iterator, started, entered
    gc.collect()

    assert all(body.closed for body in h.bodies)
    assert all(body.handed < len(COMPLETE_LINES) for body in h.bodies)


def test_a_stream_closed_before_use_refuses_to_send(mode: str) -> None:
    h = Harness(mode, BY_LINE)
    stream = complete(h.client).stream()
    if mode == "sync":
        stream.close()
        with pytest.raises(RuntimeError, match="closed"):
            next(iter(stream))
        with pytest.raises(RuntimeError, match="closed"), stream:
            pass
    else:

        async def go() -> None:
            await stream.aclose()
            with pytest.raises(RuntimeError, match="closed"):
                await anext(aiter(stream))
            with pytest.raises(RuntimeError, match="closed"):
                async with stream:
                    pass

        asyncio.run(go())
    assert h.requests == []
    assert all(body.closed for body in h.bodies)


def test_a_stream_can_be_iterated_only_once(mode: str) -> None:
    h = Harness(mode, BY_LINE)
    consumed = complete(h.client).stream()
    assert len(events_of(consumed)) == len(COMPLETE_LINES)
    with pytest.raises(RuntimeError) as again:
        events_of(consumed)

    started = complete(h.client).stream()
    errors: list[BaseException] = [again.value]
    if mode == "sync":
        first = iter(started)
        next(first)
        with pytest.raises(RuntimeError) as meanwhile:
            next(iter(started))
        first.close()
        errors.append(meanwhile.value)
    else:

        async def go() -> None:
            first = aiter(started)
            await anext(first)
            with pytest.raises(RuntimeError) as meanwhile:
                await anext(aiter(started))
            await first.aclose()
            errors.append(meanwhile.value)

        asyncio.run(go())

    assert len(errors) == 2
    for error in errors:  # the SDK's own refusal, not httpx tripping over a used response
        assert not isinstance(error, httpx.StreamError)
    assert len(h.requests) == 2


# --- 7. property: any layout, any chunking ------------------------------------------------

TEXT = st.text(max_size=24)  # any code point but surrogates: multi-byte, "\n", "\u2028", ...
JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**53), 2**53)
    | st.floats(allow_nan=False, allow_infinity=False)
    | TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3),
    max_leaves=6,
)
COUNTS = st.integers(0, 10**6)
EVENT_LINES = st.one_of(
    st.builds(lambda t: {"type": "token", "data": {"token": t}}, TEXT),
    st.builds(lambda t: {"type": "reasoningToken", "data": {"token": t}}, TEXT),
    st.builds(
        lambda kind, t: {"type": "message", "data": {"type": kind, "text": t}},
        st.sampled_from(["bot", "user", "activity", "reasoning"]),
        TEXT,
    ),
    st.builds(
        lambda m, i, o: {"type": "usage", "data": {"model": m, "inputTokensUsed": i, "outputTokensUsed": o}},
        TEXT,
        COUNTS,
        COUNTS,
    ),
    st.builds(
        lambda kind, data: {"type": kind, "data": data},
        st.sampled_from(
            ["completeBegin", "completeEnd", "waitForChannelMessageBegin", "waitForChannelMessageEnd"]
        ),
        st.dictionaries(TEXT, JSON_VALUES, max_size=2),
    ),
    st.builds(lambda name: {"type": "abort", "data": {"functionName": name}}, TEXT),
    st.builds(
        lambda t, n, why: {
            "type": "result",
            "data": {"text": t, "usage": {"token": n}, "end": {"reason": why}},
        },
        TEXT,
        COUNTS,
        st.sampled_from(["stop", "length", "abort"]),
    ),
    st.builds(
        lambda kind, data: {"type": kind, "data": data},
        TEXT.filter(lambda kind: kind not in COMPLETE_EVENTS and kind != "error"),
        JSON_VALUES,
    ),
)
BLANKS = st.lists(st.sampled_from([b"", b" ", b"\t", b" \t  "]), max_size=2)


@st.composite
def chunked_streams(draw: st.DrawFn) -> tuple[list[dict[str, Any]], bytes, list[bytes]]:
    """Event lines, a JSON Lines body of them laid out at random, and that body cut at random."""
    lines = draw(st.lists(EVENT_LINES, max_size=10))
    newline = draw(st.sampled_from([b"\n", b"\r\n"]))
    parts: list[bytes] = []
    for line in lines:
        parts += draw(BLANKS)
        parts.append(json.dumps(line, ensure_ascii=draw(st.booleans())).encode())
    parts += draw(BLANKS)
    body = newline.join(parts)
    if draw(st.booleans()):
        body += newline
    cuts = sorted(draw(st.lists(st.integers(0, len(body)), max_size=24)))
    chunks = [body[a:b] for a, b in zip([0, *cuts], [*cuts, len(body)], strict=True)]
    return lines, body, chunks


def parse(chunks: Iterable[bytes]) -> list[Any]:
    response = httpx.Response(200, request=httpx.Request("POST", "https://x"))
    parser = EventParser(operation_events("complete_conversation"), response)
    events: list[Any] = []
    for chunk in chunks:
        events.extend(parser.feed(chunk))
    events.extend(parser.end())
    return events


@settings(max_examples=200, deadline=None)
@given(chunked_streams())
def test_the_parser_decodes_any_chunking_like_the_whole_body(
    stream: tuple[list[dict[str, Any]], bytes, list[bytes]],
) -> None:
    lines, body, chunks = stream
    assert b"".join(chunks) == body
    whole = parse([body])
    assert described(whole) == expected(lines, COMPLETE_EVENTS)
    assert described(parse(chunks)) == described(whole)


@settings(max_examples=25, deadline=None)
@given(chunked_streams())
def test_the_async_client_decodes_any_chunking(
    stream: tuple[list[dict[str, Any]], bytes, list[bytes]],
) -> None:
    lines, _, chunks = stream
    h = Harness("async", lambda request: Body(chunks))
    assert described(events_of(complete(h.client).stream())) == expected(lines, COMPLETE_EVENTS)
    assert h.body.closed


# --- 8. pagination ------------------------------------------------------------------------


@dataclass(frozen=True)
class PagedCase:
    name: str
    call: Callable[[Any, dict[str, Any]], Any]
    path: str
    item: dict[str, Any]
    model: type
    query: dict[str, Any]

    def __str__(self) -> str:
        return self.name


PAGED_CASES = [
    PagedCase(
        "list",
        lambda c, q: c.list(q),
        "/v1/conversation/list",
        CONVERSATION,
        models.ListedConversation,
        {"take": 2, "order": "asc"},
    ),
    PagedCase(
        "export",
        lambda c, q: c.export(q),
        "/v1/conversation/export",
        CONVERSATION,
        models.ListedConversation,
        {"take": 2, "order": "desc"},
    ),
    PagedCase(
        "message.list",
        lambda c, q: c.message.list("cnv_1", q),
        "/v1/conversation/cnv_1/message/list",
        MESSAGE,
        models.ConversationMessage,
        {"take": 2, "order": "asc"},
    ),
    PagedCase(
        "attachment.list",
        lambda c, q: c.attachment.list("cnv_1", q),
        "/v1/conversation/cnv_1/attachment/list",
        ATTACHMENT,
        models.ConversationAttachment,
        {"take": 2},
    ),
]

MISSING = object()
#: How the last page says there is no next one.
ENDINGS = {"no cursor": MISSING, "null cursor": None, "empty cursor": "", "then an empty page": "cur_3"}


def pages_of(case: PagedCase, ending: Any) -> list[dict[str, Any]]:
    ids = [["p1a", "p1b"], ["p2a", "p2b"], ["p3a"]]
    pages: list[dict[str, Any]] = [
        {"items": [{**case.item, "id": i} for i in page], "cursor": f"cur_{n}"}
        for n, page in enumerate(ids, 1)
    ]
    if ending is MISSING:
        del pages[-1]["cursor"]
    else:
        pages[-1]["cursor"] = ending
    if ending == "cur_3":
        pages.append({"items": [], "cursor": "cur_4"})
    return pages


def walk(
    h: Harness, case: PagedCase, query: dict[str, Any], stop: str | None = None
) -> list[tuple[Any, int]]:
    """Each item ``iter_all()`` yields, with how many requests were sent when it came."""
    seen: list[tuple[Any, int]] = []
    items = case.call(h.client, query).iter_all()
    assert h.requests == []
    if h.mode == "sync":
        for item in items:
            seen.append((item, len(h.requests)))
            if item.id == stop:
                break
        return seen

    async def go() -> None:
        async for item in items:
            seen.append((item, len(h.requests)))
            if item.id == stop:
                break

    asyncio.run(go())
    return seen


@pytest.mark.parametrize("ending", list(ENDINGS))
@pytest.mark.parametrize("case", PAGED_CASES, ids=str)
def test_iter_all_walks_every_page_lazily(mode: str, case: PagedCase, ending: str) -> None:
    pages = pages_of(case, ENDINGS[ending])
    h = Harness(mode, lambda request: httpx.Response(200, json=pages[len(h.requests) - 1]))

    seen = walk(h, case, case.query)

    assert [item.id for item, _ in seen] == ["p1a", "p1b", "p2a", "p2b", "p3a"]
    assert [sent for _, sent in seen] == [1, 1, 2, 2, 3]  # a page is fetched when the last one is used up
    assert all(type(item) is case.model for item, _ in seen)
    assert seen[0][0].to_dict() == {**case.item, "id": "p1a"}
    assert len(h.requests) == len(pages)
    query = {key: str(value) for key, value in case.query.items()}
    cursors = [None] + [page.get("cursor") for page in pages[:-1]]
    for request, cursor in zip(h.requests, cursors, strict=True):
        assert request.method == "GET"
        assert request.url.path == case.path
        assert dict(request.url.params) == (query if cursor is None else {**query, "cursor": cursor})


@pytest.mark.parametrize("case", PAGED_CASES, ids=str)
def test_iter_all_starts_at_the_given_cursor_and_stops_when_left(mode: str, case: PagedCase) -> None:
    pages = pages_of(case, "")
    h = Harness(mode, lambda request: httpx.Response(200, json=pages[len(h.requests) - 1]))

    seen = walk(h, case, {**case.query, "cursor": "cur_0"}, stop="p2a")

    assert [item.id for item, _ in seen] == ["p1a", "p1b", "p2a"]
    assert len(h.requests) == 2
    assert h.requests[0].url.params["cursor"] == "cur_0"
    assert h.requests[1].url.params["cursor"] == "cur_1"
    assert h.requests[1].url.params["take"] == "2"


@pytest.mark.parametrize("case", PAGED_CASES, ids=str)
def test_iter_all_of_an_empty_first_page(mode: str, case: PagedCase) -> None:
    pages = [{"items": [], "cursor": "cur_1"}]
    h = Harness(mode, lambda request: httpx.Response(200, json=pages[len(h.requests) - 1]))
    assert walk(h, case, case.query) == []
    assert len(h.requests) == 1


# --- 9. memory ----------------------------------------------------------------------------

EVENTS = 30_000
BOUND = 2_000_000  # bytes: far less than the body (and than the events, kept)


def test_a_long_stream_is_decoded_in_constant_memory(mode: str) -> None:
    token = "é☃😀 " + "x" * 380
    line = jsonl([{"type": "token", "data": {"token": token}}])
    batch = 100

    def chunks() -> Iterator[bytes]:  # made on the fly: the body is never whole in memory
        for _ in range(EVENTS // batch):
            yield line * batch

    h = Harness(mode, lambda request: Body(chunks()))
    stream = complete(h.client).stream()

    def tally_sync() -> tuple[int, int]:
        count = chars = 0
        for event in stream:
            count += 1
            chars += len(event.data.token)
        return count, chars

    async def tally_async() -> tuple[int, int]:
        count = chars = 0
        async for event in stream:
            count += 1
            chars += len(event.data.token)
        return count, chars

    tracemalloc.start()
    try:
        count, chars = tally_sync() if mode == "sync" else asyncio.run(tally_async())
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert (count, chars) == (EVENTS, EVENTS * len(token))
    assert EVENTS * len(line) > 5 * BOUND
    assert peak < BOUND, f"peak {peak} bytes while streaming {EVENTS * len(line)} bytes"
    assert h.body.closed
