"""Every public method, end to end against ``httpx.MockTransport`` (``chatbotkit_sdk/_methods.py``).

Every behaviour that sends something runs for both ``ConversationClient`` and
``AsyncConversationClient`` (the ``mode`` and ``make`` fixtures of ``tests/conftest.py``).
``CASES`` is the one table of every public method: how to call it, what the API answers,
and the exact request the SDK must send; it is cross-checked against the generated
``OPERATIONS`` tables, so a wrong expectation cannot slip in.
"""

from __future__ import annotations

import asyncio
import datetime
import importlib
import inspect
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from chatbotkit_api.operations import OPERATIONS

from chatbotkit_sdk import (
    AsyncAttachmentClient,
    AsyncContactClient,
    AsyncMessageClient,
    AsyncResponsePromise,
    AsyncSessionClient,
    AttachmentClient,
    ContactClient,
    MessageClient,
    ResponsePromise,
    SessionClient,
    models,
)
from tests.helpers import CONVERSATION, SECRET, T0, Harness, body_of, ok

SECRET_ENV = "CHATBOTKIT_API_SECRET"
OFFICIAL = "https://api.chatbotkit.com"


# --- the table of every public method ----------------------------------------------

USAGE = {"token": 412}
MESSAGES = [
    {"type": "backstory", "text": "You are a helpful support agent."},
    {"type": "user", "text": "Where is my order 10423?"},
]


@dataclass(frozen=True)
class Case:
    #: the method as a user spells it: "message.upvote", "complete(None)"
    name: str
    call: Callable[[Any], Any]
    answer: dict[str, Any]
    result: type
    method: str
    path: str
    #: (tag package under chatbotkit_api.api, endpoint module)
    operation: tuple[str, str]
    query: dict[str, str] | None = None
    #: the JSON body sent, or None when the request has no body at all
    body: Any = None
    lazy: bool = False
    #: requests the call makes; the first one is the operation's (upload_file adds a PUT)
    requests: int = 1

    def __str__(self) -> str:
        return self.name


