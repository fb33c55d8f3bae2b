"""What ``FakeChatBotKit(newer_api=True)`` adds to its answers: an additive API change.

A newer API may add properties to any object, event types to any stream and values
to any open enum; a client written today must read all three. This module is the
whole of that change, and pure: the fake builds its answers as the spec says, then
passes them through here.

- ``answer()`` / ``events()``: every object of an answer that is a spec model with
  declared fields gains ``EXTRA_PROPERTY``. The answer is walked alongside its model
  in ``MODELS`` (fields, list items, map values, the union option that fits), so the
  keys of free-form maps (models without fields, such as ``Meta``) are left alone:
  they are the user's data.
- ``events()`` also puts ``UNKNOWN_EVENT`` (a type no stream of the spec lists) into
  every JSON Lines stream: halfway to the ``result`` event, or halfway through a
  stream without one, so that it is neither first nor last when the stream has at
  least two events.
- ``annotation()`` is a message of ``UNKNOWN_MESSAGE_TYPE``, a value the open enum of
  message types (found from the ``message`` event's model) does not list; the fake
  stores it before the bot's reply and streams it before the reply's ``message``
  event, so the reply text, its id and the ``result`` stay what they were.

Everything is derived from ``chatbotkit_api.operations`` and checked against it at
import: the additions can never collide with a name or value the spec has.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from typing import Any, cast

from chatbotkit_api.operations import MODELS, OPERATIONS, Schema

from .._validate import ANSWER, Invalid, checker_for

__all__ = [
    "ANNOTATION_TEXT",
    "ERROR_MODEL",
    "EXTRA_PROPERTY",
    "EXTRA_VALUE",
    "KNOWN_MESSAGE_TYPES",
    "UNKNOWN_EVENT",
    "UNKNOWN_MESSAGE_TYPE",
    "annotation",
    "answer",
    "events",
    "is_known_message",
]

#: The property every modelled object gains, and its (small, nested) value.
EXTRA_PROPERTY = "revisionInfo"
EXTRA_VALUE: Mapping[str, Any] = {"revision": 2, "labels": ["preview"]}

#: The event every stream gains: a progress report, with object data.
UNKNOWN_EVENT: Mapping[str, Any] = {
    "type": "progress",
    "data": {"stage": "generating", "step": {"index": 1, "of": 2}},
}

#: The model of every error body (the spec's ``default`` response of each operation).
ERROR_MODEL = "Error"


def _message_type_schema() -> Schema:
    """The schema of a streamed message's ``type``: the enum a new message type extends."""
    for operation in OPERATIONS.values():
        event_model = (operation.events or {}).get("message")
        if event_model is not None:
            data = MODELS[event_model].fields["data"].schema
            return MODELS[data.model].fields["type"].schema
    raise RuntimeError("no stream of the spec has a 'message' event")


_MESSAGE_TYPE = _message_type_schema()
#: The message types this release knows, from the generated tables.
KNOWN_MESSAGE_TYPES: frozenset[str] = frozenset(_MESSAGE_TYPE.values)
#: A message type the spec does not list (tomorrow's API attaches notes to a reply).
UNKNOWN_MESSAGE_TYPE = "annotation"
ANNOTATION_TEXT = "Note: this reply cites no sources."


def _check_tables() -> None:
    """The additions must be new to the spec, and go where the spec lets an API grow."""
    if any(EXTRA_PROPERTY in model.fields for model in MODELS.values()):
        raise RuntimeError(f"{EXTRA_PROPERTY!r} is a property of the spec; pick another")
    if any(UNKNOWN_EVENT["type"] in (op.events or {}) for op in OPERATIONS.values()):
        raise RuntimeError(f"{UNKNOWN_EVENT['type']!r} is an event type of the spec; pick another")
    if not _MESSAGE_TYPE.open or UNKNOWN_MESSAGE_TYPE in KNOWN_MESSAGE_TYPES:
        raise RuntimeError("the message type enum is closed, or already has the new value")
    if ERROR_MODEL not in MODELS:
        raise RuntimeError(f"the spec has no {ERROR_MODEL!r} model")


_check_tables()


def is_known_message(kind: str) -> bool:
    """Whether a message type is one this release's spec lists."""
    return kind in KNOWN_MESSAGE_TYPES


def annotation() -> dict[str, Any]:
    """The message of an unknown type that the bot's turn adds before its reply."""
    return {"type": UNKNOWN_MESSAGE_TYPE, "text": ANNOTATION_TEXT}


def answer(model: str, value: Any) -> Any:
    """A copy of ``value`` (an answer of the spec's ``model``) as a newer API sends it."""
    return _model(model, value)


def events(operation: str, stream: Sequence[Mapping[str, Any]]) -> list[Any]:
    """The events of a JSON Lines answer of ``operation`` as a newer API sends them."""
    models = OPERATIONS[operation].events or {}
    out = [_model(models[e["type"]], e) if e.get("type") in models else e for e in stream]
    before = next((i for i, e in enumerate(stream) if e.get("type") == "result"), len(stream))
    out.insert(max(1, before // 2), copy.deepcopy(dict(UNKNOWN_EVENT)))
    return out


def _model(name: str, value: Any) -> Any:
    fields = MODELS[name].fields
    if not fields or not isinstance(value, Mapping):
        return copy.deepcopy(value)  # a free-form map (its keys are the user's), or not an object
    out = {
        key: _value(fields[key].schema, element) if key in fields else copy.deepcopy(element)
        for key, element in cast("Mapping[str, Any]", value).items()
    }
    out[EXTRA_PROPERTY] = copy.deepcopy(dict(EXTRA_VALUE))
    return out


def _value(schema: Schema, value: Any) -> Any:
    kind = schema.kind
    if kind == "model":
        return _model(schema.model, value)
    if kind == "array" and schema.items is not None and isinstance(value, list):
        items = schema.items
        elements: list[Any] = value  # pyright: ignore[reportUnknownVariableType] - JSON: a list of Any
        return [_value(items, element) for element in elements]
    if kind == "map" and schema.items is not None and isinstance(value, Mapping):
        items = schema.items  # the keys are the user's; values that are models still grow
        return {key: _value(items, element) for key, element in cast("Mapping[str, Any]", value).items()}
    if kind == "union":
        option = _fitting(schema.options, value)
        return copy.deepcopy(value) if option is None else _value(option, value)
    return copy.deepcopy(value)


def _fitting(options: Sequence[Schema], value: Any) -> Schema | None:
    """The first option that ``value`` fits; for an object, one declaring all its keys."""
    for option in options:
        if option.kind == "model" and isinstance(value, Mapping):
            declared = MODELS[option.model].fields
            if declared and not set(cast("Mapping[str, Any]", value)) <= set(declared):
                continue
        try:
            checker_for(option)(value, "", ANSWER)
        except Invalid:
            continue
        return option
    return None
