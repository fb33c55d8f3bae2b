"""``FakeChatBotKit``: an in-memory ChatBotKit conversation API, for tests and demos.

This module is the fake's whole behaviour, with no I/O: a request goes in as a
``FakeRequest`` and a ``FakeResponse`` comes out. Routes come from the generated
``OPERATIONS`` tables (the spec's paths), request bodies and queries are checked
against the spec (``_validate``'s server modes: constraints too), answers are built
from its models. ``_transport.py`` (httpx, in process)
and ``_server.py`` (HTTP/1.1 on loopback) only carry bytes, and apply the faults
that need a wire: stalls, dropped connections, cut streams.
"""

from __future__ import annotations

import base64
import copy
import difflib
import hashlib
import hmac
import itertools
import json
import math
import random
import re
import secrets
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from typing import Any, TypeAlias, TypeGuard, cast
from urllib.parse import SplitResult, parse_qsl, unquote, urlsplit

import attrs
import httpx
from chatbotkit_api.operations import MODELS, OPERATIONS
from dateutil import parser as date_parser

from .._exceptions import status_error_class
from .._validate import Invalid, check_model, request_mode, served_query
from . import _bot, _control, _newer
from ._server import serve
from ._transport import FakeTransport
from ._wire import DROP, PAUSE, REDACTED, FakeRequest, FakeResponse, Fault, RecordedRequest

__all__ = ["DROP", "Bot", "Fault", "FakeChatBotKit", "FakeRequest", "FakeResponse", "RecordedRequest"]

