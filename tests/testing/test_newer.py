"""``FakeChatBotKit(newer_api=True)``: an application's flow against tomorrow's API.

The same flow (create, complete as a result and as a stream: events, ``tokens()``,
``text()``, ``final_result()``, list, fetch, export, usage) runs against a fake
with ``newer_api`` off and on, through the sync and the async client. What the
application sees must not change; what the newer API adds must be there and
reachable: an unknown property on nested models (``additional_properties``), an
unknown event type (``UnknownEvent``) and an unknown message type (``UnknownValue``).
A last test reads the raw wire over real HTTP on loopback.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from chatbotkit_api.operations import MODELS, OPERATIONS

from chatbotkit_sdk import (
    AsyncConversationClient,
    BadRequestError,
    ConversationClient,
    NotFoundError,
    UnknownEvent,
    UnknownValue,
)
from chatbotkit_sdk.testing import FakeChatBotKit
from chatbotkit_sdk.testing import _newer as newer
from tests.helpers import BASE_URL, FAKE_AUTH, start_cli, stop

pytest_plugins = ["pytester"]

SECRET = "sk_test_newer"
# What the option adds, as its documentation promises it (the wire values).
EXTRA = ("revisionInfo", {"revision": 2, "labels": ["preview"]})
EVENT_TYPE = "progress"
MESSAGE_TYPE = "annotation"
QUESTIONS = ["Hello", "What can you do?", "thank you", "hi again", "Bye"]


def test_the_additions_are_unknown_to_the_spec() -> None:
    """Otherwise the tests below would prove nothing about forward compatibility."""
    assert all(EXTRA[0] not in model.fields for model in MODELS.values())
    assert all(EVENT_TYPE not in (op.events or {}) for op in OPERATIONS.values())
    message_type = MODELS["Message"].fields["type"].schema
    assert message_type.open
    assert MESSAGE_TYPE not in message_type.values
    assert message_type.values == MODELS["ConversationMessage"].fields["type"].schema.values


# --- the application's view ---------------------------------------------------------------


def event_view(event: Any) -> tuple[Any, ...] | None:
    """What an application takes from an event; None for what it does not know."""
    if isinstance(event, UnknownEvent):
        return None
    data = event.data
    if event.type == "token":
        return ("token", data.token)
    if event.type == "message":
        return None if isinstance(data.type, UnknownValue) else ("message", data.type, data.text)
    if event.type == "usage":
        return ("usage", data.model, data.input_tokens_used, data.output_tokens_used)
    if event.type == "result":
        return ("result", data.text, data.usage.token, data.end.reason)
    return (event.type,)


def message_view(messages: list[Any]) -> list[tuple[str, str]]:
    """The messages of the types this release knows, as (type, text)."""
    return [(m.type, m.text) for m in messages if not isinstance(m.type, UnknownValue)]


def extra_of(model: Any) -> Any:
    return model.additional_properties.get(EXTRA[0])


class Seen:
    """What one run of the flow saw: the application's view, and the raw objects."""

    def __init__(self) -> None:
        self.view: dict[str, Any] = {}
        self.objects: dict[str, Any] = {}


def record(
    seen: Seen,
    *,
    result: Any,
    events: list[Any],
    tokens: list[str],
    text: str,
    final: Any,
    stateless: list[Any],
    messages: list[Any],
    paged: list[Any],
    fetched: Any,
    exported: Any,
    usage: Any,
) -> None:
    bot = [m for m in messages if m.type == "bot"]
    seen.view = {
        "result": (result.text, result.usage.token, result.end.reason),
        "result is the first bot message": result.id == bot[0].id,
        "events": [v for v in map(event_view, events) if v is not None],
        "tokens": tokens,
        "text": text,
        "final": (final.text, final.usage.token, final.end.reason, final.id == bot[-1].id),
        "stateless": [v for v in map(event_view, stateless) if v is not None],
        "messages": message_view(messages),
        "paged": message_view(paged),
        "fetched": (fetched.id == result.id, fetched.type, fetched.text),
        "exported": [(c.name, c.model, c.meta.to_dict()) for c in exported.items],
        "usage tokens": usage.tokens,
        "usage counts every stored message": usage.messages == len(messages),
    }
    seen.objects = {
        "result": result,
        "events": events,
        "stateless": stateless,
        "messages": messages,
        "paged": paged,
        "exported": exported,
    }


