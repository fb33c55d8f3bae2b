"""Type-checking cases: correct use of the blocking client (after typeshed's test_cases).

How it works: this file is not a test pytest runs (its name does not start with
``test_``); ``make typecheck`` runs ``mypy --strict`` and ``pyright`` (strict) on it.
Every ``assert_type(value, T)`` is a check that both checkers infer exactly ``T`` for
``value``: a changed overload, a lost generic or an ``Any`` leaking into a result fails
``make check``. Nothing here may need an ignore comment; the mistakes, which must be
reported, are in ``check_mistakes.py``. The functions take a client and ids, so
``tests/properties/test_typing_files.py`` also runs them against the fake: what the checkers
accept here works.
"""

from __future__ import annotations

import datetime
from typing import Any, Literal, assert_type

import httpx

from chatbotkit_sdk import (
    APIConnectionError,
    APIError,
    APIStatusError,
    APITimeoutError,
    ChatBotKitError,
    ClientConfig,
    ConversationClient,
    EventStream,
    NotFoundError,
    RateLimitError,
    ResponsePromise,
    ResponseValidationError,
    StreamableResponsePromise,
    StreamDecodeError,
    StreamError,
    UnknownEvent,
    UnknownValue,
)
from chatbotkit_sdk.models import (
    AttachmentUploadResult,
    CompactResult,
    CompleteReason,
    CompleteRequest,
    CompleteResult,
    Conversation,
    ConversationAttachment,
    ConversationAttachmentPage,
    ConversationCompactResult,
    ConversationCompleteResult,
    ConversationCreateRequest,
    ConversationCreateResult,
    ConversationItemEvent,
    ConversationMessage,
    ConversationMessageItemEvent,
    ConversationMessagePage,
    ConversationPage,
    ConversationSession,
    ConversationUsage,
    DispatchResult,
    IdResult,
    ListedConversation,
    Message,
    MessageCreateResult,
    MessageEvent,
    MessageType,
    ReceiveResult,
    SendResult,
    TokenData,
    TokenEvent,
    UsageEvent,
)
from chatbotkit_sdk.params import (
    AttachmentUploadRequestParam,
    CompleteRequestParam,
    ConversationCompleteRequestParam,
    ListConversationsQuery,
    MessageParam,
)
from chatbotkit_sdk.streams import (
    CompleteConversationEvent,
    CompleteConversationMessageEvent,
    ExportConversationsEvent,
    ListConversationMessagesEvent,
    ListConversationsEvent,
    ReceiveConversationMessageEvent,
    SendConversationMessageEvent,
)


def readme_idioms(client: ConversationClient) -> None:
    """The usage examples of README.md and docs/index.md, kept here with assert_type (the pages
    themselves are type-checked by `make check` through scripts/docs_examples.py)."""
    conversation = client.create({"model": "gpt-4o", "backstory": "You are concise."})
    reply = client.complete(conversation.id, {"text": "Hello!"}).result()
    assert_type(reply, ConversationCompleteResult)
    assert_type(reply.text, str)
    assert_type(reply.usage.token, float)
    for message in client.message.list(conversation.id, {"order": "asc"}).result().items:
        assert_type(message, ConversationMessage)
    with client.complete(conversation.id, {"text": "Tell me a story"}).stream() as stream:
        for token in stream.tokens():
            assert_type(token, str)
    for event in client.complete(conversation.id, {"text": "Hi"}).stream():
        if event.type == "token":
            assert_type(event, TokenEvent)
            assert_type(event.data.token, str)
        elif event.type == "result":
            assert_type(event.data, ConversationCompleteResult)  # this operation's own result
            assert_type(event.data.id, str)
    for listed in client.list({"take": 100, "order": "asc"}).iter_all():
        assert_type(listed, ListedConversation)
        assert_type(listed.id, str)


