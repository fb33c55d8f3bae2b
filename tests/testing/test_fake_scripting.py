"""``FakeChatBotKit`` scripted and deterministic: ``reply()``, ``bot=``, ``seed=``/``clock=``,
``add_conversation()``/``add_message()``.

Every field of ``reply()`` is checked streamed and not streamed, for each operation that
makes a bot turn (stateless complete, stateful complete, receive), through the SDK's
clients and as raw JSON. The events given to ``reply(events=...)`` are generated from
the spec's tables (one per event type of each completion stream), not written by hand.
"""

from __future__ import annotations

import asyncio
import datetime
import json
import re
from typing import Any

import httpx
import pytest
from chatbotkit_api.operations import MODELS, OPERATIONS, Schema

from chatbotkit_sdk import (
    AsyncConversationClient,
    AuthenticationError,
    ConversationClient,
    InternalServerError,
    StreamError,
)
from chatbotkit_sdk.testing import FakeChatBotKit
from tests.helpers import BASE_URL, FAKE_AUTH, FAKE_SECRET, HELLO, stored_messages, tokens_of

JSONL = {"Accept": "application/jsonl"}
#: The operations whose answer is a bot turn; their event tables come from the spec.
TURNS = ["complete_conversation", "complete_conversation_message", "receive_conversation_message"]
#: The spec's CompleteReason values, from the generated tables.
END_REASONS = list(MODELS["CompleteEnd"].fields["reason"].schema.values)
TURN_EVENTS = sorted({kind for op in TURNS for kind in OPERATIONS[op].events or {}})
T0 = 978_307_200_000  # 2001-01-01T00:00:00Z in epoch ms


# --- fixtures and helpers --------------------------------------------------------------


def promise_for(client: ConversationClient, op: str, text: str = "Hello") -> tuple[Any, str | None]:
    """The call of ``op`` (not yet sent) and its conversation, created for it."""
    if op == "complete_conversation":
        return client.complete(None, {"model": "gpt-4o", "messages": [{"type": "user", "text": text}]}), None
    conversation_id = client.create({"model": "gpt-4o"}).id
    if op == "complete_conversation_message":
        return client.complete(conversation_id, {"text": text}), conversation_id
    client.send(conversation_id, {"text": text}).result()
    return client.receive(conversation_id), conversation_id


def run(client: ConversationClient, op: str, *, stream: bool) -> tuple[Any, list[Any], str | None]:
    """Send ``op``: its result, its events (streamed) or [] and its conversation."""
    promise, conversation_id = promise_for(client, op)
    if not stream:
        return promise.result(), [], conversation_id
    with promise.stream() as events_stream:
        events = list(events_stream)
    return events[-1].data, events, conversation_id


def raw_turn(raw: httpx.Client, fake: FakeChatBotKit, op: str, *, stream: bool) -> httpx.Response:
    """Send ``op`` as plain JSON; stateful ones on a conversation seeded with a user message."""
    headers = JSONL if stream else {}
    if op == "complete_conversation":
        body = {"messages": [{"type": "user", "text": "Hello"}]}
        return raw.post("/v1/conversation/complete", json=body, headers=headers)
    conversation_id = fake.add_conversation(model="gpt-4o")
    if op == "complete_conversation_message":
        return raw.post(
            f"/v1/conversation/{conversation_id}/complete", json={"text": "Hello"}, headers=headers
        )
    fake.add_message(conversation_id, "Hello")
    return raw.post(f"/v1/conversation/{conversation_id}/receive", json={}, headers=headers)


def lines(response: httpx.Response) -> list[dict[str, Any]]:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/jsonl"
    return [json.loads(line) for line in response.text.splitlines()]


def kinds(events: list[Any]) -> list[str]:
    return [event["type"] if isinstance(event, dict) else event.type for event in events]


#: A value of each scalar kind of schema (enums, models and unions are built from the spec).
SCALARS: dict[str, Any] = {"integer": 3, "number": 3, "boolean": True, "array": [], "map": {}, "any": None}


def sample(schema: Schema, name: str = "value") -> Any:
    """A small value that fits ``schema`` (required fields only), from the spec's tables."""
    if schema.kind == "string":
        return f"sample {name}"
    if schema.kind == "enum":
        return schema.values[0]
    if schema.kind == "union":
        return sample(schema.options[0], name)
    if schema.kind == "model":
        fields = MODELS[schema.model].fields.values()
        return {f.name: sample(f.schema, f.name) for f in fields if f.required}
    return SCALARS[schema.kind]


