"""The public clients, end to end against ``httpx.MockTransport``.

Every behaviour that sends something runs for both ``ConversationClient`` and
``AsyncConversationClient`` (the ``harness`` fixture is parametrized over the two
modes). ``CASES`` is the one table of every public method: how to call it, what the
API answers, and the exact request the SDK must send; it is cross-checked against the
generated ``OPERATIONS`` tables, so a wrong expectation cannot slip in.
"""

from __future__ import annotations

import asyncio
import datetime
import importlib
import inspect
import json
import types
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from chatbotkit_api.operations import OPERATIONS

import chatbotkit_sdk
from chatbotkit_sdk import (
    APIConnectionError,
    APIError,
    APIStatusError,
    APITimeoutError,
    AsyncAttachmentClient,
    AsyncContactClient,
    AsyncConversationClient,
    AsyncMessageClient,
    AsyncResponsePromise,
    AsyncSessionClient,
    AttachmentClient,
    AuthenticationError,
    BadRequestError,
    ChatBotKitError,
    ConflictError,
    ContactClient,
    ConversationClient,
    InternalServerError,
    MessageClient,
    NotFoundError,
    PaymentRequiredError,
    PermissionDeniedError,
    RateLimitError,
    ResponsePromise,
    ResponseValidationError,
    SessionClient,
    UnprocessableEntityError,
    models,
)
from chatbotkit_sdk.testing import FakeChatBotKit

SECRET = "sk_test_Zq8v3XyL2pN7wR4t"
SECRET_ENV = "CHATBOTKIT_API_SECRET"
T0 = 1732406400000  # 2024-11-24T00:00:00Z in ms
OFFICIAL = "https://api.chatbotkit.com"

Responder = Callable[[httpx.Request], "httpx.Response | BaseException"]


# --- harness: one client, a recording transport, and a way to resolve any result ----


class Harness:
    """A client of one mode whose transport records every request it gets."""

    def __init__(self, mode: str, responder: Responder, **options: Any) -> None:
        self.mode = mode
        self.responder = responder
        self.requests: list[httpx.Request] = []
        self.http: httpx.Client | httpx.AsyncClient
        options.setdefault("secret", SECRET)
        options.setdefault("retry_delay", 0)
        transport = httpx.MockTransport(self._handle)
        if mode == "sync":
            self.http = httpx.Client(transport=transport)
            self.client: Any = ConversationClient(http_client=self.http, **options)
        else:
            self.http = httpx.AsyncClient(transport=transport)
            self.client = AsyncConversationClient(http_client=self.http, **options)

    def _handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        answer = self.responder(request)
        if isinstance(answer, BaseException):
            raise answer
        return answer

    @property
    def last(self) -> httpx.Request:
        assert self.requests, "no request was sent"
        return self.requests[-1]

    def run(self, call: Callable[[Any], Any], client: Any = None) -> Any:
        """Call a method and resolve what it returns (promise, coroutine or model)."""
        client = self.client if client is None else client
        if self.mode == "sync":
            value = call(client)
            return value.result() if isinstance(value, ResponsePromise) else value

        async def go() -> Any:
            value = call(client)
            if isinstance(value, AsyncResponsePromise) or inspect.isawaitable(value):
                return await value
            return value

        return asyncio.run(go())

    def resolve(self, promise: Any) -> Any:
        if self.mode == "sync":
            return promise.result()

        async def go() -> Any:
            return await promise

        return asyncio.run(go())

    def cached(self, promise: Any, *key: str) -> Any:
        if self.mode == "sync":
            return promise.cache(*key)
        return asyncio.run(promise.cache(*key))


def ok(payload: Any) -> Responder:
    return lambda request: httpx.Response(200, json=payload)


def sequence(*answers: httpx.Response | BaseException) -> Responder:
    """Answers in order; the last one repeats."""
    queue = list(answers)

    def respond(request: httpx.Request) -> httpx.Response | BaseException:
        return queue.pop(0) if len(queue) > 1 else queue[0]

    return respond


CONVERSATION = {"id": "cnv_1", "createdAt": T0, "updatedAt": T0 + 1000}