JSONL = "application/jsonl"
#: What a conversation session token may do (see the session/create description).
SESSION_OPERATIONS = {
    "send_conversation_message",
    "receive_conversation_message",
    "create_conversation_message",
}
MAX_SESSION_SECONDS = 365 * 24 * 3600
#: The operations whose answer is a bot turn, which ``reply()`` and ``bot=`` script. (``send``
#: only stores the user's message; ``dispatch`` only names a channel; ``synthesize`` only
#: acknowledges: none of them produces a reply here.)
BOT_TURNS = ("complete_conversation", "complete_conversation_message", "receive_conversation_message")
#: Every event type the stream of a bot turn may carry, from the spec.
TURN_EVENTS: frozenset[str] = frozenset(kind for name in BOT_TURNS for kind in OPERATIONS[name].events or {})
#: Why a completion may stop: the values of the spec's ``CompleteReason``.
END_REASONS: tuple[str, ...] = MODELS["CompleteEnd"].fields["reason"].schema.values
#: The status of a bot turn that a scripted ``error`` fails, when it is not streamed.
TURN_ERROR_STATUS = 500
#: The fields of a scripted reply: ``reply()``'s arguments and a ``bot``'s mapping keys.
REPLY_FIELDS = ("text", "reasoning", "usage", "end_reason", "error", "events")
Bot: TypeAlias = Callable[[list[dict[str, str]], dict[str, Any]], str | Mapping[str, Any]]
"""A custom bot, ``FakeChatBotKit(bot=...)``: it gets the conversation's messages as
``{"type", "text"}`` dicts, oldest first, and the request body; it returns the reply's
text, or a mapping of ``reply()``'s fields."""
#: The fields a seeded conversation or message may be given (the API's camelCase names).
CONVERSATION_FIELDS = frozenset(MODELS["ListedConversation"].fields) - {"id", "createdAt"}
MESSAGE_FIELDS = frozenset(MODELS["ConversationMessage"].fields)
#: A page's size when the request gives no ``take``, and the range a ``take`` is clamped to.
#: The spec says only that ``take`` is an integer; these are the fake's own (as the API's).
DEFAULT_TAKE = 25
TAKE_RANGE = (1, 100)
#: The path templates of the spec, for faults' ``path=``.
PATH_TEMPLATES = frozenset(op.path for op in OPERATIONS.values())
#: What ``add_fault(kind, ...)`` calls: the fault methods by name.
FAULT_METHODS = ("fail", "stall", "drop", "cut_stream", "malformed_line")
#: Header (and query parameter) names whose values are credentials, for the request log.
_SECRET_NAME = re.compile(
    r"auth|secret|token|passw|credential|cookie|session|signature|api[-_]?key|private", re.IGNORECASE
)
#: Header values that carry a credential whatever the header's name.
_SECRET_VALUE = re.compile(r"\s*(bearer|basic|digest|token)\s+\S", re.IGNORECASE)


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
    - 404 for unknown ids. 400 naming the field for a body or query that breaks the
      spec: an unknown property (at any depth) or query parameter, a wrong type, a value
      outside an enum, or outside the spec's constraints (minimum/maximum, lengths,
      pattern, item counts). ``strict=False`` lets unknown properties and query
      parameters through (as ``extra_body``/``extra_query`` send them) and still checks
      the known ones.
    - Serves ``/v1/...`` and ``/api/v1/...``; pages by ``cursor``/``take``/``order``.
    - Its bot answers deterministically (see ``_bot.py``) and streams as the API does.
    - Logs every request (``requests``, ``calls()``, ``assert_called()``), credentials
      redacted.
    - ``fail()``, ``stall()``, ``drop()``, ``cut_stream()``, ``malformed_line()`` (or
      ``add_fault()``) inject faults into the next matching requests.

    Scripting the bot. A bot turn is the answer of stateless ``complete``, stateful
    ``complete`` and ``receive`` (``send`` stores the user's message, ``dispatch`` names a
    channel, ``synthesize`` acknowledges: none produces a reply, none takes a script).

    - ``reply(text, reasoning=, usage=, end_reason=, error=, events=)`` queues the next
      turn's answer; calls queue in order, and an empty queue falls back to the bot. A
      field left ``None`` is what the bot would have produced (``text``: its answer;
      ``usage``: the token count; ``end_reason``: ``"stop"``). ``reasoning`` streams as
      ``reasoningToken`` events before the tokens, and is a ``reasoning`` message
      (streamed as a ``message`` event, and stored before the reply by a stateful turn,
      as the API keeps reasoning in the conversation); ``usage`` is the total of the
      ``usage`` event (input + output) and of the result's ``usage.token``; ``end_reason``
      (a ``CompleteReason`` of the spec) is ``completeEnd``'s ``data.reason`` and the
      result's ``end.reason``. ``error`` ends the stream with ``{"type": "error", "data":
      {"message": error}}`` (the spec's ``ErrorEventData``) after the text; not streamed,
      the call answers ``TURN_ERROR_STATUS`` (500, ``INTERNAL_SERVER_ERROR``, the API's
      error body), which the SDK retries: queue it once per attempt, or use
      ``retries=0``. An error turn stores no reply and counts no usage.
    - ``events=[{"type", "data"}, ...]`` is the stream, sent as given instead of the
      generated events (any event type of the spec's completion streams; no ``result`` is
      added). The JSON answer is the ``result`` event's data if one is given, else built:
      the text from ``text``, a ``bot`` message event or the tokens; the usage from
      ``usage`` or the ``usage`` events; the end reason from ``end_reason``,
      ``completeEnd``'s ``data.reason``, or ``abort`` if there is an ``abort`` event. An
      ``error`` event (or ``error``) makes it the error answer. A stateful turn stores the
      stream's other ``message`` events, then the reply (with the ``result``'s ``id``).
    - ``bot=callable`` (constructor or attribute) replaces the rule-based bot: it gets the
      conversation's messages (``{"type", "text"}`` dicts, oldest first; a stateless
      call's are the request's) and the request body as a dict (``functions``,
      ``extensions`` and all), and returns the reply's text or a mapping of ``reply()``'s
      fields. A queued ``reply()`` wins; the bot is asked only for what it leaves out
      (its text, when it gives neither ``text`` nor ``events``). It runs under the fake's
      lock: it must not make requests to this fake from another thread.

    Determinism and state. ``seed=N`` draws every random part of ids, channel ids, session
    tokens and upload signatures from ``random.Random(N)`` (same shapes, still unique,
    predictable). ``clock=callable`` is what the fake takes as now: it returns seconds
    since the epoch, as ``time.time`` does; ``createdAt``/``updatedAt`` (epoch ms, strictly
    increasing), usage periods and session expiry read it. With both, the same requests
    get byte-identical answers. ``add_conversation()`` and ``add_message()`` seed
    conversations and messages with given ids, texts, types and times (epoch ms), seen
    by every endpoint alike; prefer them to writing ``conversations``/``messages``.

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
        self,
        *,
        secret: str | None = None,
        token_delay: float = 0.0,
        newer_api: bool = False,
        bot: Bot | None = None,
        seed: int | None = None,
        clock: Callable[[], float] | None = None,
        strict: bool = True,
    ) -> None:
        self.secret = secret
        self.token_delay = token_delay
        """Seconds between streamed tokens (0: as fast as possible)."""
        self.newer_api = newer_api
        """Answer as a newer API would: unknown properties, event types and message types."""
        self.bot = bot
        """The bot that answers when no reply is queued (None: the rule-based one)."""
        self.strict = strict
        """Refuse (400) properties and query parameters the spec does not declare."""
        self._seed = seed
        self._clock = clock
        self._routes = _routes()
        self._lock = threading.RLock()
        self._empty()

    def reset(self) -> None:
        """Back to a new fake's state: no conversations, no log, no queued replies, no
        faults; ids and draws start again from the seed. Its options stay."""
        with self._lock:
            self._empty()

    def _empty(self) -> None:
        seed = self._seed
        self.requests: list[RecordedRequest] = []
        self.faults: list[Fault] = []
        #: Draws whether a fault with a ``probability`` below 1 fires: the same draws for a seed.
        self._fault_random = random.Random(seed)
        self._ids = itertools.count(1)
        self._last_ms = 0
        self._random = random.Random(seed) if seed is not None else None
        self._signing_key = self._random_bytes(16)
        self._replies: deque[_Reply] = deque()
        #: Ids given by the caller (seeded, or a scripted result's): never generated again.
        self._given_ids: set[str] = set()
        self.conversations: dict[str, dict[str, Any]] = {}
        self.messages: dict[str, list[dict[str, Any]]] = {}
        self.sessions: dict[str, dict[str, Any]] = {}
        self.attachments: dict[str, list[dict[str, Any]]] = {}
        self.uploads: dict[str, bytes] = {}
        self.contacts: dict[str, dict[str, Any]] = {}
        self.usage_log: list[dict[str, Any]] = []

    # --- fault injection ---------------------------------------------------------
    #
    # Every fault method takes, besides its own arguments:
    #   operation=  an operation's name in OPERATIONS ("complete_conversation_message"), or
    #   path=       a path template of the spec, matched exactly
    #               ("/conversation/{conversationId}/complete"); neither: any operation;
    #   times=      how many requests it hits (1);
    #   probability= the chance (0..1) that it hits a matching request (1.0); the draw
    #               comes from the fake's own random.Random;
    #   latency=    seconds added before the answer (0.0).
    # A request for a path the API does not have (404/405) never uses a fault up. Each
    # method returns the Fault it added; an argument that is not valid is a ValueError.

    def fail(
        self,
        status: int = 503,
        *,
        times: int = 1,
        operation: str | None = None,
        path: str | None = None,
        retry_after: str | None = None,
        code: str | None = None,
        message: str | None = None,
        probability: float = 1.0,
        latency: float = 0.0,
    ) -> Fault:
        """The next ``times`` matching requests answer ``status`` (with ``Retry-After``),
        with the error body ``{"message": message, "code": code}``; by default
        ``"Injected failure"`` and the status's code (``TOO_MANY_REQUESTS`` for 429)."""
        _status(status)
        _optional_text("retry_after", retry_after)
        _optional_text("code", code)
        _optional_text("message", message)
        fault = Fault("status", status=status, retry_after=retry_after, code=code, message=message)
        return self._add_fault(
            fault, times=times, operation=operation, path=path, probability=probability, latency=latency
        )

    def stall(
        self,
        seconds: float,
        *,
        times: int = 1,
        operation: str | None = None,
        path: str | None = None,
        probability: float = 1.0,
        latency: float = 0.0,
    ) -> Fault:
        """The next matching requests wait ``seconds`` before answering."""
        fault = Fault("stall", seconds=_seconds("seconds", seconds))
        return self._add_fault(
            fault, times=times, operation=operation, path=path, probability=probability, latency=latency
        )

    def drop(
        self,
        *,
        times: int = 1,
        operation: str | None = None,
        path: str | None = None,
        probability: float = 1.0,
        latency: float = 0.0,
    ) -> Fault:
        """The next matching requests lose their connection before any answer."""
        return self._add_fault(
            Fault("drop"),
            times=times,
            operation=operation,
            path=path,
            probability=probability,
            latency=latency,
        )

    def cut_stream(
        self,
        after_events: int,
        *,
        times: int = 1,
        operation: str | None = None,
        path: str | None = None,
        probability: float = 1.0,
        latency: float = 0.0,
    ) -> Fault:
        """The next matching answers lose their connection after ``after_events`` lines
        (a plain JSON answer: after half its body)."""
        fault = Fault("cut", after_events=_count("after_events", after_events, 0))
        return self._add_fault(
            fault, times=times, operation=operation, path=path, probability=probability, latency=latency
        )

    def malformed_line(
        self,
        after_events: int = 0,
        *,
        times: int = 1,
        operation: str | None = None,
        path: str | None = None,
        probability: float = 1.0,
        latency: float = 0.0,
    ) -> Fault:
        """The next matching streams send a line that is not JSON after ``after_events`` lines
        (requests answered in plain JSON leave it waiting for a stream)."""
        fault = Fault("malformed", after_events=_count("after_events", after_events, 0))
        return self._add_fault(
            fault, times=times, operation=operation, path=path, probability=probability, latency=latency
        )

    def add_fault(self, kind: str, **fields: Any) -> Fault:
        """Add a fault described as data: ``kind`` names the method (``"fail"``,
        ``"stall"``, ``"drop"``, ``"cut_stream"``, ``"malformed_line"``) and ``fields``
        are exactly that method's arguments by name, so a JSON object such as

            {"kind": "fail", "status": 429, "retry_after": "0", "code": "TOO_MANY_REQUESTS",
             "message": "slow down", "operation": "complete_conversation_message",
             "times": 2, "probability": 0.5, "latency": 0.1}

        is added with ``fake.add_fault(**obj)``. Fields by kind (all optional unless said):
        ``fail``: status (int, 503), retry_after (str), code (str), message (str);
        ``stall``: seconds (number, required); ``cut_stream``: after_events (int,
        required); ``malformed_line``: after_events (int, 0); every kind: operation (str)
        or path (str), times (int >= 1, 1), probability (number 0..1, 1), latency
        (number >= 0, 0). Anything else (an unknown kind or field, a wrong type or value)
        is a ``ValueError`` naming it. Returns the ``Fault``.
        """
        if kind not in FAULT_METHODS:
            raise ValueError(f"kind: expected one of {', '.join(map(repr, FAULT_METHODS))}, got {kind!r}")
        method: Callable[..., Fault] = getattr(self, kind)
        takes = _fault_fields(kind)
        for name in fields:
            if name not in takes:
                raise ValueError(f"{name}: not a field of a {kind!r} fault (it takes {', '.join(takes)})")
        if kind in ("stall", "cut_stream") and takes[0] not in fields:
            raise ValueError(f"{takes[0]}: required for a {kind!r} fault")
        return method(**fields)

    def _add_fault(
        self,
        fault: Fault,
        *,
        times: int,
        operation: str | None,
        path: str | None,
        probability: float,
        latency: float,
    ) -> Fault:
        fault.times = _count("times", times, 1)
        fault.operation, fault.path = _fault_target(operation, path)
        fault.probability = _probability(probability)
        fault.latency = _seconds("latency", latency)
        with self._lock:
            self.faults.append(fault)
        return fault

    # --- scripting the bot, seeding state ---------------------------------------------

    def reply(
        self,
        text: str | None = None,
        *,
        reasoning: str | None = None,
        usage: int | None = None,
        end_reason: str | None = None,
        error: str | None = None,
        events: Sequence[Mapping[str, Any]] | None = None,
    ) -> None:
        """Queue the answer of the next bot turn (complete, stateless or not, or receive).

        Fields left ``None`` are the bot's; see the class for each field. Raises
        ``ValueError`` for an ``end_reason`` that is not a ``CompleteReason`` of the spec,
        or an event whose ``type`` no completion stream of the spec has.
        """
        script = _script(
            {
                "text": text,
                "reasoning": reasoning,
                "usage": usage,
                "end_reason": end_reason,
                "error": error,
                "events": events,
            },
            "reply()",
        )
        with self._lock:
            self._replies.append(script)

    def add_conversation(
        self,
        conversation_id: str | None = None,
        *,
        messages: Sequence[Mapping[str, Any]] = (),
        created_at: int | None = None,
        **fields: Any,
    ) -> str:
        """Create a conversation as if it had always been there; returns its id.

        ``fields`` are the API's (camelCase): ``name``, ``description``, ``meta``,
        ``botId``, ``model``, ``backstory``, ``updatedAt``, ... ``messages`` are mappings
        with ``type`` and ``text`` and, optionally, ``id``, ``createdAt``, ``updatedAt``,
        ``name``, ``description``, ``meta``. Times are epoch ms (default: now, by the
        clock). ``ValueError`` for a taken id, an unknown field or a value the spec refuses.
        """
        unknown = sorted(set(fields) - CONVERSATION_FIELDS)
        if unknown:
            known = sorted(CONVERSATION_FIELDS)
            raise ValueError(f"add_conversation(): unknown fields {unknown}; a conversation has {known}")
        with self._lock:
            if conversation_id is None:
                conversation_id = self._new_id("cnv")
            elif not conversation_id:
                raise ValueError("add_conversation(): the id must be a non-empty string")
            elif conversation_id in self.conversations:
                raise ValueError(f"add_conversation(): conversation {conversation_id!r} exists already")
            created = self._stamp() if created_at is None else _epoch_ms(created_at, "created_at")
            record: dict[str, Any] = {"id": conversation_id, "createdAt": created, "updatedAt": created}
            record.update(copy.deepcopy(fields))
            _check_seeded("ListedConversation", record, "add_conversation()", newer=self.newer_api)
            stored = [_seeded_message(m, "add_conversation(): messages") for m in messages]
            self.conversations[conversation_id] = record
            self.messages[conversation_id] = []
            self.attachments[conversation_id] = []
            self._given_ids.add(conversation_id)
            try:
                for message in stored:
                    self._seed_message(conversation_id, message, "add_conversation(): messages")
            except Exception:
                self._delete_conversation(conversation_id, {})
                raise
            if "updatedAt" in fields:
                record["updatedAt"] = fields["updatedAt"]
            return conversation_id

    def add_message(
        self,
        conversation_id: str,
        text: str,
        *,
        type: str = "user",
        message_id: str | None = None,
        created_at: int | None = None,
        meta: Mapping[str, Any] | None = None,
    ) -> str:
        """Add a message to a conversation as if it had always been there; returns its id.

        ``created_at`` is epoch ms (default: now, by the clock); the message takes its
        place in time order, which the bot's history follows too. ``KeyError`` for an
        unknown conversation, ``ValueError`` for a taken id or a type the spec refuses.
        """
        given: dict[str, Any] = {"type": type, "text": text}
        if message_id is not None:
            given["id"] = message_id
        if created_at is not None:
            given["createdAt"] = created_at
        if meta is not None:
            given["meta"] = meta
        with self._lock:
            if conversation_id not in self.conversations:
                raise KeyError(f"add_message(): there is no conversation {conversation_id!r}")
            message = _seeded_message(given, "add_message()")
            added: str = self._seed_message(conversation_id, message, "add_message()")["id"]
            return added

    def _seed_message(self, conversation_id: str, given: Mapping[str, Any], who: str) -> dict[str, Any]:
        message_id = given.get("id")
        if message_id is None:
            message_id = self._new_id("msg")
        elif not isinstance(message_id, str) or not message_id:
            raise ValueError(f"{who}: a message id must be a non-empty string")
        elif self._message_id_taken(message_id):
            raise ValueError(f"{who}: message {message_id!r} exists already")
        created = (
            self._stamp() if given.get("createdAt") is None else _epoch_ms(given["createdAt"], "createdAt")
        )
        message: dict[str, Any] = {"id": message_id, "createdAt": created, "updatedAt": created}
        message.update({k: copy.deepcopy(v) for k, v in given.items() if k not in ("id", "createdAt")})
        _check_seeded("ConversationMessage", message, who, newer=self.newer_api)
        self._given_ids.add(message_id)
        _insert_in_order(self.messages.setdefault(conversation_id, []), message)
        record = self.conversations[conversation_id]
        record["updatedAt"] = max(record["updatedAt"], message["updatedAt"])
        return message

    def _message_id_taken(self, message_id: str) -> bool:
        return any(m["id"] == message_id for messages in self.messages.values() for m in messages)

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

    def _take_fault(self, operation: str, streaming: bool) -> Fault | None:
        template = OPERATIONS[operation].path
        for fault in self.faults:
            # A malformed line needs a stream to be put in; plain answers leave it waiting.
            if not fault.matches(operation, template) or (fault.kind == "malformed" and not streaming):
                continue
            if fault.probability < 1 and self._fault_random.random() >= fault.probability:
                continue  # not this time: the request is left to the next fault
            fault.times -= 1
            return fault
        return None

    # --- what the fake saw ------------------------------------------------------------

    def calls(self, operation: str) -> list[RecordedRequest]:
        """The logged requests for ``operation`` (a name of ``OPERATIONS``), oldest first."""
        _operation(operation)
        with self._lock:
            return [r for r in self.requests if r.operation == operation]

    def assert_called(
        self,
        operation: str,
        *,
        times: int | None = None,
        json: Mapping[str, Any] | None = None,
        query: Mapping[str, str | list[str]] | None = None,
    ) -> list[RecordedRequest]:
        """Assert that ``operation`` was requested, and return the requests that match.

        Matching requests are those for ``operation`` whose parsed body contains ``json``
        (a subset: every key given, at any depth, with an equal value; lists element by
        element) and whose query contains ``query`` (same rule, values as sent: strings).
        ``times=None``: at least one must match; ``times=n``: exactly ``n`` (0: none).
        Otherwise ``AssertionError`` says what was expected and lists every request seen,
        with its operation, status and body.
        """
        _operation(operation)
        if times is not None:
            _count("times", times, 0)
        calls = self.calls(operation)
        matching = [
            r
            for r in calls
            if (json is None or _contains(r.json, json)) and (query is None or _contains(r.query, query))
        ]
        if (len(matching) == times) if times is not None else bool(matching):
            return matching
        with self._lock:
            seen = list(self.requests)
        raise AssertionError(
            _called_message(
                operation,
                times=times,
                body=json,
                query=query,
                matched=len(matching),
                called=len(calls),
                seen=seen,
            )
        )

    # --- the one entry point -------------------------------------------------------

    def handle(self, request: FakeRequest) -> FakeResponse:
        """Answer one request. Thread-safe; does no I/O."""
        parts = urlsplit(request.url)
        if parts.path.startswith(_control.PREFIX) and not parts.path.startswith("/_fake/uploads/"):
            return _control.answer(self, request.method, parts.path, request.body)  # not logged
        with self._lock:
            route, params = self._route(request.method, parts.path)
            upload = parts.path.startswith("/_fake/uploads/")
            document = _NO_BODY if upload else _parse(request.body)
            response: FakeResponse | None = None
            try:
                response = self._answer(request, parts, route, params, document)
                return response
            finally:  # logged even if answering failed
                self.requests.append(self._record(request, parts, route, document, response))

    def _answer(
        self,
        request: FakeRequest,
        parts: SplitResult,
        route: _Route | None,
        params: dict[str, str],
        document: Any,
    ) -> FakeResponse:
        path = parts.path
        if path.startswith("/_fake/uploads/"):
            return self._respond(self._upload_bytes(request, path, dict(parse_qsl(parts.query))))
        fault = None
        if route is not None:  # a path the API does not have never uses a fault up
            streaming = route.streams and JSONL in request.headers.get("accept", "")
            fault = self._take_fault(route.name, streaming)
        if fault is not None and fault.kind == "status":
            headers = {"Retry-After": fault.retry_after} if fault.retry_after is not None else {}
            failure = {
                "message": "Injected failure" if fault.message is None else fault.message,
                "code": _code(fault.status) if fault.code is None else fault.code,
            }
            return _apply(fault, _json(fault.status, self._error(failure), headers))
        try:
            if route is None:
                raise self._no_route(request.method, path)
            self._authorize(request, route, params)
            result = self._dispatch(route, params, request, parts.query, document)
        except _ApiError as error:
            response = _json(error.status, self._error({"message": error.message, "code": error.code}))
        else:
            response = self._respond(result, request, route.name)
        return _apply(fault, response)

    def _record(
        self,
        request: FakeRequest,
        parts: SplitResult,
        route: _Route | None,
        document: Any,
        response: FakeResponse | None,
    ) -> RecordedRequest:
        headers = {name: self._redact(name, value) for name, value in request.headers.items()}
        query: dict[str, str | list[str]] = {}
        for key, text in parse_qsl(parts.query, keep_blank_values=True):
            value = self._redact(key, text)
            before = query.get(key)
            query[key] = (
                value if before is None else [*([before] if isinstance(before, str) else before), value]
            )
        return RecordedRequest(
            request.method,
            parts.path,
            route.name if route else None,
            headers,
            request.body,
            query=query,
            json=None if document in (_NO_BODY, _NOT_JSON, _TOO_DEEP) else document,
            status=None if response is None or response.drop else response.status,
        )

    def _redact(self, name: str, value: str) -> str:
        """``value``, or ``REDACTED`` if it looks like a credential (for the request log)."""
        if _SECRET_NAME.search(name) or _SECRET_VALUE.match(value):
            return REDACTED
        if self.secret and self.secret in value:
            return REDACTED
        if "ses_" in value and any(token in value for token in self.sessions):
            return REDACTED
        return value

    def _mode(self) -> int:
        """How requests are checked: as the API would, with this fake's options."""
        return request_mode(unknown_keys=not self.strict, unknown_values=self.newer_api, served=True)

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
            if session["expiresAt"] < self._now():
                raise _ApiError(401, "NOT_AUTHENTICATED", "the session token has expired")
            if (
                route.name not in SESSION_OPERATIONS
                or params.get("conversationId") != session["conversationId"]
            ):
                raise _ApiError(403, "NOT_AUTHORIZED", "a session token may not do this")
            return
        if self.secret is not None and not hmac.compare_digest(token.encode(), self.secret.encode()):
            raise _ApiError(401, "NOT_AUTHENTICATED", "the secret is not valid")

    def _dispatch(
        self, route: _Route, params: dict[str, str], request: FakeRequest, query: str, document: Any
    ) -> Any:
        # The API's own view of a request: typed strictly, within the spec's constraints;
        # unknown properties refused unless strict=False (extra_body); a newer API also
        # takes the enum values it sends itself, such as its new message type.
        mode = self._mode()
        body: dict[str, Any] = {}
        op = OPERATIONS[route.name]
        try:
            if route.body_model is not None:
                body = _json_body(document)
                check_model(
                    route.body_model,
                    body,
                    strict=True,
                    served=True,
                    unknown_keys=not self.strict,
                    unknown_values=self.newer_api,
                )
            read = served_query(op, parse_qsl(query, keep_blank_values=True), mode)
        except Invalid as exc:
            raise _bad(f"{exc.path}: {exc.problem}" if exc.path else exc.problem) from None
        except RecursionError:
            raise _bad("the request body is nested too deeply") from None
        handler: Callable[..., Any] = getattr(self, f"_{route.name}")
        args: dict[str, Any] = {p.attribute: params[p.name] for p in op.path_params}
        if route.body_model is not None:
            args["body"] = body
        names = {p.name for p in op.query}
        if "cursor" in names:  # a page: cursor, take and maybe order
            args["query"] = _page_query(read, route.name)
        elif names:
            args["query"] = read
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
            if result.failure is not None:  # a scripted error, answered whole
                failure = {"message": result.failure, "code": _code(TURN_ERROR_STATUS)}
                return _json(TURN_ERROR_STATUS, self._error(failure))
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
        while True:  # a count makes generated ids unique; this skips the ones a caller gave
            new = f"{prefix}_{next(self._ids):06d}{self._random_bytes(3).hex()}"
            if new not in self._given_ids:
                return new

    def _random_bytes(self, size: int) -> bytes:
        """Random bytes: from the seeded generator if there is one, else the system's."""
        return self._random.randbytes(size) if self._random is not None else secrets.token_bytes(size)

    def _now(self) -> int:
        """Now in epoch ms, by the ``clock`` given (seconds since the epoch) or the system's."""
        return int(self._clock() * 1000) if self._clock is not None else _now_ms()

    def _stamp(self) -> int:
        self._last_ms = max(self._now(), self._last_ms + 1)  # strictly increasing: stable order
        return self._last_ms

    def _conversation(self, conversation_id: str) -> dict[str, Any]:
        found = self.conversations.get(conversation_id)
        if found is None:
            raise _not_found("conversation", conversation_id)
        # A conversation written into ``conversations`` directly may lack these.
        self.messages.setdefault(conversation_id, [])
        self.attachments.setdefault(conversation_id, [])
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
        _insert_in_order(self.messages[conversation_id], message)
        self._conversation(conversation_id)["updatedAt"] = now
        return message

    def _history(self, conversation_id: str) -> list[dict[str, str]]:
        return [{"type": m["type"], "text": m["text"]} for m in self.messages[conversation_id]]

    def _bot_turn(
        self,
        operation: str,
        history: list[dict[str, str]],
        request: Mapping[str, Any],
        config: Mapping[str, Any],
        conversation_id: str | None,
    ) -> _Stream:
        """One bot turn of ``operation``: the queued reply, else the bot's; stored if stateful.

        ``history`` is the prompt (oldest first), ``request`` the request body, ``config``
        where the model and backstory are (the stored conversation, or the body).
        """
        if self.newer_api:  # the newer API's annotations are not part of the prompt
            history = [m for m in history if _newer.is_known_message(m["type"])]
        script = self._replies.popleft() if self._replies else None
        if script is None or (script.text is None and script.events is None):
            asked = self._ask_bot(history, request, config)
            script = asked if script is None else _merged(script, asked)
        if script.events is not None:
            return self._given_turn(operation, script, history, conversation_id)
        text = script.text or ""
        prompt_tokens = sum(_bot.count_tokens(m["text"]) for m in history)
        output_tokens = _bot.count_tokens(text)
        if script.usage is not None:
            output_tokens = min(output_tokens, script.usage)
            prompt_tokens = script.usage - output_tokens
        events: list[dict[str, Any]] = [{"type": "completeBegin", "data": {}}]
        if script.reasoning:
            events += [
                {"type": "reasoningToken", "data": {"token": t}} for t in _bot.tokens(script.reasoning)
            ]
        if text:
            events += [{"type": "token", "data": {"token": t}} for t in _bot.tokens(text)]
        if script.error is not None:  # the stream ends at the error: no end, no usage, no result
            events.append({"type": "error", "data": {"message": script.error}})
            return _Stream(events, None, script.error)
        end = script.end_reason
        events += [
            {"type": "completeEnd", "data": {} if end is None else {"reason": end}},
            {
                "type": "usage",
                "data": {
                    "model": str(config.get("model") or "fake-model"),
                    "inputTokensUsed": prompt_tokens,
                    "outputTokensUsed": output_tokens,
                },
            },
        ]
        produced = [{"type": "reasoning", "text": script.reasoning}] if script.reasoning else []
        if self.newer_api:
            produced.append(_newer.annotation())
        produced.append({"type": "bot", "text": text})
        events += [{"type": "message", "data": dict(m)} for m in produced]
        total = prompt_tokens + output_tokens
        self.usage_log.append({"conversationId": conversation_id, "at": self._now(), "tokens": total})
        reply_id = self._store_turn(conversation_id, produced) if conversation_id is not None else None
        final = _turn_result(operation, reply_id, text, total, end or "stop")
        return _Stream([*events, {"type": "result", "data": final}], final)

    def _given_turn(
        self, operation: str, script: _Reply, history: list[dict[str, str]], conversation_id: str | None
    ) -> _Stream:
        """A turn whose stream is ``script.events``; the rest is derived from them."""
        events = copy.deepcopy(list(script.events or ()))
        given = [(str(e["type"]), _object(e["data"])) for e in events]
        result: Any = next((e["data"] for e in events if e["type"] == "result"), None)
        fields = _object(result)
        error = script.error
        if error is None and any(kind == "error" for kind, _ in given):
            message = next(data.get("message") for kind, data in given if kind == "error")
            error = message if isinstance(message, str) else "the completion failed"
        if error is not None:
            return _Stream(events, None, error)
        said = [(str(d["type"]), str(d["text"])) for kind, d in given if kind == "message" and _is_message(d)]
        text = script.text if script.text is not None else _given_text(fields, said, given)
        total = script.usage if script.usage is not None else _given_usage(fields, given)
        if total is None:
            total = sum(_bot.count_tokens(m["text"]) for m in history) + _bot.count_tokens(text)
        self.usage_log.append({"conversationId": conversation_id, "at": self._now(), "tokens": total})
        reply_id = None
        if conversation_id is not None:
            produced = [{"type": kind, "text": said_text} for kind, said_text in said if kind != "bot"]
            if self.newer_api:
                produced.append(_newer.annotation())
            reply: dict[str, Any] = {"type": "bot", "text": text}
            given_id = fields.get("id")
            if isinstance(given_id, str) and given_id and not self._message_id_taken(given_id):
                reply["id"] = given_id  # the answer's id is the stored reply's
                self._given_ids.add(given_id)
            reply_id = self._store_turn(conversation_id, [*produced, reply])
        if result is not None:
            return _Stream(events, result)
        end = script.end_reason or _given_end(given)
        return _Stream(events, _turn_result(operation, reply_id, text, total, end))

    def _store_turn(self, conversation_id: str, produced: list[dict[str, Any]]) -> str:
        """Store the messages a turn produced, in order; the last is the reply: its id."""
        reply_id = ""
        for message in produced:
            extra = {k: v for k, v in message.items() if k not in ("type", "text")}
            reply_id = self._add_message(conversation_id, message["type"], message["text"], **extra)["id"]
        return reply_id

    def _ask_bot(
        self, history: list[dict[str, str]], request: Mapping[str, Any], config: Mapping[str, Any]
    ) -> _Reply:
        """What the bot says: the rule-based one, or ``bot``."""
        if self.bot is None:
            pairs = [(m["type"], m["text"]) for m in history]
            return _Reply(text=_bot.reply(pairs, config.get("backstory")))
        return _bot_reply(self.bot([dict(m) for m in history], copy.deepcopy(dict(request))))

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

    def _vote(self, record: dict[str, Any], body: Mapping[str, Any], operation: str) -> None:
        """Keep a vote; its range was checked against the spec, which also gives its default."""
        model = OPERATIONS[operation].body
        assert model is not None
        value = body.get("value", MODELS[model].fields["value"].schema.default)
        record["_vote"] = {"value": value, "reason": body.get("reason")}

    def _upvote_conversation(self, conversation_id: str, body: dict[str, Any]) -> dict[str, Any]:
        self._vote(self._conversation(conversation_id), body, "upvote_conversation")
        return {"id": conversation_id}

    def _downvote_conversation(self, conversation_id: str, body: dict[str, Any]) -> dict[str, Any]:
        self._vote(self._conversation(conversation_id), body, "downvote_conversation")
        return {"id": conversation_id}

    def _complete_conversation(self, body: dict[str, Any]) -> _Stream:
        history = [{"type": m["type"], "text": m["text"]} for m in body["messages"]]
        return self._bot_turn("complete_conversation", history, body, body, None)

    def _complete_conversation_message(self, conversation_id: str, body: dict[str, Any]) -> _Stream:
        record = self._conversation(conversation_id)
        if body.get("text"):
            self._add_message(conversation_id, "user", body["text"])
        history = self._history(conversation_id)
        return self._bot_turn("complete_conversation_message", history, body, record, conversation_id)

    def _send_conversation_message(self, conversation_id: str, body: dict[str, Any]) -> _Stream:
        self._conversation(conversation_id)
        found = body.get("entities") or _bot.entities(body["text"])
        message = self._add_message(conversation_id, "user", body["text"])
        final = {"id": message["id"], "entities": found}
        events = [{"type": "message", "data": {"type": "user", "text": body["text"]}}]
        return _Stream([*events, {"type": "result", "data": final}], final)

    def _receive_conversation_message(self, conversation_id: str, body: dict[str, Any]) -> _Stream:
        record = self._conversation(conversation_id)
        history = self._history(conversation_id)
        return self._bot_turn("receive_conversation_message", history, body, record, conversation_id)

    def _dispatch_conversation(self, body: dict[str, Any]) -> dict[str, Any]:
        return {"channelId": self._channel(body)}

    def _dispatch_stateful_conversation(self, conversation_id: str, body: dict[str, Any]) -> dict[str, Any]:
        self._conversation(conversation_id)
        return {"channelId": self._channel(body)}

    def _channel(self, body: Mapping[str, Any]) -> str:
        # A given channelId's length was checked against the spec (minLength).
        return str(body.get("channelId") or f"ch_{self._random_bytes(12).hex()}")

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
        self._vote(self._message(conversation_id, message_id), body, "upvote_conversation_message")
        return {"id": message_id}

    def _downvote_conversation_message(
        self, conversation_id: str, message_id: str, body: dict[str, Any]
    ) -> dict[str, Any]:
        self._vote(self._message(conversation_id, message_id), body, "downvote_conversation_message")
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
        # secrets.token_urlsafe(24)'s shape, from the seeded generator if there is one
        token = f"ses_{base64.urlsafe_b64encode(self._random_bytes(24)).rstrip(b'=').decode()}"
        expires = self._now() + int(seconds * 1000)
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
    #: A scripted error: the message of the error answer that replaces ``final``.
    failure: str | None = None


