"""The documentation cannot rot: every Python block on a page is a file that runs here.

Pages include their code from ``examples/docs/*.py`` with pymdownx.snippets (``--8<--``); each
of those files is run as a script against FakeSent, offline, with no API key in the
environment. The migration guide's call tables are checked against the contract and the SDK.
"""

from __future__ import annotations

import inspect
import json
import os
import re
import subprocess
import sys
import warnings
from pathlib import Path
from typing import Any

import pytest

import sent_sync
from sent_async import AsyncSent

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
EXAMPLES = ROOT / "examples" / "docs"
PAGES = sorted(DOCS.rglob("*.md"))
SCRIPTS = sorted(EXAMPLES.glob("[!_]*.py"))  # _redis_server.py: their helper, not an example
SNIPPET = re.compile(r'^\s*--8<--\s+"(?P<path>[^":]+)(?::(?P<section>[\w-]+))?"\s*$')
FENCE = re.compile(r"^(?P<indent>\s*)(?P<fence>`{3,}|~{3,})\s*(?P<lang>[\w+-]*)")
PYTHON = {"py", "python", "python3", "pycon", "pyi"}
TIMEOUT = 60


def code_blocks(page: Path) -> list[tuple[int, str, list[str]]]:
    """(line number, language, body lines) of each fenced block on a page."""
    blocks: list[tuple[int, str, list[str]]] = []
    lines = page.read_text().splitlines()
    i = 0
    while i < len(lines):
        opening = FENCE.match(lines[i])
        if opening is None:
            i += 1
            continue
        fence, start, body = opening["fence"], i + 1, []
        i += 1
        while i < len(lines) and not lines[i].strip().startswith(fence):
            body.append(lines[i])
            i += 1
        blocks.append((start, opening["lang"].lower(), body))
        i += 1
    return blocks


def includes(page: Path) -> list[tuple[str, str | None]]:
    """Every snippet a page includes, as (path, section)."""
    found = []
    for _, _, body in code_blocks(page):
        for line in body:
            match = SNIPPET.match(line)
            if match:
                found.append((match["path"], match["section"]))
    return found


def test_pages_and_examples_exist() -> None:
    assert len(PAGES) >= 12
    assert len(SCRIPTS) >= 10


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(DOCS)))
def test_python_blocks_are_included_from_examples(page: Path) -> None:
    """A page may show Python only by including a file the suite runs; nothing hand-typed."""
    for line_no, lang, body in code_blocks(page):
        if lang not in PYTHON:
            continue
        lines = [line for line in body if line.strip()]
        assert lines, f"{page.name}:{line_no}: empty python block"
        for line in lines:
            match = SNIPPET.match(line)
            assert match, (
                f"{page.name}:{line_no}: python code typed into the page; put it in "
                f"examples/docs/*.py and include it with --8<--: {line.strip()!r}"
            )
            assert match["path"].startswith("examples/docs/"), f"{page.name}:{line_no}"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(DOCS)))
def test_included_files_and_sections_exist(page: Path) -> None:
    for path, section in includes(page):
        source = ROOT / path
        assert source.is_file(), f"{page.name} includes missing {path}"
        if section is not None:
            text = source.read_text()
            assert f"# --8<-- [start:{section}]" in text, f"{path} has no section {section!r}"
            assert f"# --8<-- [end:{section}]" in text, f"{path} never ends {section!r}"