def conversations(client: ConversationClient) -> str:
    """Every method on the client itself (the streams are in ``streams()``)."""
    listing = client.list()
    assert_type(listing, StreamableResponsePromise[ConversationPage, ListConversationsEvent])
    assert_type(listing.result(), ConversationPage)
    assert_type(listing.cache(), ConversationPage)
    assert_type(listing.cache(key="per-user"), ConversationPage)
    query: ListConversationsQuery = {"cursor": "", "take": 10, "order": "desc", "meta": {"team": "a"}}
    assert_type(client.list(query).result().items, list[ListedConversation])
    exported = client.export({"take": 5}, timeout=httpx.Timeout(30.0), retries=0)
    assert_type(exported, StreamableResponsePromise[ConversationPage, ExportConversationsEvent])
    assert_type(exported.result(), ConversationPage)

    created = client.create()
    assert_type(created, ConversationCreateResult)
    assert_type(client.create(None), ConversationCreateResult)
    assert_type(client.create(ConversationCreateRequest(model="gpt-4o")), ConversationCreateResult)
    seeded = client.create({"botId": "bot_1", "messages": [{"type": "backstory", "text": "Be brief."}]})
    assert_type(seeded, ConversationCreateResult)
    fetched = client.fetch(created.id)
    assert_type(fetched, ResponsePromise[Conversation])
    assert_type(fetched.result(), Conversation)
    assert_type(client.update(created.id, {"name": "Renamed", "meta": {"n": 1}}), IdResult)
    assert_type(client.upvote(created.id), IdResult)
    assert_type(client.upvote(created.id, {"value": 50}), IdResult)
    assert_type(client.downvote(created.id, {"reason": "off topic"}, extra_headers={"X-A": "1"}), IdResult)
    usage = client.usage(created.id)
    assert_type(usage, ResponsePromise[ConversationUsage])
    since = datetime.datetime(2026, 11, 1, tzinfo=datetime.UTC)
    assert_type(client.usage(created.id, {"from": since, "to": "2026-12-01"}).result(), ConversationUsage)
    return created.id


def stateless_and_stateful(client: ConversationClient, conversation_id: str) -> None:
    """``m(None, request)`` is the stateless operation, ``m(conversation_id, ...)`` the stateful one."""
    history: list[MessageParam] = [{"type": "user", "text": "Hi"}, {"type": "bot", "text": "Hello"}]
    stateless = client.complete(None, {"messages": history, "model": "gpt-4o"})
    assert_type(stateless, StreamableResponsePromise[CompleteResult, CompleteConversationEvent])
    assert_type(stateless.result(), CompleteResult)
    request: CompleteRequestParam = {"messages": history, "limits": {"iterations": 2}}
    assert_type(client.complete(None, request).result(), CompleteResult)
    model = CompleteRequest(messages=[Message(type_="user", text="Hi")])
    assert_type(client.complete(None, model).result(), CompleteResult)

    stateful = client.complete(conversation_id)
    assert_type(
        stateful, StreamableResponsePromise[ConversationCompleteResult, CompleteConversationMessageEvent]
    )
    follow_up: ConversationCompleteRequestParam = {"text": "And then?"}
    assert_type(client.complete(conversation_id, follow_up).result(), ConversationCompleteResult)

    assert_type(
        client.dispatch(None, {"messages": history, "channelId": "support-queue-000000000001"}),
        DispatchResult,
    )
    assert_type(client.dispatch(conversation_id), DispatchResult)
    assert_type(client.dispatch(conversation_id, {"text": "Later"}), DispatchResult)
    assert_type(client.compact(None, {"messages": history}), CompactResult)
    assert_type(client.compact(conversation_id), ConversationCompactResult)
    assert_type(client.compact(conversation_id, timeout=None), ConversationCompactResult)

    sent = client.send(conversation_id, {"text": "A question"})
    assert_type(sent, StreamableResponsePromise[SendResult, SendConversationMessageEvent])
    assert_type(sent.result(), SendResult)
    received = client.receive(conversation_id, {"functions": []})
    assert_type(received, StreamableResponsePromise[ReceiveResult, ReceiveConversationMessageEvent])
    assert_type(received.result(), ReceiveResult)


