"""Check JSON-shaped data against the spec, naming the bad field.

The generated ``from_dict`` trusts its input: it keeps unknown keys, passes a
mistyped value through, and falls back to the raw value when no ``oneOf`` branch
fits. This module closes those holes once, for every model, from the spec's own
description of them (``chatbotkit_api.operations.MODELS``): requests are checked
before they are sent (unknown field names are refused, with a suggestion), answers
before they are parsed (unknown fields are kept, so that fields the API adds later
do not break old SDKs).

Names, types, required fields and enums are checked here. Ranges, lengths and
patterns are not: they are the server's to enforce, and an SDK that refused what a
newer API accepts would break its users for nothing.

The forward-compatibility policy lives here and in the generated ``from_dict``, for
every model alike. Answers are read leniently where an API grows: unknown properties
are kept, an open enum takes values this release does not know (``UnknownValue``), and
``null`` for an optional property reads as absent. They are read strictly where the
data is wrong: a required property missing, or one of the wrong type, names its path.
Requests are checked strictly; ``extra_body`` and ``UnknownValue`` are the way around.

Checkers are compiled once per schema and cached, so a check costs a few dict
look-ups per field.
"""

from __future__ import annotations

import contextlib
import math
import types
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from chatbotkit_api.operations import Model, Schema

__all__ = [
    "ANSWER",
    "REQUEST",
    "SERVED",
    "SERVED_NEWER",
    "Invalid",
    "check_json",
    "check_model",
    "checker_for",
]


class Invalid(Exception):
    """A value does not fit; ``path`` says where (``messages[2].type``)."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}" if path else problem)
        self.path = path
        self.problem = problem


#: How a value is checked: the third argument of every checker. Any request mode is true.
ANSWER = 0  # what the API sent: lenient where an API grows, strict where data is wrong
REQUEST = 1  # what this SDK is about to send: strict, unknown properties refused
SERVED = 2  # a request as a server takes it: strict, but unknown properties pass
SERVED_NEWER = 3  # as SERVED, by a newer server: an open enum also takes values it added

# (value, path, mode) -> None; raises Invalid
Checker = Callable[[Any, str, int], None]

_KINDS: tuple[tuple[type | types.UnionType, str], ...] = (
    (type(None), "null"),
    (bool, "a boolean"),  # before int: bool is an int subclass
    (int | float, "a number"),
    (str, "a string"),
    (list, "a list"),
    (tuple, "a list"),
    (Mapping, "an object"),
)


def _kind(value: Any) -> str:
    """How JSON would call ``value``, for error messages."""
    found = next((name for kind, name in _KINDS if isinstance(value, kind)), None)
    if found is None:
        name = type(value).__name__
        found = f"{'an' if name[:1].lower() in 'aeiou' else 'a'} {name}"
    return found


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _check_any(value: Any, path: str, mode: int) -> None:
    """Free-form values: anything from JSON; in a request, only what JSON can hold."""
    if not mode or value is None or isinstance(value, bool | int):
        return
    if isinstance(value, float):
        if not math.isfinite(value):
            raise Invalid(path, f"expected a finite number, got {value!r}")
    elif isinstance(value, str):
        _check_text(value, path)
    elif isinstance(value, list | tuple):
        for index, element in enumerate(cast("Sequence[object]", value)):
            _check_any(element, f"{path}[{index}]", mode)
    elif isinstance(value, Mapping):
        _check_dict(cast("object", value), path)
        for key, element in cast("Mapping[object, object]", value).items():
            if not isinstance(key, str):
                raise Invalid(path, f"keys must be strings, got {key!r}")
            _check_text(key, path)
            _check_any(element, _join(path, key), mode)
    else:
        raise Invalid(path, f"expected a JSON value, got {_kind(value)}")


def _check_dict(value: object, path: str) -> None:
    """A request's objects are sent by ``json.dumps``, which takes a ``dict`` and no other mapping."""
    if not isinstance(value, dict):
        raise Invalid(path, f"expected an object as a dict, got a {type(value).__name__}")


