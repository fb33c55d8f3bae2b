"""Every public method, used the way an application would, checked by mypy and pyright.

``make check`` type-checks this file with ``mypy --strict`` and ``pyright`` (strict);
``assert_type`` makes both verify the exact type each call returns, so a wrong
overload or a lost generic fails the check. The functions are never run against the
real API by the test suite. ``tests/typing/`` holds the exhaustive cases, including
the mistakes each checker must report.
"""

from __future__ import annotations

import datetime
from collections.abc import Coroutine
from typing import Any, assert_type

import httpx

from chatbotkit_sdk import (
    APIStatusError,
    AsyncConversationClient,
    AsyncEventStream,
    AsyncResponsePromise,
    AsyncStreamableResponsePromise,
    ConversationClient,
    EventStream,
    NotFoundError,
    ResponsePromise,
    StreamableResponsePromise,
    StreamError,
    UnknownEvent,
)
from chatbotkit_sdk.models import (
    AttachmentUploadResult,
    CompactResult,
    CompleteRequest,
    CompleteResult,
    Conversation,
    ConversationAttachment,
    ConversationAttachmentPage,
    ConversationCompactResult,
    ConversationCompleteResult,
    ConversationCreateRequest,
    ConversationCreateResult,
    ConversationMessage,
    ConversationMessagePage,
    ConversationPage,
    ConversationSession,
    ConversationUsage,
    DispatchResult,
    IdResult,
    ListedConversation,
    Message,
    MessageCreateResult,
    ReceiveResult,
    SendResult,
    TokenEvent,
)
from chatbotkit_sdk.params import AttachmentUploadRequestParam, FetchConversationUsageQuery, MessageParam
from chatbotkit_sdk.streams import (
    CompleteConversationEvent,
    CompleteConversationMessageEvent,
    ExportConversationsEvent,
    ListConversationMessagesEvent,
    ListConversationsEvent,
    ReceiveConversationMessageEvent,
    SendConversationMessageEvent,
)


def sync_app(client: ConversationClient) -> None:
    listing = client.list({"take": 20, "order": "asc", "meta": {"team": "support"}})
    assert_type(listing, StreamableResponsePromise[ConversationPage, ListConversationsEvent])
    page = listing.result()
    assert_type(page, ConversationPage)
    exported = client.export({"cursor": page.cursor})
    assert_type(exported, StreamableResponsePromise[ConversationPage, ExportConversationsEvent])

    created = client.create(ConversationCreateRequest(bot_id="bot_1", name="Support"))
    assert_type(created, ConversationCreateResult)
    assert_type(client.create({"model": "gpt-4o", "backstory": "You help."}), ConversationCreateResult)
    assert_type(client.fetch(created.id), ResponsePromise[Conversation])
    assert_type(client.fetch(created.id).cache(), Conversation)
    assert_type(client.update(created.id, {"name": "Renamed"}, timeout=5.0), IdResult)

    history: list[MessageParam] = [{"type": "user", "text": "Hi"}]
    stateless = client.complete(None, CompleteRequest(messages=[Message(type_="user", text="Hi")]))
    assert_type(stateless, StreamableResponsePromise[CompleteResult, CompleteConversationEvent])
    assert_type(client.complete(None, {"messages": history}).result(), CompleteResult)
    stateful = client.complete(created.id, {"text": "Hello!"}, extra_headers={"X-Trace": "1"})
    assert_type(
        stateful, StreamableResponsePromise[ConversationCompleteResult, CompleteConversationMessageEvent]
    )
    assert_type(stateful.result(), ConversationCompleteResult)
    assert_type(client.dispatch(None, {"messages": history}), DispatchResult)
    assert_type(client.dispatch(created.id, {"text": "Later"}), DispatchResult)
    assert_type(client.compact(None, {"messages": history}), CompactResult)
    assert_type(client.compact(created.id), ConversationCompactResult)

    sent = client.send(created.id, {"text": "Question"})
    assert_type(sent, StreamableResponsePromise[SendResult, SendConversationMessageEvent])
    assert_type(sent.result(), SendResult)
    received = client.receive(created.id)
    assert_type(received, StreamableResponsePromise[ReceiveResult, ReceiveConversationMessageEvent])
    assert_type(received.result(), ReceiveResult)
    assert_type(client.upvote(created.id, {"value": 80, "reason": "helpful"}), IdResult)
    assert_type(client.downvote(created.id), IdResult)
    period: FetchConversationUsageQuery = {"from": datetime.date(2026, 11, 1), "to": "2026-11-24T00:00:00Z"}
    assert_type(client.usage(created.id, period), ResponsePromise[ConversationUsage])
    assert_type(client.usage(created.id, {"from": datetime.date(2026, 11, 1)}).result(), ConversationUsage)

    sync_messages(client, created.id)
    sync_sub_clients(client, created.id)

    sync_streaming(client, created.id)

    try:
        client.delete(created.id, retries=0)
    except NotFoundError as error:
        assert_type(error.status_code, int)
    except APIStatusError as error:
        assert_type(error.code, str)

    tenant = client.extend(run_as_user_id="user_1", headers={"X-Team": "support"})
    assert_type(tenant, ConversationClient)
    client.close()


