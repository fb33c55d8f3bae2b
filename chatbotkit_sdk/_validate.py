"""Check JSON-shaped data against the spec, naming the bad field.

The generated ``from_dict`` trusts its input: it keeps unknown keys, passes a
mistyped value through, and falls back to the raw value when no ``oneOf`` branch
fits. This module closes those holes once, for every model, from the spec's own
description of them (``chatbotkit_api.operations.MODELS``): requests are checked
before they are sent (unknown field names are refused, with a suggestion), answers
before they are parsed (unknown fields are kept, so that fields the API adds later
do not break old SDKs).

Names, types, required fields and enums are checked in every mode. Ranges, lengths,
patterns and item counts (the spec's constraints) are checked only in the server
modes (``SERVED...``, what the fake ChatBotKit API uses): in this SDK's own requests
they are the server's to enforce, and an SDK that refused what a newer API accepts
would break its users for nothing. ``served_query`` reads a request's query string as
a server does (each value as its parameter's type), for the same checks.

The forward-compatibility policy lives here and in the generated ``from_dict``, for
every model alike. Answers are read leniently where an API grows: unknown properties
are kept, an open enum takes values this release does not know (``UnknownValue``), and
``null`` for an optional property reads as absent. They are read strictly where the
data is wrong: a required property missing, or one of the wrong type, names its path.
Requests are checked strictly; ``extra_body`` and ``UnknownValue`` are the way around.

Checkers are compiled once per schema and cached, so a check costs a few dict
look-ups per field; the constraints live in separate, served checkers, so answers and
this SDK's requests do not pay for them.
"""

from __future__ import annotations

import contextlib
import math
import re
import types
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from chatbotkit_api.operations import Model, Operation, Schema

__all__ = [
    "ANSWER",
    "REQUEST",
    "REQUEST_EXTRA",
    "SERVED",
    "SERVED_NEWER",
    "SERVED_STRICT",
    "SERVED_STRICT_NEWER",
    "Invalid",
    "check_json",
    "check_model",
    "checker_for",
    "request_mode",
    "served_query",
]


class Invalid(Exception):
    """A value does not fit; ``path`` says where (``messages[2].type``)."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}" if path else problem)
        self.path = path
        self.problem = problem


# The bits of a mode. Any request mode has _STRICT, so any request mode is true.
_STRICT = 1  # a request: typed strictly, only what JSON can hold
_UNKNOWN_KEYS = 2  # properties the spec does not declare pass
_UNKNOWN_VALUES = 4  # an open enum takes values it does not list
_LIMITS = 8  # the spec's constraints are checked: the server's view

#: How a value is checked: the third argument of every checker. Any request mode is true.
ANSWER = 0  # what the API sent: lenient where an API grows, strict where data is wrong
REQUEST = _STRICT  # what this SDK is about to send: strict, unknown properties refused
REQUEST_EXTRA = _STRICT | _UNKNOWN_KEYS  # as REQUEST, with extra properties put there on purpose
SERVED = _STRICT | _UNKNOWN_KEYS | _LIMITS  # as a server takes it: constraints too; unknown properties pass
SERVED_NEWER = SERVED | _UNKNOWN_VALUES  # as SERVED, by a newer server: open enums take its new values
SERVED_STRICT = _STRICT | _LIMITS  # as SERVED, but unknown properties are refused
SERVED_STRICT_NEWER = SERVED_STRICT | _UNKNOWN_VALUES  # as SERVED_STRICT, by a newer server

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

# Two checkers per schema: a served one, which checks the spec's constraints at every
# depth when the mode asks for them (the SERVED... modes), and a plain one, which never
# does, so that answers and this SDK's requests pay nothing for them.
_cache: dict[Any, Checker] = {}
_served_cache: dict[Any, Checker] = {}


def checker_for(schema: Schema, *, served: bool = False) -> Checker:
    """The (cached) checker for a schema of the spec; ``served``: for the ``SERVED...``
    modes, with the spec's constraints (the plain checker leaves them out)."""
    cache = _served_cache if served else _cache
    try:
        return cache[schema]
    except (KeyError, TypeError):
        pass
    built = _build(schema, served)
    with contextlib.suppress(TypeError):  # an unhashable default: simply not cached
        cache[schema] = built
    return built


def _build(schema: Schema, served: bool) -> Checker:
    base = _build_kind(schema, served)
    limits = _limits(schema) if served else None
    return _constrained(base, limits) if limits else base


