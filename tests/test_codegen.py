"""The generated code is current, and the --check mode really notices drift."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import sent_async
import sent_sync

ROOT = Path(__file__).resolve().parent.parent


def run(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, f"scripts/{script}", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


@pytest.mark.parametrize("script", ["gen_models.py", "gen_facades.py"])
def test_generated_code_is_current(script: str):
    result = run(script, "--check")
    assert result.returncode == 0, result.stdout + result.stderr


def test_check_fails_on_a_stale_sync_file():
    target = ROOT / "sent_sync" / "resources" / "profiles.py"
    original = target.read_text()
    try:
        target.write_text(original.replace("def get(", "def get_renamed(", 1))
        result = run("gen_facades.py", "--check")
        assert result.returncode == 1
        assert "make sync" in result.stderr and "get_renamed" in result.stdout
    finally:
        target.write_text(original)


@pytest.mark.parametrize("side", ["sent_async", "sent_sync"])
def test_check_fails_on_a_stale_raw_view(side: str):
    target = ROOT / side / "_raw.py"
    original = target.read_text()
    line = next(x for x in original.splitlines() if x.strip().startswith("send = "))
    try:
        target.write_text(original.replace(line + "\n", "", 1))  # a call lost its raw twin
        result = run("gen_facades.py", "--check")
        assert result.returncode == 1
        assert f"{side}/_raw.py" in result.stderr and "+" + line in result.stdout
    finally:
        target.write_text(original)


def test_check_fails_on_a_leftover_raw_module():
    """The raw views used to be one module per source under ``_raw/``: leftovers are caught."""
    orphan = ROOT / "sent_async" / "_raw" / "messages.py"
    made = not orphan.parent.exists()
    try:
        orphan.parent.mkdir(exist_ok=True)
        orphan.write_text("# left behind\n")
        result = run("gen_facades.py", "--check")
        assert result.returncode == 1 and "_raw/messages.py" in result.stderr
    finally:
        orphan.unlink()
        if made:
            orphan.parent.rmdir()


def test_check_fails_on_an_orphaned_file():
    orphan = ROOT / "sent_sync" / "resources" / "orphan.py"
    try:
        orphan.write_text("# left behind\n")
        assert run("gen_facades.py", "--check").returncode == 1
    finally:
        orphan.unlink()


@pytest.mark.parametrize("module", [sent_async, sent_sync])
def test_all_is_sorted_and_importable(module: object):
    names = module.__all__  # type: ignore[attr-defined]
    assert names == sorted(names)
    for name in names:
        assert hasattr(module, name), name
