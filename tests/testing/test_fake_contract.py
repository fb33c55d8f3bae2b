"""The fake's contract with the spec, generated from the spec: what it refuses and accepts.

Everything here is derived from ``chatbotkit_api.operations``: for every operation
that takes a body, an unknown property at the top and nested, a wrong type, and for
every constrained field of its body (at any depth) a value just outside each
constraint (a 400 naming the field) and one just inside (served); for every
operation with a query, an unknown parameter, a wrong type and its constraints.
Each case runs over real HTTP against ``fake.serve()`` and in process.

Then the parts of the fake a test reads: the request log (``requests``, ``calls()``,
``assert_called()``, with credentials redacted) and faults (matched by operation or
exact path template; code and message; ``times``; a seeded ``probability``;
``latency``; ``add_fault`` from JSON; unknown routes never use one up).
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable, Iterator, Mapping
from contextlib import ExitStack
from typing import Any

import httpx
import pytest
from chatbotkit_api.operations import MODELS, OPERATIONS, Operation, Parameter, Schema

from chatbotkit_sdk import APITimeoutError, BadRequestError, ConversationClient, InternalServerError
from chatbotkit_sdk._validate import SERVED_STRICT, Invalid, served_query
from chatbotkit_sdk.testing import FakeChatBotKit, FakeRequest, Fault
from tests.helpers import BASE_URL, Wire, raw_http

SECRET = "sk_contract_Q8wL2nV5"
AUTH = {"Authorization": f"Bearer {SECRET}"}
UNKNOWN = "notInTheSpec"

#: Where a value the spec allows is still refused by the fake's own rules (see _fake.py):
#: the upload's ``file`` must be an http(s): or data: URL.
OVERRIDES: dict[tuple[str, str], Any] = {("AttachmentUploadRequest", "file"): "https://example.com/a.pdf"}

Path = tuple[str | int, ...]


# --- values from the spec ------------------------------------------------------------------


def _numbers(schema: Schema) -> list[float]:
    """Bounds of a number, inclusive, as OpenAPI 3.0 (a flag) or 3.1 (a number) writes them."""
    low, high = schema.minimum, schema.maximum
    step = 1 if schema.kind == "integer" else 0.5
    if isinstance(schema.exclusive_minimum, bool):
        low = low + step if schema.exclusive_minimum and low is not None else low
    elif schema.exclusive_minimum is not None:
        low = schema.exclusive_minimum + step
    if isinstance(schema.exclusive_maximum, bool):
        high = high - step if schema.exclusive_maximum and high is not None else high
    elif schema.exclusive_maximum is not None:
        high = schema.exclusive_maximum - step
    return [b for b in (low, high) if b is not None]


def _fits(schema: Schema, value: str) -> bool:
    """The test's own reading of a string's constraints (JSON Schema, ECMA 262 patterns)."""
    if schema.min_length is not None and len(value) < schema.min_length:
        return False
    if schema.max_length is not None and len(value) > schema.max_length:
        return False
    return schema.pattern is None or re.search(schema.pattern, value, re.ASCII) is not None


STRINGS = ["a", "abc", "gpt-4o", "a1", "A", "0", "user"]
NOT_MATCHING = ["", "-", "é", " ", "!?", "/"]


def valid(schema: Schema, model: str = "", field: str = "") -> Any:
    """A small value the spec allows for ``schema`` (a property ``field`` of ``model``)."""
    if (model, field) in OVERRIDES:
        return OVERRIDES[model, field]
    assert schema.kind in VALID, f"a schema kind this test does not know: {schema.kind}"
    return VALID[schema.kind](schema)


def _valid_number(schema: Schema) -> float:
    bounds = _numbers(schema)
    return bounds[0] if bounds else 1


def _valid_array(schema: Schema) -> list[Any]:
    assert schema.items is not None
    return [valid(schema.items) for _ in range(schema.min_items or 0)]


def _valid_model(schema: Schema) -> dict[str, Any]:
    declared = MODELS[schema.model].fields
    return {name: valid(f.schema, schema.model, name) for name, f in declared.items() if f.required}


def _valid_string(schema: Schema) -> str:
    low = schema.min_length or 0
    for candidate in STRINGS:
        padded = candidate + "a" * max(low - len(candidate), 0)
        if _fits(schema, padded):
            return padded
    raise AssertionError(f"no candidate string fits {schema}")


VALID: dict[str, Callable[[Schema], Any]] = {
    "boolean": lambda _: True,
    "any": lambda _: "x",
    "map": lambda _: {},
    "string": _valid_string,
    "integer": _valid_number,
    "number": _valid_number,
    "enum": lambda schema: schema.values[0],
    "array": _valid_array,
    "union": lambda schema: valid(schema.options[0]),
    "model": _valid_model,
}


def model_schema(name: str) -> Schema:
    return Schema(kind="model", model=name)


def build(schema: Schema, path: Path, leaf: Any) -> Any:
    """The smallest valid value of ``schema`` with ``leaf`` at ``path``."""
    if not path:
        return leaf
    head, rest = path[0], path[1:]
    if schema.kind == "model":
        value = valid(schema)
        model = MODELS[schema.model]
        field = model.fields.get(str(head))
        sub = field.schema if field is not None else (model.extra or Schema(kind="any"))
        value[head] = build(sub, rest, leaf)
        return value
    if schema.kind == "array":
        assert schema.items is not None
        extra = [valid(schema.items) for _ in range(max((schema.min_items or 0) - 1, 0))]
        return [build(schema.items, rest, leaf), *extra]
    if schema.kind == "map":
        assert schema.items is not None
        return {head: build(schema.items, rest, leaf)}
    raise AssertionError(f"cannot go into a {schema.kind} at {path}")


def shown(path: Path) -> str:
    """A path as the fake names it: ``messages[0].text``."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def walk(
    schema: Schema, path: Path = (), seen: frozenset[str] = frozenset()
) -> Iterator[tuple[Path, Schema]]:
    """Every schema reachable in a body, with its path (unions are not entered)."""
    yield path, schema
    if schema.kind == "model" and schema.model not in seen:
        for name, field in MODELS[schema.model].fields.items():
            yield from walk(field.schema, (*path, name), seen | {schema.model})
    elif schema.kind == "array" and schema.items is not None:
        yield from walk(schema.items, (*path, 0), seen)
    elif schema.kind == "map" and schema.items is not None:
        yield from walk(schema.items, (*path, "key"), seen)