@pytest.fixture(params=["sync", "async"])
def mode(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def make(mode: str) -> Callable[..., Harness]:
    def factory(responder: Responder | None = None, **options: Any) -> Harness:
        return Harness(mode, responder or ok(CONVERSATION), **options)

    return factory


def leaks(headers: httpx.Headers) -> bool:
    """Whether any header value holds the secret (``str(headers)`` masks it anyway)."""
    return any(SECRET in value for value in headers.values())


def body_of(request: httpx.Request) -> Any:
    return json.loads(request.content) if request.content else None


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


# --- lazy promises ----------------------------------------------------------------


def counting(answer: dict[str, Any]) -> Responder:
    """Answers ``answer`` with ``id`` set to "<id>#<n>" for the n-th request."""
    count = 0

    def respond(request: httpx.Request) -> httpx.Response:
        nonlocal count
        count += 1
        return httpx.Response(200, json={**answer, "id": f"{answer['id']}#{count}"})

    return respond


LAZY_CASES = [case for case in CASES if case.lazy]


@pytest.mark.parametrize("case", LAZY_CASES, ids=str)
def test_a_promise_sends_nothing_until_used_and_only_once(mode: str, case: Case) -> None:
    h = Harness(mode, ok(case.answer))
    promise = case.call(h.client)
    assert h.requests == []
    assert f"{case.method} " in repr(promise)
    assert SECRET not in repr(promise)

    first = h.resolve(promise)
    second = h.resolve(promise)

    assert len(h.requests) == 1
    assert first is second
    assert isinstance(first, case.result)


def test_cache_shares_results_per_key_method_and_url(make: Callable[..., Harness]) -> None:
    h = make(counting(CONVERSATION))
    c = h.client

    first = h.cached(c.fetch("cnv_1"))
    assert len(h.requests) == 1
    assert first.id == "cnv_1#1"

    again = h.cached(c.fetch("cnv_1"))
    explicit_default = h.cached(c.fetch("cnv_1"), "default")
    assert len(h.requests) == 1
    assert again is first
    assert explicit_default is first

    other_key = h.cached(c.fetch("cnv_1"), "fresh")
    assert len(h.requests) == 2
    assert other_key.id == "cnv_1#2"
    assert h.cached(c.fetch("cnv_1"), "fresh") is other_key

    other_url = h.cached(c.fetch("cnv_2"))
    assert len(h.requests) == 3
    assert other_url.id == "cnv_1#3"
    assert h.last.url.path == "/v1/conversation/cnv_2/fetch"

    # A plain result() is not memoised across promises.
    plain = h.resolve(c.fetch("cnv_1"))
    assert len(h.requests) == 4
    assert plain.id == "cnv_1#4"


def test_cache_key_includes_the_query(make: Callable[..., Harness]) -> None:
    h = make(ok({"items": [], "cursor": "cur_2"}))
    c = h.client
    h.cached(c.list({"take": 1}))
    h.cached(c.list({"take": 1}))
    assert len(h.requests) == 1
    h.cached(c.list({"take": 2}))
    assert len(h.requests) == 2
    assert dict(h.last.url.params) == {"take": "2"}


def test_a_promise_result_is_cached_after_an_error_is_not(make: Callable[..., Harness]) -> None:
    h = make(
        sequence(httpx.Response(404, json={"message": "gone"}), httpx.Response(200, json=CONVERSATION)),
        retries=0,
    )
    promise = h.client.fetch("cnv_1")
    with pytest.raises(NotFoundError):
        h.resolve(promise)
    assert h.resolve(promise).id == "cnv_1"
    assert len(h.requests) == 2


# --- extend() -----------------------------------------------------------------------

FETCH_KEY = "/api/v1/conversation/{conversationId}/fetch"
MESSAGE_FETCH_KEY = "/api/v1/conversation/{conversationId}/message/{messageId}/fetch"


def test_extend_merges_headers_and_endpoints_and_replaces_the_rest(
    make: Callable[..., Harness], mode: str
) -> None:
    h = make(
        ok(CONVERSATION),
        base_url="http://localhost:8765",
        headers={"X-A": "a1", "X-B": "b1"},
        endpoints={FETCH_KEY: "/custom/{conversationId}"},
        run_as_user_id="usr_1",
        timezone="Europe/London",
        retries=0,
    )
    original = h.client
    extended = original.extend(
        secret="sk_other_9",
        base_url="http://localhost:9999",
        headers={"X-B": "b2", "X-C": "c2"},
        endpoints={MESSAGE_FETCH_KEY: "/m/{conversationId}/{messageId}"},
        run_as_user_id="usr_2",
        retries=2,
    )

    assert type(extended) is type(original)
    assert extended is not original
    for name, classes in SUBCLIENTS.items():
        sub = getattr(extended, name)
        assert type(sub) is classes[0 if mode == "sync" else 1]
        assert sub is not getattr(original, name)

    h.run(lambda c: c.fetch("cnv_1"), extended)
    sent = h.last
    assert str(sent.url) == "http://localhost:9999/custom/cnv_1"  # endpoint kept
    assert sent.headers["authorization"] == "Bearer sk_other_9"
    assert sent.headers["x-a"] == "a1"
    assert sent.headers["x-b"] == "b2"
    assert sent.headers["x-c"] == "c2"
    assert sent.headers["x-runas-user-id"] == "usr_2"
    assert sent.headers["x-timezone"] == "Europe/London"

    # The sub-clients of the new client use its options too.
    h.responder = ok({**CONVERSATION, "id": "msg_1", "type": "bot", "text": "Hi"})
    h.run(lambda c: c.message.fetch("cnv_1", "msg_1"), extended)
    sent = h.last
    assert str(sent.url) == "http://localhost:9999/m/cnv_1/msg_1"
    assert sent.headers["authorization"] == "Bearer sk_other_9"
    assert sent.headers["x-c"] == "c2"
    assert sent.headers["x-runas-user-id"] == "usr_2"

    # The original client is unchanged.
    h.run(lambda c: c.message.fetch("cnv_1", "msg_1"), original)
    sent = h.last
    assert str(sent.url) == "http://localhost:8765/api/v1/conversation/cnv_1/message/msg_1/fetch"
    assert sent.headers["authorization"] == f"Bearer {SECRET}"
    assert sent.headers["x-b"] == "b1"
    assert "x-c" not in sent.headers
    assert sent.headers["x-runas-user-id"] == "usr_1"

    # retries replaced: 2 on the new client, still 0 on the original.
    h.responder = lambda request: httpx.Response(503)
    before = len(h.requests)
    with pytest.raises(InternalServerError):
        h.run(lambda c: c.fetch("cnv_1"), extended)
    assert len(h.requests) - before == 3
    before = len(h.requests)
    with pytest.raises(InternalServerError):
        h.run(lambda c: c.fetch("cnv_1"), original)
    assert len(h.requests) - before == 1


def test_extend_checks_its_options(make: Callable[..., Harness]) -> None:
    client = make().client
    with pytest.raises(ValueError, match="Nowhere/Land"):
        client.extend(timezone="Nowhere/Land")
    with pytest.raises(TypeError, match="colour"):
        client.extend(colour="blue")


# --- headers and per-call options -----------------------------------------------------


def test_every_header_option_is_sent(make: Callable[..., Harness]) -> None:
    h = make(
        run_as_user_id="usr_42",
        run_as_child_user_email="child@example.com",
        timezone="America/New_York",
        headers={"X-Custom": "client", "X-Team": "support"},
    )
    h.run(lambda c: c.fetch("cnv_1", extra_headers={"X-Trace": "trc_1", "X-Custom": "call"}))
    sent = h.last.headers
    assert sent["authorization"] == f"Bearer {SECRET}"
    assert sent["x-runas-user-id"] == "usr_42"
    assert sent["x-runas-child-user-email"] == "child@example.com"
    assert sent["x-timezone"] == "America/New_York"
    assert sent["x-team"] == "support"
    assert sent["x-trace"] == "trc_1"
    assert sent["x-custom"] == "call"  # per-call headers come after the client's

    h.run(lambda c: c.fetch("cnv_1"))
    sent = h.last.headers
    assert "x-trace" not in sent
    assert sent["x-custom"] == "client"


def test_no_optional_headers_unless_configured(make: Callable[..., Harness]) -> None:
    h = make()
    h.run(lambda c: c.fetch("cnv_1"))
    for name in ("x-runas-user-id", "x-runas-child-user-email", "x-timezone"):
        assert name not in h.last.headers


@pytest.mark.parametrize("zone", ["Mars/Olympus_Mons", "", "../etc/passwd", "/etc/localtime"])
@pytest.mark.parametrize("cls", [ConversationClient, AsyncConversationClient])
def test_an_unknown_timezone_is_refused_at_construction(cls: type, zone: str) -> None:
    with pytest.raises(ValueError, match="timezone"):
        cls(secret=SECRET, timezone=zone)


@pytest.mark.parametrize(
    ("options", "call", "name", "expected"),
    [
        (
            {"headers": {"x-custom": "client"}},
            lambda c: c.fetch("cnv_1", extra_headers={"X-Custom": "call"}),
            "x-custom",
            ["call"],
        ),
        (
            {"headers": {"x-custom": "client"}},
            lambda c: c.extend(headers={"X-CUSTOM": "extended"}).fetch("cnv_1"),
            "x-custom",
            ["extended"],
        ),
        (
            {},
            lambda c: c.fetch("cnv_1", extra_headers={"authorization": "Bearer ses_token_1"}),
            "authorization",
            ["Bearer ses_token_1"],
        ),
    ],
    ids=["extra-headers", "extend", "authorization"],
)
def test_a_header_given_twice_in_another_case_is_sent_once(
    make: Callable[..., Harness],
    options: dict[str, Any],
    call: Callable[[Any], Any],
    name: str,
    expected: list[str],
) -> None:
    h = make(**options)
    h.run(call)
    assert h.last.headers.get_list(name) == expected


@pytest.mark.parametrize("zone", ["Foo+3", "UTC+3", "XYZ-2"])
def test_a_posix_tz_string_is_not_an_iana_timezone(zone: str) -> None:
    with pytest.raises(ValueError, match="timezone"):
        ConversationClient(secret=SECRET, timezone=zone)


@pytest.mark.parametrize("zone", ["Europe/London", "Asia/Kolkata", "UTC", "Etc/GMT+5"])
def test_iana_timezones_are_accepted(make: Callable[..., Harness], zone: str) -> None:
    h = make(timezone=zone)
    h.run(lambda c: c.fetch("cnv_1"))
    assert h.last.headers["x-timezone"] == zone


PLUS_TWO = datetime.timezone(datetime.timedelta(hours=2))


@pytest.mark.parametrize(
    ("value", "sent"),
    [
        ("2024-11-01", "2024-11-01T00:00:00+00:00"),
        ("2024-11-01T10:15:00", "2024-11-01T10:15:00+00:00"),
        ("2024-11-01T10:15:00Z", "2024-11-01T10:15:00+00:00"),
        ("2024-11-01T10:15:00+02:00", "2024-11-01T10:15:00+02:00"),
        (datetime.date(2024, 11, 1), "2024-11-01T00:00:00+00:00"),
        (datetime.datetime(2024, 11, 1, 10, 15), "2024-11-01T10:15:00+00:00"),
        (datetime.datetime(2024, 11, 1, 10, 15, tzinfo=PLUS_TWO), "2024-11-01T10:15:00+02:00"),
    ],
    ids=["date-str", "naive-str", "z-str", "offset-str", "date", "naive", "aware"],
)
def test_usage_period_forms(make: Callable[..., Harness], value: Any, sent: str) -> None:
    h = make(ok({"tokens": 1, "messages": 2}))
    h.run(lambda c: c.usage("cnv_1", {"from": value}))
    assert dict(h.last.url.params) == {"from": sent}
    h.run(lambda c: c.usage("cnv_1", {"to": value}))
    assert dict(h.last.url.params) == {"to": sent}


def test_per_call_timeout(make: Callable[..., Harness]) -> None:
    h = make()
    h.run(lambda c: c.fetch("cnv_1", timeout=7.5))
    assert h.last.extensions["timeout"]["read"] == 7.5
    h.run(lambda c: c.fetch("cnv_1"))
    assert h.last.extensions["timeout"]["read"] != 7.5

    h = make(timeout=3.0)
    h.run(lambda c: c.fetch("cnv_1"))
    assert h.last.extensions["timeout"]["read"] == 3.0


def test_per_call_retries_override_the_client(make: Callable[..., Harness]) -> None:
    h = make(lambda request: httpx.Response(503), retries=3)
    with pytest.raises(InternalServerError):
        h.run(lambda c: c.fetch("cnv_1", retries=0))
    assert len(h.requests) == 1
    with pytest.raises(InternalServerError):
        h.run(lambda c: c.fetch("cnv_1", retries=1))
    assert len(h.requests) == 3


# --- URL building -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({}, f"{OFFICIAL}/v1/conversation/list"),
        ({"base_url": "http://localhost:8765"}, "http://localhost:8765/api/v1/conversation/list"),
        ({"base_url": "http://localhost:8765/"}, "http://localhost:8765/api/v1/conversation/list"),
        (
            {"base_url": "https://proxy.example.com/cbk"},
            "https://proxy.example.com/cbk/api/v1/conversation/list",
        ),
        ({"host": "staging.example.com"}, "https://staging.example.com/api/v1/conversation/list"),
        ({"protocol": "http"}, "http://api.chatbotkit.com/v1/conversation/list"),
        (
            {"base_url": "http://localhost:8765", "host": "127.0.0.1:9000", "protocol": "https"},
            "https://127.0.0.1:9000/api/v1/conversation/list",
        ),
        ({"host": "api.chatbotkit.com"}, f"{OFFICIAL}/v1/conversation/list"),
    ],
    ids=["default", "local", "trailing-slash", "path-prefix", "host", "protocol", "both", "host-official"],
)
def test_url_building(make: Callable[..., Harness], options: dict[str, str], expected: str) -> None:
    h = make(ok({"items": [], "cursor": "c"}), **options)
    h.run(lambda c: c.list())
    assert str(h.last.url) == expected


