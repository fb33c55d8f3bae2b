"""Check JSON-shaped data against the generated attrs models, naming the bad field.

The generated ``from_dict`` trusts its input: it keeps unknown keys, passes a
mistyped value through, and falls back to the raw value when no ``oneOf`` branch
fits. This module closes those holes once, for every model, from the models' own
type hints: requests are checked before they are sent (unknown field names are
refused, with a suggestion), answers before they are parsed (unknown fields are
kept, so that fields the API adds later do not break old SDKs).

Checkers are compiled once per type and cached, so a check costs a few dict
look-ups per field.
"""

from __future__ import annotations

import contextlib
import importlib
import math
import re
import types
import typing
from collections.abc import Callable, Mapping
from typing import Any, Literal, TypeVar, Union, get_args, get_origin

import chatbotkit_api.models

# attrs (with chatbotkit_api.types, which needs it) is imported where checkers are
# built, on first use: importing this module must stay cheap (see ``make bench``).

__all__ = ["Invalid", "check_model", "json_name"]

M = TypeVar("M")


class Invalid(Exception):
    """A value does not fit; ``path`` says where (``messages[2].type``)."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}" if path else problem)
        self.path = path
        self.problem = problem


# (value, path, strict) -> None; raises Invalid
Checker = Callable[[Any, str, bool], None]

_CAMEL = re.compile(r"_([a-z0-9])")


def json_name(python_name: str) -> str:
    """The API's field name for a generated attribute (``bot_id`` -> ``botId``)."""
    return _CAMEL.sub(lambda m: m.group(1).upper(), python_name.rstrip("_"))


_KINDS: tuple[tuple[type | types.UnionType, str], ...] = (
    (type(None), "null"),
    (bool, "a boolean"),  # before int: bool is an int subclass
    (int | float, "a number"),
    (str, "a string"),
    (list | tuple, "a list"),
    (Mapping, "an object"),
)


def _kind(value: Any) -> str:
    """How JSON would call ``value``, for error messages."""
    return next((name for kind, name in _KINDS if isinstance(value, kind)), f"a {type(value).__name__}")


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


class _ModelNamespace(dict[str, Any]):
    """Resolves the models' postponed annotations, importing each model on demand."""

    def __missing__(self, name: str) -> Any:
        if name in _MODEL_NAMES:
            return getattr(chatbotkit_api.models, name)
        raise KeyError(name)  # eval() then looks in the module's globals and builtins


_MODEL_NAMES = frozenset(chatbotkit_api.models.__all__)


def _check_any(value: Any, path: str, strict: bool) -> None:
    """Free-form values: anything from JSON; in a request (strict), only what JSON can hold."""
    if not strict or value is None or isinstance(value, bool | int):
        return
    if isinstance(value, float):
        if not math.isfinite(value):
            raise Invalid(path, f"expected a finite number, got {value!r}")
    elif isinstance(value, str):
        _check_text(value, path)
    elif isinstance(value, list | tuple):
        for index, element in enumerate(value):
            _check_any(element, f"{path}[{index}]", strict)
    elif isinstance(value, Mapping):
        for key, element in value.items():
            if not isinstance(key, str):
                raise Invalid(path, f"keys must be strings, got {key!r}")
            _check_text(key, path)
            _check_any(element, _join(path, key), strict)
    else:
        raise Invalid(path, f"expected a JSON value, got {_kind(value)}")


def _check_text(value: str, path: str) -> None:
    if not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise Invalid(path, "the string holds a lone surrogate, which JSON text cannot carry") from None


def _scalar(expected: type | types.UnionType, label: str) -> Checker:
    def check(value: Any, path: str, strict: bool) -> None:
        # bool is an int subclass; JSON keeps them apart, and so do we.
        if isinstance(value, bool) and expected is not bool:
            raise Invalid(path, f"expected {label}, got {_kind(value)}")
        if not isinstance(value, expected):
            raise Invalid(path, f"expected {label}, got {_kind(value)}")
        if strict and isinstance(value, float | str):  # requests: only what JSON can hold
            _check_any(value, path, strict)

    return check


_SCALARS: dict[Any, Checker] = {
    str: _scalar(str, "a string"),
    int: _scalar(int, "an integer"),
    float: _scalar(int | float, "a number"),
    bool: _scalar(bool, "a boolean"),
    Any: _check_any,
    object: _check_any,
}

_cache: dict[Any, Checker] = {}


def checker_for(tp: Any) -> Checker:
    """The (cached) checker for a type hint of a generated model."""
    try:
        return _cache[tp]
    except (KeyError, TypeError):
        pass
    built = _build(tp)
    with contextlib.suppress(TypeError):  # an unhashable hint is simply not cached
        _cache[tp] = built
    return built


