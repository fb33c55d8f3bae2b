"""The pytest plugin, as an application's test suite meets it: through ``pytester``.

Each test writes a small application and its tests into a fresh directory and runs
pytest there; the fixtures come from the ``pytest11`` entry point exactly as they
would for a project that only installed ``chatbotkit-sdk``. The first run is a
separate process (as in an application's CI); the others run in process, for speed.
"""

from __future__ import annotations

import pytest

from tests.helpers import HELLO, UNRELATED_PLUGINS

pytest_plugins = ["pytester"]

APP = '''
"""An application that uses the SDK; its tests get a client from the plugin."""

from chatbotkit_sdk import AsyncConversationClient, ConversationClient


def start(client: ConversationClient, question: str) -> str:
    conversation = client.create({"model": "gpt-4o", "meta": {"app": "demo"}})
    client.complete(conversation.id, {"text": question}).result()
    return conversation.id


def summarize(client: ConversationClient, conversation_id: str) -> str:
    messages = list(client.message.list(conversation_id, {"order": "asc"}).iter_all())
    return " | ".join(f"{m.type}: {m.text}" for m in messages)


async def latest_reply(client: AsyncConversationClient, conversation_id: str) -> str:
    async with client.complete(conversation_id, {"text": "thank you"}).stream() as stream:
        return await stream.text()
'''


def test_sync_fixtures_in_an_application_suite(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(app=APP)
    pytester.makepyfile(
        test_app=f"""
        import pytest
        from chatbotkit_sdk import InternalServerError, NotFoundError

        from app import start, summarize

        HELLO = {HELLO!r}


        def test_summarize(chatbotkit_client, chatbotkit_fake):
            conversation_id = start(chatbotkit_client, "Hello")
            assert summarize(chatbotkit_client, conversation_id) == "user: Hello | bot: " + HELLO
            assert list(chatbotkit_fake.conversations) == [conversation_id]
            assert chatbotkit_fake.conversations[conversation_id]["meta"] == {{"app": "demo"}}


        def test_each_test_gets_a_fresh_fake(chatbotkit_client, chatbotkit_fake):
            assert chatbotkit_fake.conversations == {{}}
            assert chatbotkit_fake.requests == []
            assert chatbotkit_client.list().result().items == []


        def test_faults_reach_the_application(chatbotkit_client, chatbotkit_fake):
            conversation_id = start(chatbotkit_client, "Hi")
            chatbotkit_fake.fail(503, times=2)
            assert summarize(chatbotkit_client, conversation_id).startswith("user: Hi | bot: Hello!")
            assert [r.operation for r in chatbotkit_fake.requests[-3:]] == ["list_conversation_messages"] * 3
            chatbotkit_fake.fail(503, times=10)
            with pytest.raises(InternalServerError):
                summarize(chatbotkit_client, conversation_id)


        def test_unknown_conversation(chatbotkit_client):
            with pytest.raises(NotFoundError):
                summarize(chatbotkit_client, "cnv_missing")
        """
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", *UNRELATED_PLUGINS, timeout=60)
    result.assert_outcomes(passed=4)


def test_the_fixtures_come_from_the_entry_point(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        test_app="""
        def test_uses_the_client(chatbotkit_client):
            assert chatbotkit_client.list().result().items == []
        """
    )
    result = pytester.runpytest("-p", "no:chatbotkit", "-p", "no:cacheprovider")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*fixture 'chatbotkit_client' not found*"])


def test_async_client_fixture(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(app=APP)
    pytester.makepyfile(
        test_app="""
        import asyncio

        from app import latest_reply


        def test_latest_reply(chatbotkit_async_client, chatbotkit_fake):
            async def flow():
                conversation = await chatbotkit_async_client.create()
                return conversation.id, await latest_reply(chatbotkit_async_client, conversation.id)

            conversation_id, reply = asyncio.run(flow())
            assert reply == "You are welcome. Is there anything else?"
            stored = [(m["type"], m["text"]) for m in chatbotkit_fake.messages[conversation_id]]
            assert stored == [("user", "thank you"), ("bot", reply)]


        def test_async_client_sees_faults(chatbotkit_async_client, chatbotkit_fake):
            chatbotkit_fake.fail(429, retry_after="0")
            page = asyncio.run(chatbotkit_async_client.list().result())
            assert page.items == []
            assert len(chatbotkit_fake.requests) == 2
        """
    )
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(passed=2)


def test_url_fixture(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(app=APP)
    pytester.makepyfile(
        test_app=f"""
        import httpx

        from chatbotkit_sdk import ConversationClient

        from app import start, summarize

        HELLO = {HELLO!r}


        def test_own_client_over_http(chatbotkit_url, chatbotkit_fake):
            assert chatbotkit_url.startswith("http://127.0.0.1:")
            with ConversationClient(secret="anything", base_url=chatbotkit_url) as client:
                conversation_id = start(client, "Hello")
                assert summarize(client, conversation_id) == "user: Hello | bot: " + HELLO
            assert all(r.path.startswith("/api/v1/") for r in chatbotkit_fake.requests)


        def test_plain_http(chatbotkit_url):
            auth = {{"Authorization": "Bearer t"}}
            answer = httpx.get(chatbotkit_url + "/v1/conversation/list", headers=auth)
            assert answer.json() == {{"items": [], "cursor": ""}}
            assert httpx.get(chatbotkit_url + "/v1/conversation/list").status_code == 401
        """
    )
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(passed=2)
