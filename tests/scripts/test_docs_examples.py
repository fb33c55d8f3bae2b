"""Every ```python block of README.md and docs/ runs here, against the embedded fake.

A reader copies these blocks; a block that no longer works must fail the suite. Each block
is one test named ``<file>:<line>``; the conventions (chains, pytest modules, skips, Output
fences) are in ``scripts/docs_examples.py``, which finds the blocks.
"""

from __future__ import annotations

import contextlib
import io
import sys
import traceback
import types
from collections.abc import Iterator
from pathlib import Path

import pytest

from chatbotkit_sdk import ConversationClient, NotFoundError
from chatbotkit_sdk._options import BASE_URL_ENV, SECRET_ENV
from chatbotkit_sdk.testing import FakeChatBotKit
from scripts.docs_examples import (
    DEFINES_TESTS,
    Block,
    DocsFormatError,
    checker_sources,
    parse,
    pytest_modules,
    python_blocks,
    runnable,
)

pytest_plugins = ["pytester"]

BLOCKS = python_blocks()
RUN = runnable(BLOCKS)
PYTEST_MODULES = pytest_modules(BLOCKS)
#: 2001-01-01T00:00:00Z: dates in the examples' output never change.
FIXED_NOW = 978307200.0
EXAMPLE_SECRET = "sk-docs-example"

# --- running --------------------------------------------------------------------------


