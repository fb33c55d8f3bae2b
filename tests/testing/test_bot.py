"""The fake's bots (``chatbotkit_sdk/testing/_bot.py``): the deterministic default bot, and a
custom one given as ``bot=``.
"""

from __future__ import annotations

from typing import Any

import pytest
from chatbotkit_api.operations import MODELS, OPERATIONS

from chatbotkit_sdk import (
    ConversationClient,
)
from chatbotkit_sdk.testing import FakeChatBotKit
from tests.helpers import BASE_URL, FAKE_SECRET, HELLO, event_types, tokens_of

ONE_USER_MESSAGE = {"messages": [{"type": "user", "text": "Hello"}]}


# --- 4. the deterministic bot -------------------------------------------------------------


@pytest.mark.parametrize(
    ("said", "reply"),
    [
        ("Hello there", HELLO),
        ("good evening, bot", HELLO),
        (
            "Can you help me?",
            'Good question. You asked: "Can you help me?" This fake bot can only repeat it, but it streams.',
        ),
        ("thank you so much", "You are welcome. Is there anything else?"),
        ("Thanks!", "You are welcome. Is there anything else?"),
        ("The sky is blue", 'You said: "The sky is blue" (1 message so far).'),
    ],
)
def test_bot_rules(client: ConversationClient, said: str, reply: str) -> None:
    conversation_id = client.create().id
    assert client.complete(conversation_id, {"text": said}).result().text == reply
    stateless = {"messages": [{"type": "user", "text": said}]}
    assert client.complete(None, stateless).result().text == reply


def test_bot_counts_messages_and_uses_the_backstory(client: ConversationClient) -> None:
    conversation_id = client.create().id
    replies = [client.complete(conversation_id, {"text": t}).result().text for t in ("one", "two", "three")]
    assert replies == [
        'You said: "one" (1 message so far).',
        'You said: "two" (2 messages so far).',
        'You said: "three" (3 messages so far).',
    ]
    storyteller = client.create({"backstory": "I know a lot about cats."}).id
    assert client.complete(storyteller, {"text": "hi"}).result().text == (
        "Hello! I know a lot about cats. I am the ChatBotKit test bot. How can I help you today?"
    )
    silent = client.create().id
    assert client.complete(silent).result().text == (
        "Hello! I am the ChatBotKit test bot. What can I do for you?"
    )


def test_same_conversation_same_reply(client: ConversationClient) -> None:
    history = [{"type": "user", "text": "My name is Ann"}, {"type": "bot", "text": "ok"}]
    texts = set()
    for _ in range(2):
        conversation_id = client.create({"messages": history}).id
        texts.add(client.complete(conversation_id, {"text": "What is my name?"}).result().text)
    other = FakeChatBotKit()
    with ConversationClient(secret=FAKE_SECRET, base_url=BASE_URL, http_client=other.http_client()) as second:
        conversation_id = second.create({"messages": history}).id
        texts.add(second.complete(conversation_id, {"text": "What is my name?"}).result().text)
    assert len(texts) == 1
    stateless = {"messages": [*history, {"type": "user", "text": "What is my name?"}]}
    assert client.complete(None, stateless).result().text in texts


@pytest.mark.parametrize("stateful", [False, True])
def test_stream_events_in_order_and_agreeing_with_the_result(
    client: ConversationClient, stateful: bool
) -> None:
    def run() -> tuple[list[Any], str]:
        if stateful:
            conversation_id = client.create({"model": "gpt-4o"}).id
            promise = client.complete(conversation_id, {"text": "Why is the sky blue?"})
            plain = client.complete(client.create({"model": "gpt-4o"}).id, {"text": "Why is the sky blue?"})
        else:
            request = {"model": "gpt-4o", "messages": [{"type": "user", "text": "Why is the sky blue?"}]}
            promise, plain = client.complete(None, request), client.complete(None, request)
        with promise.stream() as stream:
            events = list(stream)
        return events, plain.result().text

    events, plain_text = run()
    kinds = event_types(events)
    count = kinds.count("token")
    assert count > 10
    assert kinds == ["completeBegin", *["token"] * count, "completeEnd", "usage", "message", "result"]
    result = events[-1].data
    assert tokens_of(events) == result.text == plain_text
    assert result.end.reason == "stop"
    usage = events[kinds.index("usage")].data
    assert usage.model == "gpt-4o"
    assert usage.input_tokens_used > 0
    assert usage.output_tokens_used > 0
    assert usage.input_tokens_used + usage.output_tokens_used == result.usage.token
    message = events[kinds.index("message")].data
    assert (message.type, message.text) == ("bot", result.text)


def test_send_receive_and_lists_stream_too(client: ConversationClient) -> None:
    conversation_id = client.create().id
    with client.send(conversation_id, {"text": "Hello"}).stream() as stream:
        sent = list(stream)
    assert event_types(sent) == ["message", "result"]
    with client.receive(conversation_id).stream() as stream:
        received = list(stream)
    assert event_types(received)[0] == "completeBegin"
    assert tokens_of(received) == received[-1].data.text == HELLO
    with client.message.list(conversation_id, {"order": "asc"}).stream() as stream:
        items = list(stream)
    assert [(e.type, e.data.type_, e.data.text) for e in items] == [
        ("item", "user", "Hello"),
        ("item", "bot", HELLO),
    ]


