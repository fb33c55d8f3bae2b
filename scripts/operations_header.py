"""Every operation and model of the spec, as data: the one description the SDK reads.

``OPERATIONS`` maps each operation's module name (``list_conversations``, the name
of its function module under ``chatbotkit_api.api``) to its method, templated path,
parameters, request and result models and, for operations that can answer in
JSON Lines, its events by ``type``. ``MODELS`` maps each component object to its
fields by the API's (camelCase) names, with the attribute the generator gave each.
Schemas keep the spec's constraints (minimum, maximum, lengths, pattern).

Written by ``scripts/generate.py`` from ``openapi/conversation.yaml``; never edit by hand.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any


@dataclasses.dataclass(frozen=True, slots=True)
class Schema:
    """What a value may be. ``kind`` is one of: string, integer, number, boolean, any,
    enum (``values``), array (of ``items``), map (string keys, ``items`` values),
    model (the ``MODELS`` entry named ``model``), union (one of ``options``).

    An ``open`` enum (two or more values: a set the API grows) takes, in answers, a
    value this release does not know; a one-value enum is a constant, such as the tag
    naming an event, and stays closed."""

    kind: str
    values: tuple[str, ...] = ()
    open: bool = False
    items: Schema | None = None
    model: str = ""
    options: tuple[Schema, ...] = ()
    format: str = ""
    default: Any = None
    minimum: float | None = None
    maximum: float | None = None
    exclusive_minimum: float | None = None
    exclusive_maximum: float | None = None
    min_length: int | None = None
    max_length: int | None = None
    pattern: str | None = None
    min_items: int | None = None
    max_items: int | None = None


@dataclasses.dataclass(frozen=True, slots=True)
class Field:
    """A property of a model: its API name and the generated attribute's name."""

    name: str
    attribute: str
    schema: Schema
    required: bool = False
    description: str = ""


@dataclasses.dataclass(frozen=True, slots=True)
class Model:
    """A component object. ``extra`` is the schema of properties beyond ``fields``
    (``None``: the spec allows none; the generated class keeps them anyway)."""

    name: str
    fields: Mapping[str, Field]
    extra: Schema | None = None
    description: str = ""


@dataclasses.dataclass(frozen=True, slots=True)
class Parameter:
    """A path, query or header parameter."""

    name: str
    attribute: str
    schema: Schema
    required: bool = False
    style: str = "form"
    description: str = ""


@dataclasses.dataclass(frozen=True, slots=True)
class Operation:
    """One operation: everything needed to send it and to read its answer."""

    name: str
    operation_id: str
    tag: str
    method: str
    path: str
    summary: str = ""
    description: str = ""
    path_params: tuple[Parameter, ...] = ()
    query: tuple[Parameter, ...] = ()
    headers: tuple[Parameter, ...] = ()
    #: the request body's model, and whether the spec requires a body
    body: str | None = None
    body_required: bool = False
    #: the model of the JSON answer
    result: str = ""
    #: ``type`` -> event model, when the operation can answer in JSON Lines
    events: Mapping[str, str] | None = None

    @property
    def streams(self) -> bool:
        """Whether the operation can answer as a JSON Lines stream."""
        return self.events is not None