def test_every_example_is_shown_somewhere() -> None:
    shown = {path for page in PAGES for path, _ in includes(page)}
    orphans = [s.name for s in SCRIPTS if f"examples/docs/{s.name}" not in shown]
    assert not orphans, f"examples no page includes: {orphans}"


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_example_runs(script: Path) -> None:
    """Run the file as a user would, offline: no key, no base URL, warnings shown."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SENT_")}
    env["PYTHONWARNINGS"] = "error::ResourceWarning"
    done = subprocess.run(
        [sys.executable, str(script)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    output = done.stdout + done.stderr
    assert done.returncode == 0, f"{script.name} exited {done.returncode}:\n{output[-3000:]}"
    assert "Traceback" not in output, output[-3000:]
    assert "Warning" not in done.stderr, done.stderr[-3000:]


# -- the migration guide's tables --------------------------------------------------------
ROW = re.compile(
    r"^\s*\| `(?P<op>[A-Z]+ /v3/[^`]*)` "
    r"\| `(?P<theirs>client\.[\w.]+)\(\)` "
    r"\| `sent\.(?P<ours>[\w.]+)\(\)` \|"
)


def migration_rows() -> list[re.Match[str]]:
    text = (DOCS / "migration.md").read_text()
    return [m for m in map(ROW.match, text.splitlines()) if m]


def test_migration_table_names_real_sentdm_calls() -> None:
    """The 'sentdm' column is checked against the contract (generated from sentdm 0.46.0)."""
    spec = json.loads((ROOT / "spec" / "sent-v3.openapi.json").read_text())
    calls = {}
    for path, operations in spec["paths"].items():
        for method, op in operations.items():
            sdk = op["x-sdk"]
            calls[f"{method.upper()} {path}"] = f"client.{sdk['resource']}.{sdk['method']}"
    rows = migration_rows()
    assert {m["op"] for m in rows} == set(calls), "the full table must list every operation"
    for m in rows:
        assert calls[m["op"]] == m["theirs"], m.group(0)


def test_migration_table_names_real_calls_of_ours() -> None:
    sync_client = sent_sync.Sent("sk_test_docs", base_url="http://127.0.0.1:9")
    clients = [AsyncSent("sk_test_docs", base_url="http://127.0.0.1:9"), sync_client]
    missing = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        for m in migration_rows():
            for client in clients:
                target: object = client
                for name in m["ours"].split("."):
                    target = getattr(target, name, None)
                if not callable(target):
                    missing.append(f"{type(client).__name__}: {m['ours']}")
    sync_client.close()  # never used: nothing was opened
    assert not missing, f"the migration guide names calls that do not exist: {missing}"


SENTDM_REQUIRES_TOO = {
    "contacts.create": {"phone_number"},
    "channels.voice.create": {"callback_url"},
    "profiles.campaigns.create": {"campaign"},
    "profiles.campaigns.update": {"campaign"},
    "profiles.complete": {"web_hook_url"},
}
"""Required keyword-only arguments that sentdm 0.46.0 requires as well (not stricter)."""


def test_migration_lists_every_keyword_we_require() -> None:
    """A keyword sentdm leaves optional and we require must be in the guide's table."""
    text = (DOCS / "migration.md").read_text()
    section = text.split("### Keywords required here", 1)[1].split("###", 1)[0]
    listed: dict[str, set[str]] = {}
    for line in section.splitlines():
        cells = line.split("|")
        if len(cells) > 3:
            for call in re.findall(r"`([\w.]+)\(\)`", cells[1]):
                listed.setdefault(call, set()).update(re.findall(r"`(\w+)`", cells[2]))
    client = AsyncSent("sk_test_docs", base_url="http://127.0.0.1:9")
    unlisted = []
    for m in migration_rows():
        target: Any = client
        for name in m["ours"].split("."):
            target = getattr(target, name)
        required = {
            name
            for name, p in inspect.signature(target).parameters.items()
            if p.kind is p.KEYWORD_ONLY and p.default is p.empty
        } - SENTDM_REQUIRES_TOO.get(m["ours"], set())
        unlisted += [f"{m['ours']}({k}=)" for k in required - listed.get(m["ours"], set())]
    assert not unlisted, f"docs/migration.md does not list these required keywords: {unlisted}"
    assert "`page` and `page_size` are integers `>= 1`" in text
    for rule in ("E.164", "channel names", "resource ids", "scheduled_at"):
        assert rule in section or rule in text.split("### Values checked before sending")[1]