CASES: list[Case] = [
    Case(
        name="list",
        call=lambda c: c.list({"cursor": "cur_1", "take": 20, "order": "asc"}),
        answer={"items": [CONVERSATION], "cursor": "cur_2"},
        result=models.ConversationPage,
        method="GET",
        path="/v1/conversation/list",
        operation=("conversation", "list_conversations"),
        query={"cursor": "cur_1", "take": "20", "order": "asc"},
        lazy=True,
    ),
    Case(
        name="export",
        call=lambda c: c.export({"take": 5, "meta": {"source": "web", "tier": "gold"}}),
        answer={"items": [CONVERSATION], "cursor": "cur_9"},
        result=models.ConversationPage,
        method="GET",
        path="/v1/conversation/export",
        operation=("conversation", "export_conversations"),
        query={"take": "5", "meta[source]": "web", "meta[tier]": "gold"},
        lazy=True,
    ),
    Case(
        name="fetch",
        call=lambda c: c.fetch("cnv_1"),
        answer={**CONVERSATION, "name": "Order question", "meta": {"source": "web"}},
        result=models.Conversation,
        method="GET",
        path="/v1/conversation/cnv_1/fetch",
        operation=("conversation", "fetch_conversation"),
        lazy=True,
    ),
    Case(
        name="create",
        call=lambda c: c.create({"botId": "bot_1", "name": "Order question"}),
        answer={"id": "cnv_1"},
        result=models.ConversationCreateResult,
        method="POST",
        path="/v1/conversation/create",
        operation=("conversation", "create_conversation"),
        body={"botId": "bot_1", "name": "Order question"},
    ),
    Case(
        name="create",  # a generated model instead of a mapping
        call=lambda c: c.create(models.ConversationCreateRequest(bot_id="bot_1", privacy=True)),
        answer={"id": "cnv_1"},
        result=models.ConversationCreateResult,
        method="POST",
        path="/v1/conversation/create",
        operation=("conversation", "create_conversation"),
        body={"botId": "bot_1", "privacy": True},
    ),
    Case(
        name="update",
        call=lambda c: c.update("cnv_1", {"name": "Renamed", "meta": {"stage": "closed"}}),
        answer={"id": "cnv_1"},
        result=models.IdResult,
        method="POST",
        path="/v1/conversation/cnv_1/update",
        operation=("conversation", "update_conversation"),
        body={"name": "Renamed", "meta": {"stage": "closed"}},
    ),
    Case(
        name="delete",
        call=lambda c: c.delete("cnv_1"),
        answer={"id": "cnv_1"},
        result=models.IdResult,
        method="POST",
        path="/v1/conversation/cnv_1/delete",
        operation=("conversation", "delete_conversation"),
        body={},
    ),
    Case(
        name="complete(None)",
        call=lambda c: c.complete(None, {"messages": MESSAGES, "model": "gpt-4o"}),
        answer={"text": "It ships today.", "usage": USAGE, "end": {"reason": "stop"}},
        result=models.CompleteResult,
        method="POST",
        path="/v1/conversation/complete",
        operation=("conversation", "complete_conversation"),
        body={"messages": MESSAGES, "model": "gpt-4o"},
        lazy=True,
    ),
    Case(
        name="complete(id)",
        call=lambda c: c.complete("cnv_1", {"text": "Where is my order?"}),
        answer={
            "id": "msg_2",
            "text": "It ships today.",
            "usage": USAGE,
            "end": {"reason": "stop"},
        },
        result=models.ConversationCompleteResult,
        method="POST",
        path="/v1/conversation/cnv_1/complete",
        operation=("conversation", "complete_conversation_message"),
        body={"text": "Where is my order?"},
        lazy=True,
    ),
    Case(
        name="dispatch(None)",
        call=lambda c: c.dispatch(None, {"messages": MESSAGES, "channelId": "chn_1"}),
        answer={"channelId": "chn_1"},
        result=models.DispatchResult,
        method="POST",
        path="/v1/conversation/dispatch",
        operation=("conversation", "dispatch_conversation"),
        body={"messages": MESSAGES, "channelId": "chn_1"},
    ),
    Case(
        name="dispatch(id)",
        call=lambda c: c.dispatch("cnv_1", {"text": "Where is my order?"}),
        answer={"channelId": "chn_2"},
        result=models.DispatchResult,
        method="POST",
        path="/v1/conversation/cnv_1/dispatch",
        operation=("conversation", "dispatch_stateful_conversation"),
        body={"text": "Where is my order?"},
    ),
    Case(
        name="compact(None)",
        call=lambda c: c.compact(None, {"messages": MESSAGES}),
        answer={"text": "The user asked about order 10423.", "usage": USAGE},
        result=models.CompactResult,
        method="POST",
        path="/v1/conversation/compact",
        operation=("conversation", "compact_conversation_stateless"),
        body={"messages": MESSAGES},
    ),
    Case(
        name="compact(id)",
        call=lambda c: c.compact("cnv_1"),
        answer={"id": "msg_9", "text": "Checkpoint.", "usage": USAGE},
        result=models.ConversationCompactResult,
        method="POST",
        path="/v1/conversation/cnv_1/compact",
        operation=("conversation", "compact_conversation"),
        body=None,
    ),
    Case(
        name="send",
        call=lambda c: c.send("cnv_1", {"text": "Hello"}),
        answer={"id": "msg_1", "entities": []},
        result=models.SendResult,
        method="POST",
        path="/v1/conversation/cnv_1/send",
        operation=("conversation", "send_conversation_message"),
        body={"text": "Hello"},
        lazy=True,
    ),
    Case(
        name="receive",
        call=lambda c: c.receive("cnv_1"),
        answer={"id": "msg_2", "text": "Hi! How can I help?", "usage": USAGE},
        result=models.ReceiveResult,
        method="POST",
        path="/v1/conversation/cnv_1/receive",
        operation=("conversation", "receive_conversation_message"),
        body={},
        lazy=True,
    ),
    Case(
        name="upvote",
        call=lambda c: c.upvote("cnv_1", {"value": 80, "reason": "Quick answer"}),
        answer={"id": "cnv_1"},
        result=models.IdResult,
        method="POST",
        path="/v1/conversation/cnv_1/upvote",
        operation=("conversation", "upvote_conversation"),
        body={"value": 80, "reason": "Quick answer"},
    ),
    Case(
        name="downvote",
        call=lambda c: c.downvote("cnv_1"),
        answer={"id": "cnv_1"},
        result=models.IdResult,
        method="POST",
        path="/v1/conversation/cnv_1/downvote",
        operation=("conversation", "downvote_conversation"),
        body={},
    ),
    Case(
        name="usage",
        call=lambda c: c.usage(
            "cnv_1",
            {"from": "2024-11-01", "to": datetime.datetime(2024, 11, 24, 12, 30)},
        ),
        answer={"tokens": 1200, "messages": 14},
        result=models.ConversationUsage,
        method="GET",
        path="/v1/conversation/cnv_1/usage/fetch",
        operation=("conversation", "fetch_conversation_usage"),
        query={"from": "2024-11-01T00:00:00+00:00", "to": "2024-11-24T12:30:00+00:00"},
        lazy=True,
    ),
    Case(
        name="message.list",
        call=lambda c: c.message.list("cnv_1", {"cursor": "cur_1", "take": 50, "order": "desc"}),
        answer={
            "items": [{"id": "msg_1", "createdAt": T0, "updatedAt": T0, "type": "user", "text": "Hi"}],
            "cursor": "cur_2",
        },
        result=models.ConversationMessagePage,
        method="GET",
        path="/v1/conversation/cnv_1/message/list",
        operation=("conversation_message", "list_conversation_messages"),
        query={"cursor": "cur_1", "take": "50", "order": "desc"},
        lazy=True,
    ),
    Case(
        name="message.fetch",
        call=lambda c: c.message.fetch("cnv_1", "msg_1"),
        answer={"id": "msg_1", "createdAt": T0, "updatedAt": T0, "type": "bot", "text": "Hi!"},
        result=models.ConversationMessage,
        method="GET",
        path="/v1/conversation/cnv_1/message/msg_1/fetch",
        operation=("conversation_message", "fetch_conversation_message"),
        lazy=True,
    ),
    Case(
        name="message.create",
        call=lambda c: c.message.create("cnv_1", {"type": "user", "text": "Hi"}),
        answer={"id": "msg_1", "entities": []},
        result=models.MessageCreateResult,
        method="POST",
        path="/v1/conversation/cnv_1/message/create",
        operation=("conversation_message", "create_conversation_message"),
        body={"type": "user", "text": "Hi"},
    ),
    Case(
        name="message.update",
        call=lambda c: c.message.update("cnv_1", "msg_1", {"text": "Hi there"}),
        answer={"id": "msg_1"},
        result=models.IdResult,
        method="POST",
        path="/v1/conversation/cnv_1/message/msg_1/update",
        operation=("conversation_message", "update_conversation_message"),
        body={"text": "Hi there"},
    ),
    Case(
        name="message.delete",
        call=lambda c: c.message.delete("cnv_1", "msg_1"),
        answer={"id": "msg_1"},
        result=models.IdResult,
        method="POST",
        path="/v1/conversation/cnv_1/message/msg_1/delete",
        operation=("conversation_message", "delete_conversation_message"),
        body={},
    ),
    Case(
        name="message.upvote",
        call=lambda c: c.message.upvote("cnv_1", "msg_1", {"value": 100}),
        answer={"id": "msg_1"},
        result=models.IdResult,
        method="POST",
        path="/v1/conversation/cnv_1/message/msg_1/upvote",
        operation=("conversation_message", "upvote_conversation_message"),
        body={"value": 100},
    ),
    Case(
        name="message.downvote",
        call=lambda c: c.message.downvote("cnv_1", "msg_1", {"value": -40, "reason": "Wrong"}),
        answer={"id": "msg_1"},
        result=models.IdResult,
        method="POST",
        path="/v1/conversation/cnv_1/message/msg_1/downvote",
        operation=("conversation_message", "downvote_conversation_message"),
        body={"value": -40, "reason": "Wrong"},
    ),
    Case(
        name="message.synthesize",
        call=lambda c: c.message.synthesize("cnv_1", "msg_1"),
        answer={"id": "msg_1"},
        result=models.IdResult,
        method="POST",
        path="/v1/conversation/cnv_1/message/msg_1/synthesize",
        operation=("conversation_message", "synthesize_conversation_message"),
        body={},
    ),
    Case(
        name="session.create",
        call=lambda c: c.session.create("cnv_1", {"durationInSeconds": 3600}),
        answer={"id": "ses_1", "token": "tok_abc", "expiresAt": T0 + 3_600_000},
        result=models.ConversationSession,
        method="POST",
        path="/v1/conversation/cnv_1/session/create",
        operation=("conversation_session", "create_conversation_session"),
        body={"durationInSeconds": 3600},
    ),
    Case(
        name="attachment.list",
        call=lambda c: c.attachment.list("cnv_1", {"cursor": "cur_1", "take": 10}),
        answer={
            "items": [{"id": "att_1", "createdAt": T0, "updatedAt": T0, "name": "invoice.pdf"}],
            "cursor": "cur_2",
        },
        result=models.ConversationAttachmentPage,
        method="GET",
        path="/v1/conversation/cnv_1/attachment/list",
        operation=("conversation_attachment", "list_conversation_attachments"),
        query={"cursor": "cur_1", "take": "10"},
        lazy=True,
    ),
    Case(
        name="attachment.upload",
        call=lambda c: c.attachment.upload(
            "cnv_1", {"file": {"type": "application/pdf", "size": 48213, "name": "invoice.pdf"}}
        ),
        answer={"id": "att_1", "name": "invoice.pdf"},
        result=models.AttachmentUploadResult,
        method="POST",
        path="/v1/conversation/cnv_1/attachment/upload",
        operation=("conversation_attachment", "upload_conversation_attachment"),
        body={"file": {"type": "application/pdf", "size": 48213, "name": "invoice.pdf"}},
    ),
    Case(
        name="attachment.upload_file",
        call=lambda c: c.attachment.upload_file(
            "cnv_1", b"%PDF-1.7 invoice", name="invoice.pdf", content_type="application/pdf"
        ),
        answer={
            "id": "att_1",
            "name": "invoice.pdf",
            "uploadRequest": {
                "method": "PUT",
                "url": "https://uploads.example.com/att_1?signature=abc",
                "headers": {"Content-Type": "application/pdf"},
            },
        },
        result=models.AttachmentUploadResult,
        method="POST",
        path="/v1/conversation/cnv_1/attachment/upload",
        operation=("conversation_attachment", "upload_conversation_attachment"),
        body={"file": {"name": "invoice.pdf", "type": "application/pdf", "size": 16}},
        requests=2,
    ),
    Case(
        name="contact.upsert",
        call=lambda c: c.contact.upsert("cnv_1", {"fingerprint": "fp_1", "email": "jane@x.io"}),
        answer={"id": "con_1"},
        result=models.IdResult,
        method="POST",
        path="/v1/conversation/cnv_1/contact/upsert",
        operation=("conversation_contact", "upsert_conversation_contact"),
        body={"fingerprint": "fp_1", "email": "jane@x.io"},
    ),
]

