"""The spec as data: what ``scripts/generate.py`` writes beside the generator's output.

openapi-python-client writes models and one function per operation, but it drops
what the SDK needs most: the JSON Lines events each operation streams, the
constraints, and a plain table of every operation. This module reads
``openapi/conversation.yaml`` and writes three modules into ``chatbotkit_api``:

- ``operations.py``: ``OPERATIONS`` (method, path, parameters with their schemas,
  request and result models, events by ``type``) and ``MODELS`` (every component
  object's fields by API name, with the Python attribute the generator chose);
- ``params.py``: a ``TypedDict`` for every request body (and the objects inside
  it) and for every operation's query, so dict literals type-check;
- ``streams.py``: for every operation that can stream, the union of the event
  models it yields.

The SDK and the fake read these; nothing in ``chatbotkit_sdk`` repeats the spec.
Names follow the generator's own rules (``openapi_python_client.strings``), and
``generate.py`` checks them against the generated models.
"""

from __future__ import annotations

import keyword
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
from openapi_python_client.strings import PythonIdentifier, pascal_case, snake_case

METHODS = ("get", "put", "post", "delete", "patch")
JSONL = "application/jsonl"
#: A stream's ``error`` event is raised by the SDK (``StreamError``), never yielded.
RAISED_EVENTS = frozenset({"error"})
#: How the generator names a field that shadows a builtin (``type`` -> ``type_``).
FIELD_PREFIX = "field_"
CONSTRAINTS = ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength",
               "pattern", "minItems", "maxItems")  # fmt: skip

HEADER = '''"""{doc}

Written by ``scripts/generate.py`` from ``openapi/conversation.yaml``; never edit by hand.
"""
'''


class Spec:
    def __init__(self, path: Path) -> None:
        self.doc: dict[str, Any] = yaml.safe_load(path.read_text())
        self.schemas: dict[str, Any] = self.doc["components"]["schemas"]

    # --- reading -------------------------------------------------------------------

    def ref_name(self, node: Any) -> str | None:
        if isinstance(node, dict) and "$ref" in node:
            return str(node["$ref"]).rsplit("/", 1)[1]
        return None

    def resolve(self, node: Any) -> Any:
        while isinstance(node, dict) and "$ref" in node:
            target: Any = self.doc
            for part in node["$ref"].lstrip("#/").split("/"):
                target = target[part]
            node = target
        return node

    def merged(self, schema: Any) -> dict[str, Any]:
        """An object schema with its ``allOf`` parts folded in (properties, required)."""
        schema = self.resolve(schema)
        if "allOf" not in schema:
            return dict(schema)
        out: dict[str, Any] = {"type": "object", "properties": {}, "required": []}
        for part in schema["allOf"]:
            sub = self.merged(part)
            out["properties"].update(sub.get("properties", {}))
            out["required"] += [r for r in sub.get("required", []) if r not in out["required"]]
            if "additionalProperties" in sub:
                out["additionalProperties"] = sub["additionalProperties"]
        for key in ("description",):
            if key in schema:
                out[key] = schema[key]
        return out

    def is_model(self, name: str) -> bool:
        """Whether a component is an object the generator makes a class for."""
        schema = self.schemas[name]
        return "allOf" in schema or schema.get("type") == "object" or "properties" in schema

    def operations(self) -> Iterator[tuple[str, str, dict[str, Any], list[Any]]]:
        for path, item in self.doc["paths"].items():
            shared = item.get("parameters", [])
            for method in METHODS:
                if method in item:
                    yield path, method, item[method], shared + item[method].get("parameters", [])


# --- the schema language of the tables ------------------------------------------------


def is_open_enum(values: list[str]) -> bool:
    """Whether an answer may hold a value of this enum that the spec does not list.

    A set of values grows as the API does; a single value is a constant (an event's
    ``type`` tag). openapi/templates/literal_enum.py.jinja applies the same rule.
    """
    return len(values) > 1