def limit_cases(schema: Schema) -> Iterator[tuple[str, Any, bool]]:
    """(constraint, value, allowed): a value just outside and one just inside each constraint."""
    if schema.kind in ("integer", "number"):
        yield from _number_cases(schema)
    yield from _string_cases(schema)
    if schema.kind == "array" and schema.items is not None:
        item = valid(schema.items)
        yield from _size_cases(
            "min_items", "max_items", schema.min_items, schema.max_items, lambda n: [item] * n
        )


def _number_cases(schema: Schema) -> Iterator[tuple[str, Any, bool]]:
    step = 1 if schema.kind == "integer" else 0.5
    if schema.minimum is not None:
        yield "minimum", schema.minimum - step, False
        yield "minimum", schema.minimum, True
    if schema.maximum is not None:
        yield "maximum", schema.maximum + step, False
        yield "maximum", schema.maximum, True
    for name, bound, sign in (
        ("exclusive_minimum", schema.exclusive_minimum, 1),
        ("exclusive_maximum", schema.exclusive_maximum, -1),
    ):
        if bound is not None and not isinstance(bound, bool):
            yield name, bound, False
            yield name, bound + sign * step, True


def _string_cases(schema: Schema) -> Iterator[tuple[str, Any, bool]]:
    yield from _size_cases(
        "min_length", "max_length", schema.min_length, schema.max_length, lambda n: "a" * n
    )
    if schema.pattern is not None:
        outside = next(s for s in NOT_MATCHING if not re.search(schema.pattern, s, re.ASCII))
        yield "pattern", outside, False
        yield "pattern", _valid_string(schema), True


def _size_cases(
    low_name: str, high_name: str, low: int | None, high: int | None, of_size: Callable[[int], Any]
) -> Iterator[tuple[str, Any, bool]]:
    if low is not None:
        if low > 0:
            yield low_name, of_size(low - 1), False
        yield low_name, of_size(low), True
    if high is not None:
        yield high_name, of_size(high + 1), False
        yield high_name, of_size(high), True


def body_operations() -> list[str]:
    return sorted(name for name, op in OPERATIONS.items() if op.body is not None)


def body_limit_cases() -> list[Any]:
    cases = []
    for name in body_operations():
        body = OPERATIONS[name].body
        assert body is not None
        for path, schema in walk(model_schema(body)):
            for constraint, value, allowed in limit_cases(schema):
                label = f"{name}-{shown(path)}-{constraint}-{'inside' if allowed else 'outside'}"
                cases.append(pytest.param(name, path, value, allowed, id=label))
    return cases


def nested_model_path(model: str) -> Path | None:
    """The shortest path to a model, below the top, that declares its properties exactly."""
    found = [
        path
        for path, schema in walk(model_schema(model))
        if path and schema.kind == "model" and MODELS[schema.model].extra is None
    ]
    return min(found, key=len) if found else None


WRONG: dict[str, Any] = {
    "string": 123,
    "integer": "1",
    "number": "1.5",
    "boolean": "true",
    "enum": 123,
    "array": "x",
    "map": "x",
    "model": "x",
    "union": 123,
}


# --- the wire: in process or over loopback HTTP ---------------------------------------------


@pytest.fixture(scope="module")
def shared() -> Iterator[tuple[FakeChatBotKit, str]]:
    fake = FakeChatBotKit(secret=SECRET)
    with fake.serve() as url:
        yield fake, url


@pytest.fixture(params=["http", "in-process"])
def wire(request: pytest.FixtureRequest, shared: tuple[FakeChatBotKit, str]) -> Iterator[Wire]:
    fake, url = shared
    with raw_http(fake, request.param, headers=AUTH, url=url) as http:
        yield Wire(fake, http)


def refused(answer: httpx.Response, field: str) -> str:
    assert answer.status_code == 400, answer.text
    error = answer.json()
    assert set(error) == {"message", "code"}, error
    assert error["code"] == "BAD_REQUEST"
    assert error["message"].startswith(f"{field}: "), (field, error)
    message: str = error["message"]
    return message


