"""Request building: the direct path of an SDK-made client, and what feeds it.

An SDK-made client (``plain`` runner) builds ``httpx.Request`` itself, with a kept merge
of httpx's default headers and the client's own; an injected ``http_client`` goes through
``build_request()`` so that its base URL, headers, cookies and params apply. These tests
hold the two paths to the same requests, check that the kept merge cannot be changed by
a request, and compare ``encode_segment`` and ``ClientOptions.url`` (whose fast paths are
new) with straightforward reference implementations written here.
"""

from __future__ import annotations

import asyncio
import inspect
import re
from collections.abc import Callable, Iterator
from typing import Any, NamedTuple
from urllib.parse import quote, urlsplit

import httpx
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from chatbotkit_sdk import AsyncConversationClient, ConversationClient, _resource, models
from chatbotkit_sdk._core import Call, ClientCore
from chatbotkit_sdk._methods import Dual, Method
from chatbotkit_sdk._options import ClientOptions, encode_segment
from chatbotkit_sdk._resource import AsyncRunner, SyncRunner, _Runner

SECRET = "sk_test_Bu1ld_Requests_9xQ"
CONVERSATION = {"id": "cnv_1", "createdAt": 1, "updatedAt": 2}
MESSAGES = [
    {"type": "backstory", "text": "You are a helpful support agent."},
    {"type": "user", "text": "Where is my order 10423?"},
]
PLAIN_ID = r"[A-Za-z0-9_~-]+"


def call_of(resource: Any, method: str, /, *args: Any, **options: Any) -> Call[Any]:
    """The ``Call`` a method would send, built without sending it (for any decorator)."""
    descriptor = inspect.getattr_static(type(resource), method)
    assert isinstance(descriptor, Method | Dual), f"{method} is not an endpoint"
    return descriptor._make(resource)(args, options)


class Built(NamedTuple):
    """Everything of a request that reaches the wire, in a comparable form."""

    method: str
    url: str
    headers: list[tuple[str, str]]
    body: bytes
    timeout: dict[str, float | None]


def built(request: httpx.Request) -> Built:
    headers = sorted((name.lower(), value) for name, value in request.headers.multi_items())
    return Built(request.method, str(request.url), headers, request.read(), request.extensions["timeout"])


def presigned(client: Any) -> Call[Any]:
    """The bare PUT of ``upload_file``, as the SDK builds it from the API's answer."""
    call = call_of(client.attachment, "upload_file", "cnv_1", b"%PDF-1.7", name="a.pdf", content_type="x/y")
    answer = models.AttachmentUploadResult.from_dict(
        {
            "id": "att_1",
            "uploadRequest": {
                "method": "put",
                "url": "https://uploads.example.com/att_1?signature=abc",
                "headers": {"Content-Type": "application/pdf"},
            },
        }
    )
    return ClientCore.presigned(call, b"%PDF-1.7")(answer)


# --- 1. the direct path builds what build_request() builds ------------------------------------

CLIENTS: dict[str, dict[str, Any]] = {
    "default": {},
    "local": {"base_url": "http://localhost:8765/"},
    "configured": {
        "headers": {"X-App": "demo", "user-agent": "my-app/2.0", "ACCEPT": "text/plain"},
        "run_as_user_id": "usr_1",
        "run_as_child_user_email": "jane@example.com",
        "timezone": "Europe/London",
        "timeout": 12.5,
    },
    "no-timeout": {"timeout": None, "endpoints": {"/api/v1/conversation/list": "/proxy/list?tenant=t1"}},
}

EXTRA = {"X-Trace": "t1", "authorization": "Bearer other", "accept": "application/json"}
QUERY = {"cursor": "cur_1", "take": 20, "order": "asc", "meta": {"source": "web", "tier": "gold"}}