def sync_messages(client: ConversationClient, conversation_id: str) -> None:
    listing = client.message.list(conversation_id, {"order": "desc"})
    assert_type(listing, StreamableResponsePromise[ConversationMessagePage, ListConversationMessagesEvent])
    messages = listing.result()
    assert_type(messages, ConversationMessagePage)
    first = messages.items[0]
    assert_type(client.message.fetch(conversation_id, first.id), ResponsePromise[ConversationMessage])
    assert_type(client.message.fetch(conversation_id, first.id).result(), ConversationMessage)
    created = client.message.create(conversation_id, {"type": "user", "text": "Hey"})
    assert_type(created, MessageCreateResult)
    assert_type(client.message.update(conversation_id, first.id, {"text": "Edited"}), IdResult)
    assert_type(client.message.upvote(conversation_id, first.id), IdResult)
    assert_type(client.message.downvote(conversation_id, first.id, {"reason": "wrong"}), IdResult)
    assert_type(client.message.synthesize(conversation_id, first.id), IdResult)
    assert_type(client.message.delete(conversation_id, first.id), IdResult)


def sync_sub_clients(client: ConversationClient, conversation_id: str) -> None:
    assert_type(client.session.create(conversation_id, {"durationInSeconds": 3600}), ConversationSession)
    attachments = client.attachment.list(conversation_id)
    assert_type(attachments, ResponsePromise[ConversationAttachmentPage])
    assert_type(attachments.result(), ConversationAttachmentPage)
    file: AttachmentUploadRequestParam = {"file": {"type": "text/plain", "size": 12, "name": "notes.txt"}}
    assert_type(client.attachment.upload(conversation_id, file), AttachmentUploadResult)
    uploaded = client.attachment.upload_file(
        conversation_id, b"notes", name="notes.txt", content_type="text/plain"
    )
    assert_type(uploaded, AttachmentUploadResult)
    assert_type(client.contact.upsert(conversation_id, {"fingerprint": "user-42"}), IdResult)


def sync_streaming(client: ConversationClient, conversation_id: str) -> None:
    with client.complete(conversation_id, {"text": "Stream this"}).stream() as stream:
        assert_type(stream, EventStream[ConversationCompleteResult, CompleteConversationMessageEvent])
        for event in stream:
            assert_type(event, CompleteConversationMessageEvent | UnknownEvent)
            if event.type == "token":
                assert_type(event, TokenEvent)
                assert_type(event.data.token, str)
            elif event.type == "result":
                assert_type(event.data, ConversationCompleteResult)
            elif isinstance(event, UnknownEvent):
                assert_type(event.event_type, str)
    assert_type(client.complete(None, {"messages": []}).stream().text(), str)
    assert_type(client.send(conversation_id, {"text": "Hi"}).stream().final_result(), SendResult)
    for token in client.receive(conversation_id).stream().tokens():
        assert_type(token, str)
    for listed in client.list({"take": 50}).iter_all():
        assert_type(listed, ListedConversation)
    for stored in client.message.list(conversation_id).iter_all():
        assert_type(stored, ConversationMessage)
    for item_event in client.export().stream():
        assert_type(item_event, ExportConversationsEvent | UnknownEvent)
    try:
        client.complete(conversation_id, {"text": "Hi"}).stream().final_result()
    except StreamError as error:
        assert_type(error.data, Any)


