"""The fake's control API over HTTP, for test suites in any language.

Served beside the API by ``python -m chatbotkit_sdk.testing`` and ``fake.serve()`` (and
by the in-process transport alike), under ``/_fake/``; these requests need no
``Authorization`` and are not in the request log:

- ``POST /_fake/reset``: empty state, request log, reply queue and faults (``reset()``);
- ``POST /_fake/replies``: a JSON object with the fields of ``reply()`` (``text``,
  ``reasoning``, ``usage``, ``end_reason``, ``error``, ``events``), or a list of them,
  queued in order;
- ``POST /_fake/faults``: a JSON object with a ``kind`` (``fail``, ``stall``, ``drop``,
  ``cut_stream``, ``malformed_line``; default ``fail``) and that method's arguments
  (``add_fault()``), e.g. ``{"operation": "complete_conversation_message", "status":
  503, "times": 1}``;
- ``GET /_fake/requests``: the request log, ``{"items": [{"method", "path", "operation",
  "query", "headers", "json", "status"}, ...]}`` (credentials redacted), oldest first.

A body that is not what a route takes is a 400 naming the problem, an unknown route a
404 and a wrong method a 405, in the API's error shape (``{"message", "code"}``).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, cast

from ._wire import FakeResponse, RecordedRequest

if TYPE_CHECKING:
    from ._fake import FakeChatBotKit

__all__ = ["PREFIX", "answer"]

PREFIX = "/_fake/"


class _Refused(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code = status, code


def _ok(body: Any) -> FakeResponse:
    return FakeResponse(200, {"Content-Type": "application/json"}, json.dumps(body).encode())


def _object(raw: bytes) -> Any:
    try:
        return json.loads(raw) if raw.strip() else None
    except (ValueError, RecursionError):
        raise _Refused(400, "BAD_REQUEST", "the body is not JSON") from None


def _reset(fake: FakeChatBotKit, raw: bytes) -> Any:
    fake.reset()
    return {"reset": True}


def _replies(fake: FakeChatBotKit, raw: bytes) -> Any:
    body = _object(raw)
    replies: list[Any] = body if isinstance(body, list) else [body]  # pyright: ignore[reportUnknownVariableType]
    if not replies or not all(isinstance(r, dict) for r in replies):
        raise _Refused(400, "BAD_REQUEST", "expected a JSON object of reply() fields, or a list of them")
    # All checked before any is queued: a bad one queues nothing.
    checked = [_checked(fake, cast("dict[str, Any]", r)) for r in replies]
    for fields in checked:
        fake.reply(**fields)
    return {"queued": len(checked)}


def _checked(fake: FakeChatBotKit, fields: dict[str, Any]) -> dict[str, Any]:
    from ._fake import REPLY_FIELDS, check_reply  # reply()'s own check (that module imports this one)

    unknown = sorted(set(fields) - set(REPLY_FIELDS))
    if unknown:
        raise _Refused(
            400, "BAD_REQUEST", f"{unknown[0]}: not a field of reply() ({', '.join(REPLY_FIELDS)})"
        )
    try:
        check_reply({name: fields.get(name) for name in REPLY_FIELDS}, "replies")
    except (TypeError, ValueError) as exc:
        raise _Refused(400, "BAD_REQUEST", str(exc)) from None
    return fields


def _faults(fake: FakeChatBotKit, raw: bytes) -> Any:
    body = _object(raw)
    if not isinstance(body, dict):
        raise _Refused(400, "BAD_REQUEST", "expected a JSON object: a fault's kind and fields")
    fields = dict(cast("dict[str, Any]", body))
    kind = fields.pop("kind", "fail")
    try:
        fault = fake.add_fault(kind, **fields)
    except (TypeError, ValueError) as exc:
        raise _Refused(400, "BAD_REQUEST", str(exc)) from None
    return {"kind": kind, "times": fault.times}


def _requests(fake: FakeChatBotKit, raw: bytes) -> Any:
    with fake._lock:  # the log is appended to under the fake's lock  # pyright: ignore[reportPrivateUsage]
        log = list(fake.requests)
    return {"items": [_recorded(r) for r in log]}


def _recorded(record: RecordedRequest) -> dict[str, Any]:
    return {
        "method": record.method,
        "path": record.path,
        "operation": record.operation,
        "query": dict(record.query),
        "headers": dict(record.headers),
        "json": record.json,
        "status": record.status,
    }


_ROUTES: Mapping[str, tuple[str, Callable[[FakeChatBotKit, bytes], Any]]] = {
    PREFIX + "reset": ("POST", _reset),
    PREFIX + "replies": ("POST", _replies),
    PREFIX + "faults": ("POST", _faults),
    PREFIX + "requests": ("GET", _requests),
}


def answer(fake: FakeChatBotKit, method: str, path: str, raw: bytes) -> FakeResponse:
    """The answer to a control request (``path`` under ``PREFIX``)."""
    try:
        route = _ROUTES.get(path.rstrip("/"))
        if route is None:
            known = ", ".join(f"{m} {p}" for p, (m, _) in _ROUTES.items())
            raise _Refused(404, "NOT_FOUND", f"no control route {path} (there are: {known})")
        wanted, run = route
        if method.upper() != wanted and not (wanted == "GET" and method.upper() == "HEAD"):
            raise _Refused(405, "METHOD_NOT_ALLOWED", f"{path} takes {wanted}, not {method}")
        return _ok(run(fake, raw))
    except _Refused as refused:
        body = json.dumps({"message": str(refused), "code": refused.code}).encode()
        return FakeResponse(refused.status, {"Content-Type": "application/json"}, body)
