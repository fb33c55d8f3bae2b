"""The fake's request log (``FakeRequest``/``RecordedRequest`` of ``chatbotkit_sdk/testing/_wire.py``):
each request with its parts and answer, credentials and upload signatures redacted, a
dropped request without a status. In process and over loopback HTTP.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from chatbotkit_sdk.testing import FakeChatBotKit
from tests.helpers import BASE_URL, Wire, raw_http

SECRET = "sk_contract_Q8wL2nV5"
AUTH = {"Authorization": f"Bearer {SECRET}"}
UNKNOWN = "notInTheSpec"

#: Where a value the spec allows is still refused by the fake's own rules (see _fake.py):
#: the upload's ``file`` must be an http(s): or data: URL.
OVERRIDES: dict[tuple[str, str], Any] = {("AttachmentUploadRequest", "file"): "https://example.com/a.pdf"}

Path = tuple[str | int, ...]


# --- 4. the request log ------------------------------------------------------------------------


@pytest.fixture(params=["http", "in-process"])
def logged(request: pytest.FixtureRequest) -> Iterator[Wire]:
    fake = FakeChatBotKit(secret=SECRET)
    with raw_http(fake, request.param, headers=AUTH) as http:
        yield Wire(fake, http)


def test_each_request_is_logged_with_its_parts_and_answer(logged: Wire) -> None:
    fake, http = logged.fake, logged.http
    conversation = http.post("/v1/conversation/create", json={"name": "log", "meta": {"a": 1}}).json()["id"]
    http.get("/api/v1/conversation/list?take=2&meta[team]=blue&order=asc")
    http.post(f"/v1/conversation/{conversation}/complete", json={"txt": "hello"})
    http.get("/v1/conversation/nowhere")
    create, listed, complete, nowhere = fake.requests
    assert (create.method, create.path, create.operation) == (
        "POST",
        "/v1/conversation/create",
        "create_conversation",
    )
    assert create.json == {"name": "log", "meta": {"a": 1}}
    assert json.loads(create.body) == create.json
    assert create.query == {}
    assert create.status == 200
    assert (listed.method, listed.path, listed.operation) == (
        "GET",
        "/api/v1/conversation/list",
        "list_conversations",
    )
    assert listed.query == {"take": "2", "meta[team]": "blue", "order": "asc"}
    assert listed.json is None
    assert listed.status == 200
    assert complete.operation == "complete_conversation_message"
    assert complete.json == {"txt": "hello"}
    assert complete.status == 400
    assert (nowhere.operation, nowhere.status) == (None, 404)


def test_repeated_query_parameters_and_bodies_that_are_not_json(logged: Wire) -> None:
    fake, http = logged.fake, logged.http
    http.get("/v1/conversation/list?take=1&take=2&cursor=")
    http.post("/v1/conversation/create", content=b"not { json")
    listed, broken = fake.requests
    assert listed.query == {"take": ["1", "2"], "cursor": ""}
    assert (broken.json, broken.body, broken.status) == (None, b"not { json", 400)


def test_credentials_are_redacted_in_the_log(logged: Wire) -> None:
    fake, http = logged.fake, logged.http
    conversation = http.post(
        "/v1/conversation/create",
        json={},
        headers={
            "X-Api-Key": "key_123",
            "Cookie": "sid=abc",
            "X-Forwarded-Secret": "s3cr3t",
            "X-Upstream": "Basic dXNlcjpwYXNz",
            "X-Echo": f"copy of {SECRET}",
            "X-Team": "blue",
            "X-RunAs-User-Id": "usr_1",
        },
    ).json()["id"]
    seen = fake.requests[-1].headers
    for name in ("authorization", "x-api-key", "cookie", "x-forwarded-secret", "x-upstream", "x-echo"):
        assert seen[name] == "[redacted]", name
    assert seen["x-team"] == "blue"
    assert seen["x-runas-user-id"] == "usr_1"
    # A session token is a credential too, wherever it is sent.
    token = http.post(f"/v1/conversation/{conversation}/session/create", json={}).json()["token"]
    http.post(
        f"/v1/conversation/{conversation}/send",
        json={"text": "hi"},
        headers={"Authorization": f"Bearer {token}", "X-Note": token},
    )
    last = fake.requests[-1]
    assert last.status == 200
    assert last.headers["authorization"] == last.headers["x-note"] == "[redacted]"
    texts = repr(fake.requests)
    assert SECRET not in texts
    assert token not in texts
    assert "key_123" not in texts


def test_a_presigned_upload_signature_is_redacted_in_the_log(logged: Wire) -> None:
    fake, http = logged.fake, logged.http
    conversation = http.post("/v1/conversation/create", json={}).json()["id"]
    upload = http.post(
        f"/v1/conversation/{conversation}/attachment/upload",
        json={"file": {"type": "text/plain", "size": 2, "name": "a.txt"}},
    ).json()["uploadRequest"]
    signature = httpx.URL(upload["url"]).params["signature"]
    transport = fake.transport() if upload["url"].startswith(BASE_URL) else None
    with httpx.Client(timeout=10, transport=transport) as raw:
        assert raw.put(upload["url"], content=b"hi", headers=upload["headers"]).status_code == 200
    put = fake.requests[-1]
    assert (put.method, put.operation, put.status, put.json) == ("PUT", None, 200, None)
    assert put.query == {"signature": "[redacted]"}
    assert signature not in repr(put)


def test_a_dropped_request_is_logged_without_a_status(logged: Wire) -> None:
    logged.fake.drop(operation="list_conversations")
    with pytest.raises(httpx.RemoteProtocolError):
        logged.http.get("/v1/conversation/list")
    (dropped,) = logged.fake.calls("list_conversations")
    assert dropped.status is None