@attrs.frozen
class _Reply:
    """A scripted bot turn (see ``FakeChatBotKit.reply``); ``None`` fields are the bot's."""

    text: str | None = None
    reasoning: str | None = None
    usage: int | None = None
    end_reason: str | None = None
    error: str | None = None
    events: tuple[dict[str, Any], ...] | None = None


def _script(fields: Mapping[str, Any], who: str) -> _Reply:
    """A checked ``_Reply`` from ``reply()``'s arguments or a bot's mapping."""
    unknown = sorted(set(fields) - set(REPLY_FIELDS))
    if unknown:
        raise ValueError(f"{who}: unknown reply fields {unknown}; a reply has {list(REPLY_FIELDS)}")
    for name in ("text", "reasoning", "error"):
        value = fields.get(name)
        if value is not None and not isinstance(value, str):
            raise TypeError(f"{who}: {name} must be a str, not {type(value).__name__}")
    usage = fields.get("usage")
    if usage is not None and (isinstance(usage, bool) or not isinstance(usage, int) or usage < 0):
        raise ValueError(f"{who}: usage must be a token count (an int >= 0), got {usage!r}")
    end = fields.get("end_reason")
    if end is not None and (not isinstance(end, str) or end not in END_REASONS):
        raise ValueError(
            f"{who}: end_reason {end!r} is not a CompleteReason of the spec: {list(END_REASONS)}"
        )
    events = fields.get("events")
    given: tuple[dict[str, Any], ...] | None = None
    if events is not None:
        if isinstance(events, str | bytes | Mapping) or not isinstance(events, Sequence):
            raise TypeError(f"{who}: events must be a list of {{'type', 'data'}} events")
        sequence: Sequence[Any] = events  # pyright: ignore[reportUnknownVariableType] - JSON: Any items
        given = tuple(_given_event(e, f"{who}: events[{i}]") for i, e in enumerate(sequence))
    return _Reply(fields.get("text"), fields.get("reasoning"), usage, end, fields.get("error"), given)