def served(answer: httpx.Response) -> None:
    assert answer.status_code == 200, answer.text


# --- 1. bodies ---------------------------------------------------------------------------------


def test_the_spec_has_what_these_tests_cover() -> None:
    """The generated cases are not empty: a spec change that dropped them fails here."""
    assert len(body_operations()) >= 20
    assert len(body_limit_cases()) >= 20
    assert any(nested_model_path(OPERATIONS[n].body or "") for n in body_operations())


@pytest.mark.parametrize("operation", body_operations())
def test_the_smallest_valid_body_is_served(wire: Wire, operation: str) -> None:
    body = OPERATIONS[operation].body
    assert body is not None
    served(wire.call(operation, valid(model_schema(body))))


@pytest.mark.parametrize("operation", body_operations())
def test_an_unknown_property_at_the_top(wire: Wire, operation: str) -> None:
    body = OPERATIONS[operation].body
    assert body is not None
    answer = wire.call(operation, {**valid(model_schema(body)), UNKNOWN: 1})
    if MODELS[body].extra is None:
        message = refused(answer, UNKNOWN)
        assert f"unknown field {UNKNOWN!r} for {body}" in message
    else:  # the spec lets this body hold anything (additionalProperties)
        served(answer)


@pytest.mark.parametrize(
    "operation", [n for n in body_operations() if nested_model_path(OPERATIONS[n].body or "") is not None]
)
def test_an_unknown_property_nested(wire: Wire, operation: str) -> None:
    body = OPERATIONS[operation].body
    assert body is not None
    path = nested_model_path(body)
    assert path is not None
    value = build(model_schema(body), (*path, UNKNOWN), 1)
    refused(wire.call(operation, value), shown((*path, UNKNOWN)))


@pytest.mark.parametrize("operation", body_operations())
def test_a_wrong_type(wire: Wire, operation: str) -> None:
    body = OPERATIONS[operation].body
    assert body is not None
    fields = [(n, f) for n, f in MODELS[body].fields.items() if f.schema.kind in WRONG]
    if not fields:  # a body without declared fields: the body itself of the wrong type
        answer = wire.call(operation, ["not", "an", "object"])
        assert answer.status_code == 400
        assert answer.json()["message"] == "the request body must be a JSON object"
        return
    name, field = fields[0]
    value = {**valid(model_schema(body)), name: WRONG[field.schema.kind]}
    refused(wire.call(operation, value), name)


@pytest.mark.parametrize(("operation", "path", "value", "allowed"), body_limit_cases())
def test_a_constraint_just_outside_and_just_inside(
    wire: Wire, operation: str, path: Path, value: Any, allowed: bool
) -> None:
    body = OPERATIONS[operation].body
    assert body is not None
    answer = wire.call(operation, build(model_schema(body), path, value))
    if allowed:
        served(answer)
    else:
        refused(answer, shown(path))


def test_the_examples_of_the_brief(wire: Wire) -> None:
    message = refused(wire.call("complete_conversation_message", {"txt": "hello"}), "txt")
    assert "did you mean 'text'?" in message
    message = refused(
        wire.call("complete_conversation_message", {"text": "Hi", "limits": {"iterations": 0}}),
        "limits.iterations",
    )
    assert message == "limits.iterations: must be at least 1, got 0"
    refused(wire.call("upvote_conversation", {"value": 101}), "value")
    refused(wire.call("downvote_conversation", {"value": 0}), "value")
    refused(wire.call("dispatch_conversation", {"messages": [], "channelId": "short"}), "channelId")
    refused(wire.call("create_conversation", {"model": "--"}), "model")
    refused(
        wire.call("complete_conversation", {"messages": [{"type": "robot", "text": "x"}]}), "messages[0].type"
    )


def test_a_huge_number_in_a_body_is_a_clean_400(wire: Wire) -> None:
    path = wire.path("upvote_conversation")
    answer = wire.http.post(path, content=b'{"value": 1' + b"0" * 5000 + b"}")
    assert answer.status_code == 400
    assert answer.json()["code"] == "BAD_REQUEST"


def test_a_body_nested_deeper_than_python_reads_is_a_clean_400(wire: Wire) -> None:
    path = wire.path("create_conversation")
    deep = b'{"meta": {"a": ' + b"[" * 100_000 + b"]" * 100_000 + b"}}"
    answer = wire.http.post(path, content=deep)
    assert answer.status_code == 400
    assert answer.json()["code"] == "BAD_REQUEST"


# --- 2. queries --------------------------------------------------------------------------------


def query_operations() -> list[str]:
    return sorted(name for name, op in OPERATIONS.items() if op.query)


def query_text(param: Parameter, value: Any) -> str:
    if param.style == "deepObject":
        return "&".join(f"{param.name}[{k}]={v}" for k, v in value.items())
    return f"{param.name}={value}"


def query_value(schema: Schema) -> Any:
    if schema.kind == "model":
        return {"team": "blue"}
    if schema.format == "date-time":  # checked by the fake itself (the spec's format)
        return "2024-01-01T00:00:00Z"
    value = valid(schema)
    return str(value).lower() if isinstance(value, bool) else value


