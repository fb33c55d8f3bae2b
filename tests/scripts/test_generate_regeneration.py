"""An API change reaches users by regeneration alone: no handwritten file changes.

The test edits a copy of ``openapi/conversation.yaml`` the way the API typically grows
(a new stream event type, a new request and result property, a new enum value, a new
query parameter), regenerates ``chatbotkit_api`` from it into a temporary folder with
``scripts/generate.py --spec ... --output ...``, and then uses the repo's unchanged
``chatbotkit_sdk`` on top of the regenerated package, in child processes:

- at run time (``httpx.MockTransport``): the new event arrives as its own model, the
  new property is sent and read, the new enum value and query parameter are sent;
- under ``mypy --strict``: a user file using all four type-checks.

Each check also runs against the committed ``generated/``, where it must fail: that is
what proves the check can see the difference. Nothing in the repo is written.
"""

from __future__ import annotations

import dataclasses
import filecmp
import hashlib
import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.helpers import ROOT

COMMITTED = ROOT / "generated"
#: What regeneration reads and what it writes by default: neither may change. (The SDK,
#: chatbotkit_sdk/, is only imported, by children that write no bytecode.)
WATCHED = ("openapi/conversation.yaml", "generated")

SCHEMAS = "#/components/schemas/"
STREAMS = ("CompleteStreamEvent", "ConversationCompleteStreamEvent", "SendStreamEvent", "ReceiveStreamEvent")


def edit_spec(doc: dict[str, Any]) -> None:
    """The API change, as a maintainer would write it in the spec."""
    schemas = doc["components"]["schemas"]
    # A new event type in every completion stream.
    schemas["ThoughtData"] = {
        "type": "object",
        "required": ["text"],
        "properties": {"text": {"type": "string"}},
    }
    schemas["ThoughtEvent"] = {
        "type": "object",
        "required": ["type", "data"],
        "properties": {
            "type": {"type": "string", "enum": ["thought"]},
            "data": {"$ref": SCHEMAS + "ThoughtData"},
        },
    }
    for name in STREAMS:
        schemas[name]["oneOf"].append({"$ref": SCHEMAS + "ThoughtEvent"})
        schemas[name]["discriminator"]["mapping"]["thought"] = SCHEMAS + "ThoughtEvent"
    # A new property on a request and on a result.
    for name in ("ConversationCompleteRequest", "ConversationCompleteResult"):
        schemas[name]["properties"]["mood"] = {"type": "string"}
    # A new enum value.
    schemas["MessageType"]["enum"].append("tool")
    # A new query parameter.
    (operation,) = (op for op in _operations(doc) if op["operationId"] == "listConversations")
    operation["parameters"].append(
        {"name": "search", "in": "query", "required": False, "schema": {"type": "string"}}
    )


def _operations(doc: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for item in doc["paths"].values():
        for method in ("get", "put", "post", "delete", "patch"):
            if method in item:
                yield item[method]


def _fingerprint() -> dict[str, str]:
    """Every watched file, by content."""
    files = [path for name in WATCHED for path in [ROOT / name, *sorted((ROOT / name).rglob("*"))]]
    return {
        path.relative_to(ROOT).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in files
        if path.is_file() and "__pycache__" not in path.parts
    }


@dataclasses.dataclass(frozen=True)
class Regenerated:
    work: Path
    #: the folder holding the regenerated ``chatbotkit_api``
    package_root: Path
    #: the repo's files before anything ran
    before: dict[str, str]


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory: pytest.TempPathFactory) -> Regenerated:
    before = _fingerprint()
    work = tmp_path_factory.mktemp("regeneration")
    spec = work / "conversation.yaml"
    doc = yaml.safe_load((ROOT / "openapi" / "conversation.yaml").read_text())
    edit_spec(doc)
    spec.write_text(yaml.safe_dump(doc, sort_keys=False))
    package_root = work / "new"
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "generate.py"),
         "--spec", str(spec), "--output", str(package_root / "chatbotkit_api")],
        cwd=work, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    return Regenerated(work=work, package_root=package_root, before=before)


