"""Contract check: schemathesis drives our spec against the fake over real HTTP.

Every operation gets generated requests (bounded, for CI); every answer must fit the
spec: documented status, content type, headers and body schema, and no 5xx. Ids in
paths point at a freshly seeded conversation and message, so most answers are the
2xx ones rather than 404s (404s are exercised by the other tests).
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from chatbotkit_sdk.testing import FakeChatBotKit, FakeRequest
from tests.helpers import ROOT

SPEC = ROOT / "openapi" / "conversation.yaml"
schema = schemathesis.openapi.from_path(SPEC)
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
AUTH = {"Authorization": "Bearer sk-contract"}


@pytest.fixture(scope="module")
def fake_server() -> Iterator[tuple[FakeChatBotKit, str]]:
    fake = FakeChatBotKit()
    with fake.serve() as url:
        yield fake, url


def _seed(fake: FakeChatBotKit, url: str) -> tuple[str, str]:
    """A new conversation with one message, created through the fake's own front door."""

    def post(path: str, body: dict[str, object]) -> dict[str, str]:
        request = FakeRequest(
            "POST", f"{url}/v1{path}", {"authorization": AUTH["Authorization"]}, json.dumps(body).encode()
        )
        answer = fake.handle(request)
        assert answer.status == 200, answer.body
        result: dict[str, str] = json.loads(answer.body)
        return result

    conversation = post("/conversation/create", {"name": "contract"})["id"]
    message = post(f"/conversation/{conversation}/message/create", {"type": "user", "text": "hi a@b.co"})[
        "id"
    ]
    return conversation, message


@schema.parametrize()
@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
def test_every_answer_fits_the_spec(case: schemathesis.Case, fake_server: tuple[FakeChatBotKit, str]) -> None:
    fake, url = fake_server
    if case.path_parameters:
        conversation, message = _seed(fake, url)
        if "conversationId" in case.path_parameters:
            case.path_parameters["conversationId"] = conversation
        if "messageId" in case.path_parameters:
            case.path_parameters["messageId"] = message
    case.call_and_validate(base_url=f"{url}/v1", headers=AUTH, checks=CHECKS)