def query_limit_cases(operations: Mapping[str, Operation]) -> list[Any]:
    cases = []
    for name, op in sorted(operations.items()):
        for param in op.query:
            for constraint, value, allowed in limit_cases(param.schema):
                label = f"{name}-{param.name}-{constraint}-{'inside' if allowed else 'outside'}"
                cases.append(pytest.param(name, param.name, value, allowed, id=label))
    return cases


@pytest.mark.parametrize("operation", query_operations())
def test_every_query_parameter_with_a_valid_value_is_served(wire: Wire, operation: str) -> None:
    op = OPERATIONS[operation]
    query = "&".join(query_text(p, query_value(p.schema)) for p in op.query if p.name != "cursor")
    served(wire.call(operation, query=query))


@pytest.mark.parametrize("operation", query_operations())
def test_an_unknown_query_parameter(wire: Wire, operation: str) -> None:
    message = refused(wire.call(operation, query=f"{UNKNOWN}=1"), UNKNOWN)
    assert f"unknown query parameter {UNKNOWN!r} for {operation}" in message


@pytest.mark.parametrize(
    ("operation", "param"),
    [
        pytest.param(name, p.name, id=f"{name}-{p.name}")
        for name in query_operations()
        for p in OPERATIONS[name].query
        if p.schema.kind in ("integer", "number", "boolean", "enum", "model")
    ],
)
def test_a_query_parameter_of_the_wrong_type(wire: Wire, operation: str, param: str) -> None:
    schema = next(p for p in OPERATIONS[operation].query if p.name == param).schema
    if schema.kind == "model":  # deepObject: name[key]=value, not name=value
        refused(wire.call(operation, query=f"{param}=x"), param)
    else:
        refused(wire.call(operation, query=f"{param}=not-a-valid-value"), param)


def test_query_constraints_are_checked_as_the_spec_would_give_them() -> None:
    """The spec constrains no query parameter today; the same generator over an operation
    that does (built here) proves the query path reads them, just outside and just inside."""
    bounded = Parameter(name="take", attribute="take", schema=Schema(kind="integer", minimum=1, maximum=100))
    word = Parameter(
        name="q", attribute="q", schema=Schema(kind="string", min_length=2, max_length=5, pattern=r"^\w+$")
    )
    op = Operation(
        name="search", operation_id="search", tag="t", method="GET", path="/search", query=(bounded, word)
    )
    cases = query_limit_cases({"search": op})
    assert len(cases) == 10
    for case in [*cases, *query_limit_cases(OPERATIONS)]:  # the spec's own, when it has some
        name, param, value, allowed = case.values
        pairs = [(param, str(value))]
        target = op if name == "search" else OPERATIONS[name]
        if allowed:
            read = served_query(target, pairs, SERVED_STRICT)
            assert read == {param: value}
        else:
            with pytest.raises(Invalid) as caught:
                served_query(target, pairs, SERVED_STRICT)
            assert caught.value.path == param


def test_a_5000_digit_take_is_a_clean_400(wire: Wire) -> None:
    message = refused(wire.call("list_conversations", query="take=" + "9" * 5000), "take")
    assert "5000 digits" in message
    assert len(message) < 200


def test_a_query_parameter_given_twice_and_a_bare_deep_object(wire: Wire) -> None:
    refused(wire.call("list_conversations", query="take=1&take=2"), "take")
    refused(wire.call("list_conversations", query="meta=blue"), "meta")
    refused(wire.call("fetch_conversation", query="take=1"), "take")  # it takes no query


def test_take_is_clamped_by_the_fake_not_the_spec(wire: Wire) -> None:
    """The spec says only "integer": the fake clamps to 1..100 (its own rule, as the API's)."""
    served(wire.call("list_conversations", query="take=0"))
    served(wire.call("list_conversations", query="take=100000"))


# --- 3. strict=False, newer_api, and the SDK's own requests ---------------------------------


@pytest.fixture(params=["http", "in-process"])
def lenient(request: pytest.FixtureRequest) -> Iterator[Wire]:
    fake = FakeChatBotKit(secret=SECRET, strict=False)
    with raw_http(fake, request.param, headers=AUTH) as http:
        yield Wire(fake, http)


@pytest.mark.parametrize("operation", body_operations())
def test_not_strict_takes_unknown_properties(lenient: Wire, operation: str) -> None:
    body = OPERATIONS[operation].body
    assert body is not None
    value = {**valid(model_schema(body)), UNKNOWN: {"any": ["json"]}}
    path = nested_model_path(body)
    if path is not None:
        value = build(model_schema(body), (*path, UNKNOWN), 1)
        value[UNKNOWN] = True
    served(lenient.call(operation, value))


def test_not_strict_takes_unknown_query_parameters_but_checks_known_ones(lenient: Wire) -> None:
    served(lenient.call("list_conversations", query=f"{UNKNOWN}=1&take=2"))
    served(lenient.call("fetch_conversation", query=f"{UNKNOWN}=1"))
    refused(lenient.call("list_conversations", query=f"{UNKNOWN}=1&take=x"), "take")
    refused(lenient.call("list_conversations", query="order=sideways"), "order")