def sample_event(op: str, kind: str) -> dict[str, Any]:
    """An event of ``kind`` as ``op``'s stream has it, with data built from its model."""
    model = MODELS[(OPERATIONS[op].events or {})[kind]]
    return {"type": kind, "data": sample(model.fields["data"].schema)}


class Clock:
    """A clock for ``FakeChatBotKit(clock=...)``: seconds since the epoch, moved by hand."""

    def __init__(self, start: float) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now


# --- 1. reply(): each field, streamed and not, for each bot turn ---------------------------


@pytest.mark.parametrize("stream", [False, True], ids=["json", "stream"])
@pytest.mark.parametrize("op", TURNS)
def test_reply_text(client: ConversationClient, fake: FakeChatBotKit, op: str, stream: bool) -> None:
    fake.reply("A scripted answer, word for word.")
    result, events, conversation_id = run(client, op, stream=stream)
    assert result.text == "A scripted answer, word for word."
    if stream:
        assert tokens_of(events) == result.text
        assert kinds(events).count("token") == 6
        message = [e.data for e in events if e.type == "message"][-1]
        assert (message.type, message.text) == ("bot", result.text)
    if conversation_id is not None:
        assert stored_messages(fake, conversation_id) == [("user", "Hello"), ("bot", result.text)]
        assert fake.messages[conversation_id][-1]["id"] == result.id
    assert result.usage.token > 0


@pytest.mark.parametrize("stream", [False, True], ids=["json", "stream"])
@pytest.mark.parametrize("op", TURNS)
def test_reply_reasoning(client: ConversationClient, fake: FakeChatBotKit, op: str, stream: bool) -> None:
    fake.reply("Four.", reasoning="Two and two make four.")
    result, events, conversation_id = run(client, op, stream=stream)
    assert result.text == "Four."
    if stream:
        order = kinds(events)
        assert order[: order.index("token")] == ["completeBegin", *["reasoningToken"] * 5]
        assert tokens_of(events, "reasoningToken") == "Two and two make four."
        assert tokens_of(events) == "Four."
        said = [(e.data.type, e.data.text) for e in events if e.type == "message"]
        assert said == [("reasoning", "Two and two make four."), ("bot", "Four.")]
    if conversation_id is not None:  # the API keeps reasoning in the conversation, before the reply
        assert stored_messages(fake, conversation_id) == [
            ("user", "Hello"),
            ("reasoning", "Two and two make four."),
            ("bot", "Four."),
        ]
        listed = client.message.list(conversation_id, {"order": "asc"}).result().items
        assert [m.type for m in listed] == ["user", "reasoning", "bot"]
        assert listed[-1].id == result.id


@pytest.mark.parametrize("stream", [False, True], ids=["json", "stream"])
@pytest.mark.parametrize("op", TURNS)
def test_reply_usage(client: ConversationClient, fake: FakeChatBotKit, op: str, stream: bool) -> None:
    fake.reply("Counted.", usage=1234)
    result, events, conversation_id = run(client, op, stream=stream)
    assert result.usage.token == 1234
    if stream:
        usage = next(e.data for e in events if e.type == "usage")
        assert usage.input_tokens_used + usage.output_tokens_used == 1234
        assert usage.output_tokens_used == 2  # "Counted" and "."
        assert usage.model == "gpt-4o"
    if conversation_id is not None:
        assert client.usage(conversation_id).result().tokens == 1234


@pytest.mark.parametrize("stream", [False, True], ids=["json", "stream"])
@pytest.mark.parametrize("op", TURNS)
@pytest.mark.parametrize("reason", END_REASONS)
def test_reply_end_reason(
    client: ConversationClient, fake: FakeChatBotKit, op: str, stream: bool, reason: str
) -> None:
    fake.reply("Cut short", end_reason=reason)
    result, events, _ = run(client, op, stream=stream)
    if op != "receive_conversation_message":  # ReceiveResult has no end
        assert result.end.reason == reason
    if stream:
        end = next(e.data for e in events if e.type == "completeEnd")
        assert end.additional_properties == {"reason": reason}


