"""``extra_body=`` and ``extra_query=``: what the API added after this release can be sent.

Every method takes them (sync, async, and the streamed form of the operations that
stream), merged over the checked body and query. Their keys are not checked against the
spec, their values must be JSON (a ``TypeError`` naming the key, before anything is
sent), and ``extra_body`` on an operation without a body is refused. A value of an open
enum newer than the SDK goes through as an ``UnknownValue``; a plain string outside the
enum is still refused as a typo.
"""

from __future__ import annotations

import asyncio
import json
import math
from types import MappingProxyType
from typing import Any

import httpx
import pytest
from chatbotkit_api.models import MessageCreateRequest
from chatbotkit_api.operations import OPERATIONS, Schema

from chatbotkit_sdk import AsyncConversationClient, ConversationClient, RequestOptions, UnknownValue
from tests.helpers import CALLERS, sample

EXTRA_BODY = {"fieldOfTomorrow": {"nested": [1, "two", None, True]}, "mode": "turbo"}
EXTRA_QUERY = {"preview": True, "tags": ["a", 2], "skipped": None}


class Recorder:
    """Answers every request with a valid answer of its operation, and keeps the requests."""

    def __init__(self, operation: str) -> None:
        self.operation = operation
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        op = OPERATIONS[self.operation]
        if request.headers.get("accept") == "application/jsonl":
            assert op.events is not None
            model = op.events.get("result") or next(iter(op.events.values()))
            line = json.dumps(sample_of(model)).encode() + b"\n"
            return httpx.Response(200, content=line, headers={"content-type": "application/jsonl"})
        return httpx.Response(200, json=sample_of(op.result))

    def body(self) -> Any:
        (request,) = self.requests
        return json.loads(request.content) if request.content else None

    def query(self) -> list[tuple[str, str]]:
        (request,) = self.requests
        return list(request.url.params.multi_items())


def sync_client(recorder: Recorder) -> ConversationClient:
    return ConversationClient(secret="sk", http_client=httpx.Client(transport=httpx.MockTransport(recorder)))


def async_client(recorder: Recorder) -> AsyncConversationClient:
    http = httpx.AsyncClient(transport=httpx.MockTransport(recorder))
    return AsyncConversationClient(secret="sk", http_client=http)


def sample_of(model: str) -> Any:
    return sample(Schema(kind="model", model=model), full=True)


def run(operation: str, mode: str, **options: Any) -> Recorder:
    """Call ``operation`` through its public method (``mode``: sync, async, stream, async-stream)."""
    caller = CALLERS[operation]
    recorder = Recorder(operation)
    if mode in ("sync", "stream"):
        with sync_client(recorder) as client:
            answer = caller.method(client)(*caller.args(), **options)
            if mode == "stream":
                list(answer.stream())
            elif hasattr(answer, "result"):
                answer.result()
        return recorder

    async def go() -> None:
        async with async_client(recorder) as client:
            answer = caller.method(client)(*caller.args(), **options)
            if mode == "async-stream":
                [event async for event in answer.stream()]
            else:
                await answer

    asyncio.run(go())
    return recorder


def _modes(operation: str) -> list[str]:
    return ["sync", "async"] + (["stream", "async-stream"] if OPERATIONS[operation].streams else [])


CASES = [pytest.param(op, mode, id=f"{op}-{mode}") for op in sorted(CALLERS) for mode in _modes(op)]
WITH_BODY = [case for case in CASES if OPERATIONS[case.values[0]].body is not None]
WITHOUT_BODY = [case for case in CASES if OPERATIONS[case.values[0]].body is None]


def test_every_operation_is_covered() -> None:
    assert {case.values[0] for case in CASES} == set(OPERATIONS)
    assert WITH_BODY
    assert WITHOUT_BODY
    assert {"extra_body", "extra_query"} <= set(RequestOptions.__annotations__)