@pytest.mark.parametrize(("operation", "path", "value", "allowed"), body_limit_cases())
def test_not_strict_still_checks_constraints(
    lenient: Wire, operation: str, path: Path, value: Any, allowed: bool
) -> None:
    body = OPERATIONS[operation].body
    assert body is not None
    answer = lenient.call(operation, {**build(model_schema(body), path, value), UNKNOWN: 1})
    if allowed:
        served(answer)
    else:
        refused(answer, shown(path))


def test_not_strict_still_checks_types_and_enums(lenient: Wire) -> None:
    refused(lenient.call("complete_conversation_message", {"text": 5, UNKNOWN: 1}), "text")
    refused(lenient.call("create_conversation_message", {"type": "robot", "text": "x"}), "type")


def test_the_strict_flag_can_be_changed_on_a_fake() -> None:
    fake = FakeChatBotKit()
    with httpx.Client(transport=fake.transport(), base_url=BASE_URL, headers=AUTH) as http:
        assert http.post("/v1/conversation/create", json={UNKNOWN: 1}).status_code == 400
        fake.strict = False
        assert http.post("/v1/conversation/create", json={UNKNOWN: 1}).status_code == 200


def test_the_newer_api_takes_open_enum_values_it_does_not_list_and_stays_strict() -> None:
    with ExitStack() as stack:
        results = {}
        for newer in (False, True):
            fake = FakeChatBotKit(newer_api=newer)
            http = stack.enter_context(
                httpx.Client(transport=fake.transport(), base_url=BASE_URL, headers=AUTH)
            )
            conversation = http.post("/v1/conversation/create", json={}).json()["id"]
            url = f"/v1/conversation/{conversation}/message/create"
            results[newer] = http.post(url, json={"type": "annotation", "text": "x"}).status_code
            # Strict either way: an unknown property and a constraint are still refused.
            assert http.post(url, json={"type": "user", "text": "x", UNKNOWN: 1}).status_code == 400
            dispatch = f"/v1/conversation/{conversation}/dispatch"
            assert http.post(dispatch, json={"text": "x", "channelId": "short"}).status_code == 400
    assert results == {False: 400, True: 200}


def test_the_sdk_leaves_constraints_to_the_server() -> None:
    """The SDK sends a body outside a constraint; the fake, as the API, refuses it."""
    fake = FakeChatBotKit()
    with ConversationClient(
        secret=SECRET, base_url=BASE_URL, http_client=fake.http_client(), retries=0
    ) as client:
        conversation = client.create().id
        with pytest.raises(BadRequestError) as caught:
            client.complete(conversation, {"text": "Hi", "limits": {"iterations": 0}}).result()
    assert "limits.iterations" in str(caught.value)
    assert [r.status for r in fake.calls("complete_conversation_message")] == [400]


# --- 5. calls() and assert_called() -------------------------------------------------------------


@pytest.fixture
def used() -> tuple[FakeChatBotKit, str]:
    """A fake after a create, two completions and a failed one, through the SDK's client."""
    fake = FakeChatBotKit()
    with ConversationClient(
        secret=SECRET, base_url=BASE_URL, http_client=fake.http_client(), retries=0
    ) as client:
        conversation = client.create({"name": "ticket", "meta": {"team": "blue"}}).id
        client.complete(conversation, {"text": "Hello"}).result()
        client.complete(conversation, {"text": "Thanks", "limits": {"iterations": 2}}).result()
        with pytest.raises(BadRequestError):
            client.complete(conversation, {"text": "x", "limits": {"iterations": 0}}).result()
        client.message.list(conversation, {"take": 5}).result()
    return fake, conversation


def test_calls_returns_one_operations_requests(used: tuple[FakeChatBotKit, str]) -> None:
    fake, _ = used
    calls = fake.calls("complete_conversation_message")
    assert [c.json["text"] for c in calls] == ["Hello", "Thanks", "x"]
    assert [c.status for c in calls] == [200, 200, 400]
    assert fake.calls("complete_conversation") == []  # the stateless twin: not called
    with pytest.raises(ValueError, match="did you mean 'complete_conversation_message'"):
        fake.calls("complete_conversation_mesage")


def test_assert_called_matches_a_subset_of_the_body_and_query(used: tuple[FakeChatBotKit, str]) -> None:
    fake, _ = used
    assert len(fake.assert_called("complete_conversation_message")) == 3
    fake.assert_called("complete_conversation_message", times=3)
    (thanks,) = fake.assert_called("complete_conversation_message", json={"limits": {"iterations": 2}})
    assert thanks.json["text"] == "Thanks"
    fake.assert_called("create_conversation", times=1, json={"meta": {"team": "blue"}})
    fake.assert_called("list_conversation_messages", query={"take": "5"})
    fake.assert_called("complete_conversation", times=0)
    fake.assert_called("complete_conversation_message", times=0, json={"text": "Bye"})


