"""House rules for openapi/conversation.yaml, beyond what OpenAPI validation checks.

    python scripts/lint_spec.py openapi/conversation.yaml

Each rule keeps the generated code readable or the spec honest:
- every operation has an operationId, exactly one tag, a 200 answer and the shared
  default error answer;
- every {placeholder} in a path is declared as a required path parameter, and every
  declared path parameter appears in the path;
- request and response bodies are named components ($ref), never inline schemas,
  so the generator names their classes after the API's vocabulary;
- a oneOf never sits beside properties (the generator would invent _type_0 classes);
- every component is used, by an operation or by another component, or is a
  stream event (its name ends in "Event").
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

METHODS = ("get", "put", "post", "delete", "patch")


def _refs(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                yield value
            else:
                yield from _refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _refs(value)


def _resolve(spec: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        target: Any = spec
        for part in node["$ref"].lstrip("#/").split("/"):
            target = target[part]
        node = target
    return node


def _check_schemas(name: str, node: Any, problems: list[str]) -> None:
    if isinstance(node, dict):
        if "oneOf" in node and "properties" in node:
            problems.append(f"{name}: oneOf beside properties")
        for key, value in node.items():
            _check_schemas(f"{name}.{key}", value, problems)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            _check_schemas(f"{name}[{index}]", value, problems)


def _lint_operation(spec: dict[str, Any], where: str, path: str, operation: Any) -> list[str]:
    problems: list[str] = []
    if not operation.get("operationId"):
        problems.append(f"{where}: no operationId")
    if len(operation.get("tags", [])) != 1:
        problems.append(f"{where}: needs exactly one tag")
    params = [_resolve(spec, p) for p in operation.get("parameters", [])]
    in_path = [p for p in params if p.get("in") == "path"]
    problems += [
        f"{where}: path parameter {p.get('name')} not required" for p in in_path if not p.get("required")
    ]
    placeholders = set(re.findall(r"{([^}]+)}", path))
    declared = {str(p.get("name")) for p in in_path}
    if declared != placeholders:
        problems.append(
            f"{where}: path placeholders {sorted(placeholders)} but path parameters {sorted(declared)}"
        )
    responses = operation.get("responses", {})
    if "200" not in responses:
        problems.append(f"{where}: no 200 answer")
    if responses.get("default") != {"$ref": "#/components/responses/Error"}:
        problems.append(f"{where}: default answer must be #/components/responses/Error")
    for body in [operation.get("requestBody", {}), *responses.values()]:
        problems += [
            f"{where}: inline {content_type} schema; name it"
            for content_type, media in body.get("content", {}).items()
            if "$ref" not in media.get("schema", {}) and content_type != "text/csv"
        ]
    return problems


def lint(spec: dict[str, Any]) -> list[str]:
    problems: list[str] = []
    for path, item in spec["paths"].items():
        for method in METHODS:
            if method in item:
                problems += _lint_operation(spec, f"{method.upper()} {path}", path, item[method])
    for name, schema in spec["components"]["schemas"].items():
        _check_schemas(name, schema, problems)
    used = {ref.rsplit("/", 1)[-1] for ref in _refs(spec)}
    problems += [
        f"component {name} is never used"
        for name in spec["components"]["schemas"]
        if name not in used and not name.endswith("Event")
    ]
    return problems


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__)
        return 2
    spec = yaml.safe_load(Path(argv[1]).read_text())
    problems = lint(spec)
    for problem in problems:
        print(f"{argv[1]}: {problem}")
    if not problems:
        operations = sum(1 for item in spec["paths"].values() for m in METHODS if m in item)
        print(f"{argv[1]}: house rules hold ({operations} operations)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
