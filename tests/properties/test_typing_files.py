"""What the type checkers accept also works: the typing cases, run against the fake.

``make check`` type-checks ``examples/typed_usage.py`` and ``tests/typing/`` with mypy
and pyright; that is the guard for the types. This test runs the correct-usage
functions of those files against ``FakeChatBotKit`` (so an ``assert_type`` cannot
describe a call that fails at run time), and checks that every deliberate mistake
in ``tests/typing/check_mistakes.py`` carries both checkers' ignore comments.
"""

from __future__ import annotations

import asyncio
import importlib.util
import inspect
import re
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from chatbotkit_sdk import AsyncConversationClient, ConversationClient
from chatbotkit_sdk.testing import FakeChatBotKit
from tests.helpers import BASE_URL, ROOT

FILES = [
    ROOT / "examples/typed_usage.py",
    ROOT / "tests/typing/check_sync.py",
    ROOT / "tests/typing/check_async.py",
]


def _load(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"_typing_case_{path.stem}", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _cases() -> list[Any]:
    cases = []
    for path in FILES:
        module = _load(path)
        for name, function in vars(module).items():
            if inspect.isfunction(function) and function.__module__ == module.__name__:
                cases.append(pytest.param(function, id=f"{path.name}::{name}"))
    return cases


def _arguments(function: Callable[..., Any], fake: FakeChatBotKit) -> list[Any]:
    """A fresh client per function (some close theirs) and a conversation with a reply."""
    sync = ConversationClient(
        secret="sk-test", base_url=BASE_URL, http_client=fake.http_client(), retry_delay=0
    )
    conversation_id = sync.create({"model": "gpt-4o"}).id
    sync.complete(conversation_id, {"text": "Hello"}).result()
    sync.attachment.upload(conversation_id, {"file": "https://example.com/a.pdf"})
    params = inspect.signature(function).parameters
    async_client = AsyncConversationClient(
        secret="sk-test", base_url=BASE_URL, http_client=fake.async_http_client(), retry_delay=0
    )
    by_annotation = {
        "ConversationClient": sync,
        "AsyncConversationClient": async_client,
        "str": conversation_id,
    }
    return [by_annotation[str(param.annotation)] for param in params.values()]


@pytest.mark.parametrize("function", _cases())
def test_typing_case_runs(function: Callable[..., Any]) -> None:
    # A case that sends fields newer than the spec (extra_body/extra_query) needs a fake
    # that lets unknown properties through, as an API newer than the spec would.
    source = inspect.getsource(function)
    fake = FakeChatBotKit(strict="extra_body" not in source and "extra_query" not in source)
    result = function(*_arguments(function, fake))
    if inspect.iscoroutine(result):
        asyncio.run(result)


_MISTAKE = re.compile(r"  # type: ignore\[[a-z, -]+\]  # pyright: ignore\[[A-Za-z, ]+\]$")


def test_every_mistake_is_marked_for_both_checkers() -> None:
    lines = (ROOT / "tests/typing/check_mistakes.py").read_text().splitlines()
    body = lines[next(i for i, line in enumerate(lines) if line.startswith("def ")) :]
    marked = [line for line in body if "# type: ignore" in line or "# pyright: ignore" in line]
    assert len(marked) >= 25
    assert [line for line in marked if not _MISTAKE.search(line)] == []
