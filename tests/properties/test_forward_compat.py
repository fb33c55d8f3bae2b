"""Forward compatibility, proven for every answer the spec describes: cases generated from it.

An installed SDK meets answers from an API that has moved on. For every answer model
(each operation's JSON result) and every stream event, a complete sample is built from
``chatbotkit_api.operations.MODELS`` (every optional property present, every list one
item long), then changed the way a newer API would change it:

- an unknown property added to every object, at every depth: the call succeeds, the
  property is reachable on that object (``additional_properties``, ``obj[key]``) and
  ``to_dict()`` gives back exactly what was sent;
- an unknown value in every enum position: an open enum keeps the exact string as an
  ``UnknownValue``; a closed one (an event's ``type`` tag) makes the event an
  ``UnknownEvent``; either way the stream goes on to its result;
- ``null`` for every optional property: read exactly as if it were absent.

And where the data is wrong rather than new, strictly: every required property missing,
and every typed property of the wrong type, raises ``ResponseValidationError`` (for a
stream, its subclass ``StreamDecodeError``) naming the property's path.

Every case goes through a public method of a real client, sync and async, with the
answer served by an in-process ``httpx.MockTransport``. Nothing here lists a model, a
field or an enum by hand: a new one in the spec is a new case.
"""

from __future__ import annotations

import asyncio
import copy
import dataclasses
import json
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from chatbotkit_api import models
from chatbotkit_api.operations import MODELS, OPERATIONS, Field, Schema
from chatbotkit_api.types import UnknownValue

from chatbotkit_sdk import (
    AsyncConversationClient,
    ConversationClient,
    ResponseValidationError,
    StreamDecodeError,
    UnknownEvent,
)
from chatbotkit_sdk._validate import Invalid, check_model
from tests.helpers import CALLERS, sample

NEW_KEY = "addedByANewerApi"
NEW_VALUE = {"note": "from tomorrow's API", "list": [1, "two", None]}
NEW_ENUM_VALUE = "valueFromANewerApi"
Path = tuple[str | int, ...]

# --- samples built from the spec ------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Position:
    """A property inside a sample: where it is, its schema, and whether it must be there."""

    path: Path
    schema: Schema
    required: bool


def positions(schema: Schema, value: Any, path: Path = ()) -> Iterator[Position]:
    """Every declared property inside ``value`` (built by ``sample``), depth first."""
    if schema.kind == "model" and MODELS[schema.model].fields:
        for name, field in MODELS[schema.model].fields.items():
            if name in value:
                yield Position((*path, name), field.schema, field.required)
                yield from positions(field.schema, value[name], (*path, name))
    elif schema.kind == "array":
        assert schema.items is not None
        for index, item in enumerate(value):
            yield from positions(schema.items, item, (*path, index))
    elif schema.kind == "map":
        assert schema.items is not None
        for key, item in value.items():
            yield from positions(schema.items, item, (*path, key))


def objects(schema: Schema, value: Any, path: Path = ()) -> Iterator[Path]:
    """The path of every object in ``value`` that is a model with declared properties."""
    if schema.kind == "model" and MODELS[schema.model].fields:
        yield path
    for position in positions(schema, value, path):
        if position.schema.kind == "model" and MODELS[position.schema.model].fields:
            yield position.path


def at(value: Any, path: Path) -> Any:
    for step in path:
        value = value[step]
    return value


def changed(value: Any, path: Path, change: Callable[[Any, str | int], None]) -> Any:
    """A deep copy of ``value`` with ``change(parent, key)`` applied at ``path``."""
    out = copy.deepcopy(value)
    change(at(out, path[:-1]), path[-1])
    return out


def spelled(path: Path) -> str:
    """A path as the SDK's errors spell it: ``items[0].type``."""
    text = ""
    for step in path:
        text += f"[{step}]" if isinstance(step, int) else (f".{step}" if text else step)
    return text


def wrong_value(schema: Schema) -> Any:
    """A value of another JSON kind than ``schema`` allows (None where anything goes)."""
    if schema.kind in ("string", "enum"):
        return 12345
    if schema.kind in ("integer", "number"):
        return "12345"
    if schema.kind == "boolean":
        return "true"
    if schema.kind in ("model", "map", "array"):
        return "not a container"
    return None