def _build(tp: Any) -> Checker:
    import attrs
    from chatbotkit_api.types import Unset

    if tp in _SCALARS:
        return _SCALARS[tp]
    origin = get_origin(tp)
    if origin is Literal:
        return _literal(get_args(tp))
    if origin in (Union, types.UnionType):
        return _union([a for a in get_args(tp) if a is not Unset])
    if origin is list:
        return _list(checker_for(get_args(tp)[0]))
    if origin is dict:
        return _mapping(checker_for(get_args(tp)[1]))
    if isinstance(tp, type) and attrs.has(tp):
        return _Model(tp).check
    raise TypeError(f"no checker for type hint {tp!r}")  # a generator change we must handle


def _literal(allowed: tuple[Any, ...]) -> Checker:
    choices = ", ".join(repr(a) for a in allowed)

    def check(value: Any, path: str, strict: bool) -> None:
        if value not in allowed or not isinstance(value, str):
            raise Invalid(path, f"expected one of {choices}, got {value!r}")

    return check


def _union(options: list[Any]) -> Checker:
    checkers = [checker_for(o) for o in options]
    if len(checkers) == 1:
        return checkers[0]

    def check(value: Any, path: str, strict: bool) -> None:
        problems = []
        for option in checkers:
            try:
                option(value, path, strict)
                return
            except Invalid as exc:
                problems.append(exc.problem)
        raise Invalid(path, " or ".join(dict.fromkeys(problems)))

    return check


def _list(item: Checker) -> Checker:
    def check(value: Any, path: str, strict: bool) -> None:
        if not isinstance(value, list | tuple):
            raise Invalid(path, f"expected a list, got {_kind(value)}")
        for index, element in enumerate(value):
            item(element, f"{path}[{index}]", strict)

    return check


def _mapping(item: Checker) -> Checker:
    def check(value: Any, path: str, strict: bool) -> None:
        if not isinstance(value, Mapping):
            raise Invalid(path, f"expected an object, got {_kind(value)}")
        for key, element in value.items():
            if not isinstance(key, str):
                raise Invalid(path, f"keys must be strings, got {key!r}")
            if strict:
                _check_text(key, path)
            if strict or item is not _check_any:
                item(element, _join(path, key), strict)

    return check


class _Model:
    """Checker for one generated model, built from its attrs fields and type hints."""

    def __init__(self, cls: type) -> None:
        module = importlib.import_module(cls.__module__)
        hints = typing.get_type_hints(cls, globalns=vars(module), localns=_ModelNamespace())
        self.name = cls.__name__
        self.fields: dict[str, tuple[bool, Any]] = {}
        self.extra: Checker | None = None
        import attrs

        for field in attrs.fields(cls):
            if field.name == "additional_properties":
                self.extra = checker_for(get_args(hints[field.name])[1])
                continue
            required = field.default is attrs.NOTHING
            self.fields[json_name(field.name)] = (required, hints[field.name])
        self.required = [name for name, (required, _) in self.fields.items() if required]
        # A model with no declared fields is a free-form object (Meta, EventData, ...).
        self.free_form = not self.fields
        self._checkers: dict[str, Checker] | None = None

    def check(self, value: Any, path: str, strict: bool) -> None:
        if not isinstance(value, Mapping):
            raise Invalid(path, f"expected an object ({self.name}), got {_kind(value)}")
        if self._checkers is None:  # built late: models refer to each other
            self._checkers = {name: checker_for(tp) for name, (_, tp) in self.fields.items()}
        checkers = self._checkers
        for name in self.required:
            if name not in value:
                raise Invalid(_join(path, name), f"required field missing in {self.name}")
        for key, element in value.items():
            field_checker = checkers.get(key)
            if field_checker is not None:
                field_checker(element, _join(path, key), strict)
            elif strict and not self.free_form:
                raise Invalid(_join(path, key), self._unknown(key))
            elif self.extra is not None and (strict or self.extra is not _check_any):
                if strict and isinstance(key, str):
                    _check_text(key, path)
                self.extra(element, _join(path, key), strict)

    def _unknown(self, key: Any) -> str:
        hint = ""
        if isinstance(key, str):
            import difflib

            close = difflib.get_close_matches(json_name(key), list(self.fields), n=1)
            if close:
                hint = f"; did you mean {close[0]!r}?"
        return f"unknown field {key!r} for {self.name}{hint}"


def check_model(cls: type[M], value: Any, *, strict: bool, path: str = "") -> None:
    """Raise ``Invalid`` unless ``value`` is JSON data fitting the model ``cls``."""
    checker_for(cls)(value, path, strict)