@pytest.mark.parametrize("op", TURNS)
def test_end_reason_as_raw_json(raw: httpx.Client, fake: FakeChatBotKit, op: str) -> None:
    fake.reply("Long", end_reason="length")
    events = lines(raw_turn(raw, fake, op, stream=True))
    assert {"type": "completeEnd", "data": {"reason": "length"}} in events
    fake.reply("Long", end_reason="length")
    answer = raw_turn(raw, fake, op, stream=False).json()
    assert answer.get("end") == (None if op == "receive_conversation_message" else {"reason": "length"})
    fake.reply("Plain")  # left out: "stop", and completeEnd's data stays empty, as before
    assert {"type": "completeEnd", "data": {}} in lines(raw_turn(raw, fake, op, stream=True))


def test_an_unknown_end_reason_is_refused(fake: FakeChatBotKit) -> None:
    for bad in ("finished", "STOP", ""):
        with pytest.raises(ValueError, match="CompleteReason"):
            fake.reply("x", end_reason=bad)
    with pytest.raises(ValueError, match="usage"):
        fake.reply("x", usage=-1)
    with pytest.raises(TypeError, match="text"):
        fake.reply(42)  # type: ignore[arg-type]


@pytest.mark.parametrize("op", TURNS)
def test_reply_error_streamed(client: ConversationClient, fake: FakeChatBotKit, op: str) -> None:
    fake.reply("Partial answer", error="The model is overloaded")
    promise, conversation_id = promise_for(client, op)
    seen: list[Any] = []
    with pytest.raises(StreamError, match="The model is overloaded") as caught, promise.stream() as events:
        seen.extend(events)
    assert caught.value.data == {"message": "The model is overloaded"}
    assert kinds(seen) == ["completeBegin", "token", "token"]
    assert tokens_of(seen) == "Partial answer"
    if conversation_id is not None:  # an error turn stores no reply
        assert [kind for kind, _ in stored_messages(fake, conversation_id)] == ["user"]
        assert client.usage(conversation_id).result().tokens == 0


@pytest.mark.parametrize("op", TURNS)
def test_reply_error_as_raw_json(raw: httpx.Client, fake: FakeChatBotKit, op: str) -> None:
    fake.reply("", error="Upstream failed")
    events = lines(raw_turn(raw, fake, op, stream=True))
    assert events == [
        {"type": "completeBegin", "data": {}},
        {"type": "error", "data": {"message": "Upstream failed"}},  # the spec's ErrorEventData
    ]
    fake.reply(error="Upstream failed")
    answer = raw_turn(raw, fake, op, stream=False)
    assert answer.status_code == 500
    assert answer.json() == {"message": "Upstream failed", "code": "INTERNAL_SERVER_ERROR"}


@pytest.mark.parametrize("op", TURNS)
def test_reply_error_not_streamed_through_the_sdk(fake: FakeChatBotKit, op: str) -> None:
    with ConversationClient(
        secret=FAKE_SECRET, base_url=BASE_URL, http_client=fake.http_client(), retries=0
    ) as client:
        fake.reply("ignored", error="Model unavailable")
        promise, conversation_id = promise_for(client, op)
        with pytest.raises(InternalServerError, match="Model unavailable") as caught:
            promise.result()
        assert (caught.value.status_code, caught.value.code) == (500, "INTERNAL_SERVER_ERROR")
        if conversation_id is not None:
            assert [kind for kind, _ in stored_messages(fake, conversation_id)] == ["user"]


def test_a_retried_error_falls_back_to_the_next_reply(
    client: ConversationClient, fake: FakeChatBotKit
) -> None:
    """The SDK retries a 500: each attempt is a bot turn, and takes the next reply."""
    fake.reply(error="first attempt fails")
    fake.reply("second attempt answers")
    result = client.complete(None, {"messages": [{"type": "user", "text": "Hello"}]}).result()
    assert result.text == "second attempt answers"
    assert [r.operation for r in fake.requests] == ["complete_conversation"] * 2


# --- 2. reply(events=...): every event type of the spec, sent as given ---------------------


