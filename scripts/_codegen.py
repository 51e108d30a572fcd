"""What both generators share: tidying output with ruff, and --check versus writing."""

from __future__ import annotations

import difflib
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def ruff_tidy(path: Path, text: str, select: str = "I,F401,UP037") -> str:
    """Sort imports, drop unused ones and format, in memory, as if ``text`` lived at ``path``."""

    def ruff(*args: str, source: str, check: bool) -> str:
        run = subprocess.run(
            [sys.executable, "-m", "ruff", *args, "--quiet", "--stdin-filename", str(path), "-"],
            input=source,
            capture_output=True,
            text=True,
            check=check,
            cwd=ROOT,
        )
        return run.stdout

    fixed = ruff("check", "--fix", "--select", select, source=text, check=False) or text
    return ruff("format", source=fixed, check=True)


def check_or_write(files: dict[Path, str], existing: dict[Path, str], *, check: bool) -> int:
    """With ``check``: print a diff of changed, missing or orphaned files and return 1 if any.

    Without: write every file and delete the orphans. Whole files are compared.
    """
    stale = sorted(p for p in set(files) | set(existing) if files.get(p) != existing.get(p))
    if check:
        for path in stale:
            rel = path.relative_to(ROOT)
            diff = difflib.unified_diff(
                existing.get(path, "").splitlines(),
                files.get(path, "").splitlines(),
                f"committed/{rel}",
                f"generated/{rel}",
                lineterm="",
            )
            print("\n".join(list(diff)[:60]))
        if stale:
            names = ", ".join(str(p.relative_to(ROOT)) for p in stale)
            print(f"stale generated files ({names}): run `make sync`", file=sys.stderr)
            return 1
        return 0
    for path in set(existing) - set(files):
        path.unlink()
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return 0