def read(parsed: Any, path: Path) -> Any:
    """Follow ``path`` (API names) through parsed models, lists and maps."""
    value = parsed
    for step in path:
        if isinstance(step, int):
            value = value[step]
        elif hasattr(value, "additional_properties") and hasattr(type(value), "__attrs_attrs__"):
            model = MODELS.get(type(value).__name__)
            field = model.fields.get(step) if model else None
            value = getattr(value, field.attribute) if field else value.additional_properties[step]
        else:
            value = value[step]
    return value


# --- the calls: one public method per answer ------------------------------------------------


def _first(predicate: Callable[[str], bool]) -> dict[str, str]:
    """model -> the first operation (by name) for which ``predicate(model)`` holds."""
    out: dict[str, str] = {}
    for name in sorted(OPERATIONS):
        op = OPERATIONS[name]
        for model in [op.result, *(op.events or {}).values()]:
            if predicate(model) and model not in out:
                out.setdefault(model, name)
    return out


RESULTS = {m: op for m, op in _first(lambda m: True).items() if m == OPERATIONS[op].result}
EVENTS = {
    model: op
    for model, op in _first(
        lambda m: any(m in (o.events or {}).values() for o in OPERATIONS.values())
    ).items()
    if model in (OPERATIONS[op].events or {}).values() and model != OPERATIONS[op].result
}
EVENTS.pop(OPERATIONS["complete_conversation"].events["error"])  # raises StreamError: its own tests


def event_sample(model: str) -> dict[str, Any]:
    return sample(Schema(kind="model", model=model), full=True)


def result_event(operation: str) -> dict[str, Any] | None:
    """The stream's closing ``result`` event, if it has one."""
    model = (OPERATIONS[operation].events or {}).get("result")
    return event_sample(model) if model else None


class Api:
    """Answers every request with ``body`` (JSON) or ``lines`` (JSON Lines)."""

    def __init__(self, body: Any = None, lines: list[Any] | None = None) -> None:
        self.body, self.lines = body, lines

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if self.lines is not None:
            content = b"".join(json.dumps(line).encode() + b"\n" for line in self.lines)
            return httpx.Response(200, content=content, headers={"content-type": "application/jsonl"})
        return httpx.Response(200, json=self.body)


def _http(api: Api) -> httpx.Client:
    return httpx.Client(transport=httpx.MockTransport(api))


def call_sync(operation: str, api: Api) -> Any:
    caller = CALLERS[operation]
    with ConversationClient(
        secret="sk", http_client=httpx.Client(transport=httpx.MockTransport(api))
    ) as client:
        answer = caller.method(client)(*caller.args())
        return answer.result() if hasattr(answer, "result") else answer


def call_async(operation: str, api: Api) -> Any:
    caller = CALLERS[operation]

    async def go() -> Any:
        http = httpx.AsyncClient(transport=httpx.MockTransport(api))
        async with AsyncConversationClient(secret="sk", http_client=http) as client:
            return await caller.method(client)(*caller.args())

    return asyncio.run(go())


def stream_sync(operation: str, api: Api) -> tuple[list[Any], str, Any]:
    """(events, text(), final_result() or None) of the operation's stream, each from a fresh call."""
    caller = CALLERS[operation]
    with ConversationClient(
        secret="sk", http_client=httpx.Client(transport=httpx.MockTransport(api))
    ) as client:

        def promise() -> Any:
            return caller.method(client)(*caller.args())

        with promise().stream() as stream:
            events = list(stream)
        text = promise().stream().text()
        final = promise().stream().final_result() if result_event(operation) else None
        return events, text, final


def stream_async(operation: str, api: Api) -> tuple[list[Any], str, Any]:
    caller = CALLERS[operation]

    async def go() -> tuple[list[Any], str, Any]:
        http = httpx.AsyncClient(transport=httpx.MockTransport(api))
        async with AsyncConversationClient(secret="sk", http_client=http) as client:

            def promise() -> Any:
                return caller.method(client)(*caller.args())

            async with promise().stream() as stream:
                events = [event async for event in stream]
            text = await promise().stream().text()
            final = await promise().stream().final_result() if result_event(operation) else None
            return events, text, final

    return asyncio.run(go())


CALL = {"sync": call_sync, "async": call_async}
STREAM = {"sync": stream_sync, "async": stream_async}
MODES = ["sync", "async"]


# --- the generated cases -------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Case:
    """One generated case: a property (``path``) of an answer (``model``) of ``operation``."""

    where: str  # "result" (the JSON answer) or "event" (a line of its stream)
    model: str
    operation: str
    path: Path
    schema: Schema | None  # the property's (None for an object as a whole)

    def full(self) -> Any:
        return sample(Schema(kind="model", model=self.model), full=True)