def check_reply(fields: Mapping[str, Any], where: str) -> None:
    """Raise ``ValueError``/``TypeError`` unless ``fields`` are a valid ``reply()``."""
    _script(dict(fields), where)


def _bot_reply(answer: object) -> _Reply:
    """What a ``bot`` returned, checked: the reply's text, or a mapping of ``reply()``'s fields."""
    if isinstance(answer, str):
        return _Reply(text=answer)
    if isinstance(answer, Mapping):
        return _script(cast("Mapping[str, Any]", answer), "bot")
    raise TypeError(f"bot: expected a str or a mapping of reply() fields, got {type(answer).__name__}")


def _given_event(event: Any, where: str) -> dict[str, Any]:
    if not isinstance(event, Mapping) or "type" not in event or "data" not in event:
        raise ValueError(f"{where}: an event is a mapping with 'type' and 'data', got {event!r}")
    kind = cast("Mapping[str, Any]", event)["type"]
    if not isinstance(kind, str) or kind not in TURN_EVENTS:
        raise ValueError(
            f"{where}: {kind!r} is not an event type of the spec's completion streams: {sorted(TURN_EVENTS)}"
        )
    try:  # a copy, and sure to be sendable
        copied: dict[str, Any] = json.loads(json.dumps(event, ensure_ascii=False))
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{where}: not JSON data: {exc}") from None
    return copied


