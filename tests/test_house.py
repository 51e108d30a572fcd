"""The house rules that keep the code readable, checked on the source with ``ast``.

The layout shows the design (a handful of top-level modules, subpackages for the rest); every
file says on its first line what it is for; hand-written functions stay short; and the
boundaries in docs/design.md hold: models know no I/O, the transport knows no endpoint, the
async core never imports the sync facade, and webhook verification does no I/O.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "sent_async"
MAX_FUNCTION_LINES = 60
MAX_TOP_LEVEL_MODULES = 15
GENERATED_MARK = "Generated from"


def _python_files(*tops: str) -> list[Path]:
    """Our source files: not the scratch venvs ``make bench`` builds under bench/.work."""
    found = (p for top in tops for p in (ROOT / top).rglob("*.py"))
    return sorted(p for p in found if ".work" not in p.relative_to(ROOT).parts)


def _generated(path: Path) -> bool:
    return GENERATED_MARK in path.read_text().split("\n", 2)[0]


HAND_WRITTEN = [
    p for p in _python_files("sent_async", "sent_sync", "scripts", "bench") if not _generated(p)
]


def _imports(path: Path) -> set[str]:
    """Absolute names of every module ``path`` imports (relative imports resolved)."""
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts)
    if path.name != "__init__.py":
        package = package.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            parts = package.split(".")
            base = parts[: len(parts) - node.level + 1] if node.level else []
            module = ".".join(base + ([node.module] if node.module else []))
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return found


def _long_functions(path: Path) -> list[str]:
    tree = ast.parse(path.read_text())
    too_long = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            first = node.decorator_list[0].lineno if node.decorator_list else node.lineno
            length = (node.end_lineno or node.lineno) - first + 1
            if length > MAX_FUNCTION_LINES:
                too_long.append(f"{node.name} ({length} lines, line {node.lineno})")
    return too_long


def test_the_top_level_stays_small() -> None:
    modules = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(modules) <= MAX_TOP_LEVEL_MODULES, modules
    for box in ("_transport", "_bulk", "webhooks", "resources", "models", "testing"):
        assert (PACKAGE / box / "__init__.py").exists(), box


@pytest.mark.parametrize(
    "path",
    _python_files("sent_async", "sent_sync", "scripts", "bench", "tests", "examples"),
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_every_file_says_what_it_is_for(path: Path) -> None:
    first = path.read_text().split("\n", 1)[0].strip()
    assert first.startswith(('"""', "#")) and len(first) > 8, f"first line: {first!r}"


@pytest.mark.parametrize("path", HAND_WRITTEN, ids=lambda p: str(p.relative_to(ROOT)))
def test_hand_written_functions_stay_short(path: Path) -> None:
    assert not _long_functions(path), _long_functions(path)


def test_the_length_check_sees_a_long_function(tmp_path: Path) -> None:
    body = "\n".join(f"    x{i} = {i}" for i in range(MAX_FUNCTION_LINES))
    source = tmp_path / "long.py"
    source.write_text(f"def long():\n{body}\n")
    assert _long_functions(source) == [f"long ({MAX_FUNCTION_LINES + 1} lines, line 1)"]


def _offenders(files: list[Path], forbidden: tuple[str, ...]) -> dict[str, list[str]]:
    found = {}
    for path in files:
        hits = sorted(m for m in _imports(path) if m.startswith(forbidden))
        if hits:
            found[str(path.relative_to(ROOT))] = hits
    return found


def test_models_know_no_io() -> None:
    io = ("aiohttp", "anyio", "asyncio", "socket", "sent_async._transport", "sent_async.resources")
    assert not _offenders(_python_files("sent_async/models"), io)


def test_the_async_core_never_imports_the_sync_facade() -> None:
    assert not _offenders(_python_files("sent_async"), ("sent_sync",))


def test_webhook_verification_is_pure() -> None:
    signing = [PACKAGE / "webhooks" / "signing.py", PACKAGE / "webhooks" / "events.py"]
    io = ("aiohttp", "anyio", "asyncio", "socket", "sent_async._transport")
    assert not _offenders(signing, io)


def test_the_transport_knows_no_endpoint() -> None:
    for path in _python_files("sent_async/_transport"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                assert "/v3/" not in node.value, f"{path.name} names an endpoint: {node.value!r}"
        resources = sorted(m for m in _imports(path) if m.startswith("sent_async.resources"))
        assert not resources, f"{path.name} imports {resources}"