@pytest.mark.parametrize(
    ("options", "call", "expected"),
    [
        (
            {"base_url": "http://localhost:8765", "endpoints": {FETCH_KEY: "/custom/{conversationId}"}},
            lambda c: c.fetch("cnv_1"),
            "http://localhost:8765/custom/cnv_1",
        ),
        (
            {"endpoints": {FETCH_KEY: "https://edge.example.com/c/{conversationId}/get"}},
            lambda c: c.fetch("cnv_1"),
            "https://edge.example.com/c/cnv_1/get",
        ),
        (
            {"endpoints": {FETCH_KEY: "https://edge.example.com/c/{conversationId}/get"}},
            lambda c: c.fetch("a/b"),
            "https://edge.example.com/c/a%2Fb/get",
        ),
        (
            {
                "base_url": "http://localhost:8765",
                "endpoints": {MESSAGE_FETCH_KEY: "/m/{messageId}/of/{conversationId}"},
            },
            lambda c: c.message.fetch("cnv_1", "msg_1"),
            "http://localhost:8765/m/msg_1/of/cnv_1",
        ),
        (  # an override of one path leaves the others alone
            {"base_url": "http://localhost:8765", "endpoints": {FETCH_KEY: "/custom/{conversationId}"}},
            lambda c: c.message.fetch("cnv_1", "msg_1"),
            "http://localhost:8765/api/v1/conversation/cnv_1/message/msg_1/fetch",
        ),
    ],
    ids=["relative", "absolute", "absolute-encoded", "two-params", "other-path"],
)
def test_endpoint_overrides(
    make: Callable[..., Harness], options: dict[str, Any], call: Callable[[Any], Any], expected: str
) -> None:
    answer = {**CONVERSATION, "type": "bot", "text": "Hi"}
    h = make(ok(answer), **options)
    h.run(call)
    assert str(h.last.url) == expected


