"""``FakeChatBotKit`` end to end: through the SDK's own clients, raw httpx and real HTTP.

The fake is reached three ways: in process (``fake.http_client()`` /
``fake.transport()``), over HTTP/1.1 on loopback (``fake.serve()``), and as a
separate process (``python -m chatbotkit_sdk.testing``, ``examples/quickstart.py``).
Every one of the 29 operations is driven through ``ConversationClient`` with its
effect on the fake's state checked; faults are checked for the sync and async
clients, in process and over HTTP.
"""

from __future__ import annotations

import asyncio
import datetime
import os
import re
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import pytest
from chatbotkit_api.operations import OPERATIONS
from chatbotkit_api.types import Unset

from chatbotkit_sdk import (
    AsyncConversationClient,
    AuthenticationError,
    BadRequestError,
    ConversationClient,
    NotFoundError,
    PermissionDeniedError,
    StreamDecodeError,
)
from chatbotkit_sdk.testing import FakeChatBotKit
from tests.helpers import (
    BASE_URL,
    FAKE_AUTH,
    FAKE_SECRET,
    HELLO,
    ROOT,
    drain_later,
    event_types,
    raw_http,
    stored_messages,
)

ONE_USER_MESSAGE = {"messages": [{"type": "user", "text": "Hello"}]}


@pytest.fixture(params=["in-process", "http"])
def raw_any(request: pytest.FixtureRequest, fake: FakeChatBotKit) -> Iterator[httpx.Client]:
    """Plain httpx to the fake, in process or over loopback HTTP, without credentials."""
    with raw_http(fake, request.param) as http:
        yield http


@contextmanager
def session_client(fake: FakeChatBotKit, token: str) -> Iterator[ConversationClient]:
    """A client that authenticates with a conversation session token instead of the secret."""
    with fake.http_client() as http:
        yield ConversationClient(secret=token, base_url=BASE_URL, http_client=http, retries=0)


# --- 1. every operation through ConversationClient, with its effect on the state --------


def test_conversation_create_fetch_update_delete(client: ConversationClient, fake: FakeChatBotKit) -> None:
    created = client.create(
        {
            "model": "gpt-4o",
            "name": "first",
            "meta": {"team": "a"},
            "messages": [{"type": "user", "text": "Hi"}, {"type": "bot", "text": "Hello"}],
        }
    )
    assert [(m.type, m.text) for m in created.messages] == [("user", "Hi"), ("bot", "Hello")]
    assert fake.conversations[created.id]["name"] == "first"
    assert stored_messages(fake, created.id) == [("user", "Hi"), ("bot", "Hello")]

    fetched = client.fetch(created.id).result()
    assert (fetched.id, fetched.name, fetched.model) == (created.id, "first", "gpt-4o")
    assert fetched.meta.additional_properties == {"team": "a"}

    assert client.update(created.id, {"name": "renamed", "meta": {"team": "b"}}).id == created.id
    updated = client.fetch(created.id).result()
    assert (updated.name, updated.meta.additional_properties) == ("renamed", {"team": "b"})
    assert updated.updated_at > fetched.updated_at
    assert updated.model == "gpt-4o"  # untouched fields stay

    assert client.delete(created.id).id == created.id
    assert created.id not in fake.conversations
    assert created.id not in fake.messages
    with pytest.raises(NotFoundError) as caught:
        client.fetch(created.id).result()
    assert (caught.value.status_code, caught.value.code) == (404, "NOT_FOUND")
    with pytest.raises(NotFoundError):
        client.delete(created.id)


def test_list_and_export_page_by_cursor_take_order_and_filter_by_meta(client: ConversationClient) -> None:
    ids = [client.create({"meta": {"team": "odd" if i % 2 else "even", "n": str(i)}}).id for i in range(5)]

    first = client.list({"take": 2, "order": "asc"}).result()
    assert [c.id for c in first.items] == ids[:2]
    assert first.cursor == ids[1]
    second = client.list({"take": 2, "order": "asc", "cursor": first.cursor}).result()
    assert [c.id for c in second.items] == ids[2:4]

    assert [c.id for c in client.list().result().items] == ids[::-1]  # newest first by default
    assert [c.id for c in client.list({"take": 2, "order": "asc"}).iter_all()] == ids
    assert [c.id for c in client.list({"take": 1, "order": "desc"}).iter_all()] == ids[::-1]

    odd = client.list({"meta": {"team": "odd"}, "order": "asc"}).result()
    assert [c.id for c in odd.items] == [ids[1], ids[3]]
    assert [c.id for c in client.list({"meta": {"team": "odd", "n": "3"}}).result().items] == [ids[3]]
    assert client.list({"meta": {"team": "none"}}).result().items == []

    exported = client.export({"order": "asc", "take": 3}).result()
    assert [c.id for c in exported.items] == ids[:3]
    assert [c.id for c in client.export({"meta": {"team": "even"}, "order": "asc"}).iter_all()] == ids[::2]