CALLS: list[tuple[str, Callable[[Any], Call[Any]]]] = [
    ("fetch", lambda c: c.fetch("cnv_1")._call),
    ("fetch-encoded-id", lambda c: c.fetch("a/b ü?")._call),
    ("list-empty", lambda c: c.list()._call),
    ("list-query", lambda c: c.list(QUERY)._call),
    ("list-next-page", lambda c: c.list({"take": 2})._call.next_page("cur_9")),
    ("list-stream", lambda c: c.list(QUERY).stream()._call),
    ("export", lambda c: c.export({"meta": {"a b": "c&d"}})._call),
    ("create", lambda c: call_of(c, "create", {"botId": "bot_1", "name": "Order ü", "meta": {"k": "v"}})),
    ("create-empty", lambda c: call_of(c, "create")),
    ("update", lambda c: call_of(c, "update", "cnv_1", {"name": "Renamed"})),
    ("delete", lambda c: call_of(c, "delete", "cnv_1")),
    ("complete-stateless", lambda c: c.complete(None, {"messages": MESSAGES, "model": "gpt-4o"})._call),
    ("complete-stateless-stream", lambda c: c.complete(None, {"messages": MESSAGES}).stream()._call),
    ("complete", lambda c: c.complete("cnv_1", {"text": "Where is my order?"})._call),
    ("complete-stream", lambda c: c.complete("cnv_1", {"text": "Hi"}).stream()._call),
    ("complete-via-streaming", lambda c: c.complete("cnv_1", {"text": "Hi"})._call.streaming()),
    (
        "complete-stream-extra",
        lambda c: c.complete("cnv_1", {"text": "Hi"}, extra_headers=EXTRA).stream()._call,
    ),
    ("dispatch", lambda c: call_of(c, "dispatch", "cnv_1", {"text": "Hi"})),
    ("dispatch-stateless", lambda c: call_of(c, "dispatch", None, {"messages": MESSAGES, "channelId": "c"})),
    ("compact-no-body", lambda c: call_of(c, "compact", "cnv_1")),
    ("compact-stateless", lambda c: call_of(c, "compact", None, {"messages": MESSAGES})),
    ("send", lambda c: c.send("cnv_1", {"text": "Hello"})._call),
    ("receive", lambda c: c.receive("cnv_1")._call),
    ("upvote", lambda c: call_of(c, "upvote", "cnv_1", {"value": 80})),
    ("downvote", lambda c: call_of(c, "downvote", "cnv_1")),
    ("usage", lambda c: call_of(c, "usage", "cnv_1", {"from": "2024-11-01", "to": "2024-11-24T12:30"})),
    ("message.list", lambda c: c.message.list("cnv_1", {"cursor": "cur_1", "take": 50})._call),
    ("message.fetch", lambda c: call_of(c.message, "fetch", "cnv_1", "msg_1")),
    ("message.create", lambda c: call_of(c.message, "create", "cnv_1", {"type": "user", "text": "Hi"})),
    ("message.update", lambda c: call_of(c.message, "update", "cnv_1", "msg/1", {"text": "Hi there"})),
    ("message.delete", lambda c: call_of(c.message, "delete", "cnv_1", "msg_1")),
    ("message.upvote", lambda c: call_of(c.message, "upvote", "cnv_1", "msg_1", {"value": 100})),
    ("message.downvote", lambda c: call_of(c.message, "downvote", "cnv_1", "msg_1", {"reason": "Wrong"})),
    ("message.synthesize", lambda c: call_of(c.message, "synthesize", "cnv_1", "msg_1")),
    ("session.create", lambda c: call_of(c.session, "create", "cnv_1", {"durationInSeconds": 3600})),
    ("attachment.list", lambda c: c.attachment.list("cnv_1", {"take": 10})._call),
    ("attachment.upload", lambda c: call_of(c.attachment, "upload", "cnv_1", {"file": "https://x.io/a.pdf"})),
    (
        "attachment.upload_file",
        lambda c: call_of(c.attachment, "upload_file", "cnv_1", b"ab", name="a", content_type="t/p"),
    ),
    ("attachment.upload_file-presigned-put", presigned),
    ("contact.upsert", lambda c: call_of(c.contact, "upsert", "cnv_1", {"fingerprint": "fp_1"})),
    ("fetch-extra-headers", lambda c: c.fetch("cnv_1", extra_headers=EXTRA)._call),
    ("create-extra-headers", lambda c: call_of(c, "create", {"botId": "b"}, extra_headers={"X-Trace": "t2"})),
    ("fetch-timeout", lambda c: c.fetch("cnv_1", timeout=2.5)._call),
    ("fetch-timeout-none", lambda c: c.fetch("cnv_1", timeout=None)._call),
    (
        "complete-timeout-object",
        lambda c: c.complete("cnv_1", {"text": "Hi"}, timeout=httpx.Timeout(1.0, read=30))._call,
    ),
]


