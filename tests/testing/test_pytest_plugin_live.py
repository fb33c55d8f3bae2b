"""The plugin's verified-fake mode (``--chatbotkit-live``), without a network or an account.

"The real API" here is a second ``FakeChatBotKit`` served on loopback, with a secret of
its own: the outer test points ``CHATBOTKIT_API_SECRET`` / ``CHATBOTKIT_BASE_URL`` at it
and runs an application's test file through ``pytester`` in both modes. Whatever reaches
the second fake went "live"; whatever the embedded fake answered did not.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator

import pytest

from chatbotkit_sdk.testing import FakeChatBotKit
from tests.helpers import HELLO, UNRELATED_PLUGINS

pytest_plugins = ["pytester"]

SECRET = "sk-live-test"

# Runs in both modes: it uses only the clients and the URL.
BOTH = """
import asyncio
import os

import httpx


def test_sync_client(chatbotkit_client):
    conversation = chatbotkit_client.create({"model": "gpt-4o", "meta": {"via": "sync"}})
    reply = chatbotkit_client.complete(conversation.id, {"text": "Hello"}).result()
    assert reply.text


def test_async_client(chatbotkit_async_client):
    async def flow():
        conversation = await chatbotkit_async_client.create({"meta": {"via": "async"}})
        reply = await chatbotkit_async_client.complete(conversation.id, {"text": "Hello"}).result()
        return conversation.id, reply

    conversation_id, reply = asyncio.run(flow())
    assert reply.text
    # A second event loop with the same client (the live one keeps no idle connection).
    page = asyncio.run(chatbotkit_async_client.list({"take": 100}).result())
    assert conversation_id in [c.id for c in page.items]


def test_url(chatbotkit_url):
    auth = {"Authorization": "Bearer " + os.environ.get("CHATBOTKIT_API_SECRET", "t")}
    assert httpx.get(chatbotkit_url + "/v1/conversation/list", headers=auth).status_code == 200
"""

# Each needs the fake, one way or another: skipped in live mode.
FAKE_ONLY = f"""
import pytest

HELLO = {HELLO!r}


@pytest.fixture
def flaky(chatbotkit_fake):
    chatbotkit_fake.fail(503, times=1)
    return chatbotkit_fake


def test_uses_the_fake(chatbotkit_client, chatbotkit_fake):
    chatbotkit_client.list().result()
    assert len(chatbotkit_fake.requests) == 1


def test_uses_the_fake_through_a_fixture(chatbotkit_client, flaky):
    chatbotkit_client.list().result()
    assert len(flaky.requests) == 2


def test_asks_for_the_fake_late(chatbotkit_client, request):
    fake = request.getfixturevalue("chatbotkit_fake")
    chatbotkit_client.list().result()
    assert len(fake.requests) == 1


@pytest.mark.chatbotkit_fake(newer_api=True)
def test_marked_newer_api(chatbotkit_client):
    assert chatbotkit_client.create().id


@pytest.mark.chatbotkit_fake_only(reason="expects the fake's canned reply")
def test_canned_reply(chatbotkit_client):
    conversation = chatbotkit_client.create()
    assert chatbotkit_client.complete(conversation.id, {{"text": "Hello"}}).result().text == HELLO