# --- the flow, sync and async ---------------------------------------------------------------


def sync_flow(fake: FakeChatBotKit) -> Seen:
    seen = Seen()
    http = fake.http_client()
    with ConversationClient(secret=SECRET, base_url=BASE_URL, http_client=http, retry_delay=0) as client:
        conversation = client.create({"model": "gpt-4o", "name": "ticket", "meta": {"app": "demo"}})
        cid = conversation.id
        result = client.complete(cid, {"text": QUESTIONS[0]}).result()
        with client.complete(cid, {"text": QUESTIONS[1]}).stream() as stream:
            events = list(stream)
        tokens = list(client.complete(cid, {"text": QUESTIONS[2]}).stream().tokens())
        text = client.complete(cid, {"text": QUESTIONS[3]}).stream().text()
        final = client.complete(cid, {"text": QUESTIONS[4]}).stream().final_result()
        history = {"messages": [{"type": "user", "text": "Hello"}]}
        with client.complete(None, history).stream() as stream:
            stateless = list(stream)
        messages = client.message.list(cid, {"order": "asc", "take": 100}).result().items
        paged = list(client.message.list(cid, {"order": "asc", "take": 2}).iter_all())
        fetched = client.message.fetch(cid, result.id).result()
        exported = client.export().result()
        usage = client.usage(cid).result()
        record(
            seen,
            result=result,
            events=events,
            tokens=tokens,
            text=text,
            final=final,
            stateless=stateless,
            messages=messages,
            paged=paged,
            fetched=fetched,
            exported=exported,
            usage=usage,
        )
        seen.objects["unknown fetch"] = [
            client.message.fetch(cid, m.id).result() for m in messages if isinstance(m.type, UnknownValue)
        ]
    http.close()
    return seen


async def async_flow(fake: FakeChatBotKit) -> Seen:
    seen = Seen()
    http = fake.async_http_client()
    client = AsyncConversationClient(secret=SECRET, base_url=BASE_URL, http_client=http, retry_delay=0)
    async with client:
        conversation = await client.create({"model": "gpt-4o", "name": "ticket", "meta": {"app": "demo"}})
        cid = conversation.id
        result = await client.complete(cid, {"text": QUESTIONS[0]}).result()
        async with client.complete(cid, {"text": QUESTIONS[1]}).stream() as stream:
            events = [event async for event in stream]
        tokens = [t async for t in client.complete(cid, {"text": QUESTIONS[2]}).stream().tokens()]
        text = await client.complete(cid, {"text": QUESTIONS[3]}).stream().text()
        final = await client.complete(cid, {"text": QUESTIONS[4]}).stream().final_result()
        history = {"messages": [{"type": "user", "text": "Hello"}]}
        async with client.complete(None, history).stream() as stream:
            stateless = [event async for event in stream]
        messages = (await client.message.list(cid, {"order": "asc", "take": 100}).result()).items
        paged = [m async for m in client.message.list(cid, {"order": "asc", "take": 2}).iter_all()]
        fetched = await client.message.fetch(cid, result.id).result()
        exported = await client.export().result()
        usage = await client.usage(cid).result()
        record(
            seen,
            result=result,
            events=events,
            tokens=tokens,
            text=text,
            final=final,
            stateless=stateless,
            messages=messages,
            paged=paged,
            fetched=fetched,
            exported=exported,
            usage=usage,
        )
        seen.objects["unknown fetch"] = [
            await client.message.fetch(cid, m.id).result()
            for m in messages
            if isinstance(m.type, UnknownValue)
        ]
    await http.aclose()
    return seen


@pytest.fixture(scope="module")
def today() -> Seen:
    """The flow against today's API: what the application must keep seeing."""
    return sync_flow(FakeChatBotKit())


def test_today_is_what_the_bot_says(today: Seen) -> None:
    """The baseline is a real conversation, so that comparing with it means something."""
    view = today.view
    assert view["result"][0].startswith("Hello! I am the ChatBotKit test bot.")
    assert view["result"][2] == "stop"
    assert view["text"] == "Hello! I am the ChatBotKit test bot. How can I help you today?"
    assert "".join(view["tokens"]) == "You are welcome. Is there anything else?"
    assert view["events"][0] == ("completeBegin",)
    assert view["events"][-1][0] == "result"
    assert [kind for kind, _ in view["messages"]] == ["user", "bot"] * len(QUESTIONS)
    assert view["paged"] == view["messages"]
    assert all(value is True for key, value in view.items() if isinstance(value, bool)), view
    # Today nothing unknown arrives.
    assert not any(isinstance(e, UnknownEvent) for e in today.objects["events"])
    assert extra_of(today.objects["result"].usage) is None