def _build_kind(schema: Schema, served: bool) -> Checker:
    kind = schema.kind
    if kind in _SCALARS:
        return _SCALARS[kind]
    if kind == "enum":
        return _enum(schema.values, open_=schema.open)
    if kind == "union":
        return _union([checker_for(option, served=served) for option in schema.options])
    if kind == "array":
        assert schema.items is not None
        return _list(checker_for(schema.items, served=served))
    if kind == "map":
        assert schema.items is not None
        return _mapping(checker_for(schema.items, served=served))
    if kind == "model":
        return model_checker(schema.model, served=served)
    raise TypeError(f"no checker for schema kind {kind!r}")  # a generator change we must handle


# --- the spec's constraints: checked in the server modes only ---------------------------

# (value, path) -> None; raises Invalid. Each applies to one JSON type and ignores the others.
Limit = Callable[[Any, str], None]


def _constrained(base: Checker, limits: list[Limit]) -> Checker:
    def check(value: Any, path: str, mode: int) -> None:
        base(value, path, mode)  # the type first: the limits below may rely on it
        if mode & _LIMITS:
            for limit in limits:
                limit(value, path)

    return check


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _show(value: Any) -> str:
    """``repr`` for a message; an integer too long to print is described instead."""
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 256:
        return f"an integer of about {int(value.bit_length() * math.log10(2)) + 1} digits"
    return repr(value)


def _number(bound: float) -> str:
    return str(int(bound)) if float(bound).is_integer() else repr(bound)


def _limits(schema: Schema) -> list[Limit]:
    """The checks for ``schema``'s constraints (minimum ... max_items), in the spec's terms.

    ``exclusive_minimum``/``exclusive_maximum`` are read both ways OpenAPI writes them:
    a number (3.1: the exclusive bound itself) or ``true`` (3.0: ``minimum``/``maximum``
    is exclusive). A ``pattern`` is searched for, not matched whole, as JSON Schema says;
    ``\\w``, ``\\d`` and ``\\s`` mean ASCII, as in the ECMA 262 dialect the spec uses.
    """
    limits: list[Limit] = []
    exclusive_low = schema.exclusive_minimum
    exclusive_high = schema.exclusive_maximum
    low, high = schema.minimum, schema.maximum
    if isinstance(exclusive_low, bool):  # OpenAPI 3.0: a flag on minimum
        exclusive_low, low = (low if exclusive_low else None), (None if exclusive_low else low)
    if isinstance(exclusive_high, bool):
        exclusive_high, high = (high if exclusive_high else None), (None if exclusive_high else high)
    if low is not None:
        limits.append(_bound(low, lambda v, b: v >= b, f"at least {_number(low)}"))
    if exclusive_low is not None:
        limits.append(_bound(exclusive_low, lambda v, b: v > b, f"more than {_number(exclusive_low)}"))
    if high is not None:
        limits.append(_bound(high, lambda v, b: v <= b, f"at most {_number(high)}"))
    if exclusive_high is not None:
        limits.append(_bound(exclusive_high, lambda v, b: v < b, f"less than {_number(exclusive_high)}"))
    if schema.min_length is not None or schema.max_length is not None:
        limits.append(_length(schema.min_length, schema.max_length, str, "character"))
    if schema.min_items is not None or schema.max_items is not None:
        limits.append(_length(schema.min_items, schema.max_items, list | tuple, "item"))
    if schema.pattern is not None:
        limits.append(_pattern(schema.pattern))
    return limits


def _bound(bound: float, fits: Callable[[Any, float], bool], wanted: str) -> Limit:
    def check(value: Any, path: str) -> None:
        if _is_number(value) and not fits(value, bound):
            raise Invalid(path, f"must be {wanted}, got {_show(value)}")

    return check


def _length(low: int | None, high: int | None, kind: type | types.UnionType, unit: str) -> Limit:
    def check(value: Any, path: str) -> None:
        if not isinstance(value, kind):
            return
        size = len(cast("Sequence[object]", value))
        if low is not None and size < low:
            raise Invalid(path, f"must have at least {low} {unit}{'s' if low != 1 else ''}, got {size}")
        if high is not None and size > high:
            raise Invalid(path, f"must have at most {high} {unit}{'s' if high != 1 else ''}, got {size}")

    return check


