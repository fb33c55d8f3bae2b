"""Type-checking cases: correct use of the asyncio client (after typeshed's test_cases).

How it works: as in ``check_sync.py``, ``make typecheck`` runs ``mypy --strict`` and
``pyright`` (strict) on this file and every ``assert_type`` must hold under both;
nothing here may need an ignore comment. With the async client, calls that change
something return a coroutine of the model; reads and completions return an
``AsyncResponsePromise`` (awaited, or ``await promise.result()``) and the streamable
ones an ``AsyncStreamableResponsePromise`` whose ``.stream()`` is iterated with
``async for``. ``tests/properties/test_typing_files.py`` runs these functions against the fake.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Coroutine
from typing import Any, assert_type

import httpx

from chatbotkit_sdk import (
    AsyncConversationClient,
    AsyncEventStream,
    AsyncResponsePromise,
    AsyncStreamableResponsePromise,
    NotFoundError,
    UnknownEvent,
)
from chatbotkit_sdk.models import (
    AttachmentUploadResult,
    CompactResult,
    CompleteResult,
    Conversation,
    ConversationAttachment,
    ConversationAttachmentPage,
    ConversationCompactResult,
    ConversationCompleteResult,
    ConversationCreateResult,
    ConversationMessage,
    ConversationMessagePage,
    ConversationPage,
    ConversationSession,
    ConversationUsage,
    DispatchResult,
    IdResult,
    ListedConversation,
    MessageCreateResult,
    ReceiveResult,
    SendResult,
    TokenEvent,
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


async def readme_idioms(client: AsyncConversationClient) -> None:
    """The async usage examples of docs/index.md, kept here with assert_type (the pages
    themselves are type-checked by `make check` through scripts/docs_examples.py)."""
    result = await client.complete(None, {"messages": [{"type": "user", "text": "Hi"}]})
    assert_type(result, CompleteResult)
    assert_type(result.text, str)
    async with client.complete(None, {"messages": [{"type": "user", "text": "Hi"}]}).stream() as stream:
        async for token in stream.tokens():
            assert_type(token, str)
    async for listed in client.list({"take": 100, "order": "asc"}).iter_all():
        assert_type(listed, ListedConversation)


async def conversations(client: AsyncConversationClient) -> str:
    listing = client.list({"order": "asc"})
    assert_type(listing, AsyncStreamableResponsePromise[ConversationPage, ListConversationsEvent])
    assert_type(await listing, ConversationPage)
    assert_type(await listing.result(), ConversationPage)
    assert_type(await listing.cache("key"), ConversationPage)
    exported = client.export()
    assert_type(exported, AsyncStreamableResponsePromise[ConversationPage, ExportConversationsEvent])
    assert_type(await exported, ConversationPage)

    # Sent at once: a coroutine, not a promise (assert_type hands it back to be awaited).
    created = await assert_type(
        client.create({"model": "gpt-4o"}), Coroutine[Any, Any, ConversationCreateResult]
    )
    fetched = client.fetch(created.id)
    assert_type(fetched, AsyncResponsePromise[Conversation])
    assert_type(await fetched, Conversation)
    assert_type(await client.update(created.id, {"description": "d"}), IdResult)
    assert_type(await client.upvote(created.id), IdResult)
    assert_type(await client.downvote(created.id, {"value": -10}), IdResult)
    usage = client.usage(created.id, {"from": "2026-11-01"})
    assert_type(usage, AsyncResponsePromise[ConversationUsage])
    assert_type(await usage, ConversationUsage)
    return created.id


async def stateless_and_stateful(client: AsyncConversationClient, conversation_id: str) -> None:
    stateless = client.complete(None, {"messages": []})
    assert_type(stateless, AsyncStreamableResponsePromise[CompleteResult, CompleteConversationEvent])
    assert_type(await stateless, CompleteResult)
    stateful = client.complete(conversation_id, {"text": "Hi"})
    assert_type(
        stateful, AsyncStreamableResponsePromise[ConversationCompleteResult, CompleteConversationMessageEvent]
    )
    assert_type(await stateful, ConversationCompleteResult)
    assert_type(await client.dispatch(None, {"messages": []}), DispatchResult)
    assert_type(await client.dispatch(conversation_id, {"text": "Later"}), DispatchResult)
    assert_type(await client.compact(None, {"messages": []}), CompactResult)
    assert_type(await client.compact(conversation_id), ConversationCompactResult)
    sent = client.send(conversation_id, {"text": "Hi"})
    assert_type(sent, AsyncStreamableResponsePromise[SendResult, SendConversationMessageEvent])
    assert_type(await sent, SendResult)
    received = client.receive(conversation_id)
    assert_type(received, AsyncStreamableResponsePromise[ReceiveResult, ReceiveConversationMessageEvent])
    assert_type(await received, ReceiveResult)


async def messages_and_sub_clients(client: AsyncConversationClient, conversation_id: str) -> None:
    listing = client.message.list(conversation_id)
    assert_type(
        listing, AsyncStreamableResponsePromise[ConversationMessagePage, ListConversationMessagesEvent]
    )
    assert_type(await listing, ConversationMessagePage)
    created = await client.message.create(conversation_id, {"type": "user", "text": "Hi"})
    assert_type(created, MessageCreateResult)
    fetched = client.message.fetch(conversation_id, created.id)
    assert_type(fetched, AsyncResponsePromise[ConversationMessage])
    assert_type(await fetched, ConversationMessage)
    assert_type(await client.message.update(conversation_id, created.id, {"text": "Edited"}), IdResult)
    assert_type(await client.message.upvote(conversation_id, created.id), IdResult)
    assert_type(await client.message.downvote(conversation_id, created.id), IdResult)
    assert_type(await client.message.synthesize(conversation_id, created.id), IdResult)
    assert_type(await client.message.delete(conversation_id, created.id), IdResult)
    assert_type(await client.session.create(conversation_id, {"durationInSeconds": 60}), ConversationSession)
    attachments = client.attachment.list(conversation_id)
    assert_type(attachments, AsyncResponsePromise[ConversationAttachmentPage])
    assert_type(await attachments, ConversationAttachmentPage)
    uploaded = await client.attachment.upload(conversation_id, {"file": "https://example.com/a.pdf"})
    assert_type(uploaded, AttachmentUploadResult)
    upload = client.attachment.upload_file(conversation_id, b"abc", name="a.txt", content_type="text/plain")
    assert_type(
        await assert_type(upload, Coroutine[Any, Any, AttachmentUploadResult]), AttachmentUploadResult
    )
    assert_type(await client.contact.upsert(conversation_id, {"nick": "ann"}), IdResult)


async def streams(client: AsyncConversationClient, conversation_id: str) -> None:
    stream = client.complete(conversation_id, {"text": "Stream it"}).stream()
    assert_type(stream, AsyncEventStream[ConversationCompleteResult, CompleteConversationMessageEvent])
    async with stream:
        async for event in stream:
            assert_type(event, CompleteConversationMessageEvent | UnknownEvent)
            if event.type == "token":
                assert_type(event, TokenEvent)
                assert_type(event.data.token, str)
            elif event.type == "result":
                assert_type(event.data, ConversationCompleteResult)
    await stream.aclose()
    tokens = client.complete(None, {"messages": []}).stream().tokens()
    assert_type(tokens, AsyncIterator[str])
    async for token in tokens:
        assert_type(token, str)
    assert_type(await client.complete(None, {"messages": []}).stream().text(), str)
    assert_type(await client.complete(conversation_id).stream().final_result(), ConversationCompleteResult)
    assert_type(await client.send(conversation_id, {"text": "Hi"}).stream().final_result(), SendResult)
    assert_type(await client.receive(conversation_id).stream().final_result(), ReceiveResult)
    async for item in client.list().stream():
        assert_type(item, ListConversationsEvent | UnknownEvent)
    async for message in client.message.list(conversation_id).iter_all():
        assert_type(message, ConversationMessage)
    async for attachment in client.attachment.list(conversation_id).iter_all():
        assert_type(attachment, ConversationAttachment)
    async for exported in client.export().iter_all():
        assert_type(exported, ListedConversation)


async def errors_and_clients(client: AsyncConversationClient, conversation_id: str) -> None:
    try:
        await client.fetch(conversation_id + "-gone")
    except NotFoundError as error:
        assert_type(error.status_code, int)
    async with client.extend(run_as_user_id="user_1") as tenant:
        assert_type(tenant, AsyncConversationClient)
        assert_type(await tenant.fetch(conversation_id), Conversation)


def make_client() -> AsyncConversationClient:
    client = AsyncConversationClient(secret="sk-example", timeout=30.0, http_client=httpx.AsyncClient())
    assert_type(client, AsyncConversationClient)
    return client