@pytest.fixture(scope="module")
def clients() -> Iterator[Callable[[str, str], tuple[Any, _Runner]]]:
    """Per mode and configuration: an SDK-made client, and a ``build_request()`` runner on
    its core over a plain httpx client with nothing of its own (made once: SSL setup is slow)."""
    made: dict[tuple[str, str], tuple[Any, _Runner]] = {}

    def get(mode: str, config: str) -> tuple[Any, _Runner]:
        if (mode, config) not in made:
            options = {"secret": SECRET, **CLIENTS[config]}
            if mode == "sync":
                client: Any = ConversationClient(**options)
                reference: _Runner = SyncRunner(client._core, httpx.Client(), owns=True, plain=False)
            else:
                client = AsyncConversationClient(**options)
                reference = AsyncRunner(client._core, httpx.AsyncClient(), owns=True, plain=False)
            made[mode, config] = (client, reference)
        return made[mode, config]

    yield get

    async def aclose(client: Any, reference: Any) -> None:
        await client.aclose()
        await reference.aclose()

    for client, reference in made.values():
        if isinstance(client, ConversationClient):
            client.close()
            assert isinstance(reference, SyncRunner)
            reference.close()
        else:
            asyncio.run(aclose(client, reference))


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("config", list(CLIENTS))
@pytest.mark.parametrize("make_call", [make for _, make in CALLS], ids=[name for name, _ in CALLS])
def test_the_direct_path_builds_what_build_request_builds(
    clients: Callable[[str, str], tuple[Any, _Runner]],
    mode: str,
    config: str,
    make_call: Callable[[Any], Call[Any]],
) -> None:
    client, reference = clients(mode, config)
    runner = client._runner
    assert runner.plain is True
    assert reference.plain is False
    call = make_call(client)

    expected = built(reference.build(call))
    first = built(runner.build(call))
    again = built(runner.build(call))  # through the kept merge, when the call has the client's headers

    assert first == expected
    assert again == expected
    names = [name for name, _ in first.headers]
    assert len(names) == len(set(names)), f"a header is sent twice: {names}"


def test_the_table_covers_every_client_method() -> None:
    """Every endpoint method of the client and its sub-clients has a row in ``CALLS``."""
    client = ConversationClient(secret=SECRET)
    resources = {"": client, **{f"{name}.": getattr(client, name) for name in client._subclients}}
    methods = {
        prefix + name
        for prefix, resource in resources.items()
        for name in dir(type(resource))
        if isinstance(inspect.getattr_static(type(resource), name, None), Method | Dual)
    }
    client.close()
    assert methods == {name.split("-")[0] for name, _ in CALLS}


# --- 2. the kept header merge is not changed by a request ----------------------------------


def test_the_kept_merge_survives_requests_that_httpx_adds_headers_to() -> None:
    client = ConversationClient(secret=SECRET, headers={"X-App": "demo"})
    try:
        runner = client._runner
        core_headers = dict(client._core.headers)

        post = runner.build(call_of(client, "create", {"botId": "bot_1"}))
        assert post.headers["content-type"] == "application/json"
        assert int(post.headers["content-length"]) == len(post.read()) > 0
        assert post.headers["host"] == "api.chatbotkit.com"

        kept = runner._merged(client._core.headers)
        assert kept is runner._merged(client._core.headers), "the merge of the client's headers is kept"
        assert not {"host", "content-length", "content-type"} & set(kept.keys())

        get = runner.build(client.fetch("cnv_1")._call)
        assert "content-length" not in get.headers
        assert "content-type" not in get.headers
        assert get.headers["accept"] == "*/*"

        # Changing a built request's headers changes neither the kept merge nor the next request.
        get.headers["X-Mutated"] = "1"
        post.headers["Content-Type"] = "text/evil"
        del post.headers["Authorization"]
        nxt = runner.build(client.fetch("cnv_1")._call)
        assert "x-mutated" not in nxt.headers
        assert nxt.headers["authorization"] == f"Bearer {SECRET}"
        assert "content-type" not in nxt.headers

        # A call's own headers (extra_headers, the Accept of a stream) stay with that call.
        extra = runner.build(
            client.fetch("cnv_1", extra_headers={"X-Trace": "t1", "Authorization": "Bearer other"})._call
        )
        assert (extra.headers["x-trace"], extra.headers["authorization"]) == ("t1", "Bearer other")
        stream = runner.build(client.complete("cnv_1", {"text": "Hi"}).stream()._call)
        assert stream.headers["accept"] == "application/jsonl"
        after = runner.build(client.fetch("cnv_1")._call)
        assert "x-trace" not in after.headers
        assert after.headers["authorization"] == f"Bearer {SECRET}"
        assert after.headers["accept"] == "*/*"
        assert after.headers["x-app"] == "demo"

        assert not {"host", "content-length", "content-type", "x-trace", "x-mutated"} & set(
            runner._merged(client._core.headers).keys()
        )
        assert dict(client._core.headers) == core_headers
    finally:
        client.close()