# --- request validation: refused before anything is sent ---------------------------

NESTED = [{"type": "user", "text": 5}]

INVALID_CALLS = [
    ("unknown-field", lambda c: c.create({"bot_id": "bot_1"}), TypeError, r"bot_id.*botId"),
    (
        "unknown-field-update",
        lambda c: c.update("cnv_1", {"titel": "x"}),
        TypeError,
        "titel",
    ),
    (
        "wrong-type-nested",
        lambda c: c.complete(None, {"messages": NESTED}),
        TypeError,
        r"messages\[0\]\.text",
    ),
    (
        "wrong-type-nested-2",
        lambda c: c.create({"messages": [{"type": "user", "text": "a"}, {"type": "bot"}]}),
        TypeError,
        r"messages\[1\]\.text",
    ),
    (
        "bad-enum",
        lambda c: c.message.create("cnv_1", {"type": "robot", "text": "Hi"}),
        ValueError,
        "robot",
    ),
    ("missing-required", lambda c: c.send("cnv_1", {}), TypeError, "text"),
    ("wrong-scalar", lambda c: c.upvote("cnv_1", {"value": "high"}), TypeError, "value"),
    (
        "bool-is-not-int",
        lambda c: c.session.create("cnv_1", {"durationInSeconds": True}),
        TypeError,
        "durationInSeconds",
    ),
    ("non-mapping-request", lambda c: c.create(["botId", "bot_1"]), TypeError, "list"),
    ("string-request", lambda c: c.send("cnv_1", "Hello"), TypeError, "str"),
    ("non-mapping-query", lambda c: c.list([("take", 1)]), TypeError, "mapping"),
    ("unknown-query", lambda c: c.list({"page": 2}), TypeError, "page"),
    ("query-wrong-type", lambda c: c.message.list("cnv_1", {"take": "10"}), TypeError, "take"),
    ("query-bad-enum", lambda c: c.list({"order": "sideways"}), ValueError, "sideways"),
    ("query-not-for-attachments", lambda c: c.attachment.list("cnv_1", {"order": "asc"}), TypeError, "order"),
    ("bad-from", lambda c: c.usage("cnv_1", {"from": "last tuesday"}), ValueError, "from"),
    ("from-wrong-type", lambda c: c.usage("cnv_1", {"from": 1732406400}), TypeError, "from"),
    ("needs-first-argument", lambda c: c.complete(), TypeError, "complete"),
    ("stateless-needs-request", lambda c: c.complete(None), TypeError, "request"),
    ("id-is-none", lambda c: c.fetch(None), TypeError, r"fetch\(\) is missing its 'conversation_id'"),
    ("extra-positional", lambda c: c.delete("cnv_1", {}), TypeError, r"delete\(\) takes \(conversation_id\)"),
    (
        "keyword-id",
        lambda c: c.fetch(conversation_id="cnv_1"),
        TypeError,
        r"'conversation_id' is positional-only",
    ),
    ("keyword-request", lambda c: c.update("cnv_1", request={}), TypeError, r"'request' is positional-only"),
    ("keyword-query", lambda c: c.list(query={"take": 1}), TypeError, r"'query' is positional-only"),
    (
        "stateless-request-none",
        lambda c: c.complete(None, None),
        TypeError,
        r"complete\(None, \.\.\.\) \(stateless\) is missing its 'request'",
    ),
    (
        "stateful-compact-no-request",
        lambda c: c.compact("cnv_1", {"messages": MESSAGES}),
        TypeError,
        r"compact\(conversation_id, \.\.\.\) takes \(conversation_id\)",
    ),
    ("unknown-option", lambda c: c.fetch("cnv_1", retry=1), TypeError, "retry"),
    ("negative-retries", lambda c: c.fetch("cnv_1", retries=-1), ValueError, "retries"),
    ("bad-extra-header", lambda c: c.fetch("cnv_1", extra_headers={"X-A": "a\r\nb"}), ValueError, "X-A"),
]