def _env(*path: Path) -> dict[str, str]:
    """The environment of a child: ``path`` first on its import path, no bytecode, no secrets."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CHATBOTKIT_")}
    env["PYTHONPATH"] = os.pathsep.join(map(str, path))
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


# --- at run time ---------------------------------------------------------------------

PROBE = '''
"""What the SDK does with the API as the importable chatbotkit_api describes it."""
import json
import httpx
import chatbotkit_api, chatbotkit_sdk
from chatbotkit_sdk import ConversationClient, UnknownEvent

RESULT = {"id": "msg_2", "text": "Hel", "usage": {"token": 3}, "end": {"reason": "stop"}, "mood": "calm"}
LINES = [
    {"type": "token", "data": {"token": "Hel"}},
    {"type": "thought", "data": {"text": "be kind"}},
    {"type": "result", "data": RESULT},
]
sent = []


def answer(request):
    sent.append(request)
    path = request.url.path
    if path.endswith("/complete") and request.headers.get("accept") == "application/jsonl":
        body = "".join(json.dumps(line) + "\\n" for line in LINES).encode()
        return httpx.Response(200, content=body, headers={"content-type": "application/jsonl"})
    if path.endswith("/complete"):
        return httpx.Response(200, json=RESULT)
    if path.endswith("/message/create"):
        return httpx.Response(200, json={"id": "msg_3", "entities": []})
    if path.endswith("/conversation/list"):
        return httpx.Response(200, json={"items": [], "cursor": ""})
    return httpx.Response(404, json={"message": "no route " + path})


def attempt(step):
    sent.clear()
    try:
        out = {"value": step()}
    except Exception as exc:
        out = {"error": f"{type(exc).__name__}: {exc}"}
    out["sent"] = [{"method": r.method, "url": str(r.url), "body": r.content.decode()} for r in sent]
    return out


def events():
    with client.complete("conv_1", {"text": "hi"}).stream() as stream:
        return [{"class": type(e).__name__, "module": type(e).__module__,
                 "unknown": isinstance(e, UnknownEvent), "type": e.type,
                 "text": getattr(e.data, "text", None)} for e in stream]


client = ConversationClient(
    secret="sk_test_regeneration", retries=0, http_client=httpx.Client(transport=httpx.MockTransport(answer))
)
print(json.dumps({
    "chatbotkit_api": chatbotkit_api.__file__,
    "chatbotkit_sdk": chatbotkit_sdk.__file__,
    "events": attempt(events),
    "text": attempt(lambda: client.complete("conv_1", {"text": "hi"}).stream().text()),
    "final_mood": attempt(lambda: client.complete("conv_1", {"text": "hi"}).stream().final_result().mood),
    "mood": attempt(lambda: client.complete("conv_1", {"text": "hi", "mood": "calm"}).result().mood),
    "tool": attempt(lambda: client.message.create("conv_1", {"type": "tool", "text": "x"}).id),
    "search": attempt(lambda: len(client.list({"search": "x"}).result().items)),
}))
'''


def _probe(work: Path, *path: Path) -> dict[str, Any]:
    script = work / "probe.py"
    script.write_text(PROBE)
    result = subprocess.run(
        [sys.executable, str(script)], cwd=work, env=_env(*path), capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    found: dict[str, Any] = json.loads(result.stdout)
    return found


@pytest.fixture(scope="module")
def after(regenerated: Regenerated) -> dict[str, Any]:
    """The probe on the regenerated package and the repo's SDK."""
    found = _probe(regenerated.work, regenerated.package_root, ROOT)
    assert Path(found["chatbotkit_api"]).is_relative_to(regenerated.package_root)
    assert Path(found["chatbotkit_sdk"]) == ROOT / "chatbotkit_sdk" / "__init__.py"
    return found


