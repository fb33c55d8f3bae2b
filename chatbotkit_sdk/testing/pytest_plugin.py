"""pytest plugin (entry point ``pytest11``): fixtures for testing code that uses the SDK.

Installed with the package; pytest loads it by itself. Fixtures:

- ``chatbotkit_fake``: a fresh ``FakeChatBotKit`` for each test;
- ``chatbotkit_client``: a ``ConversationClient`` wired to it in process;
- ``chatbotkit_async_client``: the same for ``AsyncConversationClient``;
- ``chatbotkit_url``: the fake served over HTTP on 127.0.0.1, for code that builds
  its own client (or is not Python).

To test against tomorrow's API (``FakeChatBotKit(newer_api=True)``): for one test,
``@pytest.mark.chatbotkit_fake(newer_api=True)``; for a whole suite, the ini option
``chatbotkit_newer_api = true`` (or ``pytest -o chatbotkit_newer_api=true``). A
marker's ``newer_api`` wins over the ini option.

Verified fake: ``pytest --chatbotkit-live`` (or the ini option ``chatbotkit_live = true``;
``-o chatbotkit_live=false`` turns that off for one run) runs the same tests against the
real API, so that a test suite learns when the fake and the API drift apart. In live mode:

- ``chatbotkit_client`` and ``chatbotkit_async_client`` talk to the API with the secret
  in ``CHATBOTKIT_API_SECRET`` (required: without it the session stops at once with a
  usage error) at ``CHATBOTKIT_BASE_URL`` if set, else the official API
  (https://api.chatbotkit.com). They keep the SDK's default retries and timeouts (the
  fake's clients retry without waiting; a real rate limit needs the real back-off).
  The async client keeps no idle connections, so a test may call ``asyncio.run``
  (or ``trio.run``) more than once, though not both in one test;
- ``chatbotkit_url`` is that base URL;
- tests that need the fake are skipped, with a reason that says why: those that use
  the ``chatbotkit_fake`` fixture (directly, through another fixture, or with
  ``request.getfixturevalue``), those marked ``@pytest.mark.chatbotkit_fake(...)``, and
  those marked ``@pytest.mark.chatbotkit_fake_only`` (for tests that only make sense
  against the fake without using its fixture, e.g. they expect its canned replies;
  ``chatbotkit_fake_only(reason="...")`` adds why);
- the session header says which API the tests talk to; the secret is never shown.

A test that uses only ``chatbotkit_client`` / ``chatbotkit_async_client`` /
``chatbotkit_url`` therefore runs in both modes. Live tests act on the account of the
secret: the conversations they create stay there.
"""

from __future__ import annotations

import asyncio
import dataclasses
import os
import typing
from collections.abc import Iterator

import httpx
import pytest

from .._client import AsyncConversationClient, ConversationClient
from .._exceptions import ChatBotKitError
from .._options import BASE_URL_ENV, DEFAULT_BASE_URL, SECRET_ENV, ClientOptions
from ._fake import FakeChatBotKit

BASE_URL = "http://fake.chatbotkit.test"
NEWER_API_INI = "chatbotkit_newer_api"
MARKER = "chatbotkit_fake"
FAKE_ONLY_MARKER = "chatbotkit_fake_only"
LIVE_OPTION = "--chatbotkit-live"
LIVE_INI = "chatbotkit_live"


@dataclasses.dataclass(frozen=True)
class _Live:
    """Live mode's settings, checked at session start. Its ``repr`` (and its options') hides the secret."""

    options: ClientOptions
    #: how live mode was asked for, for messages: "--chatbotkit-live" or the ini line
    switch: str

    @property
    def base_url(self) -> str:
        return self.options.origin


_MODE = pytest.StashKey["_Live | None"]()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("chatbotkit", "chatbotkit-sdk fake API")
    group.addoption(
        LIVE_OPTION,
        action="store_true",
        default=False,
        help=f"chatbotkit_client & co. talk to the real API ({SECRET_ENV}, optional {BASE_URL_ENV}); "
        "tests that need the fake are skipped",
    )
    parser.addini(
        NEWER_API_INI,
        "chatbotkit_fake answers as a newer API would (FakeChatBotKit(newer_api=True))",
        type="bool",
        default=False,
    )
    parser.addini(LIVE_INI, f"as {LIVE_OPTION}: test against the real API", type="bool", default=False)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", f"{MARKER}(newer_api=True): this test's chatbotkit_fake answers as a newer API would"
    )
    config.addinivalue_line(
        "markers",
        f"{FAKE_ONLY_MARKER}(reason=None): this test only makes sense against the fake; "
        f"skipped with {LIVE_OPTION}",
    )


