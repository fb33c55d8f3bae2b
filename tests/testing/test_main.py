"""The fake as a process: ``python -m chatbotkit_sdk.testing`` (``chatbotkit_sdk/testing/__main__.py``)."""

from __future__ import annotations

import re

import httpx

from tests.helpers import FAKE_AUTH, cli, start_cli, stop

# Each process listens on a port the kernel picked (``--port 0``), which its banner names.


def test_python_m_chatbotkit_sdk_testing_serves() -> None:
    process, port = start_cli("--secret", "cli-secret", unbuffered=True)
    url = f"http://127.0.0.1:{port}"
    try:
        answer = httpx.get(
            f"{url}/v1/conversation/list", headers={"Authorization": "Bearer cli-secret"}, timeout=2
        )
        assert answer.status_code == 200
        assert answer.json() == {"items": [], "cursor": ""}
        assert httpx.get(f"{url}/v1/conversation/list", timeout=2).status_code == 401
        assert httpx.get(f"{url}/api/v1/conversation/list", headers=FAKE_AUTH, timeout=2).status_code == 401
        created = httpx.post(
            f"{url}/api/v1/conversation/create", json={}, headers={"Authorization": "Bearer cli-secret"}
        )
        assert created.status_code == 200
    finally:
        stop(process)  # its banner, naming this URL, is how start_cli found the port


def test_cli_banner_reaches_a_pipe_while_the_server_runs() -> None:
    # Without PYTHONUNBUFFERED: start_cli returns only once it has read the banner.
    process, port = start_cli(unbuffered=False)
    try:
        answer = httpx.get(f"http://127.0.0.1:{port}/v1/conversation/list", headers=FAKE_AUTH, timeout=2)
        assert answer.status_code == 200
    finally:
        stop(process)


def test_cli_with_port_0_announces_the_port_it_listens_on() -> None:
    process = cli("--port", "0", unbuffered=True)
    try:
        assert process.stdout is not None
        banner = process.stdout.readline()
        found = re.search(r"http://127\.0\.0\.1:(\d+)", banner)
        assert found, banner
        assert int(found.group(1)) != 0, banner
    finally:
        stop(process)