def test_complete_stateless_stores_nothing(client: ConversationClient, fake: FakeChatBotKit) -> None:
    result = client.complete(None, ONE_USER_MESSAGE).result()
    assert result.text == HELLO
    assert result.end.reason == "stop"
    assert result.usage.token > 0
    assert fake.conversations == {}
    assert fake.requests[-1].operation == "complete_conversation"


def test_complete_stateful_stores_user_and_bot_message(
    client: ConversationClient, fake: FakeChatBotKit
) -> None:
    conversation = client.create({"model": "gpt-4o"})
    result = client.complete(conversation.id, {"text": "Is it raining?"}).result()
    assert result.end.reason == "stop"
    assert stored_messages(fake, conversation.id) == [("user", "Is it raining?"), ("bot", result.text)]
    assert fake.messages[conversation.id][-1]["id"] == result.id
    listed = client.message.list(conversation.id, {"order": "asc"}).result()
    assert [(m.type, m.text) for m in listed.items] == [("user", "Is it raining?"), ("bot", result.text)]


def test_send_then_receive(client: ConversationClient, fake: FakeChatBotKit) -> None:
    conversation = client.create()
    sent = client.send(conversation.id, {"text": "write to ann@example.com"}).result()
    assert [(e.type, e.text, e.begin, e.end) for e in sent.entities] == [("email", "ann@example.com", 9, 24)]
    stored = [(m["id"], m["type"], m["text"]) for m in fake.messages[conversation.id]]
    assert stored == [(sent.id, "user", "write to ann@example.com")]

    received = client.receive(conversation.id).result()
    assert received.text == 'You said: "write to ann@example.com" (1 message so far).'
    assert received.usage.token > 0
    assert stored_messages(fake, conversation.id)[-1] == ("bot", received.text)
    assert fake.messages[conversation.id][-1]["id"] == received.id


def test_dispatch_echoes_a_long_channel_and_refuses_a_short_one(
    client: ConversationClient, fake: FakeChatBotKit, raw: httpx.Client
) -> None:
    channel = "channel-0123456789abcdef"  # 24 characters
    assert client.dispatch(None, {**ONE_USER_MESSAGE, "channelId": channel}).channel_id == channel
    assert client.dispatch(None, ONE_USER_MESSAGE).channel_id.startswith("ch_")

    conversation = client.create()
    longer = channel + "-and-more"
    assert client.dispatch(conversation.id, {"text": "go", "channelId": longer}).channel_id == longer
    assert len(client.dispatch(conversation.id).channel_id) >= 24

    with pytest.raises(BadRequestError, match="channelId") as caught:
        client.dispatch(None, {**ONE_USER_MESSAGE, "channelId": "too-short"})
    assert fake.requests[-1].operation == "dispatch_conversation"  # the fake refused it, not the SDK
    assert caught.value.code == "BAD_REQUEST"

    answer = raw.post(f"/v1/conversation/{conversation.id}/dispatch", json={"channelId": "x" * 23})
    assert answer.status_code == 400
    assert "channelId" in answer.json()["message"]
    with pytest.raises(NotFoundError):
        client.dispatch("cnv_missing", {"text": "go"})


def test_compact_stateless_and_stateful(client: ConversationClient, fake: FakeChatBotKit) -> None:
    messages = [{"type": "user", "text": "first words"}, {"type": "bot", "text": "reply"}]
    summary = client.compact(None, {"messages": messages})
    assert summary.text == "Summary of 2 messages, starting: first words"
    assert summary.usage.token > 0

    conversation = client.create({"messages": [*messages, {"type": "user", "text": "third"}]})
    compacted = client.compact(conversation.id)
    assert compacted.text == "Summary of 3 messages, starting: first words"
    assert stored_messages(fake, conversation.id) == [("checkpoint", compacted.text)]
    assert fake.messages[conversation.id][0]["id"] == compacted.id
    listed = client.message.list(conversation.id).result().items
    assert [(m.id, m.type) for m in listed] == [(compacted.id, "checkpoint")]

    empty = client.create()
    nothing = client.compact(empty.id)
    assert (nothing.id, nothing.text, nothing.usage.token) == (empty.id, "", 0)
    assert fake.messages[empty.id] == []