def test_assert_called_says_what_it_expected_and_what_it_saw(used: tuple[FakeChatBotKit, str]) -> None:
    fake, conversation = used
    with pytest.raises(AssertionError) as caught:
        fake.assert_called("complete_conversation_message", times=1, json={"text": "Bye"})
    message = str(caught.value)
    assert message.startswith(
        'expected complete_conversation_message to be called 1 time with a body containing {"text": "Bye"}; '
        "it was called 0 times with such a request (3 in all)."
    )
    assert "The fake saw 5 requests:" in message
    lines = message.splitlines()
    assert lines[2:] == [
        '  1. create_conversation: POST /api/v1/conversation/create -> 200, body {"meta": {"team": "blue"}, '
        '"name": "ticket"}',
        f"  2. complete_conversation_message: POST /api/v1/conversation/{conversation}/complete -> 200, "
        'body {"text": "Hello"}',
        f"  3. complete_conversation_message: POST /api/v1/conversation/{conversation}/complete -> 200, "
        'body {"limits": {"iterations": 2}, "text": "Thanks"}',
        f"  4. complete_conversation_message: POST /api/v1/conversation/{conversation}/complete -> 400, "
        'body {"limits": {"iterations": 0}, "text": "x"}',
        f"  5. list_conversation_messages: GET /api/v1/conversation/{conversation}/message/list "
        'query {"take": "5"} -> 200',
    ]

    with pytest.raises(
        AssertionError,
        match=r"^expected complete_conversation to be called at least once; it was called 0 times\.",
    ):
        fake.assert_called("complete_conversation")
    with pytest.raises(AssertionError, match="to be called 2 times; it was called 3 times"):
        fake.assert_called("complete_conversation_message", times=2)
    with pytest.raises(ValueError, match="not an operation of the spec"):
        fake.assert_called("complete")
    with pytest.raises(ValueError, match="times"):
        fake.assert_called("complete_conversation_message", times=-1)


def test_assert_called_keeps_json_types_apart() -> None:
    fake = FakeChatBotKit()
    with httpx.Client(transport=fake.transport(), base_url=BASE_URL, headers=AUTH) as http:
        http.post(
            "/v1/conversation/create", json={"meta": {"flag": True, "n": 1, "list": [1, {"a": 2, "b": 3}]}}
        )
    fake.assert_called("create_conversation", json={"meta": {"flag": True}})
    fake.assert_called("create_conversation", json={"meta": {"list": [1, {"a": 2}]}})
    fake.assert_called("create_conversation", times=0, json={"meta": {"flag": 1}})
    fake.assert_called("create_conversation", times=0, json={"meta": {"n": True}})
    fake.assert_called("create_conversation", times=0, json={"meta": {"list": [1]}})  # lists whole


def test_the_log_of_a_long_session_is_shortened_in_the_message() -> None:
    fake = FakeChatBotKit()
    with httpx.Client(transport=fake.transport(), base_url=BASE_URL, headers=AUTH) as http:
        for index in range(60):
            http.post("/v1/conversation/create", json={"name": f"n{index}", "description": "d" * 500})
    with pytest.raises(AssertionError) as caught:
        fake.assert_called("fetch_conversation")
    message = str(caught.value)
    assert "The fake saw 60 requests:" in message
    assert "... 10 earlier ones left out" in message
    assert "  11. create_conversation" in message
    assert "  10. create_conversation" not in message
    assert max(len(line) for line in message.splitlines()) < 400


# --- 6. faults -----------------------------------------------------------------------------------


def handle(fake: FakeChatBotKit, method: str, path: str, body: Any = None, *, jsonl: bool = False) -> Any:
    """One request straight into the fake: the ``FakeResponse`` it produces, before any wire."""
    headers = {"authorization": AUTH["Authorization"]}
    if jsonl:
        headers["accept"] = "application/jsonl"
    content = json.dumps(body).encode() if body is not None else b""
    return fake.handle(FakeRequest(method, f"{BASE_URL}/v1{path}", headers, content))


@pytest.fixture
def fresh() -> tuple[FakeChatBotKit, str]:
    fake = FakeChatBotKit()
    conversation = json.loads(handle(fake, "POST", "/conversation/create", {}).body)["id"]
    return fake, conversation


STATELESS = ("/conversation/complete", {"messages": [{"type": "user", "text": "Hi"}]})


def test_a_fault_for_an_operation_leaves_its_stateless_twin_alone(fresh: tuple[FakeChatBotKit, str]) -> None:
    fake, conversation = fresh
    fault = fake.fail(503, operation="complete_conversation_message")
    assert handle(fake, "POST", *STATELESS).status == 200
    assert fault.times == 1
    assert handle(fake, "POST", f"/conversation/{conversation}/complete", {"text": "Hi"}).status == 503
    assert fault.times == 0
    twin = fake.fail(503, operation="complete_conversation")
    assert handle(fake, "POST", f"/conversation/{conversation}/complete", {"text": "Hi"}).status == 200
    assert handle(fake, "POST", *STATELESS).status == 503
    assert twin.times == 0


def test_a_fault_for_a_path_template_matches_it_exactly(fresh: tuple[FakeChatBotKit, str]) -> None:
    fake, conversation = fresh
    stateful = fake.fail(500, path="/conversation/{conversationId}/complete")
    stateless = fake.fail(502, path="/conversation/complete")
    assert handle(fake, "POST", *STATELESS).status == 502
    assert handle(fake, "POST", f"/conversation/{conversation}/complete", {"text": "Hi"}).status == 500
    assert (stateful.times, stateless.times) == (0, 0)
    assert (stateful.operation, stateful.path) == (None, "/conversation/{conversationId}/complete")