def schema_of(spec: Spec, node: Any) -> dict[str, Any]:
    """A schema as the ``Schema`` constructor's keyword arguments."""
    name = spec.ref_name(node)
    if name is not None and spec.is_model(name):
        return {"kind": "model", "model": name, **_constraints(node)}
    node = spec.resolve(node)
    out: dict[str, Any] = _constraints(node)
    if "oneOf" in node or "anyOf" in node:
        out["kind"] = "union"
        out["options"] = [schema_of(spec, option) for option in node.get("oneOf") or node["anyOf"]]
    elif "enum" in node:
        out["kind"] = "enum"
        out["values"] = [str(v) for v in node["enum"]]
        if is_open_enum(out["values"]):
            out["open"] = True
    elif node.get("type") == "array":
        out["kind"] = "array"
        out["items"] = schema_of(spec, node.get("items", {}))
    elif node.get("type") == "object" or "properties" in node or "additionalProperties" in node:
        if node.get("properties"):
            raise SystemExit(f"inline object with properties (name it in components): {node}")
        extra = node.get("additionalProperties", True)
        out["kind"] = "map"
        out["items"] = schema_of(spec, extra) if isinstance(extra, dict) else {"kind": "any"}
    elif node.get("type") in ("string", "integer", "number", "boolean"):
        out["kind"] = node["type"]
        if "format" in node:
            out["format"] = node["format"]
    else:
        out["kind"] = "any"
    if "default" in node:
        out["default"] = node["default"]
    return {"kind": out.pop("kind"), **out}


def _constraints(node: Any) -> dict[str, Any]:
    if not isinstance(node, dict):
        return {}
    return {_snake(key): node[key] for key in CONSTRAINTS if key in node}


def _snake(name: str) -> str:
    return str(snake_case(name))


def attribute(name: str) -> str:
    """The Python attribute the generator gives the API field ``name``."""
    return str(PythonIdentifier(name, FIELD_PREFIX))


def model_of(spec: Spec, name: str) -> dict[str, Any]:
    schema = spec.merged(spec.schemas[name])
    required = set(schema.get("required", []))
    fields = {}
    for field, node in schema.get("properties", {}).items():
        fields[field] = {
            "name": field,
            "attribute": attribute(field),
            "schema": schema_of(spec, node),
            "required": field in required,
            "description": spec.resolve(node).get("description", "") if isinstance(node, dict) else "",
        }
    extra = schema.get("additionalProperties")
    out: dict[str, Any] = {"name": name, "fields": fields, "description": schema.get("description", "")}
    if isinstance(extra, dict):
        out["extra"] = schema_of(spec, extra)
    elif extra is True or not fields:
        out["extra"] = {"kind": "any"}
    return out


def _events(spec: Spec, node: Any) -> dict[str, str]:
    """``type`` value -> event model, from a stream's oneOf/discriminator or single event."""
    schema = spec.resolve(node)
    mapping = schema.get("discriminator", {}).get("mapping")
    if mapping:
        return {kind: ref.rsplit("/", 1)[1] for kind, ref in mapping.items()}
    variants = schema.get("oneOf") or [node]
    out: dict[str, str] = {}
    for variant in variants:
        name = spec.ref_name(variant)
        if name is None:
            raise SystemExit(f"stream events must be named components: {variant}")
        kinds = spec.merged(spec.schemas[name])["properties"]["type"]
        (kind,) = spec.resolve(kinds)["enum"]
        out[str(kind)] = name
    return out


def operation_of(spec: Spec, path: str, method: str, op: dict[str, Any], params: list[Any]) -> dict[str, Any]:
    tag = op["tags"][0]
    out: dict[str, Any] = {
        "name": _snake(op["operationId"]),
        "operation_id": op["operationId"],
        "tag": _snake(tag),
        "method": method.upper(),
        "path": path,
        "summary": op.get("summary", ""),
        "description": " ".join(op.get("description", "").split()),
    }
    for location, key in (("path", "path_params"), ("query", "query"), ("header", "headers")):
        out[key] = []
        for param in (spec.resolve(p) for p in params):
            if param["in"] != location:
                continue
            out[key].append({
                "name": param["name"],
                "attribute": str(PythonIdentifier(param["name"], "")),
                "schema": schema_of(spec, param.get("schema", {})),
                "required": bool(param.get("required", False)),
                "style": param.get("style", "simple" if location in ("path", "header") else "form"),
                "description": param.get("description", ""),
            })  # fmt: skip
    body = op.get("requestBody")
    if body is not None:
        body = spec.resolve(body)
        out["body"] = spec.ref_name(body["content"]["application/json"]["schema"])
        out["body_required"] = bool(body.get("required", False))
    content = op["responses"]["200"]["content"]
    out["result"] = spec.ref_name(content["application/json"]["schema"])
    if JSONL in content:
        out["events"] = _events(spec, content[JSONL]["schema"])
    return out