@pytest.mark.parametrize(
    ("op", "kind"), [(op, kind) for op in TURNS for kind in OPERATIONS[op].events or {}], ids=str
)
def test_each_event_type_is_sent_as_given(
    client: ConversationClient, raw: httpx.Client, fake: FakeChatBotKit, op: str, kind: str
) -> None:
    event = sample_event(op, kind)
    fake.reply(events=[event])
    assert lines(raw_turn(raw, fake, op, stream=True)) == [event]

    fake.reply(events=[event])
    promise, _ = promise_for(client, op)
    if kind == "error":
        with pytest.raises(StreamError, match=event["data"]["message"]), promise.stream() as stream:
            list(stream)
        return
    with promise.stream() as stream:
        (parsed,) = list(stream)
    assert parsed.type == kind
    assert parsed.to_dict() == event  # typed by the SDK, and exactly what was given


@pytest.mark.parametrize("op", TURNS)
def test_a_stream_of_every_event_type(
    client: ConversationClient, raw: httpx.Client, fake: FakeChatBotKit, op: str
) -> None:
    table = OPERATIONS[op].events or {}
    given = [sample_event(op, kind) for kind in table if kind not in ("result", "error")]
    given += [
        {"type": "message", "data": {"type": "activity", "text": "Called get_weather"}},
        sample_event(op, "result"),
    ]
    assert set(kinds(given)) == set(table) - {"error"}
    fake.reply(events=given)
    assert lines(raw_turn(raw, fake, op, stream=True)) == given  # no result added, nothing changed
    fake.reply(events=given)
    with promise_for(client, op)[0].stream() as stream:
        assert [e.to_dict() for e in stream] == given
    fake.reply(events=given)  # not streamed: the result event's data, as given
    assert raw_turn(raw, fake, op, stream=False).json() == given[-1]["data"]


@pytest.mark.parametrize("op", TURNS)
def test_a_json_answer_built_from_given_events(
    client: ConversationClient, fake: FakeChatBotKit, op: str
) -> None:
    events = [
        {"type": "completeBegin", "data": {}},
        {"type": "message", "data": {"type": "activity", "text": "Looked it up"}},
        {"type": "waitForChannelMessageBegin", "data": {"channel": "c"}},
        {"type": "waitForChannelMessageEnd", "data": {}},
        {"type": "token", "data": {"token": "Sunny"}},
        {"type": "token", "data": {"token": " today"}},
        {"type": "completeEnd", "data": {"reason": "activity"}},
        {"type": "usage", "data": {"model": "m", "inputTokensUsed": 30, "outputTokensUsed": 12}},
    ]
    fake.reply(events=events)
    result, _, conversation_id = run(client, op, stream=False)
    assert (result.text, result.usage.token) == ("Sunny today", 42)
    if op != "receive_conversation_message":
        assert result.end.reason == "activity"
    if conversation_id is not None:  # the stream's messages are stored, then the reply
        assert stored_messages(fake, conversation_id) == [
            ("user", "Hello"),
            ("activity", "Looked it up"),
            ("bot", "Sunny today"),
        ]
        assert fake.messages[conversation_id][-1]["id"] == result.id
        assert client.usage(conversation_id).result().tokens == 42

    fake.reply(
        events=[{"type": "token", "data": {"token": "Stop"}}, {"type": "abort", "data": {"reason": "user"}}]
    )
    aborted, _, _ = run(client, op, stream=False)
    assert aborted.text == "Stop"
    if op != "receive_conversation_message":
        assert aborted.end.reason == "abort"


def test_a_given_result_is_the_answer_and_its_id_the_stored_replys(
    client: ConversationClient, fake: FakeChatBotKit
) -> None:
    final = {
        "id": "msg_given_reply",
        "text": "From the result",
        "usage": {"token": 7},
        "end": {"reason": "stop"},
    }
    fake.reply(events=[{"type": "token", "data": {"token": "Other"}}, {"type": "result", "data": final}])
    result, _, conversation_id = run(client, "complete_conversation_message", stream=False)
    assert (result.id, result.text, result.usage.token) == ("msg_given_reply", "From the result", 7)
    assert conversation_id is not None
    fetched = client.message.fetch(conversation_id, "msg_given_reply").result()
    assert (fetched.type, fetched.text) == ("bot", "From the result")


def test_a_given_error_event_fails_the_json_answer(raw: httpx.Client, fake: FakeChatBotKit) -> None:
    fake.reply(
        events=[{"type": "token", "data": {"token": "a"}}, {"type": "error", "data": {"message": "boom"}}]
    )
    answer = raw_turn(raw, fake, "complete_conversation", stream=False)
    assert (answer.status_code, answer.json()["message"]) == (500, "boom")