def test_sent_requests_leave_the_kept_merge_alone() -> None:
    """The same, through httpx's ``send()``: a POST with a body, then GETs, on one runner."""
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"id": "cnv_1"} if request.method == "POST" else CONVERSATION)

    client = ConversationClient(secret=SECRET)
    http = httpx.Client(transport=httpx.MockTransport(handler))
    runner = SyncRunner(client._core, http, owns=True)  # as the SDK makes it, with a test transport
    try:
        assert runner.plain is True
        runner.run(call_of(client, "create", {"botId": "bot_1", "name": "x" * 100}))
        runner.run(call_of(client, "create", {"botId": "bot_1"}, extra_headers={"X-Trace": "t1"}))
        runner.run(client.fetch("cnv_1")._call)
        runner.run(client.fetch("cnv_1")._call)
        post, post_extra, get, get_again = seen
        assert post.headers["content-type"] == "application/json"
        assert post_extra.headers["x-trace"] == "t1"
        for request in (get, get_again):
            assert not {"content-length", "content-type", "x-trace"} & set(request.headers.keys())
            assert request.read() == b""
        assert built(get) == built(get_again)
    finally:
        runner.close()
        client.close()


# --- 3. an injected http_client keeps going through build_request() -------------------------


def _recorder() -> tuple[list[httpx.Request], httpx.MockTransport]:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=CONVERSATION)

    return seen, httpx.MockTransport(handler)


def _assert_injected_defaults(request: httpx.Request) -> None:
    assert request.headers["x-app"] == "1"
    assert request.headers["cookie"] == "c=1"
    assert request.url.params["k"] == "v"
    assert request.url.path == "/v1/conversation/cnv_1/fetch"
    assert request.headers["authorization"] == f"Bearer {SECRET}"


def test_an_injected_sync_client_applies_its_headers_cookies_and_params() -> None:
    seen, transport = _recorder()
    http = httpx.Client(headers={"X-App": "1"}, params={"k": "v"}, cookies={"c": "1"}, transport=transport)
    with http:
        client = ConversationClient(secret=SECRET, http_client=http)
        assert client._runner.plain is False
        assert client.fetch("cnv_1").result().id == "cnv_1"
        _assert_injected_defaults(seen[-1])

        clone = client.extend(headers={"X-More": "2"})
        assert clone._runner.plain is False
        assert clone._runner.http is http
        assert clone.fetch("cnv_1").result().id == "cnv_1"
        _assert_injected_defaults(seen[-1])
        assert seen[-1].headers["x-more"] == "2"
        assert clone.extend(timezone="Europe/London")._runner.plain is False
        assert len(seen) == 2


def test_an_injected_async_client_applies_its_headers_cookies_and_params() -> None:
    seen, transport = _recorder()

    async def go() -> None:
        http = httpx.AsyncClient(
            headers={"X-App": "1"}, params={"k": "v"}, cookies={"c": "1"}, transport=transport
        )
        async with http:
            client = AsyncConversationClient(secret=SECRET, http_client=http)
            assert client._runner.plain is False
            assert (await client.fetch("cnv_1")).id == "cnv_1"
            _assert_injected_defaults(seen[-1])
            clone = client.extend(run_as_user_id="usr_1")
            assert clone._runner.plain is False
            assert (await clone.fetch("cnv_1")).id == "cnv_1"
            _assert_injected_defaults(seen[-1])
            assert seen[-1].headers["x-runas-user-id"] == "usr_1"

    asyncio.run(go())
    assert len(seen) == 2


