"""`make check-generated` must notice a single edited character in generated/."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from tests.helpers import ROOT

COMMITTED = ROOT / "generated" / "chatbotkit_api"


def _check(against: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "scripts/generate.py", "--check", "--against", str(against)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def test_committed_code_matches_a_fresh_regeneration() -> None:
    result = _check(COMMITTED)
    assert result.returncode == 0, result.stdout + result.stderr


def test_one_edited_character_fails_the_check_with_a_diff(tmp_path: Path) -> None:
    copy = tmp_path / "chatbotkit_api"
    shutil.copytree(COMMITTED, copy, ignore=shutil.ignore_patterns("__pycache__"))
    module = copy / "models" / "usage.py"
    text = module.read_text()
    assert "token: float" in text
    module.write_text(text.replace("token: float", "token: floaT", 1))

    result = _check(copy)

    assert result.returncode == 1
    assert "-    token: floaT" in result.stdout
    assert "+    token: float" in result.stdout


def test_a_file_added_by_hand_fails_the_check(tmp_path: Path) -> None:
    copy = tmp_path / "chatbotkit_api"
    shutil.copytree(COMMITTED, copy, ignore=shutil.ignore_patterns("__pycache__"))
    (copy / "models" / "extra.py").write_text("X = 1\n")

    result = _check(copy)

    assert result.returncode == 1
    assert "committed/models/extra.py" in result.stdout