def test_given_events_are_checked(fake: FakeChatBotKit) -> None:
    for bad in ("progress", "item", "tokens", "", None):
        with pytest.raises(ValueError, match="event type"):
            fake.reply(events=[{"type": bad, "data": {}}])
    with pytest.raises(ValueError, match="'data'"):
        fake.reply(events=[{"type": "token"}])
    with pytest.raises(ValueError, match="mapping"):
        fake.reply(events=["token"])  # type: ignore[list-item]
    with pytest.raises(ValueError, match="JSON"):
        fake.reply(events=[{"type": "token", "data": {"token": object()}}])
    with pytest.raises(TypeError, match="list"):
        fake.reply(events={"type": "token", "data": {}})  # type: ignore[arg-type]
    assert sorted(OPERATIONS["complete_conversation"].events or {}) == TURN_EVENTS


# --- 3. the queue: in order, then the bot; only bot turns take from it ---------------------


def test_replies_queue_in_order_then_fall_back_to_the_bot(
    client: ConversationClient, fake: FakeChatBotKit
) -> None:
    fake.reply("one")
    fake.reply("two")
    fake.reply("three")
    request = {"messages": [{"type": "user", "text": "Hello"}]}
    conversation_id = client.create().id
    client.send(conversation_id, {"text": "Hello"}).result()  # send makes no bot turn
    client.dispatch(conversation_id, {"text": "Hello"})  # nor does dispatch
    assert client.complete(None, request).result().text == "one"
    with client.complete(conversation_id, {"text": "Hello"}).stream() as stream:
        assert stream.text() == "two"
    assert client.receive(conversation_id).result().text == "three"
    assert client.complete(None, request).result().text == HELLO


def test_a_refused_request_takes_no_reply(
    client: ConversationClient, raw: httpx.Client, fake: FakeChatBotKit
) -> None:
    fake.reply("kept")
    assert raw.post("/v1/conversation/cnv_missing/complete", json={"text": "x"}).status_code == 404
    assert raw.post("/v1/conversation/complete", json={"messages": "no"}).status_code == 400
    fake.fail(503, operation="complete_conversation")
    assert raw.post("/v1/conversation/complete", json={"messages": []}).status_code == 503
    assert client.complete(None, {"messages": []}).result().text == "kept"


def test_fields_left_out_are_the_bots(client: ConversationClient, fake: FakeChatBotKit) -> None:
    fake.reply(end_reason="length")
    result = client.complete(None, {"messages": [{"type": "user", "text": "Hello"}]}).result()
    assert (result.text, result.end.reason) == (HELLO, "length")


# --- 5. seed= and clock=: the same answers on every run ---------------------------------------


def transcript(fake: FakeChatBotKit) -> list[bytes]:
    """Every answer's bytes, for a fixed series of requests touching ids, times and tokens."""
    out: list[bytes] = []
    with httpx.Client(transport=fake.transport(), base_url=BASE_URL, headers=FAKE_AUTH) as http:

        def post(path: str, body: Any, stream: bool = False) -> httpx.Response:
            answer = http.post(f"/v1/conversation{path}", json=body, headers=JSONL if stream else {})
            out.append(answer.content)
            return answer

        conversation_id = post("/create", {"name": "a", "messages": [{"type": "user", "text": "Hi"}]}).json()[
            "id"
        ]
        post(f"/{conversation_id}/complete", {"text": "What now?"}, stream=True)
        post(f"/{conversation_id}/complete", {"text": "Thanks"})
        fake.reply("scripted", reasoning="why")
        post(f"/{conversation_id}/complete", {"text": "More"}, stream=True)
        post(f"/{conversation_id}/send", {"text": "ann@example.com"})
        post(f"/{conversation_id}/receive", {}, stream=True)
        post("/complete", {"messages": [{"type": "user", "text": "Hello"}]}, stream=True)
        post("/dispatch", {"messages": [{"type": "user", "text": "Hello"}]})
        post(f"/{conversation_id}/session/create", {"durationInSeconds": 60})
        post(f"/{conversation_id}/attachment/upload", {"file": {"type": "text/plain", "size": 3}})
        post(f"/{conversation_id}/message/create", {"type": "context", "text": "note"})
        post(f"/{conversation_id}/compact", {})
        seeded = fake.add_conversation(name="seeded", messages=[{"type": "user", "text": "old"}])
        out.append(seeded.encode())
        out.append(fake.add_message(seeded, "older", created_at=T0).encode())
        for path in (
            f"/{conversation_id}/message/list",
            "/list",
            "/export",
            f"/{seeded}/fetch",
            f"/{conversation_id}/usage",
        ):
            out.append(http.get(f"/v1/conversation{path}").content)
            out.append(http.get(f"/v1/conversation{path}", headers=JSONL).content)
    return out