async def async_app(client: AsyncConversationClient) -> None:
    listing = client.list()
    assert_type(listing, AsyncStreamableResponsePromise[ConversationPage, ListConversationsEvent])
    page = await listing
    assert_type(page, ConversationPage)
    promise = client.fetch(page.items[0].id)
    assert_type(promise, AsyncResponsePromise[Conversation])
    assert_type(await promise.cache("first"), Conversation)
    # Sent at once: a coroutine, not a promise.
    created = await assert_type(
        client.create({"botId": "bot_1"}), Coroutine[Any, Any, ConversationCreateResult]
    )
    assert_type(await client.export({"take": 10}), ConversationPage)
    assert_type(await client.update(created.id, {"name": "Renamed"}), IdResult)
    assert_type(await client.complete(None, {"messages": [{"type": "user", "text": "Hi"}]}), CompleteResult)
    assert_type(await client.complete(created.id, {"text": "Hi"}), ConversationCompleteResult)
    assert_type(await client.dispatch(None, {"messages": []}), DispatchResult)
    assert_type(await client.dispatch(created.id), DispatchResult)
    assert_type(await client.compact(None, {"messages": []}), CompactResult)
    assert_type(await client.compact(created.id), ConversationCompactResult)
    assert_type(await client.send(created.id, {"text": "Hi"}), SendResult)
    assert_type(await client.receive(created.id).result(), ReceiveResult)
    assert_type(await client.upvote(created.id), IdResult)
    assert_type(await client.downvote(created.id, {"reason": "slow"}), IdResult)
    assert_type(await client.usage(created.id), ConversationUsage)
    await async_sub_clients(client, created.id)
    await async_streaming(client, created.id)
    assert_type(await client.delete(created.id), IdResult)
    assert_type(client.extend(timezone="Europe/London"), AsyncConversationClient)
    await client.aclose()


async def async_sub_clients(client: AsyncConversationClient, conversation_id: str) -> None:
    messages = await client.message.list(conversation_id)
    assert_type(messages, ConversationMessagePage)
    message_id = messages.items[0].id
    assert_type(await client.message.fetch(conversation_id, message_id), ConversationMessage)
    created = await client.message.create(conversation_id, {"type": "bot", "text": "Done"})
    assert_type(created, MessageCreateResult)
    assert_type(await client.message.update(conversation_id, message_id, {"text": "Edited"}), IdResult)
    assert_type(await client.message.upvote(conversation_id, message_id), IdResult)
    assert_type(await client.message.downvote(conversation_id, message_id), IdResult)
    assert_type(await client.message.synthesize(conversation_id, message_id), IdResult)
    assert_type(await client.message.delete(conversation_id, message_id), IdResult)
    assert_type(await client.session.create(conversation_id), ConversationSession)
    assert_type(await client.attachment.list(conversation_id, {"take": 5}), ConversationAttachmentPage)
    uploaded = await client.attachment.upload(conversation_id, {"file": "https://example.com/a.pdf"})
    assert_type(uploaded, AttachmentUploadResult)
    uploaded = await client.attachment.upload_file(conversation_id, b"%PDF", name="a.pdf", content_type="x/y")
    assert_type(uploaded, AttachmentUploadResult)
    assert_type(await client.contact.upsert(conversation_id, {"email": "a@example.com"}), IdResult)


async def async_streaming(client: AsyncConversationClient, conversation_id: str) -> None:
    async with client.complete(conversation_id, {"text": "Stream"}).stream() as stream:
        assert_type(stream, AsyncEventStream[ConversationCompleteResult, CompleteConversationMessageEvent])
        async for event in stream:
            match event:
                case TokenEvent(data=data):
                    assert_type(data.token, str)
                case UnknownEvent(event_type=name):
                    assert_type(name, str)
                case _:
                    pass
    assert_type(await client.complete(None, {"messages": []}).stream().text(), str)
    assert_type(await client.receive(conversation_id).stream().final_result(), ReceiveResult)
    async for token in client.send(conversation_id, {"text": "Hi"}).stream().tokens():
        assert_type(token, str)
    async for attachment in client.attachment.list(conversation_id).iter_all():
        assert_type(attachment, ConversationAttachment)


def make_clients() -> tuple[ConversationClient, AsyncConversationClient]:
    sync = ConversationClient(secret="sk-example", timezone="Europe/Berlin", retries=5)
    with ConversationClient(secret="sk-example", http_client=httpx.Client()) as scoped:
        assert_type(scoped, ConversationClient)
    return sync, AsyncConversationClient(secret="sk-example", http_client=httpx.AsyncClient())
