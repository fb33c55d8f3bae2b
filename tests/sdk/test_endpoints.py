"""The endpoint declarations against the generated description of the spec.

``chatbotkit_sdk/_endpoints.py`` declares each method's typed signature and names its
operation; everything else comes from ``chatbotkit_api.operations``. These tests hold
the two together, so that a declaration cannot drift from the spec: the ids and the
request or query it takes, the result and event types it promises, when it is sent, and
what ``help()`` and ``inspect`` show of it.
"""

from __future__ import annotations

import inspect
import pydoc
import re
from collections.abc import Iterator
from typing import Any

import pytest
from chatbotkit_api import models
from chatbotkit_api.operations import MODELS, OPERATIONS
from chatbotkit_api.types import UNSET

from chatbotkit_sdk import AsyncConversationClient, ConversationClient
from chatbotkit_sdk._endpoints import (
    AttachmentEndpoints,
    ContactEndpoints,
    ConversationEndpoints,
    MessageEndpoints,
    SessionEndpoints,
)
from chatbotkit_sdk._methods import Dual, Method, _Half

SUBCLIENTS = ("message", "session", "attachment", "contact")


def _halves() -> Iterator[tuple[str, str, _Half, str]]:
    """(owner.method, mode, half, operation) for every declaration."""
    for owner in (
        ConversationEndpoints,
        MessageEndpoints,
        SessionEndpoints,
        AttachmentEndpoints,
        ContactEndpoints,
    ):
        for attr, value in vars(owner).items():
            if isinstance(value, Method):
                yield f"{owner.__name__}.{attr}", value._mode, value._half, value._half.name
            elif isinstance(value, Dual):
                for half in (value._stateless, value._stateful):
                    yield f"{owner.__name__}.{attr}", value._mode, half, half.name


DECLARED = list(_halves())
IDS = [name + ":" + op for name, _, _, op in DECLARED]


def test_every_operation_of_the_spec_has_a_method() -> None:
    declared = {op for *_, op in DECLARED}
    assert set(OPERATIONS) <= declared, f"no method for {sorted(set(OPERATIONS) - declared)}"


@pytest.mark.parametrize(("name", "mode", "half", "op"), DECLARED, ids=IDS)
def test_declaration_takes_the_operations_ids_then_its_request_or_query(
    name: str, mode: str, half: _Half, op: str
) -> None:
    spec = OPERATIONS[op]
    params = list(half.signature.parameters.values())[1:]
    positional = [p.name for p in params if p.kind is p.POSITIONAL_ONLY]
    ids = [p.attribute for p in spec.path_params]
    if name.endswith("upload_file"):  # the bytes, not the registration body
        assert positional == [*ids, "content"]
        return
    assert positional[: len(ids)] == ids
    rest = positional[len(ids) :]
    if spec.query:
        assert rest == ["query"]
    elif spec.body is not None and spec.body != "EmptyRequest":
        assert rest == ["request"]
    else:
        assert rest == []  # e.g. delete, synthesize, compact(conversation_id): no request
    assert params[-1].kind is params[-1].VAR_KEYWORD


@pytest.mark.parametrize(("name", "mode", "half", "op"), DECLARED, ids=IDS)
def test_declaration_promises_the_operations_result_and_events(
    name: str, mode: str, half: _Half, op: str
) -> None:
    spec = OPERATIONS[op]
    annotation = str(half.signature.return_annotation)
    if spec.streams:
        event_union = "".join(word[:1].upper() + word[1:] for word in spec.operation_id.split("_")) + "Event"
        assert annotation == f"StreamCall[{spec.result}, {event_union}]"
    else:
        assert annotation == f"Call[{spec.result}]"
    request = half.signature.parameters.get("request")
    if request is not None and spec.body is not None:
        assert str(request.annotation).startswith(f"{spec.body} | {spec.body}Param")
    query = half.signature.parameters.get("query")
    if query is not None:
        assert str(query.annotation).startswith(f"{spec.operation_id[0].upper()}{spec.operation_id[1:]}Query")


@pytest.mark.parametrize(("name", "mode", "half", "op"), DECLARED, ids=IDS)
def test_one_rule_for_laziness_reads_and_completions_are_promises(
    name: str, mode: str, half: _Half, op: str
) -> None:
    spec = OPERATIONS[op]
    expected = "lazy" if spec.method == "GET" or spec.streams else "now"
    assert mode == expected, f"{name} ({spec.method} {spec.path}) should be {expected}"