@pytest.mark.parametrize(("operation", "mode"), WITH_BODY)
def test_extra_body_is_merged_over_the_checked_body(operation: str, mode: str) -> None:
    checked = run(operation, mode).body()

    sent = run(operation, mode, extra_body=EXTRA_BODY).body()

    assert sent == {**(checked or {}), **EXTRA_BODY}


@pytest.mark.parametrize(("operation", "mode"), CASES)
def test_extra_query_is_added_to_the_checked_query(operation: str, mode: str) -> None:
    checked = run(operation, mode).query()

    sent = run(operation, mode, extra_query=EXTRA_QUERY).query()

    assert sent == [*checked, ("preview", "true"), ("tags", "a"), ("tags", "2")]


@pytest.mark.parametrize(("operation", "mode"), WITHOUT_BODY)
def test_extra_body_where_there_is_no_body_is_refused_before_sending(operation: str, mode: str) -> None:
    recorder = Recorder(operation)
    with pytest.raises(TypeError, match="sends no request body, so extra_body has nowhere to go"):
        run_into(recorder, operation, mode, extra_body={"a": 1})
    assert recorder.requests == []


def run_into(recorder: Recorder, operation: str, mode: str, **options: Any) -> None:
    """``run``, into a given recorder (to see that nothing was sent)."""
    caller = CALLERS[operation]
    if mode in ("sync", "stream"):
        with sync_client(recorder) as client:
            caller.method(client)(*caller.args(), **options)
        return

    async def go() -> None:
        async with async_client(recorder) as client:
            answer = caller.method(client)(*caller.args(), **options)
            if hasattr(answer, "__await__") and not hasattr(answer, "stream"):
                await answer

    asyncio.run(go())


NOT_JSON = {
    "an object": object(),
    "a set": {1, 2},
    "bytes": b"raw",
    "NaN": math.nan,
    "infinity": math.inf,
    "a lone surrogate": "\ud800",
    "nested NaN": {"deep": [1, math.nan]},
    "a non-string key": {1: "one"},
}


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("value", list(NOT_JSON.values()), ids=list(NOT_JSON))
def test_an_extra_body_value_that_is_not_json_is_a_type_error_naming_its_key(value: Any, mode: str) -> None:
    recorder = Recorder("create_conversation")
    with pytest.raises(TypeError, match=r"extra_body\['fieldOfTomorrow'\]"):
        run_into(recorder, "create_conversation", mode, extra_body={"fieldOfTomorrow": value})
    assert recorder.requests == []


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize(
    "value",
    [{"a": 1}, object(), math.nan, [1, {"a": 1}], b"raw"],
    ids=["dict", "object", "NaN", "list", "bytes"],
)
def test_an_extra_query_value_that_is_not_a_scalar_is_a_type_error_naming_its_key(
    value: Any, mode: str
) -> None:
    recorder = Recorder("list_conversations")
    with pytest.raises(TypeError, match=r"extra_query\['since'\]"):
        run_into(recorder, "list_conversations", mode, extra_query={"since": value})
    assert recorder.requests == []


@pytest.mark.parametrize("option", ["extra_body", "extra_query"])
@pytest.mark.parametrize("value", [["a", 1], "a=1", 5])
def test_extra_body_and_extra_query_must_be_mappings(option: str, value: Any) -> None:
    recorder = Recorder("create_conversation")
    with pytest.raises(TypeError, match=f"{option} must be a mapping"):
        run_into(recorder, "create_conversation", "sync", **{option: value})
    assert recorder.requests == []


def test_extra_body_may_replace_a_checked_field_and_send_an_unknown_enum_value() -> None:
    sent = run(
        "create_conversation_message",
        "sync",
        extra_body={"type": "annotation", "text": "replaced"},
    ).body()

    assert sent == {"type": "annotation", "text": "replaced"}