SUBCLIENTS = {
    "message": (MessageClient, AsyncMessageClient),
    "session": (SessionClient, AsyncSessionClient),
    "attachment": (AttachmentClient, AsyncAttachmentClient),
    "contact": (ContactClient, AsyncContactClient),
}
#: public attributes of the clients that are not API methods
NOT_ENDPOINTS = {"close", "aclose", "extend", "options", *SUBCLIENTS}


def _operations() -> dict[tuple[str, str], tuple[str, str]]:
    """(tag, module) -> (method, templated path), from the generated description."""
    table = {(op.tag, name): (op.method, op.path) for name, op in OPERATIONS.items()}
    for tag, name in table:  # each names a real generated endpoint module
        importlib.import_module(f"chatbotkit_api.api.{tag}.{name}")
    return table


def _public_methods(client: Any) -> set[str]:
    names = set()
    for name in dir(client):
        if name.startswith("_") or name in NOT_ENDPOINTS:
            continue
        assert callable(getattr(client, name)), name
        names.add(name)
    for sub in SUBCLIENTS:
        names |= {f"{sub}.{n}" for n in dir(getattr(client, sub)) if not n.startswith("_")}
    return names


def test_cases_match_the_generated_operations() -> None:
    operations = _operations()
    for case in CASES:
        method, template = operations[case.operation]
        assert case.method == method, case.name
        assert case.path == "/v1" + template.format(conversationId="cnv_1", messageId="msg_1")