@pytest.fixture
def served_fake(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[FakeChatBotKit]:
    """A deterministic fake on loopback, found through the environment as a user's would be."""
    fake = FakeChatBotKit(seed=0, clock=lambda: FIXED_NOW)
    with fake.serve() as url:
        monkeypatch.setenv(SECRET_ENV, EXAMPLE_SECRET)
        monkeypatch.setenv(BASE_URL_ENV, url)
        monkeypatch.delenv("CHATBOTKIT_MODEL", raising=False)
        monkeypatch.chdir(tmp_path)
        yield fake


def _compile(block: Block) -> types.CodeType:
    # Padding keeps tracebacks pointing at the Markdown file's own line numbers.
    return compile("\n" * block.line + block.code, block.id, "exec")


def _run(block: Block) -> str:
    """Run ``block`` after its chain in one fresh module; return what the block printed."""
    # Run as a script is, as runpy does it: ``if __name__ == "__main__":`` holds, and code
    # that looks its module up (dataclasses, pickling) finds it.
    module = types.ModuleType("__main__")
    saved = sys.modules["__main__"]
    sys.modules["__main__"] = module
    try:
        with ConversationClient() as client:
            created = client.create({"name": "docs example"})
            client.complete(created.id, {"text": "Hello"}).result()
            conversation = client.fetch(created.id).result()  # a Conversation, as PRELUDE types it
            module.__dict__.update(client=client, conversation=conversation)
            for earlier in block.chain:
                with contextlib.redirect_stdout(io.StringIO()):
                    exec(_compile(earlier), module.__dict__)
            printed = io.StringIO()
            with contextlib.redirect_stdout(printed):
                exec(_compile(block), module.__dict__)
        return printed.getvalue()
    finally:
        sys.modules["__main__"] = saved


def _lines(text: str) -> list[str]:
    return [line.rstrip() for line in text.rstrip().splitlines()]


@pytest.mark.usefixtures("served_fake")
@pytest.mark.parametrize("block", RUN, ids=[b.id for b in RUN])
def test_example_runs(block: Block) -> None:
    _check(block)


def _check(block: Block) -> None:
    printed = _run(block)
    if block.output is not None:
        assert _lines(printed) == _lines(block.output), f"{block.id}: the Output block differs"


def _run_pytest(block: Block, pytester: pytest.Pytester) -> pytest.RunResult:
    """Run the test module that ``block`` ends, as an application's suite with our plugin."""
    parts = [*block.chain, block]
    for part in parts:
        assert DEFINES_TESTS.search(part.code), f"{part.id}: a pytest block defines a test"
    pytester.makepyfile(**{f"test_docs_{block.line}": "\n\n".join(part.code for part in parts)})
    return pytester.runpytest("-p", "no:cacheprovider")


def _passed_only(result: pytest.RunResult, block: Block) -> None:
    """Every test passed (none failed, errored, skipped or warned), and at least one per definition."""
    outcomes = result.parseoutcomes()
    defined = sum(len(DEFINES_TESTS.findall(part.code)) for part in [*block.chain, block])
    assert set(outcomes) == {"passed"}, f"{block.id}: {outcomes}"
    assert outcomes["passed"] >= defined, f"{block.id}: {outcomes['passed']} passed of {defined} defined"


@pytest.mark.parametrize("block", PYTEST_MODULES, ids=[b.id for b in PYTEST_MODULES])
def test_pytest_example_passes(block: Block, pytester: pytest.Pytester) -> None:
    _passed_only(_run_pytest(block, pytester), block)


def test_the_documents_have_examples_to_run() -> None:
    files = {b.path for b in RUN}
    assert "README.md" in files
    assert len(RUN) + len(PYTEST_MODULES) >= len(files)


def test_every_skipped_block_says_why() -> None:
    for block in BLOCKS:
        if block.skip_reason is not None:
            assert len(block.skip_reason.split()) >= 3, f"{block.id}: say why it cannot run"


# --- the runner itself can fail --------------------------------------------------------

PAGE = """\
Intro.

```python
greeting = "hi"
print(greeting)
```

```text title="Output"
hi
```

<!-- example: continues -->
```python
print(greeting.upper())
```

<!-- example: skip: it needs the real API and an account -->
```python
client.fetch("real")
```

<!-- example: pytest -->
```python
def test_one(chatbotkit_client):
    assert chatbotkit_client.list().result().items == []
```
"""


def test_parse_reads_markers_output_and_chains() -> None:
    plain, output, chained, skipped, test_module = parse(PAGE, "page.md")
    assert (plain.line, plain.output, output.lang) == (3, "hi\n", "text")
    assert chained.chain == [plain]
    assert skipped.skip_reason == "it needs the real API and an account"
    assert test_module.is_pytest
    assert not test_module.chain


@pytest.mark.parametrize(
    ("page", "message"),
    [
        ("<!-- example: contiunes -->\n```python\nx = 1\n```\n", "unknown example marker"),
        ("<!-- example: skip -->\n```python\nx = 1\n```\n", "needs a reason"),
        ("<!-- example: continues -->\n```python\nx = 1\n```\n", "no earlier python block"),
        ('```bash\nls\n```\n\n```text title="Output"\nx\n```\n', "must follow a python block"),
        ("<!-- example: pytest -->\n\nText between.\n```python\nx = 1\n```\n", "right above a fence"),
        ("```python\nx = 1\n", "never closed"),
        ("```python\ndef test_x():\n    assert False\n```\n", "needs '<!-- example: pytest -->'"),
        ("```python\nasync def test_x():\n    assert False\n```\n", "needs '<!-- example: pytest -->'"),
        ("```python\nclass TestX:\n    pass\n```\n", "needs '<!-- example: pytest -->'"),
        ("```py\nx = 1\n```\n", "not ```py"),
        ("```pycon\n>>> 1\n```\n", "not ```pycon"),
        ("```{.python}\nx = 1\n```\n", "not ```{.python}"),
        ("```python\nx = 1\n```\n\n```console title='output'\nx\n```\n", "an Output fence is"),
    ],
)
def test_parse_refuses_what_would_hide_an_example(page: str, message: str) -> None:
    with pytest.raises(DocsFormatError, match=message):
        parse(page, "page.md")


@pytest.mark.usefixtures("served_fake")
def test_a_broken_example_fails_and_names_its_line() -> None:
    (block,) = parse("Text.\n\n```python\nclient.fetch('cnv_missing').result()\n```\n", "page.md")
    with pytest.raises(NotFoundError) as caught:
        _run(block)
    in_page = [f for f in traceback.extract_tb(caught.value.__traceback__) if f.filename == "page.md:3"]
    assert [f.lineno for f in in_page] == [4]  # the page's own line of the failing call


@pytest.mark.usefixtures("served_fake")
def test_wrong_output_is_caught_and_predefined_names_are_real() -> None:
    page = "x\n\n```python\nprint(conversation.id == client.fetch(conversation.id).result().id)\n```\n"
    right = parse(page + '\n```text title="Output"\nTrue  \n\n```\n', "page.md")[0]
    _check(right)  # trailing spaces and blank lines do not count
    wrong = parse(page + "\n```text title='output'\nFalse\n```\n", "page.md")[0]  # either quote, any case
    with pytest.raises(AssertionError, match="the Output block differs"):
        _check(wrong)


def test_a_pytest_example_runs_with_the_plugin_and_can_fail(pytester: pytest.Pytester) -> None:
    module = parse(PAGE, "page.md")[-1]
    _passed_only(_run_pytest(module, pytester), module)
    broken = parse(PAGE.replace("== []", "== [1]"), "page.md")[-1]
    with pytest.raises(AssertionError, match="failed"):
        _passed_only(_run_pytest(broken, pytester), broken)


def test_the_checkers_see_each_example_with_only_the_names_it_does_not_bind() -> None:
    page = (
        "x\n\n```python\nprint(conversation.id)\n```\n\n"
        "```python\nfrom chatbotkit_sdk import ConversationClient\n\n"
        "with ConversationClient() as client:\n"
        "    # mypy [call-overload] and pyright [reportCallIssue, reportArgumentType] report the next line\n"
        '    conversation = client.create({"txt": 1})\n```\n'
    )
    uses, binds = checker_sources(parse(page, "page.md")).values()
    assert "client = ConversationClient()" in uses.split("print(")[0]
    assert "conversation = " in uses.split("print(")[0]
    assert "client = ConversationClient()" not in binds
    assert "conversation = ConversationClient()" not in binds
    assert binds.rstrip().endswith(
        'client.create({"txt": 1})  # type: ignore[call-overload]  '
        "# pyright: ignore[reportCallIssue, reportArgumentType]"
    )


@pytest.mark.usefixtures("served_fake")
def test_a_block_runs_as_main() -> None:
    page = 'x\n\n```python\nif __name__ == "__main__":\n    print("ran")\n```\n'
    assert _lines(_run(parse(page, "page.md")[0])) == ["ran"]