@pytest.mark.parametrize(
    ("call", "error", "match"),
    [case[1:] for case in INVALID_CALLS],
    ids=[case[0] for case in INVALID_CALLS],
)
def test_invalid_requests_are_refused_before_sending(
    make: Callable[..., Harness], call: Callable[[Any], Any], error: type, match: str
) -> None:
    h = make()
    with pytest.raises(error, match=match):
        h.run(call)
    assert h.requests == []


# --- path parameters ------------------------------------------------------------------

ADVERSARIAL_IDS = [
    ("a/b", "a%2Fb"),
    ("..", "%2E%2E"),
    (".", "%2E"),
    ("../../admin", "..%2F..%2Fadmin"),
    ("cnv_1?take=1", "cnv_1%3Ftake%3D1"),
    ("cnv_1#frag", "cnv_1%23frag"),
    ("100%", "100%25"),
    ("a b", "a%20b"),
    ("ünï", "%C3%BCn%C3%AF"),
    ("a%2Fb", "a%252Fb"),
    ("cnv_1/delete", "cnv_1%2Fdelete"),
]


@pytest.mark.parametrize(("raw", "encoded"), ADVERSARIAL_IDS, ids=[e for _, e in ADVERSARIAL_IDS])
def test_path_ids_stay_inside_one_segment(make: Callable[..., Harness], raw: str, encoded: str) -> None:
    h = make(ok({"id": "x", "text": "t", "usage": USAGE, "end": {"reason": "stop"}}))
    h.run(lambda c: c.delete(raw))
    assert h.last.url.raw_path == f"/v1/conversation/{encoded}/delete".encode()
    assert h.last.url.query == b""

    h.run(lambda c: c.message.update("cnv_1", raw, {"text": "Hi"}))
    assert h.last.url.raw_path == f"/v1/conversation/cnv_1/message/{encoded}/update".encode()

    h.run(lambda c: c.complete(raw, {"text": "Hi"}))
    assert h.last.url.raw_path == f"/v1/conversation/{encoded}/complete".encode()
    assert len(h.requests) == 3


