"""``FakeChatBotKit``: an in-memory ChatBotKit conversation API, for tests and demos.

This module is the fake's whole behaviour, with no I/O: a request goes in as a
``FakeRequest`` and a ``FakeResponse`` comes out. Routes come from the generated
``OPERATIONS`` tables (the spec's paths), request bodies are checked against the
spec's models, answers are built from them. ``_transport.py`` (httpx, in process)
and ``_server.py`` (HTTP/1.1 on loopback) only carry bytes, and apply the faults
that need a wire: stalls, dropped connections, cut streams.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import itertools
import json
import math
import re
import secrets
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import AbstractContextManager
from typing import Any, cast
from urllib.parse import parse_qsl, unquote, urlsplit

import attrs
import httpx
from chatbotkit_api.operations import MODELS, OPERATIONS
from dateutil import parser as date_parser

from .._exceptions import status_error_class
from .._validate import Invalid, check_model
from . import _bot, _newer
from ._server import serve
from ._transport import FakeTransport
from ._wire import DROP, PAUSE, FakeRequest, FakeResponse, Fault, RecordedRequest

__all__ = ["DROP", "Fault", "FakeChatBotKit", "FakeRequest", "FakeResponse", "RecordedRequest"]

JSONL = "application/jsonl"
#: What a conversation session token may do (see the session/create description).
SESSION_OPERATIONS = {
    "send_conversation_message",
    "receive_conversation_message",
    "create_conversation_message",
}
MAX_SESSION_SECONDS = 365 * 24 * 3600


class _ApiError(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def _bad(message: str) -> _ApiError:
    return _ApiError(400, "BAD_REQUEST", message)


def _not_found(what: str, ident: str) -> _ApiError:
    return _ApiError(404, "NOT_FOUND", f"{what} {ident!r} was not found")


@attrs.frozen
class _Route:
    name: str
    method: str
    pattern: re.Pattern[str]
    #: the request body's model name, if the operation takes a body
    body_model: str | None
    #: whether the operation may answer in JSON Lines
    streams: bool


def _routes() -> list[_Route]:
    """One route per operation of the generated description of the spec."""
    routes: list[_Route] = []
    for name, op in OPERATIONS.items():
        regex = re.sub(r"\\{([^{}]+)\\}", r"(?P<\1>[^/]+)", re.escape(op.path))
        routes.append(_Route(name, op.method, re.compile(f"^{regex}$"), op.body, op.streams))
    return routes


class FakeChatBotKit:
    """A stateful fake of the 29 conversation operations, faithful where tests look.

    - Requires ``Authorization: Bearer <token>``: ``secret`` if given, else any token;
      conversation session tokens work for send, receive and message create.
    - 404 for unknown ids, 400 naming the field for a body that breaks the spec.
    - Serves ``/v1/...`` and ``/api/v1/...``; pages by ``cursor``/``take``/``order``.
    - Its bot answers deterministically (see ``_bot.py``) and streams as the API does.
    - ``fail()``, ``stall()``, ``drop()``, ``cut_stream()``, ``malformed_line()`` inject
      faults into the next matching requests.

    Use it in process with ``transport()`` (an httpx transport for ``http_client=``), or
    over real HTTP with ``serve()`` / ``python -m chatbotkit_sdk.testing``.

    ``newer_api=True`` answers as tomorrow's API might, after an additive change, so
    that an application can check it still works (see ``_newer.py``; the same on every run):

    - every object of every answer, error and stream event that the spec models with
      fields (at any depth: pages' items, ``usage``, ``end``, each event and its
      ``data``) has one more property, ``"revisionInfo": {"revision": 2, "labels":
      ["preview"]}``; free-form maps such as ``meta`` are left as they were;
    - every JSON Lines stream has one more event, of a type no stream of the spec
      lists: ``{"type": "progress", "data": {...}}``, before the ``result`` event (in a
      completion, among the tokens), neither first nor last;
    - each bot turn also adds a message of a type the spec's open enum does not list,
      ``"annotation"``: stored just before the bot's reply (message list and fetch see
      it, usage counts it) and streamed as a ``message`` event just before the reply's;
      the reply, its id, the usage and the ``result`` are what they would have been.
    """

    def __init__(
        self, *, secret: str | None = None, token_delay: float = 0.0, newer_api: bool = False
    ) -> None:
        self.secret = secret
        #: Seconds between streamed tokens (0: as fast as possible).
        self.token_delay = token_delay
        #: Answer as a newer API would: unknown properties, event types and message types.
        self.newer_api = newer_api
        self.requests: list[RecordedRequest] = []
        self.faults: list[Fault] = []
        self._routes = _routes()
        self._lock = threading.RLock()
        self._ids = itertools.count(1)
        self._last_ms = 0
        self._signing_key = secrets.token_bytes(16)
        self.conversations: dict[str, dict[str, Any]] = {}
        self.messages: dict[str, list[dict[str, Any]]] = {}
        self.sessions: dict[str, dict[str, Any]] = {}
        self.attachments: dict[str, list[dict[str, Any]]] = {}
        self.uploads: dict[str, bytes] = {}
        self.contacts: dict[str, dict[str, Any]] = {}
        self.usage_log: list[dict[str, Any]] = []

    # --- fault injection ---------------------------------------------------------

    def fail(
        self, status: int = 503, *, times: int = 1, path: str | None = None, retry_after: str | None = None
    ) -> None:
        """The next ``times`` matching requests answer ``status`` (with ``Retry-After``)."""
        self.faults.append(Fault("status", times, path, status=status, retry_after=retry_after))

    def stall(self, seconds: float, *, times: int = 1, path: str | None = None) -> None:
        """The next matching requests wait ``seconds`` before answering."""
        self.faults.append(Fault("stall", times, path, seconds=seconds))

    def drop(self, *, times: int = 1, path: str | None = None) -> None:
        """The next matching requests lose their connection before any answer."""
        self.faults.append(Fault("drop", times, path))

    def cut_stream(self, after_events: int, *, times: int = 1, path: str | None = None) -> None:
        """The next matching answers lose their connection after ``after_events`` lines."""
        self.faults.append(Fault("cut", times, path, after_events=after_events))

    def malformed_line(self, after_events: int = 0, *, times: int = 1, path: str | None = None) -> None:
        """The next matching streams send a line that is not JSON after ``after_events`` lines."""
        self.faults.append(Fault("malformed", times, path, after_events=after_events))

    # --- ways to reach it ------------------------------------------------------------

    def transport(self) -> FakeTransport:
        """An httpx transport (sync and async) that answers from this fake, in process."""
        return FakeTransport(self)

    def http_client(self) -> httpx.Client:
        """An ``httpx.Client`` wired to this fake, for ``ConversationClient(http_client=...)``."""
        return httpx.Client(transport=self.transport(), base_url="http://fake.chatbotkit.test")

    def async_http_client(self) -> httpx.AsyncClient:
        """An ``httpx.AsyncClient`` wired to this fake, for ``AsyncConversationClient``."""
        return httpx.AsyncClient(transport=self.transport(), base_url="http://fake.chatbotkit.test")

    def serve(self, host: str = "127.0.0.1", port: int = 0) -> AbstractContextManager[str]:
        """Serve over HTTP/1.1 on loopback in a thread: ``with fake.serve() as base_url:``."""
        return serve(self, host, port)

    def _take_fault(self, path: str, streaming: bool) -> Fault | None:
        for fault in self.faults:
            # A malformed line needs a stream to be put in; plain answers leave it waiting.
            if fault.matches(path) and (streaming or fault.kind != "malformed"):
                fault.times -= 1
                return fault
        return None

    # --- the one entry point -------------------------------------------------------

    def handle(self, request: FakeRequest) -> FakeResponse:
        """Answer one request. Thread-safe; does no I/O."""
        parts = urlsplit(request.url)
        path = parts.path
        with self._lock:
            route, params = self._route(request.method, path)
            self.requests.append(
                RecordedRequest(
                    request.method, path, route.name if route else None, request.headers, request.body
                )
            )
            if path.startswith("/_fake/uploads/"):
                return self._respond(self._upload_bytes(request, path, dict(parse_qsl(parts.query))))
            streaming = route is not None and route.streams
            fault = self._take_fault(path, streaming and JSONL in request.headers.get("accept", ""))
            if fault is not None and fault.kind == "status":
                headers = {"Retry-After": fault.retry_after} if fault.retry_after is not None else {}
                failure = {"message": "Injected failure", "code": _code(fault.status)}
                return _json(fault.status, self._error(failure), headers)
            try:
                if route is None:
                    raise self._no_route(request.method, path)
                self._authorize(request, route, params)
                result = self._dispatch(route, params, request, parts.query)
            except _ApiError as error:
                response = _json(error.status, self._error({"message": error.message, "code": error.code}))
            else:
                response = self._respond(result, request, route.name)
        return _apply(fault, response)

    def _route(self, method: str, path: str) -> tuple[_Route | None, dict[str, str]]:
        for prefix in ("/api/v1", "/v1"):
            if path.startswith(prefix + "/"):
                api_path = path[len(prefix) :]
                for route in self._routes:
                    match = route.pattern.match(api_path)
                    if match and route.method == method.upper():
                        return route, {k: unquote(v) for k, v in match.groupdict().items()}
        return None, {}

    def _no_route(self, method: str, path: str) -> _ApiError:
        for other in ("GET", "POST"):
            if other != method.upper() and self._route(other, path)[0] is not None:
                return _ApiError(405, "METHOD_NOT_ALLOWED", f"{path} takes {other}, not {method}")
        return _ApiError(404, "NOT_FOUND", f"no route for {method} {path}")

    def _authorize(self, request: FakeRequest, route: _Route, params: Mapping[str, str]) -> None:
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not token:
            raise _ApiError(401, "NOT_AUTHENTICATED", "Authorization: Bearer <secret> is required")
        session = self.sessions.get(token)
        if session is not None:
            if session["expiresAt"] < _now_ms():
                raise _ApiError(401, "NOT_AUTHENTICATED", "the session token has expired")
            if (
                route.name not in SESSION_OPERATIONS
                or params.get("conversationId") != session["conversationId"]
            ):
                raise _ApiError(403, "NOT_AUTHORIZED", "a session token may not do this")
            return
        if self.secret is not None and not hmac.compare_digest(token.encode(), self.secret.encode()):
            raise _ApiError(401, "NOT_AUTHENTICATED", "the secret is not valid")

    def _dispatch(self, route: _Route, params: dict[str, str], request: FakeRequest, query: str) -> Any:
        body: dict[str, Any] = {}
        if route.body_model is not None:
            body = _json_body(request.body)
            try:
                # The API's own view of a request: typed strictly, unknown properties let
                # through (they are how extra_body reaches a newer API); a newer API also
                # takes the enum values it sends itself, such as its new message type.
                check_model(
                    route.body_model, body, strict=True, unknown_keys=True, unknown_values=self.newer_api
                )
            except Invalid as exc:
                raise _bad(f"{exc.path}: {exc.problem}" if exc.path else exc.problem) from None
        handler: Callable[..., Any] = getattr(self, f"_{route.name}")
        op = OPERATIONS[route.name]
        args: dict[str, Any] = {p.attribute: params[p.name] for p in op.path_params}
        if route.body_model is not None:
            args["body"] = body
        names = {p.name for p in op.query}
        if "cursor" in names:  # a page: cursor, take and maybe order
            args["query"] = _page_query(query, ordered="order" in names)
        elif names:
            args["query"] = dict(parse_qsl(query))
        if route.name == "upload_conversation_attachment":
            args["base"] = _origin(request.url)
        return handler(**args)

    def _respond(
        self, result: Any, request: FakeRequest | None = None, name: str | None = None
    ) -> FakeResponse:
        wants_lines = request is not None and JSONL in request.headers.get("accept", "")
        if isinstance(result, _Stream):
            if wants_lines and name is not None and OPERATIONS[name].streams:
                events = _newer.events(name, result.events) if self.newer_api else result.events
                return FakeResponse(200, {"Content-Type": JSONL}, lines=self._lines(events))
            result = result.final
        if self.newer_api and name is not None:
            result = _newer.answer(OPERATIONS[name].result, result)
        return _json(200, result)

    def _error(self, body: dict[str, Any]) -> dict[str, Any]:
        return _newer.answer(_newer.ERROR_MODEL, body) if self.newer_api else body

    def _lines(self, events: list[dict[str, Any]]) -> Iterator[bytes]:
        for index, event in enumerate(events):
            if index and self.token_delay and event["type"] == "token":
                yield PAUSE  # the shell sleeps token_delay: a thread blocks, a task awaits
            yield json.dumps(event, ensure_ascii=False).encode() + b"\n"

    # --- helpers over state --------------------------------------------------------

    def _new_id(self, prefix: str) -> str:
        return f"{prefix}_{next(self._ids):06d}{secrets.token_hex(3)}"

    def _stamp(self) -> int:
        self._last_ms = max(_now_ms(), self._last_ms + 1)  # strictly increasing: stable order
        return self._last_ms

    def _conversation(self, conversation_id: str) -> dict[str, Any]:
        found = self.conversations.get(conversation_id)
        if found is None:
            raise _not_found("conversation", conversation_id)
        return found

    def _message(self, conversation_id: str, message_id: str) -> dict[str, Any]:
        self._conversation(conversation_id)
        for message in self.messages[conversation_id]:
            if message["id"] == message_id:
                return message
        raise _not_found("message", message_id)

    def _add_message(self, conversation_id: str, kind: str, text: str, **extra: Any) -> dict[str, Any]:
        now = self._stamp()
        message = {"id": self._new_id("msg"), "createdAt": now, "updatedAt": now, "type": kind, "text": text}
        message.update({k: v for k, v in extra.items() if v is not None})
        self.messages[conversation_id].append(message)
        self._conversation(conversation_id)["updatedAt"] = now
        return message

    def _add_reply(self, conversation_id: str, text: str) -> dict[str, Any]:
        """Store the bot's reply (after the newer API's annotation, if that is on)."""
        if self.newer_api:
            note = _newer.annotation()
            self._add_message(conversation_id, note["type"], note["text"])
        return self._add_message(conversation_id, "bot", text)

    def _bot_turn(
        self, history: list[tuple[str, str]], config: Mapping[str, Any], conversation_id: str | None
    ) -> tuple[str, dict[str, Any], list[dict[str, Any]]]:
        """The bot's reply, its usage, and the completion events before the result."""
        if self.newer_api:  # the newer API's annotations are not part of the prompt
            history = [(kind, text) for kind, text in history if _newer.is_known_message(kind)]
        text = _bot.reply(history, config.get("backstory"))
        prompt_tokens = sum(_bot.count_tokens(t) for _, t in history)
        output_tokens = _bot.count_tokens(text)
        usage = {"token": prompt_tokens + output_tokens}
        self.usage_log.append({"conversationId": conversation_id, "at": _now_ms(), "tokens": usage["token"]})
        events: list[dict[str, Any]] = [{"type": "completeBegin", "data": {}}]
        events += [{"type": "token", "data": {"token": t}} for t in _bot.tokens(text)]
        events += [
            {"type": "completeEnd", "data": {}},
            {
                "type": "usage",
                "data": {
                    "model": str(config.get("model") or "fake-model"),
                    "inputTokensUsed": prompt_tokens,
                    "outputTokensUsed": output_tokens,
                },
            },
        ]
        if self.newer_api:
            events.append({"type": "message", "data": _newer.annotation()})
        events.append({"type": "message", "data": {"type": "bot", "text": text}})
        return text, usage, events

    # --- conversations ---------------------------------------------------------------

    def _list_conversations(self, query: Mapping[str, Any]) -> _Stream:
        items = [self._listed(c) for c in self.conversations.values() if _meta_matches(c, query["meta"])]
        return _paged(items, query)

    def _export_conversations(self, query: Mapping[str, Any]) -> _Stream:
        return self._list_conversations(query)

    def _listed(self, conversation: Mapping[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in conversation.items() if not k.startswith("_")}

    def _fetch_conversation(self, conversation_id: str) -> dict[str, Any]:
        listed = self._listed(self._conversation(conversation_id))
        listed.pop("spaceId", None)  # fetch's answer has no spaceId in the spec
        return listed

    def _create_conversation(self, body: dict[str, Any]) -> dict[str, Any]:
        now = self._stamp()
        conversation_id = self._new_id("cnv")
        record = {"id": conversation_id, "createdAt": now, "updatedAt": now}
        record.update(_stored(body, "ConversationCreateRequest", "ListedConversation"))
        self.conversations[conversation_id] = record
        self.messages[conversation_id] = []
        self.attachments[conversation_id] = []
        seeded = [{"type": m["type"], "text": m["text"]} for m in body.get("messages", [])]
        for message in seeded:
            self._add_message(conversation_id, message["type"], message["text"])
        answer: dict[str, Any] = {"id": conversation_id}
        if seeded:
            answer["messages"] = seeded
        return answer

    def _update_conversation(self, conversation_id: str, body: dict[str, Any]) -> dict[str, Any]:
        record = self._conversation(conversation_id)
        record.update(_stored(body, "ConversationUpdateRequest", "ListedConversation"))
        record["updatedAt"] = self._stamp()
        return {"id": conversation_id}

    def _delete_conversation(self, conversation_id: str, body: dict[str, Any]) -> dict[str, Any]:
        self._conversation(conversation_id)
        del self.conversations[conversation_id]
        self.messages.pop(conversation_id, None)
        self.attachments.pop(conversation_id, None)
        return {"id": conversation_id}

    def _vote(self, record: dict[str, Any], body: Mapping[str, Any], up: bool) -> None:
        value = body.get("value", 100 if up else -100)
        if (
            isinstance(value, bool)
            or not isinstance(value, int)
            or not (1 <= value <= 100 if up else -100 <= value <= -1)
        ):
            raise _bad(f"value: must be {'1..100' if up else '-100..-1'}, got {value!r}")
        record["_vote"] = {"value": value, "reason": body.get("reason")}

    def _upvote_conversation(self, conversation_id: str, body: dict[str, Any]) -> dict[str, Any]:
        self._vote(self._conversation(conversation_id), body, up=True)
        return {"id": conversation_id}

    def _downvote_conversation(self, conversation_id: str, body: dict[str, Any]) -> dict[str, Any]:
        self._vote(self._conversation(conversation_id), body, up=False)
        return {"id": conversation_id}

    def _complete_conversation(self, body: dict[str, Any]) -> _Stream:
        history = [(m["type"], m["text"]) for m in body["messages"]]
        text, usage, events = self._bot_turn(history, body, None)
        final = {"text": text, "usage": usage, "end": {"reason": "stop"}}
        return _Stream([*events, {"type": "result", "data": final}], final)

    def _complete_conversation_message(self, conversation_id: str, body: dict[str, Any]) -> _Stream:
        record = self._conversation(conversation_id)
        if body.get("text"):
            self._add_message(conversation_id, "user", body["text"])
        history = [(m["type"], m["text"]) for m in self.messages[conversation_id]]
        text, usage, events = self._bot_turn(history, record, conversation_id)
        reply = self._add_reply(conversation_id, text)
        final = {"id": reply["id"], "text": text, "usage": usage, "end": {"reason": "stop"}}
        return _Stream([*events, {"type": "result", "data": final}], final)

    def _send_conversation_message(self, conversation_id: str, body: dict[str, Any]) -> _Stream:
        self._conversation(conversation_id)
        found = body.get("entities") or _bot.entities(body["text"])
        message = self._add_message(conversation_id, "user", body["text"])
        final = {"id": message["id"], "entities": found}
        events = [{"type": "message", "data": {"type": "user", "text": body["text"]}}]
        return _Stream([*events, {"type": "result", "data": final}], final)

    def _receive_conversation_message(self, conversation_id: str, body: dict[str, Any]) -> _Stream:
        record = self._conversation(conversation_id)
        history = [(m["type"], m["text"]) for m in self.messages[conversation_id]]
        text, usage, events = self._bot_turn(history, record, conversation_id)
        reply = self._add_reply(conversation_id, text)
        final = {"id": reply["id"], "text": text, "usage": usage}
        return _Stream([*events, {"type": "result", "data": final}], final)

    def _dispatch_conversation(self, body: dict[str, Any]) -> dict[str, Any]:
        return {"channelId": self._channel(body)}

    def _dispatch_stateful_conversation(self, conversation_id: str, body: dict[str, Any]) -> dict[str, Any]:
        self._conversation(conversation_id)
        return {"channelId": self._channel(body)}

    def _channel(self, body: Mapping[str, Any]) -> str:
        channel = body.get("channelId")
        if channel is not None and len(channel) < 24:
            raise _bad("channelId: must be at least 24 characters")
        return str(channel or f"ch_{secrets.token_hex(12)}")

    def _compact_conversation_stateless(self, body: dict[str, Any]) -> dict[str, Any]:
        text = _summary([m["text"] for m in body["messages"]])
        return {"text": text, "usage": {"token": _bot.count_tokens(text) if text else 0}}

    def _compact_conversation(self, conversation_id: str) -> dict[str, Any]:
        self._conversation(conversation_id)
        texts = [m["text"] for m in self.messages[conversation_id]]
        if not texts:
            return {"id": conversation_id, "text": "", "usage": {"token": 0}}
        text = _summary(texts)
        self.messages[conversation_id].clear()
        checkpoint = self._add_message(conversation_id, "checkpoint", text)
        return {"id": checkpoint["id"], "text": text, "usage": {"token": _bot.count_tokens(text)}}

    def _fetch_conversation_usage(self, conversation_id: str, query: Mapping[str, str]) -> dict[str, Any]:
        self._conversation(conversation_id)
        start, end = _when(query, "from"), _when(query, "to")
        tokens = sum(
            u["tokens"]
            for u in self.usage_log
            if u["conversationId"] == conversation_id and start <= u["at"] <= end
        )
        messages = sum(1 for m in self.messages[conversation_id] if start <= m["createdAt"] <= end)
        return {"tokens": tokens, "messages": messages}

    # --- messages ----------------------------------------------------------------------

    def _list_conversation_messages(self, conversation_id: str, query: Mapping[str, Any]) -> _Stream:
        self._conversation(conversation_id)
        return _paged(list(self.messages[conversation_id]), query)

    def _fetch_conversation_message(self, conversation_id: str, message_id: str) -> dict[str, Any]:
        return dict(self._message(conversation_id, message_id))

    def _create_conversation_message(self, conversation_id: str, body: dict[str, Any]) -> dict[str, Any]:
        self._conversation(conversation_id)
        extra = _stored(body, "MessageCreateRequest", "ConversationMessage")
        extra = {k: v for k, v in extra.items() if k not in ("type", "text")}
        message = self._add_message(conversation_id, body["type"], body["text"], **extra)
        return {"id": message["id"], "entities": body.get("entities") or _bot.entities(body["text"])}

    def _update_conversation_message(
        self, conversation_id: str, message_id: str, body: dict[str, Any]
    ) -> dict[str, Any]:
        message = self._message(conversation_id, message_id)
        message.update(_stored(body, "MessageUpdateRequest", "ConversationMessage"))
        message["updatedAt"] = self._stamp()
        return {"id": message_id}

    def _delete_conversation_message(
        self, conversation_id: str, message_id: str, body: dict[str, Any]
    ) -> dict[str, Any]:
        message = self._message(conversation_id, message_id)
        self.messages[conversation_id].remove(message)
        return {"id": message_id}

    def _upvote_conversation_message(
        self, conversation_id: str, message_id: str, body: dict[str, Any]
    ) -> dict[str, Any]:
        self._vote(self._message(conversation_id, message_id), body, up=True)
        return {"id": message_id}

    def _downvote_conversation_message(
        self, conversation_id: str, message_id: str, body: dict[str, Any]
    ) -> dict[str, Any]:
        self._vote(self._message(conversation_id, message_id), body, up=False)
        return {"id": message_id}

    def _synthesize_conversation_message(
        self, conversation_id: str, message_id: str, body: dict[str, Any]
    ) -> dict[str, Any]:
        self._message(conversation_id, message_id)
        return {"id": message_id}

    # --- sessions, attachments, contacts -------------------------------------------------

    def _create_conversation_session(self, conversation_id: str, body: dict[str, Any]) -> dict[str, Any]:
        self._conversation(conversation_id)
        seconds = body.get("durationInSeconds", 3600)
        if not math.isfinite(seconds) or not 0 < seconds <= MAX_SESSION_SECONDS:
            raise _bad(f"durationInSeconds: must be between 0 and {MAX_SESSION_SECONDS}, got {seconds!r}")
        token = f"ses_{secrets.token_urlsafe(24)}"
        expires = _now_ms() + int(seconds * 1000)
        session = {"id": self._new_id("ses"), "token": token, "expiresAt": expires}
        self.sessions[token] = {**session, "conversationId": conversation_id}
        return session

    def _list_conversation_attachments(self, conversation_id: str, query: Mapping[str, Any]) -> _Stream:
        self._conversation(conversation_id)
        return _paged([self._listed(a) for a in self.attachments[conversation_id]], query)

    def _upload_conversation_attachment(
        self, conversation_id: str, body: dict[str, Any], base: str
    ) -> dict[str, Any]:
        self._conversation(conversation_id)
        now = self._stamp()
        attachment: dict[str, Any] = {"id": self._new_id("att"), "createdAt": now, "updatedAt": now}
        file = body["file"]
        if isinstance(file, str):
            if not file.startswith(("http:", "https:", "data:")):
                raise _bad("file: expected an http:, https: or data: URL")
            attachment["name"] = file.rsplit("/", 1)[-1][:100] if file.startswith("http") else "data"
            self.attachments[conversation_id].append(attachment)
            return {"id": attachment["id"], "name": attachment["name"]}
        attachment.update(name=file.get("name") or attachment["id"], type=file["type"], size=file["size"])
        attachment["_pending"] = True
        self.attachments[conversation_id].append(attachment)
        signature = self._sign(attachment["id"])
        url = f"{base}/_fake/uploads/{attachment['id']}?signature={signature}"
        upload = {"method": "PUT", "url": url, "headers": {"Content-Type": file["type"]}}
        return {"id": attachment["id"], "name": attachment["name"], "uploadRequest": upload}

    def _sign(self, attachment_id: str) -> str:
        digest = hmac.new(self._signing_key, attachment_id.encode(), hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest[:18]).decode()

    def _upload_bytes(self, request: FakeRequest, path: str, query: Mapping[str, str]) -> Any:
        attachment_id = path.rsplit("/", 1)[-1]
        if request.method != "PUT":
            return _Plain(405, "MethodNotAllowed", "presigned uploads take PUT")
        if "authorization" in request.headers:  # as S3 does for a presigned URL
            return _Plain(400, "InvalidArgument", "a presigned URL must not carry an Authorization header")
        if not hmac.compare_digest(query.get("signature", "").encode(), self._sign(attachment_id).encode()):
            return _Plain(403, "SignatureDoesNotMatch", "the signature is not valid")
        for attachments in self.attachments.values():
            for attachment in attachments:
                if attachment["id"] == attachment_id:
                    if len(request.body) != attachment.get("size", len(request.body)):
                        return _Plain(400, "IncompleteBody", "the body does not have the declared size")
                    attachment.pop("_pending", None)
                    self.uploads[attachment_id] = request.body
                    return _Plain(200, "OK", "")
        return _Plain(404, "NoSuchUpload", "no such upload")

    def _upsert_conversation_contact(self, conversation_id: str, body: dict[str, Any]) -> dict[str, Any]:
        record = self._conversation(conversation_id)
        key = body.get("fingerprint") or body.get("email") or body.get("phone") or conversation_id
        contact = self.contacts.setdefault(str(key), {"id": self._new_id("con")})
        contact.update(body)
        record["contactId"] = contact["id"]
        return {"id": contact["id"]}


# --- module helpers (pure) -------------------------------------------------------------


@attrs.frozen
class _Stream:
    """An answer that can be sent as JSON (``final``) or as JSON Lines (``events``)."""

    events: list[dict[str, Any]]
    final: Any


@attrs.frozen
class _Plain:
    status: int
    code: str
    message: str


def _stored(body: Mapping[str, Any], request: str, record: str) -> dict[str, Any]:
    """The fields of ``body`` that the record keeps: those both models of the spec declare."""
    keep = MODELS[request].fields.keys() & MODELS[record].fields.keys()
    return {k: v for k, v in body.items() if k in keep}


def _json(status: int, payload: Any, headers: Mapping[str, str] | None = None) -> FakeResponse:
    if isinstance(payload, _Plain):
        body = b"" if payload.status == 200 else json.dumps({"message": payload.message}).encode()
        return FakeResponse(payload.status, {"Content-Type": "application/json"}, body)
    body = json.dumps(payload, ensure_ascii=False).encode()
    return FakeResponse(status, {"Content-Type": "application/json", **(headers or {})}, body)


def _apply(fault: Fault | None, response: FakeResponse) -> FakeResponse:
    if fault is None or fault.kind == "status":
        return response
    if fault.kind == "stall":
        response.stall = fault.seconds
    elif fault.kind == "drop":
        response.drop = True
    elif response.lines is not None:
        response.lines = _faulty(response.lines, fault)
    elif fault.kind == "cut":  # a plain body cut short: half of it, then the drop
        response.lines = iter([response.body[: len(response.body) // 2], DROP])
    return response


def _faulty(lines: Iterator[bytes], fault: Fault) -> Iterator[bytes]:
    for index, line in enumerate(lines):
        if index == fault.after_events:
            if fault.kind == "cut":
                yield DROP
                return
            yield b"this line is not JSON {\n"
        yield line


def _code(status: int) -> str:
    return status_error_class(status)[1]


def _now_ms() -> int:
    return int(time.time() * 1000)


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _json_body(raw: bytes) -> dict[str, Any]:
    if not raw.strip():
        raise _bad("the request body must be a JSON object")
    try:
        body = json.loads(raw)
    except ValueError:
        raise _bad("the request body is not JSON") from None
    if not isinstance(body, dict):
        raise _bad("the request body must be a JSON object")
    return cast("dict[str, Any]", body)


def _page_query(raw: str, *, ordered: bool) -> dict[str, Any]:
    pairs = parse_qsl(raw, keep_blank_values=True)
    query: dict[str, Any] = {"cursor": None, "take": 25, "order": "desc", "meta": {}}
    for key, value in pairs:
        if key == "cursor":
            query["cursor"] = value or None
        elif key == "take":
            if not re.fullmatch(r"-?\d+", value):
                raise _bad(f"take: expected an integer, got {value!r}")
            query["take"] = min(max(int(value), 1), 100)
        elif key == "order" and ordered:
            if value not in ("asc", "desc"):
                raise _bad(f"order: expected 'asc' or 'desc', got {value!r}")
            query["order"] = value
        elif key.startswith("meta[") and key.endswith("]"):
            query["meta"][key[5:-1]] = value
    return query


def _paged(items: list[dict[str, Any]], query: Mapping[str, Any]) -> _Stream:
    ordered = sorted(
        items, key=lambda item: (item["createdAt"], item["id"]), reverse=query["order"] == "desc"
    )
    start = 0
    if query["cursor"] is not None:
        ids = [item["id"] for item in ordered]
        if query["cursor"] not in ids:
            raise _bad(f"cursor: unknown cursor {query['cursor']!r}")
        start = ids.index(query["cursor"]) + 1
    page = ordered[start : start + query["take"]]
    cursor = page[-1]["id"] if page else ""
    events = [{"type": "item", "data": item} for item in page]
    return _Stream(events, {"items": page, "cursor": cursor})


def _meta_matches(record: Mapping[str, Any], wanted: Mapping[str, str]) -> bool:
    meta: Mapping[str, Any] = record.get("meta") or {}
    return all(key in meta and str(meta[key]) == value for key, value in wanted.items())


def _when(query: Mapping[str, str], key: str) -> int:
    raw = query.get(key)
    if raw is None:
        return 0 if key == "from" else 2**63
    try:
        when = date_parser.isoparse(raw)
    except ValueError:
        raise _bad(f"{key}: {raw!r} is not an ISO 8601 date-time") from None
    try:
        return int(when.timestamp() * 1000)
    except (OverflowError, OSError, ValueError):
        raise _bad(f"{key}: {raw!r} is out of the supported range") from None


def _summary(texts: list[str]) -> str:
    if not texts:
        return ""
    first = texts[0] if len(texts[0]) < 80 else texts[0][:77] + "..."
    return f"Summary of {len(texts)} message{'s' if len(texts) != 1 else ''}, starting: {first}"