def test_conversation_votes_and_their_ranges(
    client: ConversationClient, fake: FakeChatBotKit, raw: httpx.Client
) -> None:
    conversation_id = client.create().id
    record = fake.conversations[conversation_id]
    assert client.upvote(conversation_id).id == conversation_id
    assert record["_vote"] == {"value": 100, "reason": None}
    client.upvote(conversation_id, {"value": 1, "reason": "meh"})
    assert record["_vote"] == {"value": 1, "reason": "meh"}
    client.downvote(conversation_id)
    assert record["_vote"]["value"] == -100
    client.downvote(conversation_id, {"value": -1})
    assert record["_vote"]["value"] == -1

    for verb, value in [("upvote", 0), ("upvote", 101), ("downvote", 0), ("downvote", -101), ("upvote", -5)]:
        answer = raw.post(f"/v1/conversation/{conversation_id}/{verb}", json={"value": value})
        assert answer.status_code == 400, (verb, value)
        assert answer.json()["message"].startswith("value:")
    assert record["_vote"]["value"] == -1  # refused votes changed nothing
    with pytest.raises(BadRequestError, match="value"):
        client.upvote(conversation_id, {"value": 500})


def test_usage_counts_tokens_and_messages_in_a_period(client: ConversationClient) -> None:
    conversation_id = client.create().id
    replies = [client.complete(conversation_id, {"text": t}).result() for t in ("Hi", "What now?")]
    spent = sum(r.usage.token for r in replies)

    usage = client.usage(conversation_id).result()
    assert (usage.tokens, usage.messages) == (spent, 4)
    now = datetime.datetime.now(datetime.UTC)
    hour = datetime.timedelta(hours=1)
    around = client.usage(conversation_id, {"from": now - hour, "to": (now + hour).isoformat()}).result()
    assert (around.tokens, around.messages) == (spent, 4)
    later = client.usage(conversation_id, {"from": now + hour}).result()
    assert (later.tokens, later.messages) == (0, 0)
    earlier = client.usage(conversation_id, {"to": datetime.date(2000, 1, 1)}).result()
    assert (earlier.tokens, earlier.messages) == (0, 0)
    with pytest.raises(NotFoundError):
        client.usage("cnv_missing").result()


def test_messages_list_fetch_create_update_delete(client: ConversationClient, fake: FakeChatBotKit) -> None:
    conversation_id = client.create().id
    created = client.message.create(
        conversation_id, {"type": "context", "text": "mail bob@example.org", "name": "note", "meta": {"k": 1}}
    )
    assert [e.text for e in created.entities] == ["bob@example.org"]
    message = client.message.fetch(conversation_id, created.id).result()
    assert (message.type, message.text, message.name) == ("context", "mail bob@example.org", "note")
    assert message.meta.additional_properties == {"k": 1}

    assert client.message.update(conversation_id, created.id, {"text": "changed", "type": "instruction"}).id
    changed = client.message.fetch(conversation_id, created.id).result()
    assert (changed.type, changed.text, changed.name) == ("instruction", "changed", "note")
    assert changed.updated_at > message.updated_at

    others = [client.message.create(conversation_id, {"type": "user", "text": f"m{i}"}).id for i in range(3)]
    page = client.message.list(conversation_id, {"order": "asc", "take": 2}).result()
    assert [m.id for m in page.items] == [created.id, others[0]]
    rest = client.message.list(conversation_id, {"order": "asc", "take": 2, "cursor": page.cursor}).result()
    assert [m.id for m in rest.items] == others[1:]
    assert [m.id for m in client.message.list(conversation_id).iter_all()] == [*others[::-1], created.id]

    assert client.message.delete(conversation_id, others[1]).id == others[1]
    assert [m["id"] for m in fake.messages[conversation_id]] == [created.id, others[0], others[2]]
    with pytest.raises(NotFoundError):
        client.message.fetch(conversation_id, others[1]).result()