@pytest.mark.parametrize(
    ("call", "error"),
    [
        (lambda c: c.fetch(""), ValueError),
        (lambda c: c.message.fetch("cnv_1", ""), ValueError),
        (lambda c: c.message.fetch("", "msg_1"), ValueError),
        (lambda c: c.fetch(123), TypeError),
        (lambda c: c.delete(None), TypeError),
        (lambda c: c.message.delete("cnv_1", b"msg_1"), TypeError),
        (lambda c: c.complete(42, {"text": "Hi"}), TypeError),
    ],
    ids=["empty", "empty-message", "empty-conversation", "int", "none", "bytes", "dual-int"],
)
def test_bad_path_ids_are_refused(
    make: Callable[..., Harness], call: Callable[[Any], Any], error: type
) -> None:
    h = make()
    # The API's name where the id is checked, the parameter's where it is missing (None).
    with pytest.raises(error, match=r"conversationId|messageId|'conversation_id'|'message_id'"):
        h.run(call)
    assert h.requests == []


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


# --- retries -------------------------------------------------------------------------------


def test_default_retries_recover_from_a_503(make: Callable[..., Harness]) -> None:
    h = make(sequence(httpx.Response(503), httpx.Response(200, json=CONVERSATION)))
    result = h.run(lambda c: c.fetch("cnv_1"))
    assert isinstance(result, models.Conversation)
    assert result.id == "cnv_1"
    assert len(h.requests) == 2
    assert [r.url.path for r in h.requests] == ["/v1/conversation/cnv_1/fetch"] * 2


def test_default_retries_give_up_after_four_attempts(make: Callable[..., Harness]) -> None:
    h = make(lambda request: httpx.Response(429, json={"message": "slow down"}))
    with pytest.raises(RateLimitError, match="slow down"):
        h.run(lambda c: c.fetch("cnv_1"))
    assert len(h.requests) == 4


@pytest.mark.parametrize("status", [408, 429, 500, 502, 503, 504])
def test_retried_statuses(make: Callable[..., Harness], status: int) -> None:
    h = make(lambda request: httpx.Response(status), retries=2)
    with pytest.raises(APIStatusError) as caught:
        h.run(lambda c: c.fetch("cnv_1"))
    assert caught.value.status_code == status
    assert len(h.requests) == 3


@pytest.mark.parametrize("status", [400, 401, 402, 403, 404, 409, 413, 422])
def test_client_errors_are_not_retried(make: Callable[..., Harness], status: int) -> None:
    h = make(lambda request: httpx.Response(status), retries=3)
    with pytest.raises(APIStatusError):
        h.run(lambda c: c.fetch("cnv_1"))
    assert len(h.requests) == 1


