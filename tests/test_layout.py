"""The suite's layout (tests/README.md): a module's tests sit next to its name.

- ``tests/sdk/test_<name>[_<aspect>].py`` tests ``chatbotkit_sdk/_<name>.py`` (or ``<name>.py``);
- ``tests/testing/test_<name>[_<aspect>].py`` tests ``chatbotkit_sdk/testing/_<name>.py``
  (``__main__.py`` is ``main``);
- ``tests/scripts/test_<name>[_<aspect>].py`` tests ``scripts/<name>.py``;
- ``tests/properties/`` holds what spans modules, and no file there is named after one.

Every module of ``chatbotkit_sdk`` has a test file of its name, but those in ``UNTESTED_ALONE``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import ROOT

TESTS = ROOT / "tests"
FOLDERS = {
    "sdk": ROOT / "chatbotkit_sdk",
    "testing": ROOT / "chatbotkit_sdk" / "testing",
    "scripts": ROOT / "scripts",
}
#: Modules with nothing to test on their own, each with the reason.
UNTESTED_ALONE = {
    # Re-exports of generated names (chatbotkit_api.params / .streams); their types are
    # checked by tests/typing (mypy and pyright in `make check`).
    "chatbotkit_sdk/params.py": "re-exports",
    "chatbotkit_sdk/streams.py": "re-exports",
    # Re-exports of the fake's public names, used by every file in tests/testing/.
    "chatbotkit_sdk/testing/__init__.py": "re-exports",
    # NOT_GIVEN and the TypedDicts of the options: data only, used through the clients
    # (tests/sdk/test_options*.py) and checked by the type checkers.
    "chatbotkit_sdk/_types.py": "types only",
}
#: Files of tests/ that are not test files of a folder.
SUPPORT = {"__init__.py", "conftest.py", "helpers.py", "test_layout.py", "README.md"}


def _name(module: Path) -> str:
    """The name a module's test files start with: ``_core.py`` -> ``core``, ``__main__.py`` -> ``main``."""
    return module.stem.strip("_")


def _modules(folder: Path) -> list[Path]:
    return sorted(path for path in folder.glob("*.py"))


def _tests(folder: str) -> list[Path]:
    return sorted((TESTS / folder).glob("test_*.py"))


def _covers(test: Path, name: str) -> bool:
    stem = test.stem.removeprefix("test_")
    return stem == name or stem.startswith(name + "_")


@pytest.mark.parametrize("folder", sorted(FOLDERS))
def test_every_test_file_is_named_after_a_module_of_its_folder(folder: str) -> None:
    names = [_name(module) for module in _modules(FOLDERS[folder])]
    stray = [test.name for test in _tests(folder) if not any(_covers(test, name) for name in names)]
    assert stray == [], f"tests/{folder}/ files named after no module of {FOLDERS[folder].relative_to(ROOT)}"


@pytest.mark.parametrize("folder", ["sdk", "testing"])
def test_every_module_of_the_package_has_a_test_file(folder: str) -> None:
    missing = [
        module.relative_to(ROOT).as_posix()
        for module in _modules(FOLDERS[folder])
        if module.relative_to(ROOT).as_posix() not in UNTESTED_ALONE
        and not any(_covers(test, _name(module)) for test in _tests(folder))
    ]
    assert missing == [], f"no tests/{folder}/test_<name>.py for these (or list them in UNTESTED_ALONE)"


def test_the_allow_list_names_modules_that_exist() -> None:
    assert [path for path in UNTESTED_ALONE if not (ROOT / path).is_file()] == []


def test_cross_cutting_files_are_not_named_after_a_module() -> None:
    names = {_name(module) for folder in FOLDERS.values() for module in _modules(folder)}
    named = [test.name for test in _tests("properties") if any(_covers(test, name) for name in names)]
    assert named == [], "a file of tests/properties/ named after a module belongs in that module's folder"


def test_the_top_folder_holds_only_the_shared_files() -> None:
    folders = {"sdk", "testing", "scripts", "properties", "typing", "__pycache__"}
    extra = [
        path.name
        for path in TESTS.iterdir()
        if path.name not in SUPPORT and not (path.is_dir() and path.name in folders)
    ]
    assert extra == []
    for folder in ("sdk", "testing", "scripts", "properties"):
        assert (TESTS / folder / "__init__.py").is_file(), folder  # unique module names