def test_seed_and_clock_give_byte_identical_answers() -> None:
    first = transcript(FakeChatBotKit(seed=7, clock=Clock(1_700_000_000.0)))
    second = transcript(FakeChatBotKit(seed=7, clock=Clock(1_700_000_000.0)))
    assert first == second
    assert b'"token": "ses_' in b"".join(first)
    assert b'"channelId": "ch_' in b"".join(first)
    # The test can fail: each of the seed and the clock matters.
    assert transcript(FakeChatBotKit(seed=8, clock=Clock(1_700_000_000.0))) != first
    assert transcript(FakeChatBotKit(seed=7, clock=Clock(1_700_000_001.0))) != first


def test_seeded_ids_keep_their_shape_and_stay_unique() -> None:
    def ids(fake: FakeChatBotKit) -> list[str]:
        return [fake.add_conversation() for _ in range(50)]

    seeded = ids(FakeChatBotKit(seed=1))
    assert seeded == ids(FakeChatBotKit(seed=1))
    assert seeded != ids(FakeChatBotKit(seed=2))
    assert len(set(seeded)) == 50
    unseeded = ids(FakeChatBotKit())
    pattern = r"cnv_\d{6}[0-9a-f]{6}"
    assert all(re.fullmatch(pattern, i) for i in seeded + unseeded)
    fake = FakeChatBotKit(seed=1)
    fake.add_conversation(seeded[1])  # a given id is never generated again
    assert seeded[1] not in ids(fake)


def test_the_clock_sets_times_usage_periods_and_session_expiry() -> None:
    clock = Clock(T0 / 1000)
    fake = FakeChatBotKit(clock=clock)
    with ConversationClient(secret=FAKE_SECRET, base_url=BASE_URL, http_client=fake.http_client()) as client:
        conversation_id = client.create().id
        reply = client.complete(conversation_id, {"text": "Hi"}).result()
        fetched = client.fetch(conversation_id).result()
        assert fetched.created_at == T0  # the clock's time
        messages = client.message.list(conversation_id, {"order": "asc"}).result().items
        assert [m.created_at for m in messages] == [T0 + 1, T0 + 2]  # a stopped clock: still increasing
        assert fetched.updated_at == T0 + 2

        day = datetime.timedelta(days=1)
        start = datetime.datetime(2001, 1, 1, tzinfo=datetime.UTC)
        around = client.usage(conversation_id, {"from": start - day, "to": start + day}).result()
        assert (around.tokens, around.messages) == (reply.usage.token, 2)
        today = client.usage(conversation_id, {"from": datetime.datetime.now(datetime.UTC) - day}).result()
        assert (today.tokens, today.messages) == (0, 0)

        session = client.session.create(conversation_id, {"durationInSeconds": 60})
        assert session.expires_at == T0 + 60_000
        with fake.http_client() as http:
            scoped = ConversationClient(secret=session.token, base_url=BASE_URL, http_client=http, retries=0)
            assert scoped.send(conversation_id, {"text": "in time"}).result().id
            clock.now += 61
            with pytest.raises(AuthenticationError, match="expired"):
                scoped.send(conversation_id, {"text": "too late"}).result()


# --- 6. add_conversation() / add_message(): seeded state, seen alike everywhere ---------------