# --- answers that do not fit -------------------------------------------------------------

BAD_ANSWERS = [
    (
        "missing-required",
        lambda c: c.fetch("cnv_1"),
        lambda: httpx.Response(200, json={"id": "cnv_1", "createdAt": T0}),
    ),
    (
        "wrong-type",
        lambda c: c.fetch("cnv_1"),
        lambda: httpx.Response(200, json={**CONVERSATION, "createdAt": "yesterday"}),
    ),
    (
        "nested-wrong-type",
        lambda c: c.list(),
        lambda: httpx.Response(200, json={"items": [{**CONVERSATION, "id": 7}], "cursor": "c"}),
    ),
    (  # (an enum value the SDK does not know is read, not refused: see test_forward_compat)
        "enum-not-a-string",
        lambda c: c.message.fetch("cnv_1", "msg_1"),
        lambda: httpx.Response(200, json={**CONVERSATION, "id": "msg_1", "type": 7, "text": "x"}),
    ),
    ("not-json", lambda c: c.delete("cnv_1"), lambda: httpx.Response(200, text="<html>oops</html>")),
    ("empty", lambda c: c.delete("cnv_1"), lambda: httpx.Response(200)),
    ("json-list", lambda c: c.delete("cnv_1"), lambda: httpx.Response(200, json=[{"id": "cnv_1"}])),
    ("json-null", lambda c: c.complete("cnv_1", {"text": "Hi"}), lambda: httpx.Response(200, json=None)),
]


@pytest.mark.parametrize(("call", "answer"), [b[1:] for b in BAD_ANSWERS], ids=[b[0] for b in BAD_ANSWERS])
def test_answers_that_do_not_fit_the_model(
    make: Callable[..., Harness],
    call: Callable[[Any], Any],
    answer: Callable[[], httpx.Response],
) -> None:
    h = make(lambda request: answer())
    with pytest.raises(ResponseValidationError) as caught:
        h.run(call)
    err = caught.value
    assert isinstance(err, APIError)
    assert err.response.status_code == 200
    assert len(h.requests) == 1
    assert SECRET not in str(err)
    assert SECRET not in repr(err)


def test_response_validation_errors_hide_the_secret(make: Callable[..., Harness]) -> None:
    h = make(ok({"id": "cnv_1"}))
    with pytest.raises(ResponseValidationError) as caught:
        h.run(lambda c: c.fetch("cnv_1"))
    err = caught.value
    assert err.request is not None
    assert not leaks(err.request.headers)
    assert not leaks(err.response.request.headers)


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


# --- construction, secrets, closing ---------------------------------------------------


@pytest.mark.parametrize("cls", [ConversationClient, AsyncConversationClient])
def test_no_secret_is_an_error(monkeypatch: pytest.MonkeyPatch, cls: type) -> None:
    monkeypatch.delenv(SECRET_ENV, raising=False)
    with pytest.raises(ChatBotKitError, match=SECRET_ENV):
        cls()
    with pytest.raises(ChatBotKitError, match=SECRET_ENV):
        cls(secret="")


def test_the_secret_comes_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, make: Callable[..., Harness]
) -> None:
    monkeypatch.setenv(SECRET_ENV, "sk_from_env_1")
    h = make(secret=None)
    h.run(lambda c: c.fetch("cnv_1"))
    assert h.last.headers["authorization"] == "Bearer sk_from_env_1"

    h = make(secret="sk_explicit_2")  # an explicit secret wins
    h.run(lambda c: c.fetch("cnv_1"))
    assert h.last.headers["authorization"] == "Bearer sk_explicit_2"