def _merged(queued: _Reply, asked: _Reply) -> _Reply:
    """The bot's reply with what the queued one gives instead."""
    given = {name: getattr(queued, name) for name in attrs.fields_dict(_Reply)}
    return attrs.evolve(asked, **{name: value for name, value in given.items() if value is not None})


def _object(value: Any) -> dict[str, Any]:
    """``value`` if it is a JSON object, else an empty one: for reading given data."""
    return cast("dict[str, Any]", value) if isinstance(value, dict) else {}


def _is_message(data: Mapping[str, Any]) -> bool:
    return isinstance(data.get("type"), str) and isinstance(data.get("text"), str)


def _given_text(result: Mapping[str, Any], said: list[tuple[str, str]], given: list[tuple[str, Any]]) -> str:
    """A given stream's reply: its result's text, else its last bot message's, else its tokens."""
    text = result.get("text")
    if isinstance(text, str):
        return text
    replies = [said_text for kind, said_text in said if kind == "bot"]
    if replies:
        return replies[-1]
    tokens = [data.get("token") for kind, data in given if kind == "token"]
    return "".join(token for token in tokens if isinstance(token, str))


def _given_usage(result: Mapping[str, Any], given: list[tuple[str, dict[str, Any]]]) -> int | None:
    """The tokens a given stream reports: its result's ``usage.token``, else its ``usage`` events'."""
    token = _object(result.get("usage")).get("token")
    if _is_count(token):
        return int(token)
    counts = [
        int(value)
        for kind, data in given
        if kind == "usage"
        for key in ("inputTokensUsed", "outputTokensUsed")
        if _is_count(value := data.get(key))
    ]
    return sum(counts) if counts else None