def test_message_votes_and_synthesize(
    client: ConversationClient, fake: FakeChatBotKit, raw: httpx.Client
) -> None:
    conversation_id = client.create().id
    reply = client.complete(conversation_id, {"text": "hello"}).result()
    stored = fake.messages[conversation_id][-1]
    assert client.message.upvote(conversation_id, reply.id, {"value": 70, "reason": "nice"}).id == reply.id
    assert stored["_vote"] == {"value": 70, "reason": "nice"}
    assert client.message.downvote(conversation_id, reply.id).id == reply.id
    assert stored["_vote"] == {"value": -100, "reason": None}
    for verb, value in [("upvote", 101), ("downvote", 1)]:
        path = f"/v1/conversation/{conversation_id}/message/{reply.id}/{verb}"
        assert raw.post(path, json={"value": value}).status_code == 400
    assert stored["_vote"]["value"] == -100

    assert client.message.synthesize(conversation_id, reply.id).id == reply.id
    assert fake.requests[-1].operation == "synthesize_conversation_message"
    with pytest.raises(NotFoundError):
        client.message.synthesize(conversation_id, "msg_missing")


def test_session_create(client: ConversationClient, fake: FakeChatBotKit) -> None:
    conversation_id = client.create().id
    before = time.time() * 1000
    session = client.session.create(conversation_id, {"durationInSeconds": 60})
    assert before + 59_000 <= session.expires_at <= time.time() * 1000 + 61_000
    assert fake.sessions[session.token]["conversationId"] == conversation_id
    default = client.session.create(conversation_id)
    assert default.expires_at - before >= 3_500_000  # an hour by default
    assert default.token != session.token
    with pytest.raises(NotFoundError):
        client.session.create("cnv_missing")


def test_attachments_by_url_and_by_metadata(client: ConversationClient, fake: FakeChatBotKit) -> None:
    conversation_id = client.create().id
    by_url = client.attachment.upload(conversation_id, {"file": "https://example.com/a.pdf"})
    assert by_url.name == "a.pdf"
    by_meta = client.attachment.upload(
        conversation_id, {"file": {"type": "text/plain", "size": 5, "name": "notes.txt"}}
    )
    assert by_meta.name == "notes.txt"

    listed = client.attachment.list(conversation_id).result()
    assert {a.id: a.name for a in listed.items} == {by_url.id: "a.pdf", by_meta.id: "notes.txt"}
    meta_item = next(a for a in listed.items if a.id == by_meta.id)
    assert (meta_item.type, meta_item.size) == ("text/plain", 5)
    assert "_pending" not in meta_item.additional_properties  # internal flags stay internal
    newest_first = client.attachment.list(conversation_id, {"take": 1}).result()
    assert [a.id for a in newest_first.items] == [by_meta.id]
    after = client.attachment.list(conversation_id, {"cursor": newest_first.cursor}).result()
    assert [a.id for a in after.items] == [by_url.id]
    with pytest.raises(BadRequestError, match="file"):
        client.attachment.upload(conversation_id, {"file": "ftp://example.com/a.pdf"})
    assert len(fake.attachments[conversation_id]) == 2


def test_contact_upsert_sets_the_conversations_contact(
    client: ConversationClient, fake: FakeChatBotKit
) -> None:
    first, second = client.create().id, client.create().id
    contact = client.contact.upsert(first, {"fingerprint": "fp-1", "email": "ann@example.com"})
    assert client.fetch(first).result().contact_id == contact.id
    assert fake.conversations[first]["contactId"] == contact.id

    again = client.contact.upsert(second, {"fingerprint": "fp-1", "name": "Ann"})
    assert again.id == contact.id  # matched by fingerprint
    assert fake.contacts["fp-1"] == {
        "id": contact.id,
        "fingerprint": "fp-1",
        "email": "ann@example.com",
        "name": "Ann",
    }
    assert client.fetch(second).result().contact_id == contact.id
    other = client.contact.upsert(second, {"fingerprint": "fp-2"})
    assert other.id != contact.id
    assert client.fetch(second).result().contact_id == other.id