@pytest.fixture
def closed(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Every httpx client closed during the test."""
    seen: list[Any] = []
    sync_close, async_close = httpx.Client.close, httpx.AsyncClient.aclose

    def close(self: httpx.Client) -> None:
        seen.append(self)
        sync_close(self)

    async def aclose(self: httpx.AsyncClient) -> None:
        seen.append(self)
        await async_close(self)

    monkeypatch.setattr(httpx.Client, "close", close)
    monkeypatch.setattr(httpx.AsyncClient, "aclose", aclose)
    return seen


def test_sync_close_closes_an_owned_http_client(closed: list[Any]) -> None:
    client = ConversationClient(secret=SECRET)
    assert closed == []
    client.close()
    assert len(closed) == 1
    assert isinstance(closed[0], httpx.Client)
    assert closed[0].is_closed

    with ConversationClient(secret=SECRET) as entered:
        assert isinstance(entered, ConversationClient)
        assert len(closed) == 1
    assert len(closed) == 2
    assert closed[1].is_closed


def test_async_close_closes_an_owned_http_client(closed: list[Any]) -> None:
    async def go() -> None:
        client = AsyncConversationClient(secret=SECRET)
        assert closed == []
        await client.aclose()
        assert len(closed) == 1
        assert isinstance(closed[0], httpx.AsyncClient)
        assert closed[0].is_closed

        async with AsyncConversationClient(secret=SECRET) as entered:
            assert isinstance(entered, AsyncConversationClient)
            assert len(closed) == 1
        assert len(closed) == 2
        assert closed[1].is_closed

    asyncio.run(go())


def test_an_injected_http_client_is_left_open(closed: list[Any], mode: str) -> None:
    h = Harness(mode, ok(CONVERSATION))
    if mode == "sync":
        with h.client as entered:
            assert entered is h.client
            h.run(lambda c: c.fetch("cnv_1"))
        h.client.close()
    else:

        async def go() -> None:
            async with h.client as entered:
                assert entered is h.client
                await h.client.fetch("cnv_1")
            await h.client.aclose()

        asyncio.run(go())
    assert closed == []
    assert not h.http.is_closed
    # ... and still usable by its owner.
    h.run(lambda c: c.fetch("cnv_1"))
    assert len(h.requests) == 2


def test_closing_an_extended_client_leaves_the_pool_open(closed: list[Any], mode: str) -> None:
    if mode == "sync":
        client = ConversationClient(secret=SECRET)
        client.extend(run_as_user_id="usr_1").close()
        assert closed == []
        client.close()
    else:

        async def go() -> None:
            client = AsyncConversationClient(secret=SECRET)
            await client.extend(run_as_user_id="usr_1").aclose()
            assert closed == []
            await client.aclose()

        asyncio.run(go())
    assert len(closed) == 1


def test_the_wrong_kind_of_http_client_is_refused() -> None:
    with pytest.raises(TypeError, match="AsyncClient"):
        AsyncConversationClient(secret=SECRET, http_client=httpx.Client())
    with pytest.raises(TypeError, match="Client"):
        ConversationClient(secret=SECRET, http_client=httpx.AsyncClient())


# --- the package's public names ------------------------------------------------------------


def _public_names() -> Iterator[str]:
    for name in dir(chatbotkit_sdk):
        if name.startswith("_"):
            continue
        value = getattr(chatbotkit_sdk, name)
        if not isinstance(value, types.ModuleType) or value is chatbotkit_sdk.models:
            yield name


def test_all_lists_exactly_the_public_names() -> None:
    listed = {name for name in chatbotkit_sdk.__all__ if not name.startswith("_")}
    assert listed == set(_public_names())
    assert "models" in listed
    for name in chatbotkit_sdk.__all__:
        assert hasattr(chatbotkit_sdk, name), name
    assert len(chatbotkit_sdk.__all__) == len(set(chatbotkit_sdk.__all__))


def test_all_is_sorted() -> None:
    assert chatbotkit_sdk.__all__ == sorted(chatbotkit_sdk.__all__)


def test_all_holds_no_underscore_names() -> None:
    assert [name for name in chatbotkit_sdk.__all__ if name.startswith("_")] == []


BASE_URL_ENV = "CHATBOTKIT_BASE_URL"


@pytest.mark.parametrize("cls", [ConversationClient, AsyncConversationClient])
def test_chatbotkit_base_url_points_both_clients_at_another_api(
    cls: type[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = FakeChatBotKit(secret="sk-env")
    with fake.serve() as url:
        monkeypatch.setenv(SECRET_ENV, "sk-env")
        monkeypatch.setenv(BASE_URL_ENV, url)
        client = cls()
        assert client.options.origin == url
        if cls is ConversationClient:
            created = client.create({"name": "from the environment"})
            client.close()
        else:

            async def go() -> Any:
                async with client:
                    return await client.create({"name": "from the environment"})

            created = asyncio.run(go())
    assert fake.conversations[created.id]["name"] == "from the environment"


def test_an_explicit_base_url_or_host_wins_over_chatbotkit_base_url(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(BASE_URL_ENV, "http://127.0.0.1:9")
    assert ConversationClient(secret="sk", base_url="https://proxy.example").options.origin == (
        "https://proxy.example"
    )
    assert ConversationClient(secret="sk", host="api.example").options.origin == "https://api.example"
    monkeypatch.delenv(BASE_URL_ENV)
    assert ConversationClient(secret="sk").options.origin == "https://api.chatbotkit.com"


@pytest.mark.parametrize("value", ["api.chatbotkit.com", "ftp://example.com", "http://user:pw@example.com"])
def test_a_malformed_chatbotkit_base_url_is_an_error_naming_the_variable(
    value: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(BASE_URL_ENV, value)
    with pytest.raises(ValueError, match="the CHATBOTKIT_BASE_URL environment variable") as info:
        ConversationClient(secret="sk-not-shown")
    assert "sk-not-shown" not in str(info.value)