def test_fault_targets_are_checked_against_the_spec() -> None:
    fake = FakeChatBotKit()
    with pytest.raises(
        ValueError,
        match=re.escape("did you mean '/conversation/complete' or '/conversation/{conversationId}/complete'"),
    ):
        fake.fail(path="/complete")
    with pytest.raises(ValueError, match="is not a path of the spec"):
        fake.drop(path="/v1/conversation/list")
    with pytest.raises(ValueError, match="did you mean 'fetch_conversation'"):
        fake.stall(1, operation="fetch_conversations")
    with pytest.raises(ValueError, match="not both"):
        fake.cut_stream(1, operation="fetch_conversation", path="/conversation/{conversationId}/fetch")
    for bad, problem in (
        (lambda: fake.fail(99), "status"),
        (lambda: fake.fail(True), "status"),
        (lambda: fake.fail(times=0), "times"),
        (lambda: fake.fail(probability=1.5), "probability"),
        (lambda: fake.fail(latency=-1), "latency"),
        (lambda: fake.stall(float("inf")), "seconds"),
        (lambda: fake.malformed_line(-1), "after_events"),
    ):
        with pytest.raises(ValueError, match=f"^{problem}: "):
            bad()
    assert fake.faults == []


def test_an_injected_failure_carries_its_code_and_message(fresh: tuple[FakeChatBotKit, str]) -> None:
    fake, conversation = fresh
    fake.fail(429, operation="fetch_conversation", retry_after="3", code="QUOTA", message="slow down")
    answer = handle(fake, "GET", f"/conversation/{conversation}/fetch")
    assert (answer.status, answer.headers["Retry-After"]) == (429, "3")
    assert json.loads(answer.body) == {"message": "slow down", "code": "QUOTA"}
    fake.fail(409, operation="fetch_conversation")
    answer = handle(fake, "GET", f"/conversation/{conversation}/fetch")
    assert json.loads(answer.body) == {"message": "Injected failure", "code": "CONFLICT"}


def test_times_counts_down_and_then_the_fault_is_spent(fresh: tuple[FakeChatBotKit, str]) -> None:
    fake, conversation = fresh
    fault = fake.fail(500, operation="fetch_conversation", times=2)
    statuses = [handle(fake, "GET", f"/conversation/{conversation}/fetch").status for _ in range(3)]
    assert statuses == [500, 500, 200]
    assert fault.times == 0


def test_a_probability_draws_from_the_fakes_seed() -> None:
    def run(seed: int) -> list[int]:
        fake = FakeChatBotKit(seed=seed)
        conversation = json.loads(handle(fake, "POST", "/conversation/create", {}).body)["id"]
        fault = fake.fail(503, operation="fetch_conversation", times=100, probability=0.3)
        statuses = [handle(fake, "GET", f"/conversation/{conversation}/fetch").status for _ in range(40)]
        assert fault.times == 100 - statuses.count(503)
        return statuses

    statuses = run(20240611)
    draws = random.Random(20240611)
    assert statuses == [503 if draws.random() < 0.3 else 200 for _ in range(40)]
    assert 0 < statuses.count(503) < 40
    assert run(20240611) == statuses  # the same seed, the same answers
    assert run(7) != statuses


def test_a_probability_of_zero_never_fires_and_leaves_the_request_to_the_next_fault(
    fresh: tuple[FakeChatBotKit, str],
) -> None:
    fake, conversation = fresh
    never = fake.fail(500, operation="fetch_conversation", probability=0)
    fallback = fake.fail(502, operation="fetch_conversation")
    assert handle(fake, "GET", f"/conversation/{conversation}/fetch").status == 502
    assert (never.times, fallback.times) == (1, 0)


def test_latency_is_added_before_the_answer_of_every_kind(fresh: tuple[FakeChatBotKit, str]) -> None:
    fake, conversation = fresh
    fetch = f"/conversation/{conversation}/fetch"
    assert handle(fake, "GET", fetch).stall == 0.0
    fake.fail(503, operation="fetch_conversation", latency=0.25)
    answer = handle(fake, "GET", fetch)
    assert (answer.status, answer.stall) == (503, 0.25)
    fake.stall(1.5, operation="fetch_conversation", latency=0.25)
    answer = handle(fake, "GET", fetch)
    assert (answer.status, answer.stall) == (200, 1.75)
    fake.drop(operation="fetch_conversation", latency=0.5)
    answer = handle(fake, "GET", fetch)
    assert (answer.drop, answer.stall) == (True, 0.5)
    fake.cut_stream(1, operation="complete_conversation_message", latency=0.125)
    answer = handle(fake, "POST", f"/conversation/{conversation}/complete", {"text": "Hi"}, jsonl=True)
    assert answer.stall == 0.125
    assert answer.lines is not None