@pytest.mark.parametrize("run", ["sync", "async"])
def test_the_application_sees_the_same_values(run: str, today: Seen) -> None:
    fake = FakeChatBotKit(newer_api=True)
    seen = sync_flow(fake) if run == "sync" else asyncio.run(async_flow(fake))
    assert seen.view == today.view


@pytest.mark.parametrize("run", ["sync", "async"])
def test_the_newer_api_additions_are_reachable(run: str) -> None:
    fake = FakeChatBotKit(newer_api=True)
    seen = sync_flow(fake) if run == "sync" else asyncio.run(async_flow(fake))
    objects = seen.objects

    # 1. The unknown property, at depth 2 and more, kept by the models.
    result = objects["result"]
    assert extra_of(result) == EXTRA[1]
    assert extra_of(result.usage) == EXTRA[1]
    assert extra_of(result.end) == EXTRA[1]
    assert result.usage[EXTRA[0]] == EXTRA[1]
    assert result.to_dict()["end"][EXTRA[0]] == EXTRA[1]
    assert all(extra_of(m) == EXTRA[1] for m in objects["messages"])
    exported = objects["exported"].items[0]
    assert extra_of(exported) == EXTRA[1]
    assert exported.meta.to_dict() == {"app": "demo"}  # free-form meta is the user's: untouched
    events = objects["events"]
    known = [e for e in events if not isinstance(e, UnknownEvent)]
    assert all(extra_of(e) == EXTRA[1] for e in known)
    assert all(extra_of(e.data) == EXTRA[1] for e in known if e.type in ("token", "usage", "result"))
    assert extra_of(known[-1].data.usage) == EXTRA[1]  # the result event's data.usage: depth 3

    # 2. The unknown event type: in the middle of the stream, before the result.
    for stream in (events, objects["stateless"]):
        unknown = [i for i, e in enumerate(stream) if isinstance(e, UnknownEvent)]
        assert len(unknown) == 1
        event = stream[unknown[0]]
        assert isinstance(event, UnknownEvent)
        assert event.event_type == EVENT_TYPE
        assert event.type == "unknown"
        assert isinstance(event.data, dict)
        assert event.data["step"] == {"index": 1, "of": 2}
        assert 0 < unknown[0] < len(stream) - 1
        assert stream[-1].type == "result"

    # 3. The unknown message type: streamed just before the bot's message, and stored.
    messages = [e.data for e in events if e.type == "message"]
    assert [m.type for m in messages] == [MESSAGE_TYPE, "bot"]
    assert isinstance(messages[0].type, UnknownValue)
    assert messages[0].type == MESSAGE_TYPE
    stateless = [e.data.type for e in objects["stateless"] if e.type == "message"]
    assert stateless == [MESSAGE_TYPE, "bot"]
    stored = [m.type for m in objects["messages"]]
    assert stored == ["user", MESSAGE_TYPE, "bot"] * len(QUESTIONS)
    assert all(isinstance(t, UnknownValue) for t in stored if t == MESSAGE_TYPE)
    assert [m.id for m in objects["paged"]] == [m.id for m in objects["messages"]]
    fetched = objects["unknown fetch"]
    assert len(fetched) == len(QUESTIONS)
    assert all(isinstance(m.type, UnknownValue) and m.type == MESSAGE_TYPE for m in fetched)
    assert all(m.to_dict()["type"] == MESSAGE_TYPE for m in fetched)
    assert {m.text for m in fetched} == {m.text for m in objects["messages"] if m.type == MESSAGE_TYPE}


def test_errors_carry_the_unknown_property_too() -> None:
    fake = FakeChatBotKit(newer_api=True)
    with (
        fake.http_client() as http,
        ConversationClient(secret=SECRET, base_url=BASE_URL, http_client=http) as client,
        pytest.raises(NotFoundError) as caught,
    ):
        client.fetch("cnv_missing").result()
    assert caught.value.body[EXTRA[0]] == EXTRA[1]
    assert caught.value.code == "NOT_FOUND"


