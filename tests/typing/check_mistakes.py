"""Type-checking cases: mistakes that mypy and pyright must both report.

How it works: each line below is one realistic mistake, followed by the exact
error code mypy reports for it and the exact rule pyright reports:

    client.create({"txt": "hi"})  # type: ignore[typeddict-unknown-key]  # pyright: ignore[reportArgumentType]

Each checker honours only its own comment (pyright has enableTypeIgnoreComments =
false), and both fail on an ignore comment that silences nothing (mypy's
warn_unused_ignores, which --strict turns on; pyright's
reportUnnecessaryTypeIgnoreComment = "error"). So if the SDK's types change so that
a mistake is no longer caught, or caught under another code, ``make typecheck``
fails on that line. To see what a checker says about a line, delete its comment and
run the checker. Nothing here is ever run.
"""

from __future__ import annotations

from typing import Literal

from chatbotkit_sdk import AsyncConversationClient, ConversationClient, NotFoundError
from chatbotkit_sdk.models import CompleteResult, Conversation, ConversationPage, MessageType, TokenEvent
from chatbotkit_sdk.params import ConversationCompleteRequestParam, MessageParam


def request_bodies(client: ConversationClient, conversation_id: str) -> None:
    # Misspelt keys, wrong value types, bad enum literals, missing required keys. (A dict
    # passed where a model is also accepted is reported as a whole, not key by key: both
    # checkers do that for a TypedDict in a union. Annotated with its ...Param type, as
    # in the last two lines, the message names the key.)
    client.create({"txt": "hi"})  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    client.create({"model": "gpt-4o", "backstroy": "You are concise."})  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    client.complete(conversation_id, {"txt": "hi"})  # type: ignore[call-overload]  # pyright: ignore[reportArgumentType, reportCallIssue]
    client.complete(conversation_id, {"text": 42})  # type: ignore[call-overload]  # pyright: ignore[reportArgumentType, reportCallIssue]
    client.message.create(conversation_id, {"type": "robot", "text": "hi"})  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    client.message.create(conversation_id, {"text": "hi"})  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    client.message.update(conversation_id, "msg_1", {"type": "robot"})  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    client.send(conversation_id, {})  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    client.complete(None, {"messages": [{"type": "user"}]})  # type: ignore[call-overload]  # pyright: ignore[reportArgumentType, reportCallIssue]
    client.upvote(conversation_id, {"value": "high"})  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    client.session.create(conversation_id, {"durationInSeconds": "1h"})  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    client.contact.upsert(conversation_id, {"fingerprint": 42})  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    client.update(conversation_id)  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    # A request built beforehand without its ...Param annotation is a plain dict.
    upload = {"file": {"type": "text/plain", "size": 5}}
    client.attachment.upload(conversation_id, upload)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    client.attachment.upload_file(conversation_id, "text", name="a.txt", content_type="text/plain")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    _request: ConversationCompleteRequestParam = {"txt": "hi"}  # type: ignore[typeddict-unknown-key]  # pyright: ignore[reportAssignmentType]
    _history: list[MessageParam] = [{"type": "robot", "text": "hi"}]  # type: ignore[typeddict-item]  # pyright: ignore[reportAssignmentType]


def stateless_and_stateful(client: ConversationClient, conversation_id: str) -> None:
    # complete(None, ...) takes the stateless request (the whole history in messages),
    # complete(conversation_id, ...) the stateful one; compact(conversation_id) none.
    client.complete(None, {"text": "hi"})  # type: ignore[call-overload]  # pyright: ignore[reportArgumentType, reportCallIssue]
    client.complete(conversation_id, {"messages": [{"type": "user", "text": "hi"}]})  # type: ignore[call-overload]  # pyright: ignore[reportArgumentType, reportCallIssue]
    client.dispatch(None, {"text": "later"})  # type: ignore[call-overload]  # pyright: ignore[reportArgumentType, reportCallIssue]
    client.compact(conversation_id, {"messages": []})  # type: ignore[call-overload]  # pyright: ignore[reportArgumentType]
    client.compact(None)  # type: ignore[call-overload]  # pyright: ignore[reportArgumentType]
    client.complete({"text": "hi"})  # type: ignore[call-overload]  # pyright: ignore[reportArgumentType]
    client.complete(123, {"text": "hi"})  # type: ignore[call-overload]  # pyright: ignore[reportArgumentType, reportCallIssue]
    client.receive(conversation_id, {"text": "hi"})  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    client.message.fetch(conversation_id)  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]


def queries_and_options(client: ConversationClient, conversation_id: str) -> None:
    # Query keys and types; the per-call options (timeout, extra_headers, retries);
    # the constructor's and extend()'s options.
    client.list({"take": "10"})  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    client.list({"order": "up"})  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    client.list({"limit": 10})  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    client.list({"meta": {"team": 1}})  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    client.message.list(conversation_id, {"meta": {"team": "a"}})  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    client.usage(conversation_id, {"since": "2026-01-01"})  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    client.create({"model": "gpt-4o"}, timeout="5")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    client.create({"model": "gpt-4o"}, retry=3)  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    client.fetch(conversation_id, headers={"X-Trace": "1"})  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    client.fetch(conversation_id).cache(1)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    client.extend(secrets="sk-new")  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    client.extend(retries="3")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    ConversationClient(api_key="sk-example")  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    ConversationClient(timeout="5")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]