def _mode(config: pytest.Config) -> _Live | None:
    """None for the fake; the live settings (checked once) for ``--chatbotkit-live``."""
    if _MODE in config.stash:
        return config.stash[_MODE]
    live: _Live | None = None
    if config.getoption(LIVE_OPTION) or config.getini(LIVE_INI):
        switch = LIVE_OPTION if config.getoption(LIVE_OPTION) else f"{LIVE_INI} = true"
        # The secret is never held by a local of its own: -l would show it in a traceback.
        if not os.environ.get(SECRET_ENV):
            raise pytest.UsageError(
                f"{switch} tests against the real ChatBotKit API and needs its secret: "
                f"set the {SECRET_ENV} environment variable (and {BASE_URL_ENV} for an API "
                f"other than {DEFAULT_BASE_URL})."
            )
        try:
            options = ClientOptions.create(
                secret=os.environ[SECRET_ENV], base_url=os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL
            )
        except (ChatBotKitError, TypeError, ValueError) as exc:  # no message of these shows the secret
            raise pytest.UsageError(f"{switch}: {SECRET_ENV} / {BASE_URL_ENV}: {exc}") from None
        live = _Live(options, switch)
    config.stash[_MODE] = live
    return live


@pytest.hookimpl(tryfirst=True)
def pytest_sessionstart(session: pytest.Session) -> None:
    _mode(session.config)  # before the header, before any test: a usage error stops the run here


def pytest_report_header(config: pytest.Config) -> str:
    live = _mode(config)
    if live is not None:
        return f"chatbotkit: live API at {live.base_url} (tests that need the fake are skipped)"
    newer = f"; {NEWER_API_INI} = true" if config.getini(NEWER_API_INI) else ""
    return f"chatbotkit: fake (in process{newer})"


def _skip_reason(item: pytest.Item, live: _Live) -> str | None:
    only = item.get_closest_marker(FAKE_ONLY_MARKER)
    if only is not None:
        why = only.kwargs.get("reason") or (only.args[0] if only.args else None)
        return f"marked {FAKE_ONLY_MARKER}{f' ({why})' if why else ''}; skipped with {live.switch}"
    if item.get_closest_marker(MARKER) is not None:
        return f"marked {MARKER}(...), a setting of the fake; skipped with {live.switch}"
    if MARKER in getattr(item, "fixturenames", ()):
        return _fixture_reason(live)
    return None


def _fixture_reason(live: _Live) -> str:
    return f"needs the fake's controls ({MARKER}); skipped with {live.switch}"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    live = _mode(config)
    if live is None:
        return
    for item in items:
        reason = _skip_reason(item, live)
        if reason is not None:
            item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture
def chatbotkit_fake(request: pytest.FixtureRequest) -> FakeChatBotKit:
    """A fresh, empty fake ChatBotKit API (no faults, no delay); see the module for ``newer_api``.

    With ``--chatbotkit-live``, a test that asks for it is skipped.
    """
    live = _mode(request.config)
    if live is not None:  # asked for by getfixturevalue(): not seen at collection
        pytest.skip(_fixture_reason(live))
    newer_api = bool(request.config.getini(NEWER_API_INI))
    marker = request.node.get_closest_marker(MARKER)
    if marker is not None:
        if marker.args or set(marker.kwargs) - {"newer_api"}:
            raise TypeError(f"@pytest.mark.{MARKER} takes only newer_api=True/False")
        newer_api = bool(marker.kwargs.get("newer_api", newer_api))
    return FakeChatBotKit(newer_api=newer_api)


# The fixtures below ask for chatbotkit_fake only in fake mode (getfixturevalue), so
# that a test using only them is not skipped in live mode.


def _fake(request: pytest.FixtureRequest) -> FakeChatBotKit:
    # By name, so that a project's own chatbotkit_fake fixture (an override) is used.
    return typing.cast("FakeChatBotKit", request.getfixturevalue(MARKER))


@pytest.fixture
def chatbotkit_client(request: pytest.FixtureRequest) -> Iterator[ConversationClient]:
    """A ``ConversationClient`` that talks to ``chatbotkit_fake`` in process (or the API, live)."""
    live = _mode(request.config)
    if live is not None:
        with ConversationClient(secret=live.options.secret, base_url=live.base_url) as client:
            yield client
        return
    http = _fake(request).http_client()
    with ConversationClient(secret="sk-test", base_url=BASE_URL, http_client=http, retry_delay=0) as client:
        yield client
    http.close()


@pytest.fixture
def chatbotkit_async_client(request: pytest.FixtureRequest) -> Iterator[AsyncConversationClient]:
    """An ``AsyncConversationClient`` that talks to ``chatbotkit_fake`` in process (or the API, live)."""
    live = _mode(request.config)
    if live is not None:
        # No idle connections: one would belong to the event loop of the asyncio.run()
        # that opened it, and break the next one (and the close below).
        http = httpx.AsyncClient(limits=httpx.Limits(max_keepalive_connections=0))
        yield AsyncConversationClient(secret=live.options.secret, base_url=live.base_url, http_client=http)
    else:
        http = _fake(request).async_http_client()
        yield AsyncConversationClient(secret="sk-test", base_url=BASE_URL, http_client=http, retry_delay=0)
    asyncio.run(http.aclose())


@pytest.fixture
def chatbotkit_url(request: pytest.FixtureRequest) -> Iterator[str]:
    """The base URL of ``chatbotkit_fake`` served over HTTP on loopback (or of the API, live)."""
    live = _mode(request.config)
    if live is not None:
        yield live.base_url
        return
    with _fake(request).serve() as url:
        yield url