def test_a_plain_string_outside_an_open_enum_is_refused_as_a_typo() -> None:
    recorder = Recorder("create_conversation_message")
    client = sync_client(recorder)

    with pytest.raises(ValueError, match=r"MessageCreateRequest\.type: .*'bott'.*UnknownValue") as info:
        client.message.create("cnv_1", {"type": "bott", "text": "hi"})  # type: ignore[typeddict-item]

    assert "extra_body" in str(info.value)
    assert recorder.requests == []


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_an_unknown_value_wrapped_in_unknown_value_is_sent_as_is(mode: str) -> None:
    """Echoing what the API sent (a message of a type newer than the SDK) works."""
    message = {"type": UnknownValue("annotation"), "text": "from a newer API"}

    sent = run_with_request("create_conversation_message", mode, message)

    assert sent == {"type": "annotation", "text": "from a newer API"}


def run_with_request(operation: str, mode: str, request: Any) -> Any:
    recorder = Recorder(operation)
    caller = CALLERS[operation]
    if mode == "sync":
        with sync_client(recorder) as client:
            caller.method(client)(*caller.ids(), request)
    else:

        async def go() -> None:
            async with async_client(recorder) as client:
                await caller.method(client)(*caller.ids(), request)

        asyncio.run(go())
    return recorder.body()


def test_a_model_instance_with_an_unknown_value_is_sent_as_is() -> None:
    request = MessageCreateRequest.from_dict({"type": "annotation", "text": "x", "later": 1})
    assert isinstance(request.type_, UnknownValue)

    assert run_with_request("create_conversation_message", "sync", request) == {
        "type": "annotation",
        "text": "x",
        "later": 1,
    }


@pytest.mark.parametrize("operation", sorted(op for op, c in CALLERS.items() if c.request() is not None))
def test_an_unknown_key_in_a_request_mapping_is_refused_as_a_typo(operation: str) -> None:
    """Only ``extra_body`` sends a field the spec does not list: in the request itself an
    unknown key is refused before sending, so that a misspelt field is caught."""
    caller = CALLERS[operation]
    recorder = Recorder(operation)
    client = sync_client(recorder)

    with pytest.raises(TypeError, match="unknown field 'fieldOfTomorrow'"):
        caller.method(client)(*caller.ids(), {**(caller.request() or {}), "fieldOfTomorrow": 1})

    assert recorder.requests == []


@pytest.mark.parametrize("option", ["extra_body", "extra_query", "extra_headers"])
def test_none_is_the_same_as_not_passing_an_option(option: str) -> None:
    """openai-python-style wrappers forward ``extra_body=None`` and the like."""
    plain = run("create_conversation", "sync")
    with_none = run("create_conversation", "sync", **{option: None})
    assert (with_none.body(), with_none.query()) == (plain.body(), plain.query())


def test_a_mapping_that_json_cannot_encode_is_refused_naming_its_key() -> None:
    recorder = Recorder("create_conversation")
    with pytest.raises(TypeError, match=r"extra_body\['settings'\]: expected an object as a dict"):
        run_into(recorder, "create_conversation", "sync", extra_body={"settings": MappingProxyType({"a": 1})})
    with pytest.raises(TypeError, match=r"ConversationCreateRequest\.meta: expected an object as a dict"):
        sync_client(recorder).create({"meta": MappingProxyType({"a": "b"})})
    assert recorder.requests == []


@pytest.mark.parametrize("value", [object(), math.nan, {"deep": {1, 2}}], ids=["object", "NaN", "set"])
def test_a_model_instance_extra_property_must_be_json_too(value: Any) -> None:
    recorder = Recorder("create_conversation_message")
    request = MessageCreateRequest.from_dict({"type": "user", "text": "x"})
    request["later"] = value
    with pytest.raises(TypeError, match=r"MessageCreateRequest\.later"):
        sync_client(recorder).message.create("cnv_1", request)
    assert recorder.requests == []


def test_a_query_enum_typo_points_at_extra_query() -> None:
    recorder = Recorder("list_conversations")
    with pytest.raises(ValueError, match=r"order: .*'sideways'.*extra_query") as info:
        sync_client(recorder).list({"order": "sideways"})  # type: ignore[typeddict-item]
    assert "UnknownValue" in str(info.value)
    assert recorder.requests == []