def messages_and_sub_clients(client: ConversationClient, conversation_id: str) -> None:
    listing = client.message.list(conversation_id, {"take": 10})
    assert_type(listing, StreamableResponsePromise[ConversationMessagePage, ListConversationMessagesEvent])
    page = listing.result()
    assert_type(page, ConversationMessagePage)
    created = client.message.create(conversation_id, {"type": "user", "text": "Hey", "meta": {"k": "v"}})
    assert_type(created, MessageCreateResult)
    fetched = client.message.fetch(conversation_id, created.id)
    assert_type(fetched, ResponsePromise[ConversationMessage])
    assert_type(fetched.result(), ConversationMessage)
    assert_type(client.message.update(conversation_id, created.id, {"type": "bot"}), IdResult)
    assert_type(client.message.upvote(conversation_id, created.id, {"value": 100}), IdResult)
    assert_type(client.message.downvote(conversation_id, created.id), IdResult)
    assert_type(client.message.synthesize(conversation_id, created.id), IdResult)
    assert_type(client.message.delete(conversation_id, created.id), IdResult)

    assert_type(client.session.create(conversation_id), ConversationSession)
    assert_type(client.session.create(conversation_id, {"durationInSeconds": 60}).token, str)

    attachments = client.attachment.list(conversation_id, {"take": 5})
    assert_type(attachments, ResponsePromise[ConversationAttachmentPage])
    assert_type(attachments.result(), ConversationAttachmentPage)
    for attachment in attachments.iter_all():
        assert_type(attachment, ConversationAttachment)
    by_url = client.attachment.upload(conversation_id, {"file": "https://example.com/report.pdf"})
    assert_type(by_url, AttachmentUploadResult)
    by_metadata: AttachmentUploadRequestParam = {"file": {"type": "text/plain", "size": 5, "name": "a.txt"}}
    assert_type(client.attachment.upload(conversation_id, by_metadata), AttachmentUploadResult)
    assert_type(
        client.attachment.upload_file(conversation_id, b"hello", name="a.txt", content_type="text/plain"),
        AttachmentUploadResult,
    )
    assert_type(client.contact.upsert(conversation_id, {"fingerprint": "u-1", "email": "a@b.c"}), IdResult)


def streams(client: ConversationClient, conversation_id: str) -> None:
    stream = client.complete(conversation_id, {"text": "Stream it"}).stream()
    assert_type(stream, EventStream[ConversationCompleteResult, CompleteConversationMessageEvent])
    with stream:
        for event in stream:
            assert_type(event, CompleteConversationMessageEvent | UnknownEvent)
            if isinstance(event, TokenEvent):
                assert_type(event.data, TokenData)
            elif isinstance(event, UnknownEvent):
                assert_type(event.type, Literal["unknown"])  # so that event.type == "token" narrows
                assert_type(event.event_type, str)
                assert_type(event.data, Any)
            elif event.type == "message":
                assert_type(event, MessageEvent)
            elif event.type == "usage":
                assert_type(event, UsageEvent)
    stream.close()


def matching(client: ConversationClient, conversation_id: str) -> None:
    for event in client.complete(conversation_id, {"text": "Match it"}).stream():
        match event:
            case TokenEvent(data=TokenData(token=token)):
                assert_type(token, str)
            case UnknownEvent(event_type=name, data=data):
                assert_type(name, str)
                assert_type(data, Any)
            case _:
                pass