# --- writing Python -----------------------------------------------------------------------


def _py(value: Any, cls: str | None = None) -> str:
    """``value`` as Python source; dicts with a ``cls`` become constructor calls."""
    if isinstance(value, dict) and cls is not None:
        args = ", ".join(f"{key}={_field(cls, key, v)}" for key, v in value.items())
        return f"{cls}({args})"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_py(k)}: {_py(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "(" + "".join(f"{_py(v)}, " for v in value) + ")"
    return repr(value)


_NESTED = {
    ("Schema", "items"): "Schema",
    ("Field", "schema"): "Schema",
    ("Parameter", "schema"): "Schema",
    ("Model", "extra"): "Schema",
}


def _field(cls: str, key: str, value: Any) -> str:
    if (cls, key) in _NESTED:
        return _py(value, _NESTED[cls, key])
    if (cls, key) == ("Schema", "options"):
        return "(" + "".join(f"{_py(v, 'Schema')}, " for v in value) + ")"
    if (cls, key) == ("Model", "fields"):
        return "{" + ", ".join(f"{k!r}: {_py(v, 'Field')}" for k, v in value.items()) + "}"
    if (cls, key) in (("Operation", "path_params"), ("Operation", "query"), ("Operation", "headers")):
        return "(" + "".join(f"{_py(v, 'Parameter')}, " for v in value) + ")"
    return _py(value)


def operations_module(spec: Spec, template: str) -> str:
    ops = [operation_of(spec, *found) for found in spec.operations()]
    models = [model_of(spec, name) for name in spec.schemas if spec.is_model(name)]
    lines = [template.rstrip(), "", "", "OPERATIONS: Mapping[str, Operation] = {"]
    lines += [f"    {op['name']!r}: {_py(op, 'Operation')}," for op in sorted(ops, key=lambda o: o["name"])]
    lines += ["}", "", "MODELS: Mapping[str, Model] = {"]
    lines += [f"    {m['name']!r}: {_py(m, 'Model')}," for m in sorted(models, key=lambda m: m["name"])]
    lines += ["}", ""]
    lines += ['__all__ = ["MODELS", "OPERATIONS", "Field", "Model", "Operation", "Parameter", "Schema"]', ""]
    return "\n".join(lines)


# --- TypedDicts ---------------------------------------------------------------------------


def _request_models(spec: Spec) -> list[str]:
    """Every model a request body holds, the bodies first, in a stable order."""
    seen: list[str] = []

    def visit(name: str) -> None:
        if name in seen or not spec.is_model(name):
            return
        seen.append(name)
        for field in model_of(spec, name)["fields"].values():
            for ref in _model_refs(field["schema"]):
                visit(ref)

    for _, _, op, _ in spec.operations():
        body = op.get("requestBody")
        if body is not None:
            visit(spec.ref_name(spec.resolve(body)["content"]["application/json"]["schema"]) or "")
    return seen


def _model_refs(schema: dict[str, Any]) -> Iterator[str]:
    if schema["kind"] == "model":
        yield schema["model"]
    for option in schema.get("options", []):
        yield from _model_refs(option)
    if "items" in schema:
        yield from _model_refs(schema["items"])


def _annotation(spec: Spec, schema: dict[str, Any], query: bool = False) -> str:  # noqa: PLR0911 - by kind
    kind = schema["kind"]
    if kind == "model":
        model = model_of(spec, schema["model"])
        if not model["fields"]:  # a free-form object such as Meta
            return f"Mapping[str, {_annotation(spec, model.get('extra', {'kind': 'any'}))}]"
        return f"{schema['model']}Param"
    if kind == "enum":
        literal = "Literal[" + ", ".join(repr(v) for v in schema["values"]) + "]"
        return f"{literal} | UnknownValue" if schema.get("open") else literal
    if kind == "union":
        return " | ".join(dict.fromkeys(_annotation(spec, o, query) for o in schema["options"]))
    if kind == "array":
        return f"Sequence[{_annotation(spec, schema['items'], query)}]"
    if kind == "map":
        return f"Mapping[str, {_annotation(spec, schema['items'], query)}]"
    if kind == "string" and query and schema.get("format") == "date-time":
        return "str | datetime.datetime | datetime.date"
    if kind == "string" and query and schema.get("format") == "date":
        return "str | datetime.date"
    return {"string": "str", "integer": "int", "number": "float", "boolean": "bool"}.get(kind, "Any")


def _typed_dict(name: str, doc: str, keys: list[tuple[str, str, bool, str]]) -> str:
    """``keys``: (API name, annotation, required, description)."""

    def wrap(annotation: str, required: bool) -> str:
        return annotation if required else f"NotRequired[{annotation}]"

    doc = " ".join(doc.split()) or name
    if all(k.isidentifier() and not keyword.iskeyword(k) for k, *_ in keys):
        body = [f"class {name}(TypedDict):", f'    """{doc}"""', ""]
        for key, annotation, required, description in keys:
            body.append(f"    {key}: {wrap(annotation, required)}")
            if description:
                body.append(f'    """{" ".join(description.split())}"""')
        return "\n".join(body)
    items = ", ".join(f"{k!r}: {wrap(a, r)}" for k, a, r, _ in keys)
    return f'{name} = TypedDict("{name}", {{{items}}})\n"""{doc}"""'


def params_module(spec: Spec) -> str:
    parts = [
        HEADER.format(
            doc="Dict-literal types of every request body and query (mypy and pyright check the keys)."
        ),
        "from __future__ import annotations\n",
        "import datetime",
        "from collections.abc import Mapping, Sequence",
        "from typing import Any, Literal, NotRequired, TypedDict\n",
        "from .types import UnknownValue\n",
    ]
    names: list[str] = []
    for name in _request_models(spec):
        model = model_of(spec, name)
        keys = [(f["name"], _annotation(spec, f["schema"]), f["required"], f["description"])
                for f in model["fields"].values()]  # fmt: skip
        if not keys and model.get("extra"):
            continue  # free-form: written as Mapping[str, ...] where used
        names.append(f"{name}Param")
        parts.append("\n" + _typed_dict(f"{name}Param", model["description"] or f"A {name}.", keys) + "\n")
    for path, method, op, params in spec.operations():
        query = [spec.resolve(p) for p in params if spec.resolve(p)["in"] == "query"]
        if not query:
            continue
        name = f"{pascal_case(op['operationId'])}Query"
        names.append(name)
        keys = [(q["name"], _annotation(spec, schema_of(spec, q.get("schema", {})), query=True),
                 bool(q.get("required")), q.get("description", "")) for q in query]  # fmt: skip
        doc = f"The query of ``{method.upper()} {path}`` ({op['operationId']})."
        parts.append("\n" + _typed_dict(name, doc, keys) + "\n")
    parts.append("\n__all__ = [" + "".join(f"{n!r}, " for n in sorted(names)) + "]\n")
    return "\n".join(parts)


# --- stream event unions ------------------------------------------------------------------


def streams_module(spec: Spec) -> str:
    parts = [
        HEADER.format(doc="For every operation that can stream, the union of the events its stream yields."),
        "from __future__ import annotations\n",
        "from typing import TypeAlias\n",
    ]
    unions: dict[str, list[str]] = {}
    for path, method, op, params in spec.operations():
        found = operation_of(spec, path, method, op, params)
        if "events" in found:
            kept = [m for kind, m in found["events"].items() if kind not in RAISED_EVENTS]
            unions[f"{pascal_case(op['operationId'])}Event"] = kept
    every = list(dict.fromkeys(m for kept in unions.values() for m in kept))
    for model in sorted(every):
        parts.append(f"from .models.{snake_case(model)} import {model}")
    parts.append("")
    for name, kept in sorted(unions.items()):
        parts.append(f"{name}: TypeAlias = " + " | ".join(kept))
    parts.append("#: Every event any stream yields.")
    parts.append("AnyStreamEvent: TypeAlias = " + " | ".join(every))
    names = [*sorted(unions), "AnyStreamEvent"]
    parts.append("\n__all__ = [" + "".join(f"{n!r}, " for n in sorted(names)) + "]\n")
    return "\n".join(parts)


def write(spec_path: Path, template: Path, into: Path) -> list[Path]:
    spec = Spec(spec_path)
    written = {
        into / "operations.py": operations_module(spec, template.read_text()),
        into / "params.py": params_module(spec),
        into / "streams.py": streams_module(spec),
    }
    for path, text in written.items():
        path.write_text(text)
    return list(written)
