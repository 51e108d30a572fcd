"""Every Python block in README.md type-checks (mypy --strict) and runs.

Blocks defining ``test_*`` functions run under pytest; the others run as scripts whose
``SENT_DM_API_KEY``/``SENT_BASE_URL`` point at a FakeSent, so the quickstarts work offline.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from sent_async.testing import FakeSent

ROOT = Path(__file__).resolve().parent.parent
BLOCK = re.compile(r"^```python\n(.*?)^```", re.S | re.M)
BLOCKS = BLOCK.findall((ROOT / "README.md").read_text())


@pytest.fixture
def blocks(tmp_path: Path) -> list[Path]:
    files = []
    for n, code in enumerate(BLOCKS):
        kind = "test" if re.search(r"^(async )?def test_", code, re.M) else "script"
        path = tmp_path / f"readme_{kind}_{n}.py"
        path.write_text(code)
        files.append(path)
    return files


@pytest.fixture
def fake() -> Iterator[FakeSent]:
    with FakeSent() as server:
        yield server


def _run(args: list[str], cwd: Path, env: dict[str, str]) -> str:
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=120)
    output = done.stdout + done.stderr
    assert done.returncode == 0, output[-3000:]
    assert "Traceback" not in output and "Warning" not in done.stderr, output[-3000:]
    return output


def test_readme_has_python_blocks() -> None:
    assert len(BLOCKS) >= 3


def test_readme_blocks_type_check(blocks: list[Path]) -> None:
    """mypy with the project's settings (strict, Python 3.10), from the root for its cache."""
    _run([sys.executable, "-m", "mypy", *map(str, blocks)], ROOT, dict(os.environ))


def test_readme_blocks_run(blocks: list[Path], fake: FakeSent) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SENT_")}
    env.update(SENT_DM_API_KEY=fake.api_key, SENT_BASE_URL=fake.base_url)
    for path in blocks:
        if path.name.startswith("readme_test_"):
            # -p no:asyncio: pytest-asyncio (a dev extra) warns in a directory with no config
            args = ["-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:asyncio"]
            args += ["-W", "error", path.name]
            output = _run([sys.executable, *args], path.parent, env)
            assert " passed" in output and "skipped" not in output, output
        else:
            _run([sys.executable, path.name], path.parent, env)