def forward_compatible(client: ConversationClient, conversation_id: str) -> None:
    # An open enum: the known literals, or an UnknownValue (a value newer than this SDK).
    reason = client.complete(conversation_id, {"text": "Hi"}).result().end.reason
    assert_type(reason, CompleteReason)
    if isinstance(reason, UnknownValue):
        assert_type(reason, UnknownValue)
    else:
        assert_type(reason, Literal["length", "stop", "activity", "abort", "error", "iteration"])
    match reason:
        case UnknownValue():
            assert_type(reason, UnknownValue)
        case "stop" | "length":
            assert_type(reason, Literal["stop", "length"])
        case _:
            assert_type(reason, Literal["activity", "abort", "error", "iteration"])
    for message in client.message.list(conversation_id).iter_all():
        assert_type(message.type, MessageType)
        text: str = message.type  # an UnknownValue is a str
        assert text
        # What the API sent goes back as it came, unknown value or not.
        client.message.create(conversation_id, {"type": message.type, "text": message.text})
        break
    # Fields the API added after this release: sent with extra_body/extra_query, read by key.
    created = client.create({"model": "gpt-4o"}, extra_body={"newSetting": [1, "x"]}, extra_query={"v": 2})
    fetched = client.fetch(created.id).result()
    assert_type(fetched.additional_properties, dict[str, Any])
    assert_type(fetched.additional_properties.get("addedLater"), Any | None)


def stream_results(client: ConversationClient, conversation_id: str) -> None:
    stateless = client.complete(None, {"messages": [{"type": "user", "text": "Hi"}]}).stream()
    assert_type(stateless, EventStream[CompleteResult, CompleteConversationEvent])
    assert_type(stateless.final_result(), CompleteResult)
    assert_type(client.complete(conversation_id).stream().final_result(), ConversationCompleteResult)
    assert_type(client.send(conversation_id, {"text": "Hi"}).stream().final_result(), SendResult)
    assert_type(client.receive(conversation_id).stream().text(), str)
    assert_type(client.receive(conversation_id).stream().final_result(), ReceiveResult)
    for item in client.list().stream():
        assert_type(item, ConversationItemEvent | UnknownEvent)
    for item in client.export().stream():
        assert_type(item, ExportConversationsEvent | UnknownEvent)
    for message_event in client.message.list(conversation_id).stream():
        assert_type(message_event, ConversationMessageItemEvent | UnknownEvent)
    for message in client.message.list(conversation_id).iter_all():
        assert_type(message, ConversationMessage)
    for exported in client.export().iter_all():
        assert_type(exported, ListedConversation)


def errors(client: ConversationClient, conversation_id: str) -> None:
    try:
        client.fetch(conversation_id).result()
    except NotFoundError as error:
        assert_type(error.status_code, int)
        assert_type(error.code, str)
        assert_type(error.message, str)
        assert_type(error.body, Any)
        assert_type(error.response, httpx.Response)
    except RateLimitError as error:
        assert_type(error, RateLimitError)
    except APIStatusError as error:
        assert_type(error.request, httpx.Request | None)
    except APITimeoutError as error:
        assert_type(error, APITimeoutError)
    except APIConnectionError as error:
        assert_type(error, APIConnectionError)
    except StreamDecodeError as error:
        assert_type(error.line, str)
    except ResponseValidationError as error:
        assert_type(error, ResponseValidationError)
    except StreamError as error:
        assert_type(error.data, Any)
    except APIError as error:
        assert_type(error.message, str)
    except ChatBotKitError as error:
        assert_type(error, ChatBotKitError)


def clients() -> ConversationClient:
    client = ConversationClient(
        secret="sk-example",
        base_url="https://api.chatbotkit.com",
        endpoints={"/api/v1/conversation/{conversationId}/fetch": "https://proxy.example/fetch"},
        run_as_user_id="user_1",
        timezone="Europe/Berlin",
        headers={"X-Team": "support"},
        timeout=10.0,
        retries=5,
        retry_delay=0.5,
        retry_timeout=True,
        http_client=httpx.Client(),
    )
    assert_type(client.extend(), ConversationClient)
    assert_type(client.extend(headers={"X-Team": "sales"}, timeout=None), ConversationClient)
    changes: ClientConfig = {"run_as_child_user_email": "child@example.com", "retries": 0}
    assert_type(client.extend(**changes), ConversationClient)
    with ConversationClient(secret="sk-example", timeout=httpx.Timeout(5.0, connect=1.0)) as scoped:
        assert_type(scoped, ConversationClient)
    return client