JSONL = {"Accept": "application/jsonl"}
#: The operations whose answer is a bot turn; their event tables come from the spec.
TURNS = ["complete_conversation", "complete_conversation_message", "receive_conversation_message"]
#: The spec's CompleteReason values, from the generated tables.
END_REASONS = list(MODELS["CompleteEnd"].fields["reason"].schema.values)
TURN_EVENTS = sorted({kind for op in TURNS for kind in OPERATIONS[op].events or {}})
T0 = 978_307_200_000  # 2001-01-01T00:00:00Z in epoch ms


# --- 4. bot=: a custom bot ---------------------------------------------------------------------


FUNCTIONS = [
    {
        "name": "get_weather",
        "description": "The weather in a city",
        "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]},
    }
]
EXTENSIONS = {"backstory": "Be brief.", "datasets": [{"records": [{"text": "It is sunny."}]}]}


def test_a_custom_bot_gets_messages_and_the_request(fake: FakeChatBotKit) -> None:
    calls: list[tuple[list[dict[str, str]], dict[str, Any]]] = []

    def bot(messages: list[dict[str, str]], request: dict[str, Any]) -> str:
        calls.append((messages, request))
        names = [f["name"] for f in request.get("functions", [])]
        return (
            f"{len(messages)} messages; functions {names}; {request.get('extensions', {}).get('backstory')}"
        )

    fake.bot = bot
    with ConversationClient(secret=FAKE_SECRET, base_url=BASE_URL, http_client=fake.http_client()) as client:
        stateless = {"messages": [{"type": "context", "text": "c"}, {"type": "user", "text": "Hi"}]}
        text = (
            client.complete(None, {**stateless, "functions": FUNCTIONS, "extensions": EXTENSIONS})
            .result()
            .text
        )
        assert text == "2 messages; functions ['get_weather']; Be brief."
        assert calls[-1][0] == [{"type": "context", "text": "c"}, {"type": "user", "text": "Hi"}]
        assert calls[-1][1]["functions"] == FUNCTIONS
        assert calls[-1][1]["extensions"] == EXTENSIONS

        conversation_id = client.create({"messages": [{"type": "bot", "text": "Welcome"}]}).id
        with client.complete(
            conversation_id, {"text": "Weather?", "functions": FUNCTIONS}
        ).stream() as stream:
            assert stream.text() == "2 messages; functions ['get_weather']; None"
        assert calls[-1] == (
            [{"type": "bot", "text": "Welcome"}, {"type": "user", "text": "Weather?"}],
            {"text": "Weather?", "functions": FUNCTIONS},
        )
        client.send(conversation_id, {"text": "And tomorrow?"}).result()
        received = client.receive(conversation_id, {"extensions": EXTENSIONS}).result()
        assert received.text == "4 messages; functions []; Be brief."
        assert calls[-1][1] == {"extensions": EXTENSIONS}

        fake.reply("queued wins")
        assert client.receive(conversation_id).result().text == "queued wins"
        assert len(calls) == 3  # not asked


def test_a_custom_bot_may_answer_with_reply_fields() -> None:
    def bot(messages: list[dict[str, str]], request: dict[str, Any]) -> dict[str, Any]:
        return {"text": "Thought about it.", "reasoning": "Hmm.", "usage": 99, "end_reason": "iteration"}

    fake = FakeChatBotKit(bot=bot)
    with ConversationClient(secret=FAKE_SECRET, base_url=BASE_URL, http_client=fake.http_client()) as client:
        conversation_id = client.create().id
        with client.complete(conversation_id, {"text": "Go"}).stream() as stream:
            events = list(stream)
        result = events[-1].data
        assert (result.text, result.usage.token, result.end.reason) == ("Thought about it.", 99, "iteration")
        assert tokens_of(events, "reasoningToken") == "Hmm."
        fake.reply(usage=5)  # a queued reply's fields win, the bot gives the rest
        result = client.complete(conversation_id, {"text": "Again"}).result()
        assert (result.text, result.usage.token, result.end.reason) == ("Thought about it.", 5, "iteration")


def test_a_custom_bots_answer_is_checked() -> None:
    fake = FakeChatBotKit(bot=lambda messages, request: {"end_reason": "done"})
    with ConversationClient(
        secret=FAKE_SECRET, base_url=BASE_URL, http_client=fake.http_client(), retries=0
    ) as client:
        with pytest.raises(ValueError, match="CompleteReason"):
            client.complete(None, {"messages": []}).result()
        fake.bot = lambda messages, request: 42  # type: ignore[assignment,return-value]
        with pytest.raises(TypeError, match="str or a mapping"):
            client.complete(None, {"messages": []}).result()
