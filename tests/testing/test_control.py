"""The fake's HTTP control API (``/_fake/...``), driven with raw HTTP as a client in any
language would: reset, scripted replies, faults and the request log."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from chatbotkit_sdk import ConversationClient
from chatbotkit_sdk.testing import FakeChatBotKit

AUTH = {"Authorization": "Bearer sk-control"}


@pytest.fixture
def api() -> Iterator[tuple[FakeChatBotKit, httpx.Client]]:
    fake = FakeChatBotKit(secret="sk-control", seed=7)
    with fake.serve() as url, httpx.Client(base_url=url, timeout=10) as http:
        yield fake, http


def lines(answer: httpx.Response) -> list[dict[str, Any]]:
    return [json.loads(line) for line in answer.text.splitlines() if line.strip()]


def test_a_queued_reply_is_what_the_next_completion_streams(api: tuple[FakeChatBotKit, httpx.Client]) -> None:
    _, http = api
    queued = http.post(
        "/_fake/replies",
        json={"text": "Scripted answer.", "reasoning": "Think first.", "end_reason": "length"},
    )
    assert queued.status_code == 200
    assert queued.json() == {"queued": 1}

    cid = http.post("/v1/conversation/create", json={}, headers=AUTH).json()["id"]
    stream = http.post(
        f"/v1/conversation/{cid}/complete",
        json={"text": "Hi"},
        headers={**AUTH, "Accept": "application/jsonl"},
    )

    events = lines(stream)
    kinds = [e["type"] for e in events]
    assert "reasoningToken" in kinds
    assert kinds.index("reasoningToken") < kinds.index("token")
    assert "".join(e["data"]["token"] for e in events if e["type"] == "token") == "Scripted answer."
    assert events[-1]["type"] == "result"
    assert events[-1]["data"]["end"]["reason"] == "length"
    # The queue is empty again: the next turn is the bot's.
    nxt = http.post(f"/v1/conversation/{cid}/complete", json={"text": "Hello"}, headers=AUTH).json()
    assert nxt["text"].startswith("Hello!")


def test_a_list_of_replies_queues_in_order_and_a_bad_one_queues_nothing(
    api: tuple[FakeChatBotKit, httpx.Client],
) -> None:
    _, http = api
    bad = http.post("/_fake/replies", json=[{"text": "one"}, {"text": "two", "end_reason": "bored"}])
    assert bad.status_code == 400
    assert "bored" in bad.json()["message"]
    unknown = http.post("/_fake/replies", json={"txt": "typo"})
    assert unknown.status_code == 400
    assert unknown.json()["message"].startswith("txt: not a field of reply()")

    assert http.post("/_fake/replies", json=[{"text": "one"}, {"text": "two"}]).json() == {"queued": 2}
    history = {"messages": [{"type": "user", "text": "?"}]}
    texts = [http.post("/v1/conversation/complete", json=history, headers=AUTH).json()["text"] for _ in "ab"]
    assert texts == ["one", "two"]


def test_a_fault_by_operation_hits_only_that_operation(api: tuple[FakeChatBotKit, httpx.Client]) -> None:
    _, http = api
    added = http.post(
        "/_fake/faults",
        json={"operation": "complete_conversation_message", "status": 503, "times": 1, "message": "busy"},
    )
    assert added.status_code == 200
    assert added.json() == {"kind": "fail", "times": 1}

    history = {"messages": [{"type": "user", "text": "Hi"}]}
    assert http.post("/v1/conversation/complete", json=history, headers=AUTH).status_code == 200  # stateless
    cid = http.post("/v1/conversation/create", json={}, headers=AUTH).json()["id"]
    failed = http.post(f"/v1/conversation/{cid}/complete", json={"text": "Hi"}, headers=AUTH)
    assert (failed.status_code, failed.json()["message"]) == (503, "busy")
    assert http.post(f"/v1/conversation/{cid}/complete", json={"text": "Hi"}, headers=AUTH).status_code == 200


@pytest.mark.parametrize(
    ("fault", "word"),
    [
        ({"kind": "explode"}, "kind"),
        ({"operation": "complete_everything"}, "complete_everything"),
        ({"status": 503, "colour": "red"}, "colour"),
        ({"kind": "stall"}, "seconds"),
        ([1, 2], "object"),
    ],
    ids=["unknown kind", "unknown operation", "unknown field", "missing field", "not an object"],
)
def test_a_bad_fault_is_a_400_naming_the_problem(
    api: tuple[FakeChatBotKit, httpx.Client], fault: Any, word: str
) -> None:
    fake, http = api
    answer = http.post("/_fake/faults", json=fault)
    assert answer.status_code == 400
    assert answer.headers["content-type"] == "application/json"
    assert word in answer.json()["message"]
    assert fake.faults == []


def test_the_request_log_as_json_with_credentials_redacted(api: tuple[FakeChatBotKit, httpx.Client]) -> None:
    _, http = api
    http.post("/v1/conversation/create", json={"name": "Support"}, headers=AUTH)
    http.get("/v1/conversation/list", params={"take": 5}, headers=AUTH)
    http.get("/v1/conversation/list", params={"take": "many"}, headers=AUTH)

    log = http.get("/_fake/requests").json()["items"]

    assert [(r["method"], r["operation"], r["status"]) for r in log] == [
        ("POST", "create_conversation", 200),
        ("GET", "list_conversations", 200),
        ("GET", "list_conversations", 400),
    ]
    assert log[0]["json"] == {"name": "Support"}
    assert log[1]["query"] == {"take": "5"}
    assert all(r["headers"]["authorization"] == "[redacted]" for r in log)
    assert "sk-control" not in json.dumps(log)


def test_reset_empties_state_log_queue_and_faults(api: tuple[FakeChatBotKit, httpx.Client]) -> None:
    fake, http = api
    first = http.post("/v1/conversation/create", json={}, headers=AUTH).json()["id"]
    http.post("/_fake/replies", json={"text": "queued"})
    http.post("/_fake/faults", json={"operation": "list_conversations", "status": 500})

    assert http.post("/_fake/reset").json() == {"reset": True}

    assert fake.conversations == {}
    assert fake.faults == []
    assert http.get("/_fake/requests").json() == {"items": []}
    assert http.get("/v1/conversation/list", headers=AUTH).json() == {"items": [], "cursor": ""}
    again = http.post("/v1/conversation/create", json={}, headers=AUTH).json()["id"]
    assert again == first  # seeded: ids start over
    history = {"messages": [{"type": "user", "text": "Hello"}]}
    assert http.post("/v1/conversation/complete", json=history, headers=AUTH).json()["text"] != "queued"


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [("GET", "/_fake/reset", 405), ("POST", "/_fake/requests", 405), ("POST", "/_fake/everything", 404)],
)
def test_wrong_control_routes_are_json_errors(
    api: tuple[FakeChatBotKit, httpx.Client], method: str, path: str, status: int
) -> None:
    _, http = api
    answer = http.request(method, path)
    assert answer.status_code == status
    assert set(answer.json()) == {"message", "code"}


def test_the_control_api_also_works_in_process() -> None:
    fake = FakeChatBotKit()
    with fake.http_client() as http:
        assert http.post("/_fake/replies", json={"text": "in process"}).status_code == 200
    with ConversationClient(
        secret="sk", base_url="http://fake.chatbotkit.test", http_client=fake.http_client()
    ) as c:
        assert c.complete(None, {"messages": [{"type": "user", "text": "Hi"}]}).result().text == "in process"