@pytest.mark.parametrize("cls", [ConversationClient, AsyncConversationClient])
def test_extend_of_an_sdk_made_client_stays_plain_and_shares_the_pool(cls: type) -> None:
    client = cls(secret=SECRET)
    runner = client._runner
    assert (runner.plain, runner.owns_http) == (True, True)
    clone = client.extend(headers={"X-App": "2"}, timezone="Europe/London")
    assert clone._runner.plain is True
    assert clone._runner.owns_http is False
    assert clone._runner.http is runner.http
    assert clone.extend(run_as_user_id="usr_1")._runner.plain is True
    # The clone's own headers, not the parent's kept merge.
    request = clone._runner.build(clone.fetch("cnv_1")._call)
    assert (request.headers["x-app"], request.headers["x-timezone"]) == ("2", "Europe/London")
    assert "x-app" not in runner.build(client.fetch("cnv_1")._call).headers
    if cls is ConversationClient:
        client.close()
    else:
        asyncio.run(client.aclose())


# --- 4. cookies a server sets are sent back on both paths ---------------------------------


def test_an_sdk_made_client_sends_its_cookie_jar() -> None:
    """A direct build skips ``build_request()``, but not the jar: a cookie the client
    holds (say a load balancer's sticky-session cookie) is sent as httpx would send it."""
    client = ConversationClient(secret=SECRET)
    try:
        assert "cookie" not in client._runner.build(client.fetch("cnv_1")._call).headers
        client._runner.http.cookies.set("session", "abc", domain="api.chatbotkit.com")
        request = client._runner.build(client.fetch("cnv_1")._call)
        assert request.headers["cookie"] == "session=abc"
        assert "cookie" not in client._runner._merged(client._core.headers)  # not kept in the cache
    finally:
        client.close()


@pytest.mark.parametrize("plain", [True, False], ids=["sdk-made", "injected"])
def test_a_cookie_the_server_sets_is_sent_back_on_both_paths(plain: bool) -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=CONVERSATION, headers={"Set-Cookie": "sticky=1; Path=/"})

    client = ConversationClient(secret=SECRET)
    runner = SyncRunner(client._core, httpx.Client(transport=httpx.MockTransport(handler)), True, plain)
    try:
        runner.run(client.fetch("cnv_1")._call)
        runner.run(client.fetch("cnv_1")._call)
        assert runner.http.cookies.get("sticky") == "1"
        assert "cookie" not in seen[0].headers
        assert seen[1].headers.get("cookie") == "sticky=1"
    finally:
        runner.close()
        client.close()


# --- 5. encode_segment --------------------------------------------------------------------------


def reference_segment(value: str) -> str:
    """quote() with nothing safe, and the dot segments that URL normalisation would resolve."""
    encoded = quote(value, safe="")
    return {".": "%2E", "..": "%2E%2E"}.get(encoded, encoded)


class Id(str):
    """A str subclass, as some applications use for typed ids."""

    __slots__ = ()


IDS = st.one_of(
    st.text(min_size=1),
    st.from_regex(PLAIN_ID, fullmatch=True),
    st.sampled_from([".", "..", "...", ". ", "%2E", "a.b", "~", "-", "_", "\n", "cnv_1\n"]),
)


@settings(max_examples=400, deadline=None)
@given(IDS)
@example(".")
@example("..")
@example("cnv_1\n")
@example("ünï/..")
def test_encode_segment_is_quote_but_for_dot_segments(value: str) -> None:
    assert encode_segment(value, "conversationId") == reference_segment(value)


@settings(max_examples=200, deadline=None)
@given(st.from_regex(PLAIN_ID, fullmatch=True))
def test_an_id_that_is_its_own_encoding_comes_back_as_is(value: str) -> None:
    assert re.fullmatch(PLAIN_ID, value)
    assert encode_segment(value, "conversationId") is value


@settings(max_examples=200, deadline=None)
@given(IDS)
def test_a_str_subclass_is_encoded_like_a_str(value: str) -> None:
    result = encode_segment(Id(value), "messageId")
    assert result == reference_segment(value)
    assert type(result) is str  # through quote(), not handed back by the fast path


@pytest.mark.parametrize("value", [123, None, b"cnv_1", 1.5, ["cnv_1"]], ids=repr)
def test_a_non_string_id_is_a_type_error_naming_the_field(value: Any) -> None:
    with pytest.raises(TypeError, match="conversationId"):
        encode_segment(value, "conversationId")


@pytest.mark.parametrize("value", ["", Id("")], ids=["str", "subclass"])
def test_an_empty_id_is_a_value_error_naming_the_field(value: str) -> None:
    with pytest.raises(ValueError, match="messageId"):
        encode_segment(value, "messageId")


