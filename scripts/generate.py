"""Regenerate ``generated/chatbotkit_api`` from ``openapi/``, or check that it is current.

    python scripts/generate.py           # rewrite generated/chatbotkit_api
    python scripts/generate.py --check   # regenerate elsewhere; exit 1 with a diff if stale
    python scripts/generate.py --check --against DIR   # the same for another copy
    python scripts/generate.py --spec PATH --output DIR # another spec into another folder

Both modes run the same steps into a fresh temporary folder, so a check compares
exactly what ``make generate`` would write. ``--spec`` and ``--output`` (defaults:
``openapi/conversation.yaml`` and ``generated/chatbotkit_api``) let a test regenerate
from an edited copy of the spec without touching the repo.
"""

from __future__ import annotations

import argparse
import difflib
import os
import shutil
import subprocess
import sys
import tempfile
from importlib.metadata import version
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import spec_tables

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "openapi" / "conversation.yaml"
CONFIG = ROOT / "openapi" / "config.yaml"
TEMPLATES = ROOT / "openapi" / "templates"
TARGET = ROOT / "generated" / "chatbotkit_api"
HEADER = ROOT / "scripts" / "operations_header.py"
GENERATOR_VERSION = "0.29.1"


def _generate(into: Path, spec: Path = SPEC) -> None:
    found = version("openapi-python-client")
    if found != GENERATOR_VERSION:
        sys.exit(f"need openapi-python-client {GENERATOR_VERSION}, found {found}: `make install`")
    env = dict(os.environ)
    # The generator's post hooks call `ruff`; use the one installed beside this Python.
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    command = [
        sys.executable, "-m", "openapi_python_client", "generate",
        "--path", str(spec),
        "--config", str(CONFIG),
        "--custom-template-path", str(TEMPLATES),
        "--meta", "none",
        "--output-path", str(into),
        "--fail-on-warning",
    ]  # fmt: skip
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        sys.exit(f"generation failed:\n{result.stdout}\n{result.stderr}")
    (into / "py.typed").write_text("")
    tables = spec_tables.write(spec, HEADER, into)
    for hook in (["check", "--fix-only", "--exit-zero"], ["format"]):
        subprocess.run(
            [sys.executable, "-m", "ruff", *hook, "--isolated", "--no-cache", "--quiet", *map(str, tables)],
            env=env, check=True,
        )  # fmt: skip
    _verify(into)


#: Run in a child process on the fresh package: the tables' names must be the generator's.
_VERIFY = """
import importlib, sys, attrs
from chatbotkit_api.operations import MODELS, OPERATIONS
from chatbotkit_api import models
for name, model in MODELS.items():
    fields = attrs.fields_dict(getattr(models, name))
    missing = [f.attribute for f in model.fields.values() if f.attribute not in fields]
    if missing:
        sys.exit(f"{name}: no generated attribute {missing}")
for name, op in OPERATIONS.items():
    module = importlib.import_module(f"chatbotkit_api.api.{op.tag}.{name}")
    for model in filter(None, [op.body, op.result, *(op.events or {}).values()]):
        getattr(models, model)
import chatbotkit_api.params, chatbotkit_api.streams
"""


def _verify(package: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(package.parent))
    result = subprocess.run(
        [sys.executable, "-c", _VERIFY],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        cwd=package.parent,
    )
    if result.returncode != 0:
        sys.exit(f"the spec tables do not match the generated code:\n{result.stdout}{result.stderr}")


def _files(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    }


def _diff(committed: dict[str, bytes], fresh: dict[str, bytes]) -> list[str]:
    lines: list[str] = []
    for name in sorted(committed.keys() | fresh.keys()):
        old, new = committed.get(name), fresh.get(name)
        if old == new:
            continue
        lines.extend(
            difflib.unified_diff(
                (old or b"").decode(errors="replace").splitlines(keepends=True),
                (new or b"").decode(errors="replace").splitlines(keepends=True),
                fromfile=f"committed/{name}" if old is not None else "/dev/null",
                tofile=f"regenerated/{name}" if new is not None else "/dev/null",
            )
        )
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if generated/ is stale")
    parser.add_argument("--against", type=Path, default=TARGET, help="folder to check")
    parser.add_argument("--spec", type=Path, default=SPEC, help="the OpenAPI description to generate from")
    parser.add_argument("--output", type=Path, default=TARGET, help="the package folder to (re)write")
    args = parser.parse_args()
    target: Path = args.output.resolve()
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "chatbotkit_api"
        _generate(fresh, args.spec.resolve())
        if args.check:
            diff = _diff(_files(args.against) if args.against.exists() else {}, _files(fresh))
            if diff:
                sys.stdout.writelines(diff)
                print("\ngenerated/ is stale or was edited by hand: run `make generate` and commit.")
                return 1
            print("generated/ matches a fresh regeneration")
            return 0
        if target.exists():
            shutil.rmtree(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copytree(fresh, target)
        print(f"wrote {target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