def test_every_operation_is_served(client: ConversationClient, fake: FakeChatBotKit) -> None:
    """One pass over all 29 operations; each must reach its handler and answer 2xx."""
    cid = client.create({"model": "gpt-4o"}).id
    client.list().result()
    client.export().result()
    client.fetch(cid).result()
    client.update(cid, {"name": "n"})
    client.complete(None, ONE_USER_MESSAGE).result()
    client.complete(cid, {"text": "hi"}).result()
    client.dispatch(None, ONE_USER_MESSAGE)
    client.dispatch(cid)
    client.compact(None, ONE_USER_MESSAGE)
    client.send(cid, {"text": "x"}).result()
    client.receive(cid).result()
    client.upvote(cid)
    client.downvote(cid)
    client.usage(cid).result()
    mid = client.message.create(cid, {"type": "user", "text": "y"}).id
    client.message.list(cid).result()
    client.message.fetch(cid, mid).result()
    client.message.update(cid, mid, {"text": "z"})
    client.message.upvote(cid, mid)
    client.message.downvote(cid, mid)
    client.message.synthesize(cid, mid)
    client.message.delete(cid, mid)
    client.session.create(cid)
    client.attachment.upload(cid, {"file": "https://example.com/b.png"})
    client.attachment.list(cid).result()
    client.contact.upsert(cid, {"fingerprint": "f"})
    client.compact(cid)
    client.delete(cid)
    assert len(OPERATIONS) == 29
    assert {r.operation for r in fake.requests} == set(OPERATIONS)
    assert all(r.path.startswith("/api/v1/") for r in fake.requests)


# --- 2. authentication and sessions ------------------------------------------------------


def test_missing_or_malformed_authorization_is_401(raw_any: httpx.Client) -> None:
    for headers in ({}, {"Authorization": "Basic dXNlcjpwYXNz"}, {"Authorization": "Bearer"}):
        answer = raw_any.get("/v1/conversation/list", headers=headers)
        assert answer.status_code == 401, headers
        assert answer.headers["content-type"] == "application/json"
        body = answer.json()
        assert body["code"] == "NOT_AUTHENTICATED"
        assert isinstance(body["message"], str)
        assert body["message"]
    assert raw_any.get("/v1/conversation/list", headers=FAKE_AUTH).status_code == 200


def test_a_configured_secret_is_the_only_one_accepted() -> None:
    fake = FakeChatBotKit(secret="x")
    with ConversationClient(secret="x", base_url=BASE_URL, http_client=fake.http_client()) as good:
        assert good.list().result().items == []
    with ConversationClient(secret="y", base_url=BASE_URL, http_client=fake.http_client()) as bad:
        with pytest.raises(AuthenticationError) as caught:
            bad.create()
        assert caught.value.code == "NOT_AUTHENTICATED"
    assert fake.conversations == {}
    with httpx.Client(transport=fake.transport(), base_url=BASE_URL) as http:
        assert http.get("/v1/conversation/list", headers={"Authorization": "Bearer x "}).status_code == 401
        assert http.get("/v1/conversation/list", headers={"Authorization": "bearer x"}).status_code == 200


def test_a_session_token_may_use_only_its_own_conversation(
    client: ConversationClient, fake: FakeChatBotKit
) -> None:
    mine, other = client.create().id, client.create().id
    token = client.session.create(mine, {"durationInSeconds": 600}).token
    with session_client(fake, token) as scoped:
        assert scoped.send(mine, {"text": "Hello"}).result().id
        assert scoped.receive(mine).result().text == HELLO
        assert scoped.message.create(mine, {"type": "user", "text": "more"}).id
        assert [t for t, _ in stored_messages(fake, mine)] == ["user", "bot", "user"]

        denied: list[Callable[[], object]] = [
            lambda: scoped.send(other, {"text": "x"}).result(),
            lambda: scoped.receive(other).result(),
            lambda: scoped.message.create(other, {"type": "user", "text": "x"}),
            lambda: scoped.fetch(mine).result(),
            lambda: scoped.complete(mine, {"text": "x"}).result(),
            lambda: scoped.message.list(mine).result(),
            lambda: scoped.session.create(mine),
            lambda: scoped.delete(mine),
            lambda: scoped.list().result(),
        ]
        for attempt in denied:
            with pytest.raises(PermissionDeniedError) as caught:
                attempt()
            assert (caught.value.status_code, caught.value.code) == (403, "NOT_AUTHORIZED")
    assert fake.messages[other] == []
    assert mine in fake.conversations


