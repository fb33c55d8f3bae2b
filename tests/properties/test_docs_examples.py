"""Every ```python block of README.md and docs/ runs here, against the embedded fake.

A reader copies these blocks; a block that no longer works must fail the suite. Each block
is one test named ``<file>:<line>``. The conventions a page's writer follows:

- A block runs in a fresh module namespace, in a temporary directory, with
  ``CHATBOTKIT_API_SECRET`` and ``CHATBOTKIT_BASE_URL`` pointing at a fresh
  ``FakeChatBotKit`` (fixed seed and clock, so output is the same on every run) served on
  loopback: ``ConversationClient()`` with no arguments talks to it. ``client`` (an open
  ``ConversationClient``, closed afterwards) and ``conversation`` (one that exists on the
  fake, with a user message and the bot's reply) are defined beforehand, so that short
  snippets read as they would in an application.
- HTML comments on the lines right before a fence change that:
  ``<!-- example: continues -->`` runs the block after the previous python block of the page
  in the same namespace; ``<!-- example: pytest -->`` makes the block a test module of an
  application's suite, run by pytest with this package's plugin (``pytest continues`` adds it
  to the previous pytest block's module); ``<!-- example: skip: <reason> -->`` leaves it out,
  and the reason is required.
- A ```` ```text title="Output" ```` fence right after a python block is that block's stdout,
  compared line by line (trailing spaces ignored).
"""

from __future__ import annotations

import contextlib
import io
import re
import sys
import traceback
import types
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from chatbotkit_sdk import ConversationClient, NotFoundError
from chatbotkit_sdk._options import BASE_URL_ENV, SECRET_ENV
from chatbotkit_sdk.testing import FakeChatBotKit

pytest_plugins = ["pytester"]


def _root() -> Path:
    here = Path(__file__).resolve()
    return next(p for p in here.parents if (p / "pyproject.toml").is_file())


ROOT = _root()
#: 2001-01-01T00:00:00Z: dates in the examples' output never change.
FIXED_NOW = 978307200.0
EXAMPLE_SECRET = "sk-docs-example"

_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<ticks>`{3,}|~{3,})(?P<info>.*)$")
_MARKER = re.compile(r"^\s*<!--\s*example:\s*(?P<body>.*?)\s*-->\s*$")
_KNOWN_WORDS = {"continues", "pytest"}


@dataclass
class Block:
    """One fenced block of a Markdown file."""

    path: str  # relative to the repository root
    line: int  # 1-based line of the opening fence
    lang: str
    info: str
    code: str
    markers: list[str] = field(default_factory=list)
    skip_reason: str | None = None
    output: str | None = None  # the ```text title="Output" fence that follows it
    chain: list[Block] = field(default_factory=list)  # the blocks run before it, in order

    @property
    def id(self) -> str:
        return f"{self.path}:{self.line}"

    @property
    def is_pytest(self) -> bool:
        return "pytest" in self.markers

    @property
    def continues(self) -> bool:
        return "continues" in self.markers


class DocsFormatError(ValueError):
    """A Markdown file breaks the conventions above (a typo in a marker, say)."""


def parse(text: str, path: str) -> list[Block]:
    """The fenced blocks of one Markdown text, with their markers and expected output."""
    lines = text.splitlines()
    blocks: list[Block] = []
    pending: list[str] = []  # marker bodies seen right above the next fence
    i = 0
    while i < len(lines):
        line = lines[i]
        marker = _MARKER.match(line)
        if marker:
            pending.append(marker.group("body"))
            i += 1
            continue
        fence = _FENCE.match(line)
        if not fence:
            if pending and line.strip():
                raise DocsFormatError(f"{path}:{i + 1}: an example marker must sit right above a fence")
            i += 1
            continue
        indent, ticks, info = fence.group("indent"), fence.group("ticks"), fence.group("info").strip()
        body: list[str] = []
        j = i + 1
        while j < len(lines) and not (
            lines[j].strip().startswith(ticks) and lines[j].strip().strip(ticks[0]) == ""
        ):
            body.append(lines[j][len(indent) :] if lines[j].startswith(indent) else lines[j].lstrip())
            j += 1
        if j == len(lines):
            raise DocsFormatError(f"{path}:{i + 1}: the fence is never closed")
        lang = info.split()[0] if info else ""
        block = Block(path, i + 1, lang, info, "\n".join(body) + "\n")
        _apply_markers(block, pending)
        pending = []
        if _is_output(block):
            previous = blocks[-1] if blocks else None
            between = lines[previous.line + len(previous.code.splitlines()) + 1 : i] if previous else []
            if previous is None or previous.lang != "python" or any(s.strip() for s in between):
                raise DocsFormatError(f"{path}:{i + 1}: an Output fence must follow a python block directly")
            previous.output = block.code
        blocks.append(block)
        i = j + 1
    if pending:
        raise DocsFormatError(f"{path}: an example marker at the end of the file has no fence")
    _link_chains(blocks)
    return blocks