"""

LIVE = "skipped with --chatbotkit-live"
NEEDS_THE_FAKE = f"needs the fake's controls (chatbotkit_fake); {LIVE}"


@pytest.fixture
def second_fake(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeChatBotKit]:
    """The stand-in for the real API, its secret and URL in the environment."""
    fake = FakeChatBotKit(secret=SECRET)
    with fake.serve() as url:
        monkeypatch.setenv("CHATBOTKIT_API_SECRET", SECRET)
        monkeypatch.setenv("CHATBOTKIT_BASE_URL", url)
        yield fake


@pytest.fixture
def app_tests(pytester: pytest.Pytester) -> pytest.Pytester:
    pytester.makepyfile(test_both=BOTH, test_fake_only=FAKE_ONLY)
    return pytester


def _output(result: pytest.RunResult) -> str:
    return result.stdout.str() + result.stderr.str()


def _skipped(result: pytest.RunResult, reason: str) -> int:
    """How many tests ``-rs`` says were skipped for ``reason`` (it folds equal ones: "[2]")."""
    counts = re.findall(r"^SKIPPED \[(\d+)\] .*: " + re.escape(reason) + "$", result.stdout.str(), re.M)
    return sum(map(int, counts))


def test_live_mode_talks_to_the_configured_api(
    app_tests: pytest.Pytester, second_fake: FakeChatBotKit
) -> None:
    # A separate process, as in an application's CI.
    result = app_tests.runpytest_subprocess(
        "--chatbotkit-live", "-rs", "-p", "no:cacheprovider", *UNRELATED_PLUGINS, timeout=60
    )
    result.assert_outcomes(passed=3, skipped=5)
    base_url = os.environ["CHATBOTKIT_BASE_URL"]  # second_fake's
    result.stdout.fnmatch_lines(
        [f"chatbotkit: live API at {base_url} (tests that need the fake are skipped)"]
    )
    result.stdout.fnmatch_lines_random(
        [
            f"SKIPPED [[]*[]] test_fake_only.py*: {NEEDS_THE_FAKE}",
            f"SKIPPED [[]1[]] *: marked chatbotkit_fake(...), a setting of the fake; {LIVE}",
            f"SKIPPED [[]1[]] *: marked chatbotkit_fake_only (expects the fake's canned reply); {LIVE}",
        ]
    )
    # The fake asked for directly, through a fixture, and through getfixturevalue().
    assert _skipped(result, NEEDS_THE_FAKE) == 3
    # Every request of the three live tests reached the second fake, which takes only SECRET.
    assert [r.operation for r in second_fake.requests] == [
        "create_conversation",
        "complete_conversation_message",
        "create_conversation",
        "complete_conversation_message",
        "list_conversations",
        "list_conversations",
    ]
    assert sorted(c["meta"]["via"] for c in second_fake.conversations.values()) == ["async", "sync"]
    assert SECRET not in _output(result)


def test_fake_mode_runs_everything_in_process(
    app_tests: pytest.Pytester, second_fake: FakeChatBotKit
) -> None:
    result = app_tests.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(passed=8)
    result.stdout.fnmatch_lines(["chatbotkit: fake (in process)"])
    assert second_fake.requests == []
    assert second_fake.conversations == {}


def test_the_ini_option_turns_live_mode_on(app_tests: pytest.Pytester, second_fake: FakeChatBotKit) -> None:
    app_tests.makeini("[pytest]\nchatbotkit_live = true\n")
    result = app_tests.runpytest("-rs", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=3, skipped=5)
    result.stdout.fnmatch_lines(
        ["*needs the fake's controls (chatbotkit_fake); skipped with chatbotkit_live = true"]
    )
    assert len(second_fake.conversations) == 2


@pytest.mark.parametrize("secret", [None, ""])
def test_live_mode_needs_the_secret(
    app_tests: pytest.Pytester, monkeypatch: pytest.MonkeyPatch, secret: str | None
) -> None:
    if secret is None:
        monkeypatch.delenv("CHATBOTKIT_API_SECRET", raising=False)
    else:
        monkeypatch.setenv("CHATBOTKIT_API_SECRET", secret)
    result = app_tests.runpytest("--chatbotkit-live", "-p", "no:cacheprovider")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(
        [
            "ERROR: --chatbotkit-live tests against the real ChatBotKit API and needs its secret: "
            "set the CHATBOTKIT_API_SECRET environment variable*"
        ]
    )
    assert "test session starts" not in result.stdout.str()  # stopped before the header, before any test


def test_a_bad_base_url_is_a_usage_error(app_tests: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHATBOTKIT_API_SECRET", SECRET)
    monkeypatch.setenv("CHATBOTKIT_BASE_URL", "ftp://api.example")
    result = app_tests.runpytest("--chatbotkit-live", "-p", "no:cacheprovider")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(
        ["ERROR: --chatbotkit-live: CHATBOTKIT_API_SECRET / CHATBOTKIT_BASE_URL: *ftp*"]
    )
    assert SECRET not in _output(result)


def test_the_secret_never_shows(pytester: pytest.Pytester, second_fake: FakeChatBotKit) -> None:
    pytester.makepyfile(
        test_show="""
        def test_fails(chatbotkit_client, chatbotkit_async_client, chatbotkit_url):
            assert (repr(chatbotkit_client), repr(chatbotkit_async_client), chatbotkit_url) == ()


        def test_api_error(chatbotkit_client):
            chatbotkit_client.fetch("cnv_missing").result()  # 404, through the SDK's frames
        """
    )
    # Locals of every frame (-l), long tracebacks, fixture values: all the secret could hide in.
    result = pytester.runpytest(
        "--chatbotkit-live", "-l", "--tb=long", "-vv", "--setup-show", "-p", "no:cacheprovider"
    )
    result.assert_outcomes(failed=2)
    result.stdout.fnmatch_lines(["*NotFoundError*"])
    result.stdout.fnmatch_lines(["*chatbotkit_client = ConversationClient(ClientOptions(*"])
    assert SECRET not in _output(result)