def test_off_by_default_and_deterministic() -> None:
    assert FakeChatBotKit().newer_api is False
    first, second = (
        newer.events("complete_conversation", [{"type": "completeBegin", "data": {}}] * 3) for _ in range(2)
    )
    assert first == second
    assert first[1] == {"type": EVENT_TYPE, "data": {"stage": "generating", "step": {"index": 1, "of": 2}}}


def test_the_walk_follows_the_models() -> None:
    """Free-form maps keep their keys; unions take the property only for the option that fits."""
    definition = {
        "name": "lookup",
        "parameters": {"type": "object", "properties": {"q": {"type": "string"}}},
        "result": {"channel": "ch"},
    }
    walked = newer.answer("FunctionDefinition", definition)
    assert walked[EXTRA[0]] == EXTRA[1]
    assert walked["parameters"][EXTRA[0]] == EXTRA[1]
    assert walked["parameters"]["properties"] == {"q": {"type": "string"}}  # a map of any: untouched
    assert walked["result"] == {"channel": "ch", EXTRA[0]: EXTRA[1]}  # FunctionResultChannel
    assert newer.answer("FunctionDefinition", {"result": "not an object"})["result"] == "not an object"
    assert newer.answer("Meta", {"a": {"b": 1}}) == {"a": {"b": 1}}
    assert definition["result"] == {"channel": "ch"}  # the input is never changed


# --- the raw wire, over HTTP on loopback --------------------------------------------------------


def wire_flow(fake: FakeChatBotKit) -> Iterator[tuple[str, Any]]:
    """Raw answers to a create, a streamed completion, a message list and an error."""
    with (
        fake.serve() as url,
        httpx.Client(base_url=url, headers={"Authorization": f"Bearer {SECRET}"}, timeout=10) as http,
    ):
        created = http.post("/v1/conversation/create", json={"meta": {"app": "demo"}}).json()
        yield "create", created
        cid = created["id"]
        streamed = http.post(
            f"/v1/conversation/{cid}/complete",
            json={"text": "Hello"},
            headers={"Accept": "application/jsonl"},
        )
        assert streamed.headers["content-type"] == "application/jsonl"
        yield "stream", [json.loads(line) for line in streamed.text.splitlines()]
        yield "list", http.get(f"/api/v1/conversation/{cid}/message/list", params={"order": "asc"}).json()
        yield "export", http.get("/v1/conversation/export").json()
        missing = http.get("/v1/conversation/cnv_missing/fetch")
        assert missing.status_code == 404
        yield "error", missing.json()


def without_additions(value: Any) -> Any:
    """The answer as today's API would send it: the three additions taken out; ids and
    times (which differ from run to run) blanked."""
    if isinstance(value, list):
        kept = [
            v
            for v in value
            if not (isinstance(v, dict) and v.get("type") == EVENT_TYPE)
            and not (isinstance(v, dict) and v.get("type") == MESSAGE_TYPE)
            and not (isinstance(v, dict) and (v.get("data") or {}).get("type") == MESSAGE_TYPE)
        ]
        return [without_additions(v) for v in kept]
    if isinstance(value, dict):
        blank = ("id", "createdAt", "updatedAt", "cursor")
        return {k: "*" if k in blank else without_additions(v) for k, v in value.items() if k != EXTRA[0]}
    return value


def test_the_additions_are_on_the_wire() -> None:
    today = dict(wire_flow(FakeChatBotKit()))
    answers = dict(wire_flow(FakeChatBotKit(newer_api=True)))
    extra_key, extra_value = EXTRA

    assert extra_key not in json.dumps(today)  # today's fake never sends them
    assert EVENT_TYPE not in {e["type"] for e in today["stream"]}

    created = answers["create"]
    assert created[extra_key] == extra_value
    stream = answers["stream"]
    result = stream[-1]
    assert result["type"] == "result"
    assert result["data"]["usage"][extra_key] == extra_value  # depth 3
    assert result["data"]["end"][extra_key] == extra_value
    types = [e["type"] for e in stream]
    assert types.count(EVENT_TYPE) == 1
    assert 0 < types.index(EVENT_TYPE) < len(types) - 1
    progress = stream[types.index(EVENT_TYPE)]
    assert progress["data"] == {"stage": "generating", "step": {"index": 1, "of": 2}}
    messages = [e["data"] for e in stream if e["type"] == "message"]
    assert [m["type"] for m in messages] == [MESSAGE_TYPE, "bot"]
    assert all(m[extra_key] == extra_value for m in messages)
    listed = answers["list"]["items"]
    assert [m["type"] for m in listed] == ["user", MESSAGE_TYPE, "bot"]
    assert listed[2]["id"] == result["data"]["id"]
    assert all(m[extra_key] == extra_value for m in listed)
    exported = answers["export"]["items"][0]
    assert exported[extra_key] == extra_value
    assert exported["meta"] == {"app": "demo"}
    assert answers["error"][extra_key] == extra_value

    # Nothing else differs from today's answers.
    assert without_additions(answers) == without_additions(today)