def _is_count(value: Any) -> TypeGuard[int | float]:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    return math.isfinite(value) and value >= 0


def _given_end(given: list[tuple[str, dict[str, Any]]]) -> str:
    """Why a given stream ended: ``completeEnd``'s ``data.reason``, else ``abort`` or ``stop``."""
    for kind, data in given:
        reason = data.get("reason") if kind == "completeEnd" else None
        if isinstance(reason, str) and reason in END_REASONS:
            return reason
    return "abort" if any(kind == "abort" for kind, _ in given) else "stop"


def _turn_result(operation: str, reply_id: str | None, text: str, total: int, end: str) -> dict[str, Any]:
    """A bot turn's answer, in the shape of ``operation``'s result."""
    final: dict[str, Any] = {} if reply_id is None else {"id": reply_id}
    final.update(text=text, usage={"token": total})
    if operation != "receive_conversation_message":
        final["end"] = {"reason": end}
    return final


def _seeded_message(given: Any, who: str) -> dict[str, Any]:
    """A message to seed, as given: a mapping of the API's fields with a type and a text."""
    if not isinstance(given, Mapping):
        raise ValueError(f"{who}: a message is a mapping with 'type' and 'text', got {given!r}")
    message = dict(cast("Mapping[str, Any]", given))
    unknown = sorted(set(message) - MESSAGE_FIELDS)
    if unknown:
        raise ValueError(f"{who}: unknown message fields {unknown}; a message has {sorted(MESSAGE_FIELDS)}")
    if "type" not in message or "text" not in message:
        raise ValueError(f"{who}: a message needs a 'type' and a 'text'")
    return message