def _pattern(pattern: str) -> Limit:
    try:
        compiled = re.compile(pattern, re.ASCII)
    except re.error as exc:  # a spec pattern Python cannot read: a generator change we must handle
        raise TypeError(f"the spec's pattern {pattern!r} does not compile: {exc}") from None

    def check(value: Any, path: str) -> None:
        if isinstance(value, str) and compiled.search(value) is None:
            raise Invalid(path, f"must match the pattern {pattern}, got {_clip(value)}")

    return check


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
                open_ and (not mode or mode & _UNKNOWN_VALUES or isinstance(value, UnknownValue))
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

    #: Whether its fields' checkers are the served ones (see ``checker_for``). A class
    #: attribute, so that the instances the hot path reads stay as they were.
    served = False

    def __init__(self, model: Model) -> None:
        self.name = model.name
        self.fields = model.fields
        self.required = [name for name, field in model.fields.items() if field.required]
        self.optional = frozenset(model.fields) - frozenset(self.required)
        self.extra = checker_for(model.extra, served=self.served) if model.extra is not None else None
        self._checkers: dict[str, Checker] | None = None

    def check(self, value: Any, path: str, mode: int) -> None:
        if not isinstance(value, Mapping):
            raise Invalid(path, f"expected an object ({self.name}), got {_kind(value)}")
        if mode:
            _check_dict(cast("object", value), path)
        if self._checkers is None:  # built late: models refer to each other
            self._checkers = {
                name: checker_for(field.schema, served=self.served) for name, field in self.fields.items()
            }
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
        """A property the model does not declare: refused in a strict request (this SDK's,
        or a strict server's), else checked against ``extra`` if the spec gives one, and
        as JSON if it is to be sent."""
        if self.extra is None and mode and not mode & _UNKNOWN_KEYS:
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


class _ServedModel(_Model):
    served = True


_models: dict[str, Checker] = {}
_served_models: dict[str, Checker] = {}


def model_checker(name: str, *, served: bool = False) -> Checker:
    """The checker of the spec's model ``name`` (``served``: see ``checker_for``)."""
    models = _served_models if served else _models
    found = models.get(name)
    if found is None:
        from chatbotkit_api.operations import MODELS

        found = models[name] = (_ServedModel if served else _Model)(MODELS[name]).check
    return found


def request_mode(*, unknown_keys: bool = False, unknown_values: bool = False, served: bool = False) -> int:
    """The mode of a strict check of a request (see ``check_model``)."""
    mode = REQUEST
    if unknown_keys:
        mode |= _UNKNOWN_KEYS
    if unknown_values:
        mode |= _UNKNOWN_VALUES
    if served:
        mode |= _LIMITS
    return mode


def check_model(
    model: type | str,
    value: Any,
    *,
    strict: bool,
    unknown_keys: bool = False,
    unknown_values: bool = False,
    served: bool = False,
    path: str = "",
) -> None:
    """Raise ``Invalid`` unless ``value`` is JSON data fitting the model (a class or its name).

    ``strict``: a request (else an answer). With it: ``unknown_keys`` lets properties
    the spec does not list through; ``unknown_values`` also takes values of open enums
    that the spec does not list (a newer server's own); ``served`` checks the request
    as the API would, constraints (ranges, lengths, patterns, item counts) included.
    """
    name = model if isinstance(model, str) else model.__name__
    if not strict:  # an answer, the hot path: as cheap as a look-up
        (_models.get(name) or model_checker(name))(value, path, ANSWER)
        return
    mode = request_mode(unknown_keys=unknown_keys, unknown_values=unknown_values, served=served)
    model_checker(name, served=served)(value, path, mode)


# --- a request's query, as the server reads it ------------------------------------------

_INTEGER = re.compile(r"-?[0-9]+")
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?")