@pytest.fixture(scope="module")
def before(regenerated: Regenerated) -> dict[str, Any]:
    """The same probe on the committed package: the control."""
    found = _probe(regenerated.work, COMMITTED, ROOT)
    assert Path(found["chatbotkit_api"]).is_relative_to(COMMITTED)
    return found


def test_the_new_event_arrives_as_its_own_model(after: dict[str, Any], before: dict[str, Any]) -> None:
    events = after["events"]["value"]
    assert [e["type"] for e in events] == ["token", "thought", "result"], after["events"]
    thought = events[1]
    assert thought["class"] == "ThoughtEvent"
    assert thought["module"] == "chatbotkit_api.models.thought_event"
    assert not thought["unknown"]
    assert thought["text"] == "be kind"
    # tokens() checks every non-token event against its model, the new one included.
    assert after["text"] == {"value": "Hel", "sent": after["text"]["sent"]}
    # Control: the committed package does not know the type, so it is passed through.
    assert before["events"]["value"][1]["class"] == "UnknownEvent"
    assert before["events"]["value"][1]["unknown"]


def test_the_new_property_is_sent_and_read(after: dict[str, Any], before: dict[str, Any]) -> None:
    assert after["mood"]["value"] == "calm", after["mood"]
    (request,) = after["mood"]["sent"]
    assert json.loads(request["body"]) == {"text": "hi", "mood": "calm"}
    assert after["final_mood"]["value"] == "calm", after["final_mood"]
    # Control: the committed request model refuses the field before anything is sent.
    assert before["mood"]["error"].startswith("TypeError:"), before["mood"]
    assert "mood" in before["mood"]["error"]
    assert before["mood"]["sent"] == []


def test_the_new_enum_value_is_sent(after: dict[str, Any], before: dict[str, Any]) -> None:
    assert after["tool"]["value"] == "msg_3", after["tool"]
    (request,) = after["tool"]["sent"]
    assert request["url"].endswith("/conversation/conv_1/message/create")
    assert json.loads(request["body"]) == {"type": "tool", "text": "x"}
    assert before["tool"]["error"].startswith("ValueError:"), before["tool"]
    assert "'tool'" in before["tool"]["error"]
    assert before["tool"]["sent"] == []


def test_the_new_query_parameter_is_sent(after: dict[str, Any], before: dict[str, Any]) -> None:
    assert after["search"]["value"] == 0, after["search"]
    (request,) = after["search"]["sent"]
    assert request["method"] == "GET"
    assert request["url"].endswith("/conversation/list?search=x")
    assert before["search"]["error"].startswith("TypeError:"), before["search"]
    assert "'search'" in before["search"]["error"]
    assert before["search"]["sent"] == []


# --- under mypy --strict -------------------------------------------------------------

#: Application code written for the changed API. ``# uses: NAME`` marks where each
#: change is used: against the committed package mypy must report an error there.
USER_CODE = """
from typing import assert_type

from chatbotkit_api.models import (
    ConversationCompleteResult,
    ConversationPage,
    MessageCreateResult,
    ThoughtEvent,
)
from chatbotkit_api.types import Unset

from chatbotkit_sdk import ConversationClient


def use(client: ConversationClient, conversation_id: str) -> None:
    page = client.list({"search": "x"}).result()  # uses: search
    assert_type(page, ConversationPage)
    result = client.complete(conversation_id, {"text": "hi", "mood": "calm"}).result()  # uses: mood
    assert_type(result, ConversationCompleteResult)
    assert_type(result.mood, str | Unset)
    created = client.message.create(conversation_id, {"type": "tool", "text": "x"})  # uses: tool
    assert_type(created, MessageCreateResult)
    with client.complete(conversation_id, {"text": "hi"}).stream() as stream:
        for event in stream:
            if event.type == "thought":  # uses: thought
                assert_type(event, ThoughtEvent)
                assert_type(event.data.text, str)
""".lstrip()
USES = {"search", "mood", "tool", "thought"}