# --- 6. ClientOptions.url --------------------------------------------------------------------------

LIST = "/conversation/list"
FETCH = "/conversation/{conversationId}/fetch"
MESSAGE_FETCH = "/conversation/{conversationId}/message/{messageId}/fetch"
TEMPLATES = [LIST, FETCH, MESSAGE_FETCH]
BASES = ["https://api.chatbotkit.com", "http://localhost:8765", "https://proxy.example.com/cbk/"]
OVERRIDES: dict[str, dict[str, str]] = {
    "none": {},
    "relative": {
        "/api/v1" + LIST: "/custom/list",
        "/api/v1" + FETCH: "/c/{conversationId}",
        "/api/v1" + MESSAGE_FETCH: "/m/{messageId}/of/{conversationId}",
    },
    "api-prefixed": {
        "/api/v1" + FETCH: "/api/v2/{conversationId}/get",
        "/api/v1" + MESSAGE_FETCH: "/api/x/{conversationId}{messageId}/{conversationId}",
    },
    "absolute": {
        "/api/v1" + LIST: "https://proxy.example/list?tenant=t1",
        "/api/v1" + FETCH: "https://proxy.example/x/{conversationId}",
        "/api/v1" + MESSAGE_FETCH: "https://proxy.example/api/{conversationId}/{messageId}",
    },
}


