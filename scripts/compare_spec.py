"""Compare our spec with a published ChatBotKit OpenAPI description.

    python scripts/compare_spec.py PUBLISHED.json [openapi/conversation.yaml]

For when the API changes: download the published description, run this, and it
lists every operation, parameter and body field (name, type, required, enum)
that differs. Both documents are reduced to one flat form first: $refs resolved,
allOf merged, the properties of oneOf variants merged in as optional, so that
structure we chose differently (named components, allOf instead of a oneOf beside
properties) is not reported, only differences in what goes over the wire.

The only content types compared are JSON and JSON Lines; operations listed in
KNOWN_DIFFERENCES (see openapi/README.md) are reported separately as expected.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import yaml

METHODS = ("get", "put", "post", "delete", "patch")
CONTENT_TYPES = ("application/json", "application/jsonl")
# Differences we made on purpose; openapi/README.md explains each.
# Each entry is the start of a reported line.
KNOWN_DIFFERENCES = (
    "POST /conversation/{conversationId}/dispatch parameters: + path conversationId ",
    "POST /conversation/{conversationId}/attachment/upload request: - content multipart/form-data",
    "POST /conversation/{conversationId}/attachment/upload request: - content */*",
    "POST /conversation/{conversationId}/receive 200 application/jsonl: data ",
    "POST /conversation/{conversationId}/receive 200 application/jsonl: type ",
)

Flat = dict[str, tuple[str, ...]]


def _load(path: Path) -> dict[str, Any]:
    text = path.read_text()
    return json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)


class Flattener:
    def __init__(self, spec: dict[str, Any]) -> None:
        self.spec = spec

    def resolve(self, node: Any) -> Any:
        while isinstance(node, dict) and "$ref" in node:
            target: Any = self.spec
            for part in node["$ref"].lstrip("#/").split("/"):
                target = target[part.replace("~1", "/").replace("~0", "~")]
            node = target
        return node

    def merged(self, schema: Any) -> dict[str, Any]:
        """One object schema: allOf merged; oneOf variants' properties made optional."""
        schema = self.resolve(schema)
        if not isinstance(schema, dict):
            return {}
        out: dict[str, Any] = {k: v for k, v in schema.items() if k not in ("allOf", "oneOf")}
        out["properties"] = dict(schema.get("properties", {}))
        out["required"] = list(schema.get("required", []))
        for part in schema.get("allOf", []):
            piece = self.merged(part)
            out["properties"].update(piece["properties"])
            out["required"] += piece["required"]
            for key in ("type", "enum", "additionalProperties", "items", "format"):
                if key in piece and key not in out:
                    out[key] = piece[key]
        variants = [self.resolve(v) for v in schema.get("oneOf", [])]
        if variants and all(v.get("type", "object") == "object" for v in variants):
            for variant in variants:
                piece = self.merged(variant)
                for name, prop in piece["properties"].items():
                    if name in out["properties"] and name not in schema.get("properties", {}):
                        out["properties"][name] = {"oneOf": [out["properties"][name], prop]}
                    else:
                        out["properties"].setdefault(name, prop)
                required_everywhere = set.intersection(*(set(self.merged(v)["required"]) for v in variants))
                out["required"] += sorted(required_everywhere)
            out.setdefault("type", "object")
        elif variants:
            out["oneOf"] = variants
        return out

    def types(self, schema: Any) -> tuple[str, ...]:
        schema = self.merged(schema)
        if "oneOf" in schema:
            return tuple(sorted({t for v in schema["oneOf"] for t in self.types(v)}))
        kind = schema.get("type", "any")
        if schema.get("format") in ("date-time", "binary"):
            kind += ":" + schema["format"]
        if "enum" in schema:
            kind += "{" + ",".join(sorted(map(str, schema["enum"]))) + "}"
        return (kind,)

    def flatten(self, schema: Any, prefix: str, out: Flat, depth: int = 0) -> None:
        schema = self.merged(schema)
        if depth > 8:
            return
        if "oneOf" in schema:
            for variant in schema["oneOf"]:
                self.flatten(variant, prefix, out, depth + 1)
            return
        if schema.get("type") == "array":
            self.flatten(schema.get("items", {}), prefix + "[]", out, depth + 1)
            return
        required = set(schema.get("required", []))
        for name, prop in schema.get("properties", {}).items():
            key = f"{prefix}.{name}" if prefix else name
            out[key] = (*self.types(prop), "required" if name in required else "optional")
            self.flatten(prop, key, out, depth + 1)

    def operation(self, path: str, method: str, op: dict[str, Any]) -> dict[str, Any]:
        params = {}
        for raw in op.get("parameters", []):
            p = self.resolve(raw)
            if "name" in p:
                params[f"{p['in']} {p['name']}"] = (
                    *self.types(p.get("schema", {})),
                    "required" if p.get("required") else "optional",
                    p.get("style", ""),
                )
        request: Flat = {}
        request_types = set()
        for ctype, media in op.get("requestBody", {}).get("content", {}).items():
            request_types.add(ctype)
            if ctype == "application/json":
                self.flatten(media.get("schema", {}), "", request)
        responses: dict[str, Flat] = {}
        for ctype, media in op["responses"]["200"].get("content", {}).items():
            flat: Flat = {}
            if ctype in CONTENT_TYPES:
                self.flatten(media.get("schema", {}), "", flat)
            responses[ctype] = flat
        return {
            "operationId": op.get("operationId"),
            "parameters": params,
            "request content": request_types,
            "request": request,
            "responses": responses,
        }

    def operations(self) -> dict[str, dict[str, Any]]:
        return {
            f"{method.upper()} {path}": self.operation(path, method, item[method])
            for path, item in self.spec["paths"].items()
            for method in METHODS
            if method in item
        }