def _cases(kind: str) -> list[Any]:
    """A case for every position of ``kind`` in every answer."""
    out: list[Any] = []
    for roots, where in ((RESULTS, "result"), (EVENTS, "event")):
        for model, operation in sorted(roots.items()):
            schema = Schema(kind="model", model=model)
            value = sample(schema, full=True)
            found: list[tuple[Path, Schema | None]] = []
            if kind == "object":
                found = [(path, None) for path in objects(schema, value)]
            else:
                for p in positions(schema, value):
                    if (
                        (kind == "enum" and p.schema.kind == "enum")
                        or (kind == "optional" and not p.required)
                        or (kind == "required" and p.required and not _last_page_cursor(model, p.path))
                        or (kind == "typed" and wrong_value(p.schema) is not None)
                    ):
                        found.append((p.path, p.schema))
            for path, position in found:
                label = f"{where}:{model}:{spelled(path) or '<root>'}"
                out.append(pytest.param(Case(where, model, operation, path, position), id=label))
    return out


def _last_page_cursor(model: str, path: Path) -> bool:
    """A page's ``cursor``: the API leaves it out on the last page, which the SDK reads as
    ``""`` (tests/sdk/test_streaming.py, pagination); the one required property that may be missing."""
    return path == ("cursor",) and {"items", "cursor"} <= set(MODELS[model].fields)


OBJECT_CASES = _cases("object")
ENUM_CASES = _cases("enum")
OPTIONAL_CASES = _cases("optional")
REQUIRED_CASES = _cases("required")
TYPED_CASES = _cases("typed")


def serve(case: Case, value: Any) -> Api:
    """The API answering with ``value``: a result, or an event then the stream's result."""
    if case.where == "result":
        return Api(body=value)
    closing = result_event(case.operation)
    lines = [value] if closing is None or value.get("type") == "result" else [value, closing]
    return Api(lines=lines)


def parsed_root(case: Case, mode: str, value: Any) -> Any:
    """The parsed answer (a result) or the first event of the stream, after checking that the
    stream's ``text()`` and ``final_result()`` also get through it."""
    api = serve(case, value)
    if case.where == "result":
        return CALL[mode](case.operation, api)
    events, text, final = STREAM[mode](case.operation, api)
    closing = result_event(case.operation)
    if closing is not None:
        assert final is not None
        assert final.to_dict() == closing["data"] or events[0].type == "result"
    assert text == "".join(event.data.token for event in events if event.type == "token")
    return events[0]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("case", OBJECT_CASES)
def test_an_unknown_property_at_any_depth_is_kept_and_reachable(mode: str, case: Case) -> None:
    sent = case.full()
    at(sent, case.path)[NEW_KEY] = copy.deepcopy(NEW_VALUE)

    root = parsed_root(case, mode, sent)

    holder = read(root, case.path)
    assert holder.additional_properties[NEW_KEY] == NEW_VALUE
    assert holder[NEW_KEY] == NEW_VALUE
    assert root.to_dict() == sent


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("case", ENUM_CASES)
def test_an_unknown_enum_value_is_kept_or_makes_an_unknown_event(mode: str, case: Case) -> None:
    sent = changed(case.full(), case.path, _set(NEW_ENUM_VALUE))

    root = parsed_root(case, mode, sent)

    assert case.schema is not None
    if case.schema.open:
        value = read(root, case.path)
        assert isinstance(value, UnknownValue)
        assert value == NEW_ENUM_VALUE
        assert root.to_dict() == sent
    else:  # a closed enum is a tag: only an event's type is one
        assert case.where == "event"
        assert case.path == ("type",), f"a closed enum outside an event's type tag: {spelled(case.path)}"
        assert isinstance(root, UnknownEvent)
        assert (root.event_type, root.data) == (NEW_ENUM_VALUE, sent["data"])


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("case", OPTIONAL_CASES)
def test_null_for_an_optional_property_reads_as_absent(mode: str, case: Case) -> None:
    with_null = parsed_root(case, mode, changed(case.full(), case.path, _set(None)))
    without = parsed_root(case, mode, changed(case.full(), case.path, _delete))

    assert with_null.to_dict() == without.to_dict()
    assert read(with_null, case.path[:-1]).to_dict() == read(without, case.path[:-1]).to_dict()
    assert read(with_null, case.path) is read(without, case.path)  # UNSET, or a default both agree on


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("case", REQUIRED_CASES)
def test_a_missing_required_property_raises_naming_its_path(mode: str, case: Case) -> None:
    _assert_refused(case, mode, changed(case.full(), case.path, _delete))


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("case", TYPED_CASES)
def test_a_property_of_the_wrong_type_raises_naming_its_path(mode: str, case: Case) -> None:
    assert case.schema is not None
    _assert_refused(case, mode, changed(case.full(), case.path, _set(wrong_value(case.schema))))


