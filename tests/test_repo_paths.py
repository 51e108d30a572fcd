"""Docs and comments cannot point at files that are gone: every repo path they name exists.

A path is any ``sent_async/...``, ``sent_sync/...``, ``tests/...``, ``scripts/...``,
``bench/...``, ``examples/...``, ``docs/...`` or ``spec/...`` written in the Markdown pages or in
the comments and docstrings of our Python files. Files that are not in the repo (the planning
notes kept outside it) must not be cited at all.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TOP = ("sent_async", "sent_sync", "tests", "scripts", "bench", "examples", "docs", "spec")
PATH = re.compile(r"(?<![\w./-])(?:" + "|".join(TOP) + r")/[A-Za-z0-9_./-]*[A-Za-z0-9_/]")
OUTSIDE = re.compile(r"RELIABILITY\.md|STYLE\.md|DISTRIBUTED\.md|\.\./shared")
SKIP_PREFIXES = ("bench/.work",)  # made by `make bench` at run time, gitignored


def _pages() -> list[Path]:
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
    pages += [p for p in (ROOT / "CONTRIBUTING.md", ROOT / "bench" / "README.md") if p.exists()]
    return pages


def _sources() -> list[Path]:
    found: list[Path] = []
    for top in ("sent_async", "sent_sync", "scripts", "bench", "tests", "examples"):
        found += sorted(p for p in (ROOT / top).rglob("*.py") if ".work" not in p.parts)
    return found


def _exists(name: str) -> bool:
    path = ROOT / name.rstrip("/.")
    return path.exists() or path.with_suffix(".py").exists() or Path(f"{path}.py").exists()


def _named_paths(text: str) -> set[str]:
    names = {
        m.group(0).rstrip(".")
        for m in PATH.finditer(text)
        if not text.startswith("<", m.end())  # a pattern such as `tests/test_<family>.py`
    }
    return {n for n in names if not n.startswith(SKIP_PREFIXES)}


FILES = _pages() + _sources()


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_repo_path_named_exists(path: Path) -> None:
    if path == Path(__file__):
        return  # it names a missing path on purpose, to test the checker
    text = path.read_text()
    missing = sorted(n for n in _named_paths(text) if not _exists(n))
    assert not missing, f"{path.relative_to(ROOT)} names paths that do not exist: {missing}"


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_citation_of_files_outside_the_repo(path: Path) -> None:
    if path == Path(__file__):
        return
    hits = [m.group(0) for m in OUTSIDE.finditer(path.read_text())]
    assert not hits, f"{path.relative_to(ROOT)} cites files outside the repo: {hits}"


def test_the_checker_sees_a_missing_path() -> None:
    assert _named_paths("see `sent_async/_nothing_here.py` and docs/quickstart.md") == {
        "sent_async/_nothing_here.py",
        "docs/quickstart.md",
    }
    assert not _exists("sent_async/_nothing_here.py")
    assert _exists("docs/quickstart.md")
    assert _exists("sent_async/_transport/")