def seed_support(fake: FakeChatBotKit) -> str:
    conversation_id = fake.add_conversation(
        "cnv_support",
        name="Support",
        description="A seeded conversation",
        meta={"team": "a"},
        model="gpt-4o",
        backstory="I am Ann.",
        botId="bot_1",
        created_at=T0,
        messages=[
            {"type": "user", "text": "Hi there", "id": "msg_hi", "createdAt": T0 + 1000},
            {"type": "bot", "text": "Hello", "id": "msg_hello", "createdAt": T0 + 3000},
        ],
    )
    # Added later, but earlier in time: it takes its place in time order.
    fake.add_message(
        conversation_id,
        "Plan: gold",
        type="context",
        message_id="msg_ctx",
        created_at=T0 + 2000,
        meta={"k": 1},
    )
    return conversation_id


def test_seeded_state_is_seen_by_every_reading_endpoint(
    client: ConversationClient, fake: FakeChatBotKit
) -> None:
    other = client.create({"name": "made by the API"}).id
    conversation_id = seed_support(fake)
    assert conversation_id == "cnv_support"

    listed = client.list({"order": "asc"}).result().items
    assert [c.id for c in listed] == [conversation_id, other]  # 2001 before now
    assert (listed[0].name, listed[0].created_at, listed[0].updated_at) == ("Support", T0, T0 + 3000)
    assert [c.id for c in client.list({"meta": {"team": "a"}}).result().items] == [conversation_id]
    assert [c.id for c in client.export({"order": "asc"}).iter_all()] == [conversation_id, other]

    fetched = client.fetch(conversation_id).result()
    assert (fetched.name, fetched.description, fetched.model, fetched.backstory, fetched.bot_id) == (
        "Support",
        "A seeded conversation",
        "gpt-4o",
        "I am Ann.",
        "bot_1",
    )
    assert fetched.meta.additional_properties == {"team": "a"}

    messages = client.message.list(conversation_id, {"order": "asc"}).result().items
    assert [(m.id, m.type, m.text, m.created_at) for m in messages] == [
        ("msg_hi", "user", "Hi there", T0 + 1000),
        ("msg_ctx", "context", "Plan: gold", T0 + 2000),
        ("msg_hello", "bot", "Hello", T0 + 3000),
    ]
    with client.message.list(conversation_id, {"order": "desc"}).stream() as stream:
        assert [e.data.id for e in stream] == ["msg_hello", "msg_ctx", "msg_hi"]
    context = client.message.fetch(conversation_id, "msg_ctx").result()
    assert (context.type, context.text, context.meta.additional_properties) == (
        "context",
        "Plan: gold",
        {"k": 1},
    )

    window = {"from": "2001-01-01T00:00:01.500Z", "to": "2001-01-01T00:00:02.500Z"}
    assert client.usage(conversation_id, window).result().messages == 1
    assert client.usage(conversation_id).result().messages == 3

    reply = client.complete(conversation_id, {"text": "ok then"}).result()
    assert reply.text == 'You said: "ok then" (2 messages so far).'  # the seeded user message counts
    later = client.message.list(conversation_id, {"order": "asc"}).result().items
    assert [m.id for m in later][:3] == ["msg_hi", "msg_ctx", "msg_hello"]
    assert later[-1].id == reply.id


def test_a_custom_bot_sees_the_seeded_history_in_time_order(fake: FakeChatBotKit) -> None:
    seen: list[list[dict[str, str]]] = []

    def bot(messages: list[dict[str, str]], request: dict[str, Any]) -> str:
        seen.append(messages)
        return "ok"

    fake.bot = bot
    conversation_id = seed_support(fake)
    with ConversationClient(secret=FAKE_SECRET, base_url=BASE_URL, http_client=fake.http_client()) as client:
        client.receive(conversation_id).result()
        compacted = client.compact(conversation_id)
    assert seen == [
        [
            {"type": "user", "text": "Hi there"},
            {"type": "context", "text": "Plan: gold"},
            {"type": "bot", "text": "Hello"},
        ]
    ]
    assert compacted.text == "Summary of 4 messages, starting: Hi there"


