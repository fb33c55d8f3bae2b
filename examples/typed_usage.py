"""Every public method, used the way an application would, checked by ``mypy --strict``.

``make check`` type-checks this file; ``assert_type`` makes mypy verify the exact type
each call returns, so a wrong overload or a lost generic fails the check. The
functions are never run against the real API by the test suite.
"""

from __future__ import annotations

import datetime
from typing import assert_type

import httpx

from chatbotkit_sdk import (
    APIStatusError,
    AsyncConversationClient,
    AsyncEventStream,
    AsyncResponsePromise,
    ConversationClient,
    EventStream,
    NotFoundError,
    ResponsePromise,
    StreamEvent,
    UnknownEvent,
    UsageRequest,
)
from chatbotkit_sdk.models import (
    AttachmentUploadResult,
    CompactResult,
    CompleteRequest,
    CompleteResult,
    Conversation,
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


def sync_app(client: ConversationClient) -> None:
    page = client.list({"take": 20, "order": "asc", "meta": {"team": "support"}}).result()
    assert_type(page, ConversationPage)
    assert_type(client.export({"cursor": page.cursor}), ResponsePromise[ConversationPage])

    created = client.create(ConversationCreateRequest(bot_id="bot_1", name="Support"))
    assert_type(created, ConversationCreateResult)
    assert_type(client.create({"model": "gpt-4o", "backstory": "You help."}), ConversationCreateResult)
    conversation = client.fetch(created.id).cache()
    assert_type(conversation, Conversation)
    assert_type(client.update(created.id, {"name": "Renamed"}, timeout=5.0), IdResult)

    stateless = client.complete(None, CompleteRequest(messages=[Message(type_="user", text="Hi")]))
    assert_type(stateless, ResponsePromise[CompleteResult])
    stateful = client.complete(created.id, {"text": "Hello!"}, extra_headers={"X-Trace": "1"})
    assert_type(stateful.result(), ConversationCompleteResult)
    assert_type(client.dispatch(None, {"messages": [{"type": "user", "text": "Hi"}]}), DispatchResult)
    assert_type(client.dispatch(created.id, {"text": "Later"}), DispatchResult)
    assert_type(client.compact(None, {"messages": []}), CompactResult)
    assert_type(client.compact(created.id), ConversationCompactResult)

    assert_type(client.send(created.id, {"text": "Question"}).result(), SendResult)
    assert_type(client.receive(created.id).result(), ReceiveResult)
    assert_type(client.upvote(created.id, {"value": 80, "reason": "helpful"}), IdResult)
    assert_type(client.downvote(created.id), IdResult)
    period: UsageRequest = {"from": datetime.date(2026, 11, 1), "to": "2026-11-24T00:00:00Z"}
    assert_type(client.usage(created.id, period), ConversationUsage)
    assert_type(client.usage(created.id, {"from": datetime.date(2026, 11, 1)}), ConversationUsage)

    messages = client.message.list(created.id, {"order": "desc"}).result()
    assert_type(messages, ConversationMessagePage)
    first = messages.items[0]
    assert_type(client.message.fetch(created.id, first.id), ConversationMessage)
    assert_type(client.message.create(created.id, {"type": "user", "text": "Hey"}), MessageCreateResult)
    assert_type(client.message.update(created.id, first.id, {"text": "Edited"}), IdResult)
    assert_type(client.message.upvote(created.id, first.id), IdResult)
    assert_type(client.message.downvote(created.id, first.id, {"reason": "wrong"}), IdResult)
    assert_type(client.message.synthesize(created.id, first.id), IdResult)
    assert_type(client.message.delete(created.id, first.id), IdResult)

    sync_sub_clients(client, created.id)

    try:
        client.delete(created.id, retries=0)
    except NotFoundError as error:
        assert_type(error.status_code, int)
    except APIStatusError as error:
        assert_type(error.code, str)

    sync_streaming(client, created.id)

    tenant = client.extend(run_as_user_id="user_1", headers={"X-Team": "support"})
    assert_type(tenant, ConversationClient)
    client.close()


def sync_sub_clients(client: ConversationClient, conversation_id: str) -> None:
    assert_type(client.session.create(conversation_id, {"durationInSeconds": 3600}), ConversationSession)
    assert_type(client.attachment.list(conversation_id).result(), ConversationAttachmentPage)
    file = {"file": {"type": "text/plain", "size": 12, "name": "notes.txt"}}
    assert_type(client.attachment.upload(conversation_id, file), AttachmentUploadResult)
    uploaded = client.attachment.upload_file(
        conversation_id, b"notes", name="notes.txt", content_type="text/plain"
    )
    assert_type(uploaded, AttachmentUploadResult)
    assert_type(client.contact.upsert(conversation_id, {"fingerprint": "user-42"}), IdResult)


def sync_streaming(client: ConversationClient, conversation_id: str) -> None:
    created = client.fetch(conversation_id).result()
    with client.complete(created.id, {"text": "Stream this"}).stream() as stream:
        assert_type(stream, EventStream[ConversationCompleteResult])
        for event in stream:
            if isinstance(event, TokenEvent):
                assert_type(event.data.token, str)
            elif isinstance(event, UnknownEvent):
                assert_type(event.type, str)
    assert_type(client.complete(None, {"messages": []}).stream().text(), str)
    assert_type(client.send(created.id, {"text": "Hi"}).stream().final_result(), SendResult)
    for token in client.receive(created.id).stream().tokens():
        assert_type(token, str)
    for listed in client.list({"take": 50}).iter_all():
        assert_type(listed, ListedConversation)
    for stored in client.message.list(created.id).iter_all():
        assert_type(stored, ConversationMessage)
    for item_event in client.export().stream():
        assert_type(item_event, StreamEvent)


async def async_app(client: AsyncConversationClient) -> None:
    page = await client.list()
    assert_type(page, ConversationPage)
    promise = client.fetch(page.items[0].id)
    assert_type(promise, AsyncResponsePromise[Conversation])
    assert_type(await promise.cache("first"), Conversation)
    created = await client.create({"botId": "bot_1"})
    assert_type(await client.complete(None, {"messages": []}), CompleteResult)
    assert_type(await client.complete(created.id, {"text": "Hi"}), ConversationCompleteResult)
    assert_type(await client.compact(created.id), ConversationCompactResult)
    assert_type(await client.send(created.id, {"text": "Hi"}), SendResult)
    assert_type(await client.message.list(created.id), ConversationMessagePage)
    assert_type(await client.message.delete(created.id, "msg_1"), IdResult)
    assert_type(await client.session.create(created.id), ConversationSession)
    assert_type(await client.attachment.list(created.id, {"take": 5}), ConversationAttachmentPage)
    assert_type(await client.contact.upsert(created.id, {"email": "a@example.com"}), IdResult)
    async with client.complete(created.id, {"text": "Stream"}).stream() as stream:
        assert_type(stream, AsyncEventStream[ConversationCompleteResult])
        async for event in stream:
            assert_type(event, StreamEvent)
    assert_type(await client.complete(None, {"messages": []}).stream().text(), str)
    assert_type(await client.receive(created.id).stream().final_result(), ReceiveResult)
    async for attachment in client.attachment.list(created.id).iter_all():
        assert_type(attachment.id, str)
    assert_type(client.extend(timezone="Europe/London"), AsyncConversationClient)
    await client.aclose()


def make_clients() -> tuple[ConversationClient, AsyncConversationClient]:
    sync = ConversationClient(secret="sk-example", timezone="Europe/Berlin", retries=5)
    with ConversationClient(secret="sk-example", http_client=httpx.Client()) as scoped:
        assert_type(scoped, ConversationClient)
    return sync, AsyncConversationClient(secret="sk-example", http_client=httpx.AsyncClient())