def test_cases_cover_every_operation_and_every_public_method() -> None:
    assert {case.operation for case in CASES} == set(_operations())
    called = {case.name.split("(")[0] for case in CASES}
    for mode in ("sync", "async"):
        assert _public_methods(Harness(mode, ok({})).client) == called
    both_forms = {case.name for case in CASES if "(" in case.name}
    assert both_forms == {
        f"{m}({form})" for m in ("complete", "dispatch", "compact") for form in ("None", "id")
    }


@pytest.mark.parametrize("case", CASES, ids=[f"{i}-{c.name}" for i, c in enumerate(CASES)])
def test_every_method_sends_the_right_request(mode: str, case: Case) -> None:
    h = Harness(mode, ok(case.answer))

    if mode == "sync":
        returned = case.call(h.client)
        if case.lazy:
            assert isinstance(returned, ResponsePromise)
            assert h.requests == []
            result = returned.result()
        else:
            result = returned
    else:

        async def go() -> Any:
            returned = case.call(h.client)
            if case.lazy:
                assert isinstance(returned, AsyncResponsePromise)
            else:
                assert inspect.iscoroutine(returned)
            assert h.requests == []
            return await returned

        result = asyncio.run(go())

    assert len(h.requests) == case.requests
    request = h.requests[0]
    assert request.method == case.method
    assert request.url.scheme == "https"
    assert request.url.host == "api.chatbotkit.com"
    assert request.url.path == case.path
    assert sorted(request.url.params.multi_items()) == sorted((case.query or {}).items())
    if case.query is None:
        assert request.url.query == b""
    if case.body is None:
        assert request.content == b""
    else:
        assert request.headers["content-type"] == "application/json"
        assert body_of(request) == case.body
    assert request.headers["authorization"] == f"Bearer {SECRET}"
    assert isinstance(result, case.result)
    assert result.to_dict() == case.answer


def test_sub_clients_are_of_their_classes(mode: str) -> None:
    client = Harness(mode, ok({})).client
    for name, (sync_class, async_class) in SUBCLIENTS.items():
        assert type(getattr(client, name)) is (sync_class if mode == "sync" else async_class)