def check_json(value: Any, path: str) -> None:
    """Raise ``Invalid`` unless ``value`` is something JSON can carry (finite numbers, UTF-8 text)."""
    _check_any(value, path, REQUEST)


def _check_text(value: str, path: str) -> None:
    if not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise Invalid(path, "the string holds a lone surrogate, which JSON text cannot carry") from None


def _scalar(expected: type | types.UnionType, label: str) -> Checker:
    def check(value: Any, path: str, mode: int) -> None:
        # bool is an int subclass; JSON keeps them apart, and so do we.
        if isinstance(value, bool) and expected is not bool:
            raise Invalid(path, f"expected {label}, got {_kind(value)}")
        if not isinstance(value, expected):
            raise Invalid(path, f"expected {label}, got {_kind(value)}")
        if mode and isinstance(value, float | str):  # requests: only what JSON can hold
            _check_any(value, path, mode)

    return check


_SCALARS: dict[str, Checker] = {
    "string": _scalar(str, "a string"),
    "integer": _scalar(int, "an integer"),
    "number": _scalar(int | float, "a number"),
    "boolean": _scalar(bool, "a boolean"),
    "any": _check_any,
}

_cache: dict[Any, Checker] = {}


def checker_for(schema: Schema) -> Checker:
    """The (cached) checker for a schema of the spec."""
    try:
        return _cache[schema]
    except (KeyError, TypeError):
        pass
    built = _build(schema)
    with contextlib.suppress(TypeError):  # an unhashable default: simply not cached
        _cache[schema] = built
    return built


def _build(schema: Schema) -> Checker:
    kind = schema.kind
    if kind in _SCALARS:
        return _SCALARS[kind]
    if kind == "enum":
        return _enum(schema.values, open_=schema.open)
    if kind == "union":
        return _union([checker_for(option) for option in schema.options])
    if kind == "array":
        assert schema.items is not None
        return _list(checker_for(schema.items))
    if kind == "map":
        assert schema.items is not None
        return _mapping(checker_for(schema.items))
    if kind == "model":
        return model_checker(schema.model)
    raise TypeError(f"no checker for schema kind {kind!r}")  # a generator change we must handle


def _enum(values: tuple[str, ...], *, open_: bool) -> Checker:
    """Known values pass. An open enum (see ``Schema.open``) also takes any string in an
    answer, and in a request an ``UnknownValue``: a value marked as newer than this
    release, where a plain string outside the enum is a typo."""
    from chatbotkit_api.types import UnknownValue

    allowed = frozenset(values)
    choices = ", ".join(repr(a) for a in values)

    def check(value: Any, path: str, mode: int) -> None:
        if isinstance(value, str):
            if value in allowed or (
                open_ and (mode in (ANSWER, SERVED_NEWER) or isinstance(value, UnknownValue))
            ):
                return
            if mode == REQUEST and open_:
                raise Invalid(
                    path,
                    f"expected one of {choices}, got {value!r} (a value newer than this SDK: "
                    "wrap it in UnknownValue, or send it with extra_body or extra_query)",
                )
        raise Invalid(path, f"expected one of {choices}, got {value!r}")

    return check


def _union(checkers: list[Checker]) -> Checker:
    if len(checkers) == 1:
        return checkers[0]

    def check(value: Any, path: str, mode: int) -> None:
        problems: list[str] = []
        for option in checkers:
            try:
                option(value, path, mode)
                return
            except Invalid as exc:
                problems.append(exc.problem)
        raise Invalid(path, " or ".join(dict.fromkeys(problems)))

    return check


def _list(item: Checker) -> Checker:
    def check(value: Any, path: str, mode: int) -> None:
        if not isinstance(value, list | tuple):
            raise Invalid(path, f"expected a list, got {_kind(value)}")
        for index, element in enumerate(cast("Sequence[object]", value)):
            item(element, f"{path}[{index}]", mode)

    return check


