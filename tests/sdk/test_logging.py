"""``CHATBOTKIT_LOG=debug`` (``chatbotkit_sdk/_logging.py``): what it prints, with the secret redacted."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

from tests.helpers import ROOT

SECRET = "sk_live_N0tToBeLeaked_7Hq2Zx9Kp4"
AUTH = {"Authorization": f"Bearer {SECRET}"}


# --- 5. CHATBOTKIT_LOG=debug -------------------------------------------------------------------

LOG_SCRIPT = textwrap.dedent(
    """
    from chatbotkit_sdk import ConversationClient, NotFoundError
    from chatbotkit_sdk.testing import FakeChatBotKit

    SECRET = {secret!r}
    fake = FakeChatBotKit()
    http = fake.http_client()
    client = ConversationClient(
        secret=SECRET, base_url="http://fake.chatbotkit.test", http_client=http,
        retry_delay=0, run_as_user_id="usr_log", headers={{"X-Api-Key": SECRET}},
    )
    cid = client.create({{"name": "logged"}}).id
    fake.fail(503)
    client.fetch(cid).result()
    print(client.complete(cid, {{"text": "Hello"}}).stream().text())
    client.attachment.upload_file(cid, b"data", name="a.txt", content_type="text/plain")
    try:
        client.fetch("cnv_missing").result()
    except NotFoundError as exc:
        print(repr(exc))
    """
)


def test_chatbotkit_log_debug_prints_redacted_request_and_response_lines() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CHATBOTKIT_")}
    env["CHATBOTKIT_LOG"] = "debug"
    done = subprocess.run(
        [sys.executable, "-c", LOG_SCRIPT.format(secret=SECRET)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stderr.splitlines()
    requests = [line for line in lines if "chatbotkit_sdk DEBUG] request: " in line]
    responses = [line for line in lines if "chatbotkit_sdk DEBUG] response: " in line]
    assert len(requests) == len(responses) == 7  # create, 2 x fetch, complete, upload + PUT, fetch
    assert any("request: POST http://fake.chatbotkit.test/api/v1/conversation/create" in r for r in requests)
    assert all("'Authorization': '[redacted]'" in r for r in requests if "/_fake/uploads/" not in r)
    assert all("'X-Api-Key': '[redacted]'" in r for r in requests if "/_fake/uploads/" not in r)
    assert any("'X-RunAs-User-Id': 'usr_log'" in r for r in requests)
    assert any(r.endswith("-> 503") for r in responses)
    assert any(r.endswith("-> 404") for r in responses)
    assert sum("retrying GET" in line for line in lines) == 1
    assert SECRET not in done.stderr
    assert SECRET not in done.stdout
    assert "Hello!" in done.stdout