def _public_methods(client: Any) -> Iterator[tuple[str, Any]]:
    for owner, prefix in [(client, "")] + [(getattr(client, s), f"{s}.") for s in SUBCLIENTS]:
        for attr in dir(type(owner)):
            if not attr.startswith("_") and isinstance(
                inspect.getattr_static(type(owner), attr), Method | Dual
            ):
                yield prefix + attr, getattr(owner, attr)


SYNC = list(_public_methods(ConversationClient(secret="sk-test")))
ASYNC = list(_public_methods(AsyncConversationClient(secret="sk-test")))


@pytest.mark.parametrize(
    ("name", "method"), SYNC + ASYNC, ids=[n for n, _ in SYNC] + [f"async-{n}" for n, _ in ASYNC]
)
def test_introspection_shows_the_real_signature_and_the_operation(name: str, method: Any) -> None:
    signature = inspect.signature(method)
    assert "self" not in signature.parameters
    assert "Call[" not in str(signature.return_annotation)  # what the client returns, not the declaration
    assert signature.parameters[next(iter(signature.parameters))].kind is not inspect.Parameter.VAR_POSITIONAL
    doc = method.__doc__ or ""
    assert re.search(r"``(GET|POST) /conversation", doc), doc
    assert doc.splitlines()[0].strip()  # a first line of its own, not the spec's boilerplate
    text = pydoc.render_doc(method, renderer=pydoc.plaintext)
    assert str(signature) in text.replace("\n", "")


@pytest.mark.parametrize(("name", "method"), ASYNC, ids=[n for n, _ in ASYNC])
def test_awaited_async_methods_are_coroutine_functions(name: str, method: Any) -> None:
    returns = str(inspect.signature(method).return_annotation)
    awaited = "Promise" not in returns
    assert inspect.iscoroutinefunction(method) is awaited


def test_sync_methods_are_not_coroutine_functions() -> None:
    assert not any(inspect.iscoroutinefunction(method) for _, method in SYNC)


def test_dual_signature_shows_both_forms() -> None:
    signature = inspect.signature(ConversationClient(secret="sk-test").complete)
    first, request, options = signature.parameters.values()
    assert (first.name, first.annotation) == ("conversation_id", "str | None")
    assert "CompleteRequestParam" in request.annotation
    assert "ConversationCompleteRequestParam" in request.annotation
    assert options.kind is options.VAR_KEYWORD
    doc = ConversationClient(secret="sk-test").complete.__doc__ or ""
    assert "``complete(None, request)``: ``POST /conversation/complete``" in doc
    assert "``complete(conversation_id, ...)``: ``POST /conversation/{conversationId}/complete``" in doc


def test_model_repr_shows_what_is_set_and_never_unset() -> None:
    conversation = models.Conversation.from_dict(
        {"id": "c1", "createdAt": 1, "updatedAt": 2, "name": "Support", "later": [1]}
    )
    text = repr(conversation)
    expected = "Conversation(id='c1', created_at=1, updated_at=2, name='Support', "
    assert text == expected + "additional_properties={'later': [1]})"
    assert "Unset" not in repr(models.ConversationUsage.from_dict({}))
    assert repr(UNSET) == "UNSET"


@pytest.mark.parametrize(("name", "mode", "half", "op"), DECLARED, ids=IDS)
def test_a_request_or_query_with_required_fields_cannot_be_left_out(
    name: str, mode: str, half: _Half, op: str
) -> None:
    spec = OPERATIONS[op]
    for param_name, required in (
        ("request", bool(spec.body) and any(f.required for f in MODELS[spec.body].fields.values())),
        ("query", any(p.required for p in spec.query)),
    ):
        param = half.signature.parameters.get(param_name)
        # (The reverse is a choice: update(id, request) asks for a request though all its
        # fields are optional, since an empty update does nothing.)
        if param is not None and required:
            assert param.default is param.empty, f"{name}: the spec requires fields of its {param_name}"


def test_the_query_goes_on_the_url_in_the_spec_order_so_equal_queries_share_a_cache() -> None:
    client = ConversationClient(secret="sk-test")
    one = client._core.call("list_conversations", ({"take": 1, "order": "asc", "meta": {"a": "b"}},), {})
    two = client._core.call("list_conversations", ({"meta": {"a": "b"}, "order": "asc", "take": 1},), {})
    assert one.params == two.params == {"order": "asc", "take": 1, "meta[a]": "b"}
    assert list(one.params or {}) == ["order", "take", "meta[a]"]
    assert one.cache_key == two.cache_key