@dataclasses.dataclass(frozen=True)
class MypyRun:
    returncode: int
    output: str

    def uses_with_errors(self) -> set[str]:
        """The ``# uses:`` marks of the lines mypy reported an error on."""
        lines = USER_CODE.splitlines()
        found = set()
        for number in re.findall(r"^user_code\.py:(\d+): error:", self.output, re.MULTILINE):
            mark = re.search(r"# uses: (\w+)", lines[int(number) - 1])
            if mark:
                found.add(mark[1])
        return found


@pytest.fixture(scope="module")
def mypy(regenerated: Regenerated) -> dict[str, MypyRun]:
    """``mypy --strict`` on the user code, against the regenerated and the committed package.

    Both runs go at once (each is a cold run, several seconds), with their own caches
    in the temporary folder; MYPYPATH puts the package under test before everything else.
    """
    folder = regenerated.work / "user"
    folder.mkdir()
    (folder / "user_code.py").write_text(USER_CODE)
    runs = {}
    for name, package_root in (("after", regenerated.package_root), ("before", COMMITTED)):
        env = _env()
        env.pop("PYTHONPATH")
        env["MYPYPATH"] = os.pathsep.join([str(package_root), str(ROOT)])
        command = [
            sys.executable, "-m", "mypy", "--strict",
            "--config-file", str(ROOT / "pyproject.toml"),
            "--cache-dir", str(regenerated.work / f"mypy-cache-{name}"),
            "--no-color-output", "--show-absolute-path",
            "user_code.py",
        ]  # fmt: skip
        runs[name] = subprocess.Popen(
            command, cwd=folder, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
    results = {}
    for name, process in runs.items():
        output, _ = process.communicate(timeout=300)
        results[name] = MypyRun(process.returncode, output.replace(str(folder) + os.sep, ""))
    return results


def test_mypy_accepts_user_code_for_the_changed_api(mypy: dict[str, MypyRun]) -> None:
    run = mypy["after"]
    assert run.returncode == 0, run.output
    assert "Success: no issues found" in run.output


def test_mypy_rejects_the_same_code_against_the_committed_package(mypy: dict[str, MypyRun]) -> None:
    run = mypy["before"]
    assert run.returncode == 1, run.output
    assert run.uses_with_errors() == USES, run.output
    assert re.search(r"user_code\.py:\d+: error: .*ListConversationsQuery", run.output), run.output


# --- what changed --------------------------------------------------------------------


def test_the_change_lands_only_in_generated_code(regenerated: Regenerated) -> None:
    """The regenerated package differs from the committed one exactly where the spec changed."""
    new, old = regenerated.package_root / "chatbotkit_api", COMMITTED / "chatbotkit_api"
    changed = set()
    for path in new.rglob("*.py"):
        name = path.relative_to(new).as_posix()
        if not (old / name).exists() or not filecmp.cmp(path, old / name, shallow=False):
            changed.add(name)
    removed = {p.relative_to(old).as_posix() for p in old.rglob("*.py")} - {
        p.relative_to(new).as_posix() for p in new.rglob("*.py")
    }
    assert not removed
    assert {
        "operations.py",  # events, fields, parameters and enum values of the SDK's table
        "params.py",  # the TypedDicts users' dict literals are checked against
        "streams.py",  # the per-operation event unions
        "models/thought_event.py",
        "models/message_type.py",
        "models/conversation_complete_request.py",
        "models/conversation_complete_result.py",
        "api/conversation/list_conversations.py",
    } <= changed


def test_nothing_in_the_repo_was_written(
    regenerated: Regenerated, after: Any, before: Any, mypy: Any
) -> None:
    """Everything above ran on the repo's own SDK and left the spec and generated/ alone."""
    assert _fingerprint() == regenerated.before
    assert not (ROOT / "generated" / "chatbotkit_api" / "models" / "thought_event.py").exists()