def _apply_markers(block: Block, bodies: list[str]) -> None:
    for body in bodies:
        if body.startswith("skip"):
            reason = body[len("skip") :].lstrip(":").strip()
            if not reason:
                raise DocsFormatError(f"{block.id}: 'example: skip' needs a reason ('skip: why')")
            block.skip_reason = reason
            continue
        words = body.split()
        unknown = set(words) - _KNOWN_WORDS
        if unknown or not words:
            raise DocsFormatError(
                f"{block.id}: unknown example marker {body!r}; known: skip: <reason>, "
                + ", ".join(sorted(_KNOWN_WORDS))
            )
        block.markers.extend(words)
    if block.markers and block.lang != "python":
        raise DocsFormatError(f"{block.id}: example markers apply to python blocks only")
    if block.lang == "python" and not block.markers and re.search(r"^def test_", block.code, re.MULTILINE):
        # Run as a plain block, a test module would only define its tests: it would pass untested.
        raise DocsFormatError(f"{block.id}: a block that defines tests needs '<!-- example: pytest -->'")


def _is_output(block: Block) -> bool:
    return block.lang == "text" and re.search(r'title\s*=\s*"Output"', block.info) is not None


def _link_chains(blocks: list[Block]) -> None:
    previous: dict[bool, Block] = {}  # the last python block, per kind (plain or pytest)
    for block in blocks:
        if block.lang != "python" or block.skip_reason is not None:
            continue
        if block.continues:
            head = previous.get(block.is_pytest)
            if head is None:
                raise DocsFormatError(f"{block.id}: 'continues' but no earlier python block of its kind")
            block.chain = [*head.chain, head]
        previous[block.is_pytest] = block


def _documents() -> list[Path]:
    return [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]


def _python_blocks() -> list[Block]:
    found: list[Block] = []
    for path in _documents():
        rel = path.relative_to(ROOT).as_posix()
        found += [b for b in parse(path.read_text(encoding="utf-8"), rel) if b.lang == "python"]
    return found


BLOCKS = _python_blocks()
RUN = [b for b in BLOCKS if b.skip_reason is None and not b.is_pytest]
#: A pytest module is its last block's chain plus that block: one test per module.
PYTEST_MODULES = [
    b for b in BLOCKS if b.is_pytest and b.skip_reason is None and not any(b in o.chain for o in BLOCKS)
]


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
    module = types.ModuleType(f"docs_example_{block.line}")
    sys.modules[module.__name__] = module  # for code that looks itself up (dataclasses, pickling)
    try:
        with ConversationClient() as client:
            conversation = client.create({"name": "docs example"})
            client.complete(conversation.id, {"text": "Hello"}).result()
            module.__dict__.update(client=client, conversation=conversation)
            for earlier in block.chain:
                with contextlib.redirect_stdout(io.StringIO()):
                    exec(_compile(earlier), module.__dict__)
            printed = io.StringIO()
            with contextlib.redirect_stdout(printed):
                exec(_compile(block), module.__dict__)
        return printed.getvalue()
    finally:
        del sys.modules[module.__name__]


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
        assert re.search(r"^def test_", part.code, re.MULTILINE), f"{part.id}: a pytest block defines a test"
    pytester.makepyfile(**{f"test_docs_{block.line}": "\n\n".join(part.code for part in parts)})
    return pytester.runpytest("-p", "no:cacheprovider")


def _test_count(block: Block) -> int:
    return sum(len(re.findall(r"^def test_\w+", part.code, re.MULTILINE)) for part in [*block.chain, block])


@pytest.mark.parametrize("block", PYTEST_MODULES, ids=[b.id for b in PYTEST_MODULES])
def test_pytest_example_passes(block: Block, pytester: pytest.Pytester) -> None:
    _run_pytest(block, pytester).assert_outcomes(passed=_test_count(block))


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
    wrong = parse(page + '\n```text title="Output"\nFalse\n```\n', "page.md")[0]
    with pytest.raises(AssertionError, match="the Output block differs"):
        _check(wrong)


def test_a_pytest_example_runs_with_the_plugin_and_can_fail(pytester: pytest.Pytester) -> None:
    module = parse(PAGE, "page.md")[-1]
    _run_pytest(module, pytester).assert_outcomes(passed=1)
    broken = parse(PAGE.replace("== []", "== [1]"), "page.md")[-1]
    _run_pytest(broken, pytester).assert_outcomes(failed=1)