def _diff_maps(where: str, theirs: dict[str, Any], ours: dict[str, Any]) -> list[str]:
    lines = []
    for key in sorted(theirs.keys() | ours.keys()):
        if key not in ours:
            lines.append(f"{where}: - {key} {theirs[key]}")
        elif key not in theirs:
            lines.append(f"{where}: + {key} {ours[key]}")
        elif theirs[key] != ours[key]:
            lines.append(f"{where}: {key} {theirs[key]} -> {ours[key]}")
    return lines


def compare(published: dict[str, Any], ours: dict[str, Any]) -> list[str]:
    theirs_ops = Flattener(published).operations()
    ours_ops = Flattener(ours).operations()
    lines = [f"- operation {k}" for k in sorted(theirs_ops.keys() - ours_ops.keys())]
    lines += [f"+ operation {k}" for k in sorted(ours_ops.keys() - theirs_ops.keys())]
    for key in sorted(theirs_ops.keys() & ours_ops.keys()):
        a, b = theirs_ops[key], ours_ops[key]
        if a["operationId"] != b["operationId"]:
            lines.append(f"{key}: operationId {a['operationId']} -> {b['operationId']}")
        lines += _diff_maps(f"{key} parameters", a["parameters"], b["parameters"])
        for ctype in sorted(a["request content"] - b["request content"]):
            lines.append(f"{key} request: - content {ctype}")
        for ctype in sorted(b["request content"] - a["request content"]):
            lines.append(f"{key} request: + content {ctype}")
        lines += _diff_maps(f"{key} request", a["request"], b["request"])
        for ctype in sorted(a["responses"].keys() | b["responses"].keys()):
            if ctype not in b["responses"] or ctype not in a["responses"]:
                lines.append(f"{key} 200: content {ctype} only in one document")
                continue
            lines += _diff_maps(f"{key} 200 {ctype}", a["responses"][ctype], b["responses"][ctype])
    return lines


def main(argv: list[str]) -> int:
    if len(argv) not in (2, 3):
        print(__doc__)
        return 2
    ours_path = (
        Path(argv[2]) if len(argv) == 3 else Path(__file__).parent.parent / "openapi" / "conversation.yaml"
    )
    lines = compare(_load(Path(argv[1])), _load(ours_path))
    expected = [line for line in lines if line.startswith(KNOWN_DIFFERENCES)]
    unexpected = [line for line in lines if not line.startswith(KNOWN_DIFFERENCES)]
    for line in expected:
        print(f"expected: {line}")
    for line in unexpected:
        print(line)
    print(f"{len(unexpected)} unexpected difference(s), {len(expected)} expected")
    return 1 if unexpected else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