def _assert_refused(case: Case, mode: str, sent: Any) -> None:
    expected = StreamDecodeError if case.where == "event" else ResponseValidationError
    run = CALL[mode] if case.where == "result" else STREAM[mode]
    api = Api(body=sent) if case.where == "result" else Api(lines=[sent])
    with pytest.raises(expected) as info:
        run(case.operation, api)
    message = str(info.value)
    if case.where == "event" and case.path == ("type",):
        assert '{"type", "data"} event' in message  # no type: no event to name a path in
    else:
        assert f"{spelled(case.path)}: " in message, message


def _set(value: Any) -> Callable[[Any, str | int], None]:
    def change(parent: Any, key: str | int) -> None:
        parent[key] = value

    return change


def _delete(parent: Any, key: str | int) -> None:
    del parent[key]


# --- what the generated cases cover (the closing note of the issue quotes these) --------------


def test_the_cases_cover_every_answer_and_event_of_the_spec() -> None:
    results = {op.result for op in OPERATIONS.values()}
    events = {m for op in OPERATIONS.values() for k, m in (op.events or {}).items() if k != "error"}
    assert set(RESULTS) == results
    assert set(EVENTS) == events - results  # a result that is also an event: tested as a result
    assert {case.values[0].model for case in OBJECT_CASES} == set(RESULTS) | set(EVENTS)
    assert all(case.values[0].operation in CALLERS for case in OBJECT_CASES)
    assert any(case.values[0].schema.open for case in ENUM_CASES)


def test_a_sample_is_itself_a_valid_answer() -> None:
    """The base of every case: unchanged, each sample parses and round-trips."""
    for model, operation in RESULTS.items():
        sent = sample(Schema(kind="model", model=model), full=True)
        assert call_sync(operation, Api(body=sent)).to_dict() == sent
    for model, operation in EVENTS.items():
        sent = event_sample(model)
        case = Case("event", model, operation, (), None)
        events, _, _ = stream_sync(operation, serve(case, sent))
        assert events[0].to_dict() == sent


ENUM_FIELDS = [
    pytest.param(model.name, field, id=f"{model.name}.{name}")
    for model in MODELS.values()
    for name, field in model.fields.items()
    if field.schema.kind == "enum"
]


@pytest.mark.parametrize(("model", "field"), ENUM_FIELDS)
def test_the_generated_model_and_the_checker_agree_on_which_enums_are_open(model: str, field: Field) -> None:
    """Openness is decided twice from one rule (the literal_enum template for from_dict,
    spec_tables for ``Schema.open``): they must agree for every enum field, requests too."""
    value = changed(sample(Schema(kind="model", model=model), full=True), (field.name,), _set(NEW_ENUM_VALUE))
    cls = getattr(models, model)
    if field.schema.open:
        check_model(model, value, strict=False)
        parsed = getattr(cls.from_dict(value), field.attribute)
        assert (type(parsed), parsed) == (UnknownValue, NEW_ENUM_VALUE)
    else:
        with pytest.raises(Invalid):
            check_model(model, value, strict=False)
        with pytest.raises(TypeError):
            cls.from_dict(value)
    # Open or closed, a value is still a string (null, for an optional field, is absent).
    for not_a_string in (5, ["bot"], *([None] if field.required else [])):
        with pytest.raises(TypeError):
            cls.from_dict({**value, field.name: not_a_string})


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    "line",
    [
        {"type": "heartbeat"},
        {"type": "progress", "data": [1, 2], "id": "evt_1"},
        {"type": "progress", "data": None, "meta": {"step": 2}},
    ],
    ids=["no data", "list data and an id", "null data and meta"],
)
def test_an_unknown_event_of_any_shape_passes_through_whole(mode: str, line: dict[str, Any]) -> None:
    operation = "complete_conversation"
    closing = result_event(operation)
    assert closing is not None
    events, text, final = STREAM[mode](operation, Api(lines=[line, closing]))

    unknown = events[0]
    assert isinstance(unknown, UnknownEvent)
    assert (unknown.event_type, unknown.data, dict(unknown.raw)) == (line["type"], line.get("data"), line)
    assert final is not None
    assert final.to_dict() == closing["data"]
    assert text == ""