def reference_url(base_url: str, endpoints: dict[str, str], template: str, params: dict[str, Any]) -> str:
    key = "/api/v1" + template
    target = endpoints.get(key, key)

    def fill(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in params:
            raise ValueError(f"endpoint override for {key} uses unknown {{{name}}}")
        return reference_segment(params[name])

    path = re.sub(r"{([^{}]+)}", fill, target)
    if "://" in path:
        return path
    origin = base_url.rstrip("/")
    if urlsplit(origin).hostname == "api.chatbotkit.com" and path.startswith("/api/"):
        path = path[len("/api") :]
    return origin + path


@pytest.mark.parametrize("overrides", list(OVERRIDES))
@pytest.mark.parametrize("base_url", BASES)
@settings(max_examples=60, deadline=None)
@given(template=st.sampled_from(TEMPLATES), conversation_id=IDS, message_id=IDS)
def test_url_matches_the_reference(
    base_url: str, overrides: str, template: str, conversation_id: str, message_id: str
) -> None:
    endpoints = OVERRIDES[overrides]
    options = ClientOptions.create(secret="sk", base_url=base_url, endpoints=endpoints)
    params = {"conversationId": conversation_id, "messageId": message_id}
    assert options.url(template, params) == reference_url(base_url, endpoints, template, params)


PIECES = st.lists(
    st.one_of(
        st.text(alphabet=st.sampled_from("/{}abc:.%"), max_size=6),
        st.sampled_from(["{conversationId}", "{messageId}", "{other}", "://", "/api/"]),
    ),
    max_size=6,
)


@settings(max_examples=300, deadline=None)
@given(pieces=PIECES, conversation_id=IDS, message_id=IDS, official=st.booleans())
def test_any_override_template_fills_like_the_reference(
    pieces: list[str], conversation_id: str, message_id: str, official: bool
) -> None:
    """Odd templates too (stray braces, unknown names, repeats): the same URL or the same error."""
    base_url = BASES[0] if official else BASES[1]
    endpoints = {"/api/v1" + MESSAGE_FETCH: "".join(pieces)}
    options = ClientOptions.create(secret="sk", base_url=base_url, endpoints=endpoints)
    params = {"conversationId": conversation_id, "messageId": message_id}
    try:
        expected: str | ValueError = reference_url(base_url, endpoints, MESSAGE_FETCH, params)
    except ValueError as exc:
        expected = exc
    if isinstance(expected, ValueError):
        with pytest.raises(ValueError, match=re.escape(str(expected))):
            options.url(MESSAGE_FETCH, params)
    else:
        assert options.url(MESSAGE_FETCH, params) == expected


@pytest.mark.parametrize(
    ("base_url", "endpoints", "template", "params", "expected"),
    [
        ("https://api.chatbotkit.com", {}, LIST, {}, "https://api.chatbotkit.com/v1/conversation/list"),
        (
            "https://api.chatbotkit.com",
            {},
            MESSAGE_FETCH,
            {"conversationId": "cnv_1", "messageId": "../x"},
            "https://api.chatbotkit.com/v1/conversation/cnv_1/message/..%2Fx/fetch",
        ),
        (
            "http://localhost:8765",
            {},
            FETCH,
            {"conversationId": ".."},
            "http://localhost:8765/api/v1/conversation/%2E%2E/fetch",
        ),
        (
            "https://api.chatbotkit.com",
            {"/api/v1" + LIST: "/static"},
            LIST,
            {},
            "https://api.chatbotkit.com/static",
        ),
        (
            "https://api.chatbotkit.com",
            {"/api/v1" + FETCH: "/api/v2/{conversationId}"},
            FETCH,
            {"conversationId": "cnv_1"},
            "https://api.chatbotkit.com/v2/cnv_1",
        ),
        (
            "https://api.chatbotkit.com",
            {"/api/v1" + FETCH: "https://proxy.example/x/{conversationId}"},
            FETCH,
            {"conversationId": "a/b"},
            "https://proxy.example/x/a%2Fb",
        ),
        (
            "http://localhost:8765",
            {"/api/v1" + MESSAGE_FETCH: "/m/{messageId}/of/{conversationId}"},
            MESSAGE_FETCH,
            {"conversationId": "cnv_1", "messageId": "msg 1"},
            "http://localhost:8765/m/msg%201/of/cnv_1",
        ),
    ],
    ids=["official-0", "official-2", "local-1", "override-0", "override-api", "absolute", "override-2"],
)
def test_url_examples(
    base_url: str, endpoints: dict[str, str], template: str, params: dict[str, str], expected: str
) -> None:
    options = ClientOptions.create(secret="sk", base_url=base_url, endpoints=endpoints)
    assert options.url(template, params) == expected
    assert reference_url(base_url, endpoints, template, params) == expected


@pytest.mark.parametrize(
    ("template", "override", "unknown"),
    [
        (FETCH, "/c/{convId}", "convId"),
        (MESSAGE_FETCH, "/m/{conversationId}/{message_id}", "message_id"),
        (LIST, "https://proxy.example/{conversationId}", "conversationId"),
    ],
)
def test_an_override_naming_an_unknown_placeholder_is_a_value_error(
    template: str, override: str, unknown: str
) -> None:
    key = "/api/v1" + template
    options = ClientOptions.create(secret="sk", base_url="http://localhost:8765", endpoints={key: override})
    params = dict.fromkeys(re.findall(r"{([^{}]+)}", template), "x")
    with pytest.raises(ValueError, match=re.escape(f"{{{unknown}}}")) as raised:
        options.url(template, params)
    assert key in str(raised.value)


def test_a_bad_id_through_url_names_its_field() -> None:
    options = ClientOptions.create(secret="sk", base_url="http://localhost:8765")
    with pytest.raises(TypeError, match="messageId"):
        options.url(MESSAGE_FETCH, {"conversationId": "cnv_1", "messageId": 7})
    with pytest.raises(ValueError, match="conversationId"):
        options.url(MESSAGE_FETCH, {"conversationId": "", "messageId": "msg_1"})


def test_parsed_urls_are_reused_but_the_cache_stays_bounded() -> None:
    client = ConversationClient(secret=SECRET, base_url="http://api.test")
    first = client._runner.build(call_of(client, "fetch", "cnv_same"))
    again = client._runner.build(call_of(client, "fetch", "cnv_same"))
    assert str(first.url) == str(again.url) == "http://api.test/api/v1/conversation/cnv_same/fetch"
    assert _resource._urls[str(first.url)] == first.url

    for index in range(3 * _resource._URLS_KEPT):
        request = client._runner.build(call_of(client, "fetch", f"cnv_{index}"))
        assert str(request.url) == f"http://api.test/api/v1/conversation/cnv_{index}/fetch"
        assert len(_resource._urls) <= _resource._URLS_KEPT


def test_a_request_gets_its_own_timeout_dict() -> None:
    client = ConversationClient(secret=SECRET, base_url="http://api.test")
    call = call_of(client, "fetch", "cnv_1", timeout=7.0)
    first = client._runner.build(call)
    first.extensions["timeout"]["read"] = 1.0  # a transport changing what it was given
    second = client._runner.build(call)
    assert second.extensions["timeout"] == {"connect": 5.0, "read": 7.0, "write": 7.0, "pool": 7.0}