def served_query(operation: Operation, pairs: Sequence[tuple[str, str]], mode: int) -> dict[str, Any]:
    """The query of a request for ``operation`` (its ``parse_qsl`` pairs), read and checked
    as the server reads it in ``mode`` (a ``SERVED...`` mode): every value converted to
    its parameter's type and checked (type, enum, constraints), by parameter name.

    Form parameters are ``name=value`` (an array repeats its name); ``deepObject`` ones
    are ``name[key]=value``. A parameter the operation does not have is refused unless
    the mode lets unknown properties pass (then it is left out); so is a parameter given
    twice (except an array), and a required one left out. Raises ``Invalid``.
    """
    params = {param.name: param for param in operation.query}
    flat, deep = _split_query(operation, pairs, mode)
    read: dict[str, Any] = {}
    for name, texts in flat.items():
        schema = params[name].schema
        if schema.kind == "array" and schema.items is not None:
            items = schema.items
            read[name] = [_from_text(items, text, f"{name}[{index}]") for index, text in enumerate(texts)]
        elif len(texts) > 1:
            raise Invalid(name, "given more than once")
        else:
            read[name] = _from_text(schema, texts[0], name)
    for name, fields in deep.items():
        schema = params[name].schema
        read[name] = {
            key: _from_text(_property(schema, key), text, _join(name, key)) for key, text in fields.items()
        }
    for name, value in read.items():
        checker_for(params[name].schema, served=True)(value, name, mode)
    for param in operation.query:
        if param.required and param.name not in read:
            raise Invalid(param.name, f"required query parameter missing for {operation.name}")
    return read


def _split_query(
    operation: Operation, pairs: Sequence[tuple[str, str]], mode: int
) -> tuple[dict[str, list[str]], dict[str, dict[str, str]]]:
    """The texts of the form parameters, and the keys and texts of the deepObject ones."""
    params = {param.name: param for param in operation.query}
    flat: dict[str, list[str]] = {}
    deep: dict[str, dict[str, str]] = {}
    for key, text in pairs:
        name, sub = key, None
        if key.endswith("]") and "[" in key:
            name, _, sub = key[:-1].partition("[")
        param = params.get(name)
        if param is None:
            if not mode & _UNKNOWN_KEYS:
                raise Invalid(key, _unknown_parameter(key, operation))
            continue
        if (sub is not None) != (param.style == "deepObject"):
            wanted = f"{name}[key]=value" if param.style == "deepObject" else f"{name}=value"
            raise Invalid(key, f"expected {wanted}")
        if sub is None:
            flat.setdefault(name, []).append(text)
        elif sub in deep.setdefault(name, {}):
            raise Invalid(key, "given more than once")
        else:
            deep[name][sub] = text
    return flat, deep


def _unknown_parameter(key: str, operation: Operation) -> str:
    import difflib

    names = [param.name for param in operation.query]
    close = difflib.get_close_matches(key, names, n=1)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    takes = f"it takes {', '.join(repr(n) for n in names)}" if names else "it takes none"
    return f"unknown query parameter {key!r} for {operation.name} ({takes}){hint}"


def _property(schema: Schema, key: str) -> Schema | None:
    """The schema of property ``key`` of an object-valued parameter, if the spec gives one."""
    if schema.kind == "map":
        return schema.items
    if schema.kind == "model":
        from chatbotkit_api.operations import MODELS

        model = MODELS[schema.model]
        field = model.fields.get(key)
        return field.schema if field is not None else model.extra
    return None


def _clip(text: str) -> str:
    return repr(text) if len(text) <= 40 else f"{text[:37]!r}... ({len(text)} characters)"


def _from_text(schema: Schema | None, text: str, path: str) -> Any:
    """A query value's text as the JSON value its schema describes (the checker then checks it)."""
    kind = schema.kind if schema is not None else "string"
    if kind == "integer":
        if not _INTEGER.fullmatch(text):
            raise Invalid(path, f"expected an integer, got {_clip(text)}")
        try:
            return int(text)
        except ValueError:  # longer than Python reads (sys.get_int_max_str_digits())
            raise Invalid(path, f"expected an integer, got one of {len(text.lstrip('-'))} digits") from None
    if kind == "number":
        if not _NUMBER.fullmatch(text):
            raise Invalid(path, f"expected a number, got {_clip(text)}")
        try:
            number = int(text) if _INTEGER.fullmatch(text) else float(text)
        except ValueError:
            raise Invalid(path, f"expected a number, got one of {len(text)} characters") from None
        if isinstance(number, float) and not math.isfinite(number):
            raise Invalid(path, f"expected a finite number, got {_clip(text)}")
        return number
    if kind == "boolean":
        if text not in ("true", "false"):
            raise Invalid(path, f"expected true or false, got {_clip(text)}")
        return text == "true"
    if kind == "union" and schema is not None:
        for option in schema.options:
            try:
                value = _from_text(option, text, path)
                checker_for(option, served=True)(value, path, SERVED)
            except Invalid:
                continue
            return value
    return text
