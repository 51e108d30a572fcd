"""The generated code is current, and the --check mode really notices drift."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import sent_async
import sent_sync

ROOT = Path(__file__).resolve().parent.parent


def run(script: str, *args: str, root: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, f"scripts/{script}", *args],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


@pytest.mark.parametrize("script", ["gen_models.py", "gen_facades.py"])
def test_generated_code_is_current(script: str):
    result = run(script, "--check")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """The generator and its inputs, copied: editing them cannot disturb other test runs."""
    for name in ("scripts", "sent_async", "sent_sync"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)  # ruff's settings, for the formatting
    return tmp_path


def test_check_fails_on_a_stale_sync_file(copy: Path):
    target = copy / "sent_sync" / "resources" / "profiles.py"
    target.write_text(target.read_text().replace("def get(", "def get_renamed(", 1))
    result = run("gen_facades.py", "--check", root=copy)
    assert result.returncode == 1
    assert "make sync" in result.stderr and "get_renamed" in result.stdout


@pytest.mark.parametrize("side", ["sent_async", "sent_sync"])
def test_check_fails_on_a_stale_raw_view(copy: Path, side: str):
    assert run("gen_facades.py", "--check", root=copy).returncode == 0
    target = copy / side / "_raw.py"
    original = target.read_text()
    line = next(x for x in original.splitlines() if x.strip().startswith("send = "))
    target.write_text(original.replace(line + "\n", "", 1))  # a call lost its raw twin
    result = run("gen_facades.py", "--check", root=copy)
    assert result.returncode == 1
    assert f"{side}/_raw.py" in result.stderr and "+" + line in result.stdout


def test_check_fails_on_a_leftover_raw_module(copy: Path):
    """The raw views used to be one module per source under ``_raw/``: leftovers are caught."""
    orphan = copy / "sent_async" / "_raw" / "messages.py"
    orphan.parent.mkdir(exist_ok=True)  # a checkout may hold an old __pycache__ there
    orphan.write_text("# left behind\n")
    result = run("gen_facades.py", "--check", root=copy)
    assert result.returncode == 1 and "_raw/messages.py" in result.stderr


def test_check_fails_on_an_orphaned_file(copy: Path):
    (copy / "sent_sync" / "resources" / "orphan.py").write_text("# left behind\n")
    assert run("gen_facades.py", "--check", root=copy).returncode == 1


@pytest.mark.parametrize("module", [sent_async, sent_sync])
def test_all_is_sorted_and_importable(module: object):
    names = module.__all__  # type: ignore[attr-defined]
    assert names == sorted(names)
    for name in names:
        assert hasattr(module, name), name