def test_an_expired_session_token_is_401(client: ConversationClient, fake: FakeChatBotKit) -> None:
    conversation_id = client.create().id
    token = client.session.create(conversation_id, {"durationInSeconds": 0.001}).token
    time.sleep(0.05)
    with session_client(fake, token) as scoped:
        with pytest.raises(AuthenticationError, match="expired") as caught:
            scoped.send(conversation_id, {"text": "late"}).result()
        assert caught.value.code == "NOT_AUTHENTICATED"
    assert fake.messages[conversation_id] == []


def test_a_session_token_is_not_a_secret_for_a_fake_with_a_secret() -> None:
    fake = FakeChatBotKit(secret="root")
    with ConversationClient(secret="root", base_url=BASE_URL, http_client=fake.http_client()) as owner:
        conversation_id = owner.create().id
        token = owner.session.create(conversation_id).token
    with session_client(fake, token) as scoped:
        assert scoped.send(conversation_id, {"text": "hi"}).result().id
        with pytest.raises(PermissionDeniedError):
            scoped.fetch(conversation_id).result()


# --- 3. errors, prefixes and routing ----------------------------------------------------


def test_unknown_ids_are_404(client: ConversationClient) -> None:
    conversation_id = client.create().id
    for attempt in [
        lambda: client.fetch("cnv_nope").result(),
        lambda: client.update("cnv_nope", {"name": "x"}),
        lambda: client.complete("cnv_nope", {"text": "x"}).result(),
        lambda: client.send("cnv_nope", {"text": "x"}).result(),
        lambda: client.message.list("cnv_nope").result(),
        lambda: client.attachment.list("cnv_nope").result(),
        lambda: client.contact.upsert("cnv_nope", {"fingerprint": "f"}),
    ]:
        with pytest.raises(NotFoundError, match="cnv_nope"):
            attempt()
    for attempt in [
        lambda: client.message.fetch(conversation_id, "msg_nope").result(),
        lambda: client.message.update(conversation_id, "msg_nope", {"text": "x"}),
        lambda: client.message.delete(conversation_id, "msg_nope"),
        lambda: client.message.upvote(conversation_id, "msg_nope"),
    ]:
        with pytest.raises(NotFoundError, match="msg_nope") as caught:
            attempt()
        assert caught.value.body == {"message": "message 'msg_nope' was not found", "code": "NOT_FOUND"}


def test_ids_are_percent_decoded_and_cannot_reach_other_routes(client: ConversationClient) -> None:
    with pytest.raises(NotFoundError, match=re.escape("'a/../list'")):
        client.fetch("a/../list").result()


def test_a_body_that_breaks_the_spec_is_400_naming_the_field(raw_any: httpx.Client) -> None:
    cases: list[tuple[dict[str, Any], str]] = [
        ({"json": {"messages": [{"type": "robot", "text": "x"}]}}, "messages[0].type"),
        ({"json": {"messages": [{"type": "user", "text": 5}]}}, "messages[0].text"),
        ({"json": {"messages": "hello"}}, "messages"),
        ({"json": {}}, "messages"),
        ({"content": b"this is { not json"}, "not JSON"),
        ({"content": b'[{"type": "user", "text": "x"}]'}, "JSON object"),
        ({"content": b""}, "JSON object"),
    ]
    for kwargs, expected in cases:
        answer = raw_any.post("/v1/conversation/complete", headers=FAKE_AUTH, **kwargs)
        assert answer.status_code == 400, kwargs
        body = answer.json()
        assert body["code"] == "BAD_REQUEST"
        assert expected in body["message"], (kwargs, body)


def test_both_prefixes_are_served(raw_any: httpx.Client, fake: FakeChatBotKit) -> None:
    created = raw_any.post("/api/v1/conversation/create", headers=FAKE_AUTH, json={"name": "p"})
    assert created.status_code == 200
    conversation_id = created.json()["id"]
    for prefix in ("/v1", "/api/v1"):
        fetched = raw_any.get(f"{prefix}/conversation/{conversation_id}/fetch", headers=FAKE_AUTH)
        assert fetched.status_code == 200, prefix
        assert fetched.json()["name"] == "p"
        listed = raw_any.get(f"{prefix}/conversation/list", headers=FAKE_AUTH).json()
        assert [c["id"] for c in listed["items"]] == [conversation_id]
    assert [r.operation for r in fake.requests[-4:]] == ["fetch_conversation", "list_conversations"] * 2


