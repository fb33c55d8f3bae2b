"""The Python examples of README.md, docs/ and the SDK's docstrings: how they are found and checked.

Every ```python block of those pages (and of the docstrings, which the API reference
shows) is a promise to a reader that it works. Two checks
keep it: ``tests/scripts/test_docs_examples.py`` runs every block against the embedded
fake (in ``make test``), and ``make check`` type-checks them, as a user's code, with
``mypy --strict`` and pyright (strict) from the files this script writes:

    python scripts/docs_examples.py OUT_DIR

The conventions a page's writer follows:

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
- A line that shows a mistake the type checkers report follows the comment line
  ``# mypy [<codes>] and pyright [<rules>] report the next line``; the type check then
  requires both checkers to report exactly that on that line, and nothing anywhere else.
"""

from __future__ import annotations

import ast
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: The comment line that marks the next line as one both type checkers must report, with
#: mypy's error codes and pyright's rules (a line of its own, which ruff format leaves be):
#: ``# mypy [call-overload] and pyright [reportCallIssue] report the next line``.
REPORTED = re.compile(
    r"^\s*#\s*mypy \[(?P<mypy>[\w, -]+)\] and pyright \[(?P<pyright>[\w, ]+)\] report the next line\s*$"
)
#: What a plain block may use without defining it (see the conventions above), for the
#: checkers: each line only where the example does not bind that name itself (a name has
#: one type for mypy, and examples create their own conversations).
PRELUDE = {
    "client": "client = ConversationClient()",
    "conversation": 'conversation = ConversationClient().fetch("c").result()',
}
_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<ticks>`{3,}|~{3,})(?P<info>.*)$")
_MARKER = re.compile(r"^\s*<!--\s*example:\s*(?P<body>.*?)\s*-->\s*$")
_KNOWN_WORDS = {"continues", "pytest"}
_PYTHON_LIKE = {"py", "python", "python3", "py3", "pycon", "ipython", "python-repl"}
#: Top-level tests, sync or async, functions or classes: what pytest would collect.
DEFINES_TESTS = re.compile(r"^(async\s+def\s+test|def\s+test|class\s+Test)", re.MULTILINE)
_OUTPUT_TITLE = re.compile(r"""title\s*=\s*["']output["']""", re.IGNORECASE)


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
        if lang != "python" and lang.lower().lstrip("{.").rstrip("}") in _PYTHON_LIKE:
            # Highlighted as Python, so a reader takes it for code that works: it must run.
            raise DocsFormatError(f"{path}:{i + 1}: write ```python (which runs), not ```{lang}")
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
    if block.lang == "python" and not block.markers and DEFINES_TESTS.search(block.code):
        # Run as a plain block, a test module would only define its tests: it would pass untested.
        raise DocsFormatError(f"{block.id}: a block that defines tests needs '<!-- example: pytest -->'")


def _is_output(block: Block) -> bool:
    if _OUTPUT_TITLE.search(block.info) is None:
        return False
    if block.lang != "text":
        raise DocsFormatError(f'{block.id}: an Output fence is ```text title="Output"')
    return True


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


def documents(root: Path = ROOT) -> list[Path]:
    """The files whose examples run: README.md, every page of docs/, and the SDK's modules,
    whose docstrings the API reference shows."""
    return [
        root / "README.md",
        *sorted((root / "docs").rglob("*.md")),
        *sorted((root / "chatbotkit_sdk").rglob("*.py")),
    ]


def python_blocks(root: Path = ROOT) -> list[Block]:
    """Every python block of ``documents(root)``, in order, linked into chains."""
    found: list[Block] = []
    for path in documents(root):
        rel = path.relative_to(root).as_posix()
        found += [b for b in parse(path.read_text(encoding="utf-8"), rel) if b.lang == "python"]
    return found


def runnable(blocks: list[Block]) -> list[Block]:
    """The plain blocks that run, each after its chain."""
    return [b for b in blocks if b.skip_reason is None and not b.is_pytest]


def pytest_modules(blocks: list[Block]) -> list[Block]:
    """The last block of each pytest module (its chain holds the others)."""
    return [
        b for b in blocks if b.is_pytest and b.skip_reason is None and not any(b in o.chain for o in blocks)
    ]


def checker_sources(blocks: list[Block]) -> dict[str, str]:
    """One module per runnable example (its chain included), as the type checkers read it.

    The line after a ``REPORTED`` comment gets both checkers' ignore comments for exactly
    the codes it names: with unused ignores being errors, the check fails both when the mistake
    stops being reported and when anything else is.
    """
    sources: dict[str, str] = {}
    for block in [*runnable(blocks), *pytest_modules(blocks)]:
        parts = [*block.chain, block]
        code = "\n".join(part.code for part in parts)
        lines = code.splitlines()
        for index, line in enumerate(lines[:-1]):
            if marker := REPORTED.match(line):
                ignores = f"# type: ignore[{marker['mypy']}]  # pyright: ignore[{marker['pyright']}]"
                lines[index + 1] = f"{lines[index + 1]}  {ignores}"
        prelude = "" if block.is_pytest else _prelude(code)
        name = re.sub(r"\W", "_", block.id.removesuffix(".md").replace(".md:", "_"))
        sources[f"{name}.py"] = f"# {block.id}\n{prelude}" + "\n".join(lines) + "\n"
    return sources


def _prelude(code: str) -> str:
    bound: set[str] = set()
    scopes = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef, ast.comprehension)
    todo: list[ast.AST] = [ast.parse(code)]
    while todo:  # the module's own names: what functions bind inside is theirs
        node = todo.pop()
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            bound.add(node.id)
        todo += [child for child in ast.iter_child_nodes(node) if not isinstance(child, scopes)]
    lines = [line for name, line in PRELUDE.items() if name not in bound]
    return "from chatbotkit_sdk import ConversationClient\n" + "\n".join(lines) + "\n" if lines else ""


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python scripts/docs_examples.py OUT_DIR", file=sys.stderr)
        return 2
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    for stale in out.glob("*.py"):
        stale.unlink()
    for name, source in checker_sources(python_blocks()).items():
        (out / name).write_text(source, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