# --- the pytest plugin --------------------------------------------------------------------------


def test_plugin_marker_and_ini_option(pytester: pytest.Pytester) -> None:
    pytester.makeini("[pytest]\naddopts = --strict-markers\n")
    pytester.makepyfile(
        test_app="""
        import pytest

        from chatbotkit_sdk import UnknownValue


        def types(client):
            conversation = client.create()
            client.complete(conversation.id, {"text": "Hello"}).result()
            return [m.type for m in client.message.list(conversation.id, {"order": "asc"}).result().items]


        def test_today_by_default(chatbotkit_client, chatbotkit_fake):
            assert chatbotkit_fake.newer_api is False
            assert types(chatbotkit_client) == ["user", "bot"]


        @pytest.mark.chatbotkit_fake(newer_api=True)
        def test_newer_by_marker(chatbotkit_client, chatbotkit_fake):
            found = types(chatbotkit_client)
            assert found == ["user", "annotation", "bot"]
            assert isinstance(found[1], UnknownValue)
        """
    )
    pytester.runpytest("-p", "no:cacheprovider").assert_outcomes(passed=2)
    # The whole suite against tomorrow's API: the ini option; a marker still wins.
    pytester.makepyfile(
        test_suite="""
        import pytest


        def test_newer_by_ini(chatbotkit_fake):
            assert chatbotkit_fake.newer_api is True


        @pytest.mark.chatbotkit_fake(newer_api=False)
        def test_marker_wins(chatbotkit_fake):
            assert chatbotkit_fake.newer_api is False


        @pytest.mark.chatbotkit_fake(secret="x")
        def test_marker_takes_only_newer_api(chatbotkit_fake):
            pass
        """
    )
    result = pytester.runpytest("-p", "no:cacheprovider", "-o", "chatbotkit_newer_api=true", "test_suite.py")
    result.assert_outcomes(passed=2, errors=1)
    result.stdout.fnmatch_lines(["*takes only newer_api*"])


def test_python_m_chatbotkit_sdk_testing_newer_api_answers_like_tomorrows_api() -> None:
    process, port = start_cli("--newer-api", unbuffered=True)
    try:
        created = httpx.post(
            f"http://127.0.0.1:{port}/v1/conversation/create", json={}, headers=FAKE_AUTH, timeout=2
        )
        assert created.status_code == 200
        assert created.json()[newer.EXTRA_PROPERTY] == newer.EXTRA_VALUE
    finally:
        stop(process)


def test_what_the_newer_api_sends_it_takes_back() -> None:
    """Echoing a listed history (with its new message type) is what tomorrow's API accepts;
    today's fake, like today's API, refuses the value it does not know."""
    tomorrow = FakeChatBotKit(newer_api=True)
    with ConversationClient(secret=SECRET, base_url=BASE_URL, http_client=tomorrow.http_client()) as client:
        cid = client.create({}).id
        client.complete(cid, {"text": "Hello"}).result()
        messages = client.message.list(cid, {"order": "asc"}).result().items
        history = [{"type": m.type, "text": m.text} for m in messages]
        (new,) = [i for i, m in enumerate(messages) if isinstance(m.type, UnknownValue)]
        assert messages[new].type == newer.UNKNOWN_MESSAGE_TYPE

        replayed = client.complete(None, {"messages": history}).result()
        copied = client.message.create(cid, history[new])

    assert replayed.text
    assert copied.id
    today = ConversationClient(secret=SECRET, base_url=BASE_URL, http_client=FakeChatBotKit().http_client())
    with pytest.raises(BadRequestError, match=rf"messages\[{new}\]\.type: expected one of") as info:
        today.complete(None, {"messages": history}).result()
    assert "UnknownValue" not in info.value.message  # the SDK's advice, not the API's
