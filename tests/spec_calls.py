"""Every operation of the spec called through the public client, with values built from the spec.

Shared by the tests that go over all operations or all answers (``test_forward_compat``,
``test_extra_body_query``): ``sample`` makes a valid value for any schema of
``chatbotkit_api.operations``, ``CALLERS`` knows, for each operation, the public method
that sends it and the arguments it takes.
"""

from __future__ import annotations

import copy
import dataclasses
from typing import Any

from chatbotkit_api.operations import MODELS, OPERATIONS, Schema

from chatbotkit_sdk._endpoints import (
    AttachmentEndpoints,
    ContactEndpoints,
    ConversationEndpoints,
    MessageEndpoints,
    SessionEndpoints,
)
from chatbotkit_sdk._methods import Dual, Method

__all__ = ["CALLERS", "Caller", "sample"]

_SCALARS: dict[str, Any] = {
    "string": "text",
    "integer": 3,
    "number": 1.5,
    "boolean": True,
    "any": {"any": ["json"]},
}


def sample(schema: Schema, *, full: bool) -> Any:
    """A valid value for ``schema``: with every optional property (``full``) or only the required."""
    kind = schema.kind
    value: Any
    if kind == "model":
        model = MODELS[schema.model]
        value = {
            name: sample(field.schema, full=full)
            for name, field in model.fields.items()
            if full or field.required
        }
        value = value if model.fields else {"key": "value"}  # free-form (Meta): the user's own keys
    elif kind in ("array", "map"):
        assert schema.items is not None
        item = sample(schema.items, full=full)
        value = [item] if kind == "array" else {"key": item}
    elif kind == "union":
        value = sample(schema.options[0], full=full)
    elif kind == "enum":
        value = schema.values[0]
    else:
        value = copy.deepcopy(_SCALARS[kind])
    return value


OWNERS = {
    ConversationEndpoints: (),
    MessageEndpoints: ("message",),
    SessionEndpoints: ("session",),
    AttachmentEndpoints: ("attachment",),
    ContactEndpoints: ("contact",),
}


@dataclasses.dataclass(frozen=True)
class Caller:
    """How to call an operation through the public client: ``client.<owner>.<attr>(*args)``."""

    operation: str
    owner: tuple[str, ...]
    attr: str
    stateless: bool  # the ``None`` half of a dual method

    def ids(self) -> tuple[Any, ...]:
        """The leading positional arguments: ``None`` for a stateless half, then the path's ids."""
        ids = tuple(f"id_{p.attribute}" for p in OPERATIONS[self.operation].path_params)
        return ((None,) if self.stateless else ()) + ids

    def request(self) -> dict[str, Any] | None:
        """A valid request body with only its required fields, if the method takes one."""
        body = OPERATIONS[self.operation].body
        if body is None or not MODELS[body].fields:
            return None
        value: dict[str, Any] = sample(Schema(kind="model", model=body), full=False)
        return value

    def args(self) -> tuple[Any, ...]:
        request = self.request()
        return self.ids() + (() if request is None else (request,))

    def method(self, client: Any) -> Any:
        for name in self.owner:
            client = getattr(client, name)
        return getattr(client, self.attr)


def _callers() -> dict[str, Caller]:
    found: dict[str, Caller] = {}
    for owner, route in OWNERS.items():
        for attr, value in vars(owner).items():
            halves = []
            if isinstance(value, Method):
                halves = [(value._half.name, False)]
            elif isinstance(value, Dual):
                halves = [(value._stateless.name, True), (value._stateful.name, False)]
            for operation, stateless in halves:
                if attr != "upload_file":  # sends a second request: ``upload`` is the same answer
                    found.setdefault(operation, Caller(operation, route, attr, stateless))
    return found


CALLERS = _callers()