def test_unknown_paths_are_404_and_wrong_methods_405(raw_any: httpx.Client) -> None:
    for method, path in [
        ("GET", "/v1/conversation/nope"),
        ("GET", "/v2/conversation/list"),
        ("GET", "/conversation/list"),
        ("POST", "/v1/conversation/a/b/c/fetch"),
        ("GET", "/"),
    ]:
        answer = raw_any.request(method, path, headers=FAKE_AUTH)
        assert answer.status_code == 404, path
        assert answer.headers["content-type"] == "application/json"
        assert answer.json()["code"] == "NOT_FOUND"
    for method, path in [
        ("GET", "/v1/conversation/create"),
        ("POST", "/v1/conversation/list"),
        ("DELETE", "/api/v1/conversation/cnv_1/delete"),
        ("PUT", "/v1/conversation/cnv_1/message/msg_1/update"),
    ]:
        answer = raw_any.request(method, path, headers=FAKE_AUTH)
        assert answer.status_code == 405, (method, path)
        assert answer.headers["content-type"] == "application/json"
        assert answer.json()["code"] == "METHOD_NOT_ALLOWED"


def test_an_unknown_path_raises_not_found_through_the_client(fake: FakeChatBotKit) -> None:
    options = {"endpoints": {"/api/v1/conversation/list": "/api/v1/conversation/everything"}}
    with (
        ConversationClient(
            secret=FAKE_SECRET, base_url=BASE_URL, http_client=fake.http_client(), **options
        ) as client,
        pytest.raises(NotFoundError, match="no route"),
    ):
        client.list().result()


# --- 5. presigned attachment uploads --------------------------------------------------------


def test_presigned_upload_flow(client: ConversationClient, fake: FakeChatBotKit) -> None:
    conversation_id = client.create().id
    data = b"%PDF-1.7 fake bytes"
    result = client.attachment.upload(
        conversation_id, {"file": {"type": "application/pdf", "size": len(data), "name": "doc.pdf"}}
    )
    upload = result.upload_request
    assert upload.method == "PUT"
    assert upload.url.startswith(f"{BASE_URL}/")
    assert upload.headers.additional_properties == {"Content-Type": "application/pdf"}
    headers = dict(upload.headers.additional_properties)

    with httpx.Client(transport=fake.transport()) as http:
        with_auth = http.request(upload.method, upload.url, content=data, headers={**headers, **FAKE_AUTH})
        assert 400 <= with_auth.status_code < 500
        assert result.id not in fake.uploads

        forged = re.sub(r"signature=[^&]+", "signature=AAAAAAAAAAAAAAAAAAAAAAAA", upload.url)
        assert http.put(forged, content=data, headers=headers).status_code == 403
        unsigned = upload.url.split("?")[0]
        assert http.put(unsigned, content=data, headers=headers).status_code == 403
        assert http.put(upload.url, content=data[:-1], headers=headers).status_code == 400
        assert http.put(upload.url, content=data + b"!", headers=headers).status_code == 400
        assert http.post(upload.url, content=data, headers=headers).status_code == 405
        assert fake.uploads == {}

        stored = http.request(upload.method, upload.url, content=data, headers=headers)
        assert stored.status_code == 200
    assert fake.uploads == {result.id: data}
    listed = client.attachment.list(conversation_id).result().items
    assert [(a.id, a.name, a.type, a.size) for a in listed] == [
        (result.id, "doc.pdf", "application/pdf", len(data))
    ]


def test_presigned_upload_over_http(fake: FakeChatBotKit) -> None:
    data = b"hello world"
    with fake.serve() as url, ConversationClient(secret=FAKE_SECRET, base_url=url) as client:
        conversation_id = client.create().id
        upload = client.attachment.upload(
            conversation_id, {"file": {"type": "text/plain", "size": len(data)}}
        ).upload_request
        assert upload.url.startswith(f"{url}/")
        headers = dict(upload.headers.additional_properties)
        assert httpx.put(upload.url, content=data, headers={**headers, **FAKE_AUTH}).status_code == 400
        assert fake.uploads == {}
        assert httpx.put(upload.url, content=data, headers=headers).status_code == 200
    assert list(fake.uploads.values()) == [data]


