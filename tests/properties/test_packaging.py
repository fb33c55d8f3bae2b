"""The built wheel, not the source tree: what a user gets from `pip install`."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from tests.helpers import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), "."],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("chatbotkit_sdk-*.whl")
    return built


def test_wheel_holds_both_typed_packages_at_top_level(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for expected in (
        "chatbotkit_sdk/__init__.py",
        "chatbotkit_sdk/py.typed",
        "chatbotkit_api/__init__.py",
        "chatbotkit_api/py.typed",
        "chatbotkit_api/models/__init__.py",
        "chatbotkit_api/models/conversation.py",
        "chatbotkit_api/api/conversation/fetch_conversation.py",
    ):
        assert expected in names
    tops = {name.split("/", 1)[0] for name in names if not name.endswith(".dist-info/")}
    tops = {top for top in tops if not top.endswith(".dist-info")}
    assert tops == {"chatbotkit_sdk", "chatbotkit_api"}


def test_wheel_runtime_dependencies_are_exactly_four(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        (metadata,) = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
        lines = archive.read(metadata).decode().splitlines()
    runtime = sorted(
        line.split(":", 1)[1].strip().split(">")[0].split("<")[0].split("=")[0]
        for line in lines
        if line.startswith("Requires-Dist:") and "extra ==" not in line
    )
    # anyio: imported directly for async sleeps (asyncio and trio), already required by httpx.
    assert runtime == ["anyio", "attrs", "httpx", "python-dateutil"]


def test_installed_wheel_imports_from_outside_the_repo(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), wheel],
        check=True,
        capture_output=True,
    )
    # -S skips site-packages processing, so the editable install of this checkout is
    # invisible; the dependencies come from this venv's site-packages by plain path.
    path = os.pathsep.join([str(target), sysconfig.get_path("purelib")])
    env = {**os.environ, "PYTHONPATH": path}
    code = (
        "import chatbotkit_sdk, chatbotkit_api.models as m; "
        "print(chatbotkit_sdk.__file__); print(m.Conversation.__module__)"
    )
    result = subprocess.run(
        [sys.executable, "-S", "-c", code],
        cwd=tmp_path,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    sdk_file, model_module = result.stdout.split()
    assert Path(sdk_file).is_relative_to(target)
    assert model_module == "chatbotkit_api.models.conversation"