def _check_seeded(model: str, record: Mapping[str, Any], who: str, *, newer: bool) -> None:
    """Seeded state must be what the API could answer (a newer API: its own enum values too)."""
    try:
        check_model(model, record, strict=True, unknown_keys=True, unknown_values=newer)
    except Invalid as exc:
        raise ValueError(f"{who}: {exc}") from None


def _epoch_ms(value: Any, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int of epoch milliseconds, not {type(value).__name__}")
    return value


def _insert_in_order(messages: list[dict[str, Any]], message: dict[str, Any]) -> None:
    """Put ``message`` in time order (as ``message/list`` sorts), after any of the same time."""
    key = (message["createdAt"], message["id"])
    at = len(messages)
    while at and (messages[at - 1]["createdAt"], messages[at - 1]["id"]) > key:
        at -= 1
    messages.insert(at, message)


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
    if fault is None:
        return response
    response.stall += fault.latency
    if fault.kind == "status":
        return response
    if fault.kind == "stall":
        response.stall += fault.seconds
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


#: A request without a body, or one whose body is not JSON (see ``_parse``).
_NO_BODY = object()
_NOT_JSON = object()
_TOO_DEEP = object()


def _parse(raw: bytes) -> Any:
    """The body as JSON, once per request: for the log and for the operation."""
    if not raw.strip():
        return _NO_BODY
    try:
        return json.loads(raw)
    except ValueError:
        return _NOT_JSON
    except RecursionError:  # nested deeper than Python reads
        return _TOO_DEEP


def _json_body(document: Any) -> dict[str, Any]:
    if document is _NOT_JSON:
        raise _bad("the request body is not JSON")
    if document is _TOO_DEEP:
        raise _bad("the request body is nested too deeply")
    if not isinstance(document, dict):
        raise _bad("the request body must be a JSON object")
    return cast("dict[str, Any]", document)


def _page_query(read: Mapping[str, Any], operation: str) -> dict[str, Any]:
    """A page's query (checked against the spec) with the defaults filled in."""
    order = next((p for p in OPERATIONS[operation].query if p.name == "order"), None)
    take = read.get("take", DEFAULT_TAKE)
    return {
        "cursor": read.get("cursor") or None,
        "take": min(max(take, TAKE_RANGE[0]), TAKE_RANGE[1]),
        # An operation without an order parameter lists newest first, as the ordered ones do.
        "order": read.get("order", order.schema.default if order is not None else "desc"),
        "meta": read.get("meta", {}),
    }


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


# --- faults and the request log: argument checks and messages --------------------------


def _operation(name: str) -> None:
    if name not in OPERATIONS:
        close = difflib.get_close_matches(str(name), list(OPERATIONS), n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        raise ValueError(f"operation: {name!r} is not an operation of the spec{hint}")


def _fault_target(operation: Any, path: Any) -> tuple[str | None, str | None]:
    """A fault's ``operation``/``path``, checked against the spec."""
    if operation is not None and path is not None:
        raise ValueError("give a fault operation= or path=, not both")
    if operation is not None:
        if not isinstance(operation, str):
            raise ValueError(f"operation: expected a string, got {operation!r}")
        _operation(operation)
    if path is not None:
        if not isinstance(path, str):
            raise ValueError(f"path: expected a string, got {path!r}")
        if path not in PATH_TEMPLATES:
            close = sorted(t for t in PATH_TEMPLATES if path and path in t)
            close = close or difflib.get_close_matches(path, sorted(PATH_TEMPLATES), n=2)
            hint = f"; did you mean {' or '.join(map(repr, close))}?" if close else ""
            raise ValueError(
                f"path: {path!r} is not a path of the spec (a template matched exactly, such as "
                f"'/conversation/{{conversationId}}/complete'){hint}"
            )
    return operation, path


def _fault_fields(kind: str) -> list[str]:
    """The arguments of the fault method ``kind``, in order (``add_fault``'s fields)."""
    import inspect

    method = getattr(FakeChatBotKit, kind)
    return [name for name in inspect.signature(method).parameters if name != "self"]


def _count(name: str, value: Any, least: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < least:
        raise ValueError(f"{name}: expected an integer >= {least}, got {value!r}")
    return value


def _status(value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 100 <= value <= 599:
        raise ValueError(f"status: expected an HTTP status 100..599, got {value!r}")


def _probability(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        raise ValueError(f"probability: expected a number 0..1, got {value!r}")
    return float(value)


def _seconds(name: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value < math.inf:
        raise ValueError(f"{name}: expected a number of seconds >= 0, got {value!r}")
    return float(value)


def _optional_text(name: str, value: Any) -> None:
    if value is not None and not isinstance(value, str):
        raise ValueError(f"{name}: expected a string, got {value!r}")


def _contains(actual: Any, expected: Any) -> bool:
    """Whether ``actual`` (JSON data) holds ``expected``: objects by subset, at any depth."""
    if isinstance(expected, Mapping):
        if not isinstance(actual, Mapping):
            return False
        found = cast("Mapping[str, Any]", actual)
        return all(
            k in found and _contains(found[k], v) for k, v in cast("Mapping[str, Any]", expected).items()
        )
    if isinstance(expected, list | tuple):
        wanted = cast("Sequence[Any]", expected)
        if not isinstance(actual, list):
            return False
        got = cast("Sequence[Any]", actual)
        return len(got) == len(wanted) and all(_contains(a, e) for a, e in zip(got, wanted, strict=True))
    if isinstance(expected, bool) or isinstance(actual, bool):  # JSON keeps true and 1 apart
        return type(actual) is type(expected) and actual == expected
    return bool(actual == expected)


def _shown(value: Any, limit: int = 200) -> str:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, default=repr)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _called_message(
    operation: str,
    *,
    times: int | None,
    body: Mapping[str, Any] | None,
    query: Mapping[str, Any] | None,
    matched: int,
    called: int,
    seen: Sequence[RecordedRequest],
) -> str:
    wanted = "at least once" if times is None else f"{times} time{'s' if times != 1 else ''}"
    having = [f"a body containing {_shown(body)}"] if body is not None else []
    having += [f"a query containing {_shown(query)}"] if query is not None else []
    such = f" with {' and '.join(having)}" if having else ""
    got = f"{matched} time{'s' if matched != 1 else ''}"
    if having:
        got += f" with such a request ({called} in all)"
    lines = [f"expected {operation} to be called {wanted}{such}; it was called {got}."]
    shown = seen[-50:]
    lines.append(f"The fake saw {len(seen)} request{'s' if len(seen) != 1 else ''}" + (":" if seen else "."))
    if len(seen) > len(shown):
        lines.append(f"  ... {len(seen) - len(shown)} earlier ones left out")
    for number, request in enumerate(shown, start=len(seen) - len(shown) + 1):
        line = f"  {number}. {request.operation or '(no operation)'}: {request.method} {request.path}"
        if request.query:
            line += f" query {_shown(request.query)}"
        line += f" -> {request.status if request.status is not None else 'dropped'}"
        if request.json is not None:
            line += f", body {_shown(request.json)}"
        elif request.body:
            line += f", body of {len(request.body)} bytes (not JSON)"
        lines.append(line)
    return "\n".join(lines)