def _mapping(item: Checker) -> Checker:
    def check(value: Any, path: str, mode: int) -> None:
        if not isinstance(value, Mapping):
            raise Invalid(path, f"expected an object, got {_kind(value)}")
        if mode:
            _check_dict(cast("object", value), path)
        for key, element in cast("Mapping[object, object]", value).items():
            if not isinstance(key, str):
                raise Invalid(path, f"keys must be strings, got {key!r}")
            if mode:
                _check_text(key, path)
            if mode or item is not _check_any:
                item(element, _join(path, key), mode)

    return check


class _Model:
    """Checker for one model of the spec: its fields by API name, required first."""

    def __init__(self, model: Model) -> None:
        self.name = model.name
        self.fields = model.fields
        self.required = [name for name, field in model.fields.items() if field.required]
        self.optional = frozenset(model.fields) - frozenset(self.required)
        self.extra = checker_for(model.extra) if model.extra is not None else None
        self._checkers: dict[str, Checker] | None = None

    def check(self, value: Any, path: str, mode: int) -> None:
        if not isinstance(value, Mapping):
            raise Invalid(path, f"expected an object ({self.name}), got {_kind(value)}")
        if mode:
            _check_dict(cast("object", value), path)
        if self._checkers is None:  # built late: models refer to each other
            self._checkers = {name: checker_for(field.schema) for name, field in self.fields.items()}
        checkers = self._checkers
        for name in self.required:
            if name not in value:
                raise Invalid(_join(path, name), f"required field missing in {self.name}")
        for key, element in cast("Mapping[Any, object]", value).items():  # keys: str unless misused
            field_checker = checkers.get(key)
            if field_checker is not None:
                # In an answer, null for an optional property means it is absent.
                if element is None and not mode and key in self.optional:
                    continue
                field_checker(element, _join(path, key), mode)
            elif mode or self.extra not in (None, _check_any):
                self._other(key, element, path, mode)

    def _other(self, key: Any, element: object, path: str, mode: int) -> None:
        """A property the model does not declare: refused in this SDK's requests, else
        checked against ``extra`` if the spec gives one, and as JSON if it is to be sent."""
        if self.extra is None and mode == REQUEST:
            raise Invalid(_join(path, key), self._unknown(key))
        if mode:
            if not isinstance(key, str):
                raise Invalid(path, f"keys must be strings, got {key!r}")
            _check_text(key, path)
        (self.extra or _check_any)(element, _join(path, key), mode)

    def _unknown(self, key: Any) -> str:
        hint = ""
        if isinstance(key, str):
            import difflib

            # The Python attribute (``bot_id``) is a common slip for the API name (``botId``).
            by_attribute = {field.attribute: name for name, field in self.fields.items()}
            close = [by_attribute[key]] if key in by_attribute else []
            close = close or difflib.get_close_matches(key, list(self.fields), n=1)
            if close:
                hint = f"; did you mean {close[0]!r}?"
        return f"unknown field {key!r} for {self.name}{hint}"


_models: dict[str, Checker] = {}


def model_checker(name: str) -> Checker:
    """The checker of the spec's model ``name``."""
    found = _models.get(name)
    if found is None:
        from chatbotkit_api.operations import MODELS

        found = _models[name] = _Model(MODELS[name]).check
    return found


def check_model(
    model: type | str,
    value: Any,
    *,
    strict: bool,
    unknown_keys: bool = False,
    unknown_values: bool = False,
    path: str = "",
) -> None:
    """Raise ``Invalid`` unless ``value`` is JSON data fitting the model (a class or its name).

    ``strict``: a request (else an answer); ``unknown_keys``: a strict check that lets
    properties the spec does not list through; ``unknown_values``: with it, also values
    of open enums that the spec does not list (a newer server's own).
    """
    mode = ANSWER
    if strict:
        mode = (SERVED_NEWER if unknown_values else SERVED) if unknown_keys else REQUEST
    model_checker(model if isinstance(model, str) else model.__name__)(value, path, mode)