def test_seeding_is_checked(fake: FakeChatBotKit) -> None:
    conversation_id = seed_support(fake)
    with pytest.raises(ValueError, match="exists already"):
        fake.add_conversation(conversation_id)
    with pytest.raises(ValueError, match="unknown fields"):
        fake.add_conversation(title="no such field")
    with pytest.raises(ValueError, match="name"):
        fake.add_conversation(name=5)
    with pytest.raises(ValueError, match="exists already"):
        fake.add_message(conversation_id, "again", message_id="msg_hi")
    with pytest.raises(ValueError, match="type"):
        fake.add_message(conversation_id, "x", type="annotation")  # not a type of this spec
    with pytest.raises(KeyError, match="cnv_missing"):
        fake.add_message("cnv_missing", "x")
    with pytest.raises(TypeError, match="epoch milliseconds"):
        fake.add_message(conversation_id, "x", created_at=1.5)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="'type' and a 'text'"):
        fake.add_conversation("cnv_half", messages=[{"text": "no type"}])
    assert "cnv_half" not in fake.conversations  # a refused seed leaves nothing behind
    assert len(fake.messages[conversation_id]) == 3
    newer = FakeChatBotKit(newer_api=True)  # a newer API has its own message type
    assert newer.add_message(newer.add_conversation(), "a note", type="annotation")


def test_a_conversation_written_directly_does_not_crash(
    client: ConversationClient, fake: FakeChatBotKit
) -> None:
    fake.conversations["cnv_direct"] = {"id": "cnv_direct", "createdAt": T0, "updatedAt": T0}
    assert client.message.list("cnv_direct").result().items == []
    assert client.complete("cnv_direct", {"text": "Hello"}).result().text == HELLO
    assert client.usage("cnv_direct").result().messages == 2


# --- 7. the async client, loopback HTTP, and newer_api ------------------------------------------


def test_the_async_client_is_scripted_too(fake: FakeChatBotKit) -> None:
    async def flow() -> tuple[str, str, list[str]]:
        http = fake.async_http_client()
        async with AsyncConversationClient(
            secret=FAKE_SECRET, base_url=BASE_URL, http_client=http, retries=0
        ) as client:
            conversation_id = (await client.create()).id
            fake.reply("async words", reasoning="first")
            async with client.complete(conversation_id, {"text": "Go"}).stream() as stream:
                events = [event async for event in stream]
            fake.reply("plain async", end_reason="length")
            result = await client.receive(conversation_id)
            fake.reply(error="async failure")
            with pytest.raises(InternalServerError, match="async failure"):
                await client.complete(None, {"messages": []})
            return tokens_of(events), result.text, kinds(events)

    text, plain, order = asyncio.run(flow())
    assert (text, plain) == ("async words", "plain async")
    assert order[:3] == ["completeBegin", "reasoningToken", "token"]


def test_scripted_events_over_loopback_http(fake: FakeChatBotKit) -> None:
    given = [
        sample_event("complete_conversation", kind)
        for kind in OPERATIONS["complete_conversation"].events or {}
    ]
    given = [e for e in given if e["type"] != "result"] + [e for e in given if e["type"] == "result"]
    fake.reply(events=given)
    with fake.serve() as url, httpx.Client(base_url=url, headers=FAKE_AUTH, timeout=10) as http:
        answer = http.post("/v1/conversation/complete", json={"messages": []}, headers=JSONL)
    assert lines(answer) == given


def test_newer_api_still_extends_scripted_answers() -> None:
    fake = FakeChatBotKit(newer_api=True, seed=3)
    conversation_id = fake.add_conversation()
    with httpx.Client(transport=fake.transport(), base_url=BASE_URL, headers=FAKE_AUTH) as http:
        fake.reply("Newer", reasoning="because")
        events = lines(
            http.post(f"/v1/conversation/{conversation_id}/complete", json={"text": "Hi"}, headers=JSONL)
        )
        fake.reply("Plain", end_reason="length")
        answer = http.post(f"/v1/conversation/{conversation_id}/complete", json={"text": "Hi"}).json()
    assert "progress" in kinds(events)
    said = [(e["data"]["type"], e["data"]["text"]) for e in events if e["type"] == "message"]
    assert said == [
        ("reasoning", "because"),
        ("annotation", "Note: this reply cites no sources."),
        ("bot", "Newer"),
    ]
    assert events[-1]["data"]["text"] == "Newer"
    assert events[-1]["data"]["revisionInfo"] == {"revision": 2, "labels": ["preview"]}
    assert (answer["text"], answer["end"]["reason"]) == ("Plain", "length")
    assert "revisionInfo" in answer
    assert [m["type"] for m in fake.messages[conversation_id]] == [
        "user", "reasoning", "annotation", "bot", "user", "annotation", "bot"
    ]  # fmt: skip
