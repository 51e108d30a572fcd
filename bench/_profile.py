"""Profile ours async GET at C=256: py-spy (sampling, all threads) when it can, else cProfile.

py-spy is installed into bench/.work/venv-tools on first use. Its raw output is folded into
two tables: where the samples sit (self) and which frames they pass through (inclusive).
cProfile is the fallback; it inflates code made of many small Python calls, so its shares of
cattrs hooks read higher than py-spy's.
"""

from __future__ import annotations

import collections
import os
import subprocess
import sys
import time
from pathlib import Path

TOOLS = Path(__file__).resolve().parent / ".work" / "venv-tools"
PY_SPY = TOOLS / "bin" / "py-spy"
_PREFIXES = (f"{sys.prefix}/lib/python{sys.version_info[0]}.{sys.version_info[1]}/site-packages/",)


def ensure_py_spy() -> Path | None:
    if PY_SPY.exists():
        return PY_SPY
    try:
        subprocess.run([sys.executable, "-m", "venv", str(TOOLS)], check=True)
        pip = [str(TOOLS / "bin" / "python"), "-m", "pip", "install", "-q"]
        subprocess.run([*pip, "--disable-pip-version-check", "py-spy"], check=True)
    except subprocess.CalledProcessError:
        return None
    return PY_SPY if PY_SPY.exists() else None


def _short(frame: str) -> str:
    for prefix in (*_PREFIXES, sys.base_prefix + "/lib/", str(Path.cwd()) + "/"):
        frame = frame.replace(prefix, "")
    return frame


def fold(raw: Path, top: int = 30) -> str:
    """Self and inclusive shares of py-spy's raw (collapsed-stack) output."""
    own: collections.Counter[str] = collections.Counter()
    incl: collections.Counter[str] = collections.Counter()
    by_function: collections.Counter[str] = collections.Counter()
    total = 0
    for line in raw.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        n = int(count)
        total += n
        frames = [_short(f) for f in stack.split(";")]
        own[frames[-1]] += n
        for frame in set(frames):
            incl[frame] += n
        for name in {f.split(" (")[0] for f in frames}:
            by_function[name] += n
    if not total:
        return "no samples\n"
    out = [f"{total} samples", "", "-- self (where the CPU time is spent, by line)"]
    out += [f"{100 * n / total:5.1f}%  {f}" for f, n in own.most_common(top)]
    out += ["", "-- inclusive, by function (share of samples passing through it)"]
    out += [f"{100 * n / total:5.1f}%  {f}" for f, n in by_function.most_common(top + 20)]
    out += ["", "-- inclusive, by line"]
    out += [f"{100 * n / total:5.1f}%  {f}" for f, n in incl.most_common(top + 20)]
    return "\n".join(out) + "\n"


def py_spy(cmd: list[str], out: Path, seconds: float) -> str | None:
    """Run ``cmd`` (a worker run) and sample it after its warm-up; None when py-spy fails."""
    tool = ensure_py_spy()
    if tool is None:
        return None
    raw = out.with_suffix(".raw")
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(1.5)  # imports and warm-up
        duration = str(max(1, round(seconds)))  # py-spy takes whole seconds
        done = subprocess.run(
            [str(tool), "record", "-p", str(proc.pid), "-d", duration, "-r", "500",
             "-f", "raw", "-o", str(raw)],
            capture_output=True, text=True, timeout=seconds + 60,
        )  # fmt: skip
    finally:
        proc.wait(timeout=120)
    if done.returncode != 0 or not raw.exists():
        return None
    return fold(raw)


def cprofile(cmd: list[str], out: Path) -> str:
    import pstats

    prof = out.with_suffix(".prof")
    subprocess.run([*cmd, f"--profile={prof}"], capture_output=True, timeout=300)
    if not prof.exists():
        return "cProfile run failed\n"
    text = out.with_suffix(".cprofile.txt")
    with text.open("w") as fh:
        stats = pstats.Stats(str(prof), stream=fh)
        stats.sort_stats("tottime").print_stats(30)
        stats.sort_stats("cumulative").print_stats(40)
    return text.read_text()


def profile(python: str, worker: str, url: str, out: Path, seconds: float = 4.0) -> str:
    """Write the profile of ours async GET at C=256 to ``out``; return a one-line summary."""
    cmd = [python, worker, "run", "--variant=ours_async", "--op=get", "--concurrency=256",
           "--warmup=1", f"--duration={seconds + 2:g}", f"--url={url}"]  # fmt: skip
    text = py_spy(cmd, out, seconds) if os.environ.get("BENCH_PROFILER") != "cprofile" else None
    how = "py-spy (sampling)"
    if text is None:
        text, how = cprofile(cmd, out), "cProfile"
    out.write_text(f"# ours async GET C=256, {how}\n\n{text}")
    return f"{how}: {out}"