def test_latency_longer_than_the_read_timeout_is_a_timeout_through_the_sdk(
    fresh: tuple[FakeChatBotKit, str],
) -> None:
    fake, conversation = fresh
    fake.fail(503, operation="fetch_conversation", latency=30.0)
    with ConversationClient(
        secret=SECRET, base_url=BASE_URL, http_client=fake.http_client(), retries=0
    ) as client:
        with pytest.raises(APITimeoutError):
            client.fetch(conversation, timeout=0.05).result()
        fake.fail(503, operation="fetch_conversation", latency=0.01)  # shorter: the failure arrives
        with pytest.raises(InternalServerError):
            client.fetch(conversation, timeout=5).result()


def test_unknown_routes_never_use_a_fault_up(fresh: tuple[FakeChatBotKit, str]) -> None:
    fake, conversation = fresh
    fault = fake.fail(503)  # any operation
    assert handle(fake, "GET", "/conversation/nowhere/at/all").status == 404
    assert handle(fake, "GET", f"/conversation/{conversation}/complete").status == 405
    assert fake.handle(FakeRequest("GET", f"{BASE_URL}/elsewhere", {}, b"")).status == 404
    assert fault.times == 1
    assert handle(fake, "GET", f"/conversation/{conversation}/fetch").status == 503
    assert fault.times == 0


def test_a_malformed_line_waits_for_a_matching_stream(fresh: tuple[FakeChatBotKit, str]) -> None:
    fake, conversation = fresh
    fault = fake.malformed_line(1, operation="complete_conversation_message")
    assert handle(fake, "POST", f"/conversation/{conversation}/complete", {"text": "Hi"}).status == 200
    assert fault.times == 1  # a plain JSON answer has no line to spoil
    answer = handle(fake, "POST", f"/conversation/{conversation}/complete", {"text": "Hi"}, jsonl=True)
    assert fault.times == 0
    assert answer.lines is not None
    lines = list(answer.lines)
    assert lines[1] == b"this line is not JSON {\n"


def test_add_fault_creates_any_fault_from_json(fresh: tuple[FakeChatBotKit, str]) -> None:
    fake, conversation = fresh
    spec = json.loads(
        '{"kind": "fail", "status": 429, "retry_after": "0", "code": "RATE_LIMITED", "message": "later",'
        ' "operation": "fetch_conversation", "times": 2, "probability": 1, "latency": 0.1}'
    )
    fault = fake.add_fault(**spec)
    assert fault == Fault(
        "status",
        times=2,
        status=429,
        retry_after="0",
        operation="fetch_conversation",
        code="RATE_LIMITED",
        message="later",
        probability=1.0,
        latency=0.1,
    )
    answer = handle(fake, "GET", f"/conversation/{conversation}/fetch")
    assert (answer.status, answer.stall, json.loads(answer.body)["message"]) == (429, 0.1, "later")
    assert fake.add_fault(kind="stall", seconds=2, path="/conversation/list").seconds == 2.0
    assert fake.add_fault(kind="drop").kind == "drop"
    assert fake.add_fault(kind="cut_stream", after_events=3).after_events == 3
    assert fake.add_fault(kind="malformed_line").kind == "malformed"


@pytest.mark.parametrize(
    ("fields", "problem"),
    [
        (
            {"kind": "explode"},
            "kind: expected one of 'fail', 'stall', 'drop', 'cut_stream', 'malformed_line'",
        ),
        ({"kind": "drop", "status": 500}, "status: not a field of a 'drop' fault"),
        ({"kind": "stall"}, "seconds: required for a 'stall' fault"),
        ({"kind": "cut_stream"}, "after_events: required for a 'cut_stream' fault"),
        ({"kind": "fail", "status": "429"}, "status: expected an HTTP status"),
        ({"kind": "fail", "message": 5}, "message: expected a string"),
        ({"kind": "fail", "times": 1.5}, "times: expected an integer >= 1"),
        ({"kind": "fail", "operation": 7}, "operation: expected a string"),
        ({"kind": "fail", "path": "/complete"}, "path: '/complete' is not a path of the spec"),
        ({"kind": "stall", "seconds": "1"}, "seconds: expected a number of seconds"),
        ({"kind": "drop", "probability": -0.1}, "probability: expected a number 0..1"),
        ({"kind": "drop", "latency": None}, "latency: expected a number of seconds"),
    ],
)
def test_add_fault_refuses_what_is_not_a_fault(fields: dict[str, Any], problem: str) -> None:
    fake = FakeChatBotKit()
    with pytest.raises(ValueError, match=f"^{re.escape(problem)}"):
        fake.add_fault(**fields)
    assert fake.faults == []


def test_faults_over_http_hit_only_their_operation() -> None:
    fake = FakeChatBotKit()
    with fake.serve() as url, httpx.Client(base_url=url, headers=AUTH, timeout=10) as http:
        conversation = http.post("/v1/conversation/create", json={}).json()["id"]
        fake.fail(503, operation="complete_conversation_message", message="busy")
        assert http.post("/v1/conversation/complete", json=STATELESS[1]).status_code == 200
        answer = http.post(f"/v1/conversation/{conversation}/complete", json={"text": "Hi"})
        assert (answer.status_code, answer.json()["message"]) == (503, "busy")
        assert http.get("/v1/nowhere").status_code == 404
        fake.fail(500, path="/conversation/{conversationId}/fetch")
        assert http.get("/v1/nowhere").status_code == 404
        assert http.get(f"/v1/conversation/{conversation}/fetch").status_code == 500