def test_url_upload_is_listed(client: ConversationClient) -> None:
    conversation_id = client.create().id
    result = client.attachment.upload(conversation_id, {"file": "https://example.com/a.pdf"})
    assert isinstance(result.upload_request, Unset)
    listed = client.attachment.list(conversation_id).result().items
    assert [(a.id, a.name) for a in listed] == [(result.id, "a.pdf")]


def test_the_demo_runs_against_the_embedded_fake() -> None:
    makefile = (ROOT / "Makefile").read_text()
    assert re.search(r"^demo:.*\n\t\$\(PY\) examples/quickstart\.py$", makefile, re.MULTILINE)
    env = {k: v for k, v in os.environ.items() if k != "CHATBOTKIT_API_SECRET"}
    done = subprocess.run(
        [sys.executable, "examples/quickstart.py"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "Talking to the embedded fake ChatBotKit at http://127.0.0.1:" in out
    # the streamed replies, as printed token by token after each question
    assert f"  you: Hello!\n  bot: {HELLO}\n" in out
    question = "Can you stream your answer to me?"
    assert f'  you: {question}\n  bot: Good question. You asked: "{question}"' in out
    assert "4 messages in the conversation" in out
    assert "upvoted" in out
    assert re.search(r"usage: [1-9]\d* tokens, 4 messages", out)
    assert "deleted conversation" in out
    assert done.stderr == ""


# --- bugs found: each test states the behaviour that should hold ----------------------------


def test_a_non_ascii_token_is_401_when_a_secret_is_set() -> None:
    fake = FakeChatBotKit(secret="x")
    with httpx.Client(transport=fake.transport(), base_url=BASE_URL) as http:
        answer = http.get("/v1/conversation/list", headers={"Authorization": b"Bearer \xe9t\xe9"})
    assert answer.status_code == 401
    assert answer.json()["code"] == "NOT_AUTHENTICATED"


def test_a_non_ascii_upload_signature_is_403(client: ConversationClient, fake: FakeChatBotKit) -> None:
    conversation_id = client.create().id
    upload = client.attachment.upload(conversation_id, {"file": {"type": "text/plain", "size": 1}})
    url = upload.upload_request.url.split("?")[0] + "?signature=%C3%A9"
    with httpx.Client(transport=fake.transport()) as http:
        assert http.put(url, content=b"a", headers={"Content-Type": "text/plain"}).status_code == 403
    assert fake.uploads == {}


def test_an_unrepresentable_session_duration_is_400(raw: httpx.Client) -> None:
    conversation_id = raw.post("/v1/conversation/create", json={}).json()["id"]
    answer = raw.post(
        f"/v1/conversation/{conversation_id}/session/create", content=b'{"durationInSeconds": 1e400}'
    )
    assert answer.status_code == 400
    assert "durationInSeconds" in answer.json()["message"]


def test_malformed_line_waits_for_a_stream(client: ConversationClient, fake: FakeChatBotKit) -> None:
    fake.malformed_line(after_events=1)
    conversation_id = client.create().id  # a plain JSON answer, not a stream
    events: list[Any] = []
    with pytest.raises(StreamDecodeError):
        asyncio.run(drain_later(client.complete(conversation_id, {"text": "Hello"}).stream(), events))
    assert event_types(events) == ["completeBegin"]


def test_a_meta_filter_does_not_match_a_missing_key(client: ConversationClient) -> None:
    client.create({"meta": {"other": "x"}})
    assert client.list({"meta": {"team": "None"}}).result().items == []


def test_token_delay_does_not_block_the_event_loop() -> None:
    fake = FakeChatBotKit(token_delay=0.05)  # 13 tokens of 0.05 s: 0.65 s a stream

    async def flow() -> float:
        async with AsyncConversationClient(
            secret=FAKE_SECRET, base_url=BASE_URL, http_client=fake.async_http_client()
        ) as client:
            ids = [(await client.create()).id for _ in range(2)]

            async def reply(conversation_id: str) -> str:
                async with client.complete(conversation_id, {"text": "Hello"}).stream() as stream:
                    return await stream.text()

            started = time.monotonic()
            texts = await asyncio.gather(*(reply(i) for i in ids))
            assert texts == [HELLO, HELLO]
            return time.monotonic() - started

    assert asyncio.run(flow()) < 1.0  # one after the other: >= 1.3 s