def promises_and_streams(client: ConversationClient, conversation_id: str) -> None:
    # Only the operations that can answer in JSON Lines have .stream(); a promise is
    # not its result; iter_all() needs a page; final_result() is the operation's own
    # result; an event's data is the union of the events' data until narrowed.
    client.fetch(conversation_id).stream()  # type: ignore[attr-defined]  # pyright: ignore[reportAttributeAccessIssue, reportUnknownMemberType]
    client.usage(conversation_id).stream()  # type: ignore[attr-defined]  # pyright: ignore[reportAttributeAccessIssue, reportUnknownMemberType]
    client.compact(conversation_id).stream()  # type: ignore[attr-defined]  # pyright: ignore[reportAttributeAccessIssue, reportUnknownMemberType]
    _page: ConversationPage = client.list()  # type: ignore[assignment]  # pyright: ignore[reportAssignmentType]
    _conversation: Conversation = client.fetch(conversation_id)  # type: ignore[assignment]  # pyright: ignore[reportAssignmentType]
    client.fetch(conversation_id).iter_all()  # type: ignore[misc]  # pyright: ignore[reportAttributeAccessIssue, reportUnknownMemberType]
    _stateless: CompleteResult = client.complete(conversation_id).stream().final_result()  # type: ignore[assignment]  # pyright: ignore[reportAssignmentType]
    client.complete(conversation_id).stream().final_result().txt  # type: ignore[attr-defined]  # pyright: ignore[reportAttributeAccessIssue, reportUnknownMemberType]
    for event in client.complete(conversation_id, {"text": "hi"}).stream():
        event.data.token  # type: ignore[union-attr]  # pyright: ignore[reportAttributeAccessIssue, reportUnknownMemberType]
        if event.type == "tokens":  # type: ignore[comparison-overlap]  # pyright: ignore[reportUnnecessaryComparison]
            pass
        if isinstance(event, TokenEvent):
            event.data.text  # type: ignore[attr-defined]  # pyright: ignore[reportAttributeAccessIssue, reportUnknownMemberType]
    for token in client.receive(conversation_id).stream().tokens():
        token.data  # type: ignore[attr-defined]  # pyright: ignore[reportAttributeAccessIssue, reportUnknownMemberType]
    try:
        client.delete(conversation_id)
    except NotFoundError as error:
        error.status  # type: ignore[attr-defined]  # pyright: ignore[reportAttributeAccessIssue, reportUnknownMemberType]


async def sync_and_async_mixed(
    client: ConversationClient, aclient: AsyncConversationClient, cid: str
) -> None:
    # The sync client is not awaited; the async client's results are (result() is a
    # coroutine too), and its streams are iterated and entered with async for/with.
    await client.create({"model": "gpt-4o"})  # type: ignore[misc]  # pyright: ignore[reportGeneralTypeIssues]
    aclient.fetch(cid).result().id  # type: ignore[attr-defined]  # pyright: ignore[reportAttributeAccessIssue, reportUnknownMemberType]
    _conversation: Conversation = aclient.fetch(cid)  # type: ignore[assignment]  # pyright: ignore[reportAssignmentType]
    async for _ in client.complete(cid).stream():  # type: ignore[attr-defined]  # pyright: ignore[reportGeneralTypeIssues, reportUnknownVariableType]
        pass
    async with client.complete(cid).stream():  # type: ignore[attr-defined]  # pyright: ignore[reportGeneralTypeIssues]
        pass
    for _ in aclient.complete(cid).stream():  # type: ignore[attr-defined]  # pyright: ignore[reportGeneralTypeIssues, reportUnknownVariableType]
        pass
    with aclient.complete(cid).stream():  # type: ignore[attr-defined]  # pyright: ignore[reportGeneralTypeIssues]
        pass
    _final: CompleteResult = aclient.complete(None, {"messages": []}).stream().final_result()  # type: ignore[assignment]  # pyright: ignore[reportAssignmentType]
    _text: str = aclient.complete(cid).stream().text()  # type: ignore[assignment]  # pyright: ignore[reportAssignmentType]
    for _ in aclient.list().iter_all():  # type: ignore[attr-defined]  # pyright: ignore[reportGeneralTypeIssues, reportUnknownVariableType]
        pass


def forward_compatibility(client: ConversationClient, conversation_id: str) -> None:
    # An open enum may hold a value newer than the SDK: code that assumes only the known
    # literals is told so. extra_body/extra_query take mappings; a plain string outside an
    # enum is a typo even where the enum is open (UnknownValue says "newer", not "typo").
    reason = client.complete(conversation_id, {"text": "Hi"}).result().end.reason
    _known: Literal["length", "stop", "activity", "abort", "error", "iteration"] = reason  # type: ignore[assignment]  # pyright: ignore[reportAssignmentType]
    client.create({"model": "gpt-4o"}, extra_body="newSetting=1")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    client.create({"model": "gpt-4o"}, extra_query=[("v", "2")])  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    _message: MessageParam = {"type": "annotation", "text": "x"}  # type: ignore[typeddict-item]  # pyright: ignore[reportAssignmentType]
    _kind: MessageType = "annotation"  # type: ignore[assignment]  # pyright: ignore[reportAssignmentType]
