"""Deterministic CPU counts per request, ours async against raw aiohttp: calls and instructions.

Timings on a shared machine swing by ±20%; these two counts hardly move, so a change of a few
percent shows. Each client runs in its own process against nginx (bench/_nginx.py) in another,
making a fixed number of calls at concurrency C with bench/worker.py's own variants:

- ``calls``: cProfile, switched on after a warm-up, counts Python function calls for N
  requests; prints calls per request and, with ``--top``, the functions that make them.
- ``instr``: valgrind's callgrind counts the instructions of the whole client process (the
  interpreter included) for N1 and for N2 requests; (I(N2) - I(N1)) / (N2 - N1) drops the
  start-up and imports. Slow (valgrind runs Python ~50x slower): about a minute per cell.

    .venv/bin/python bench/profile_calls.py calls --op get post --concurrency 64 256 --top 40
    .venv/bin/python bench/profile_calls.py instr --op post --concurrency 64
    .venv/bin/python bench/profile_calls.py calls --variant ours_async --count 3000
    git archive main sent_async | tar -x -C /tmp/main  # then: ... --source /tmp/main

Everything runs on this venv's Python, importing a copy of sent_async taken at the start;
nginx is started and stopped as ``make bench`` does.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import _nginx  # noqa: E402
import worker  # noqa: E402

VARIANTS = ["ours_async", "raw_aiohttp"]


# -- the child: a fixed number of calls at concurrency C --------------------------------------


async def _drive(variant: str, op: str, conc: int, warmup: int, count: int, prof: Any) -> int:
    """``warmup`` calls, then ``count`` calls with ``prof`` (a cProfile or None) enabled."""
    get, post, close, _ = await worker.ASYNC[variant](URL[0])
    call = get if op == "get" else post
    left = [warmup]
    failed = [0]

    async def loop() -> None:
        while left[0] > 0:
            left[0] -= 1
            try:
                await call()
            except Exception:
                failed[0] += 1

    await asyncio.gather(*(loop() for _ in range(conc)))
    if prof is not None:
        prof.enable()
    gc.callbacks.append(_count_collection)
    left[0] = count
    await asyncio.gather(*(loop() for _ in range(conc)))
    gc.callbacks.remove(_count_collection)
    if prof is not None:
        prof.disable()
    await close()
    return failed[0]


URL = [""]
COLLECTIONS = [0, 0, 0]  # the cyclic GC's collections per generation while counting
GC_TIME = [0.0, 0.0]  # seconds spent collecting; when the current collection started


def _count_collection(phase: str, info: dict[str, int]) -> None:
    if phase == "start":
        COLLECTIONS[info["generation"]] += 1
        GC_TIME[1] = time.perf_counter()
    else:
        GC_TIME[0] += time.perf_counter() - GC_TIME[1]


def child(args: argparse.Namespace) -> None:
    """One measured run (``--child``); prints one JSON line."""
    URL[0] = args.url
    prof = None
    if args.cprofile:
        import cProfile

        prof = cProfile.Profile()
    failed = asyncio.run(
        _drive(args.variant[0], args.op[0], args.concurrency[0], args.warmup, args.count, prof)
    )
    out: dict[str, Any] = {"failed": failed, "gc": [n * 1000 / args.count for n in COLLECTIONS]}
    out["gc_us"] = GC_TIME[0] / args.count * 1e6
    if prof is not None:
        import pstats

        stats = pstats.Stats(prof).stats  # type: ignore[attr-defined]
        out["calls"] = sum(v[1] for v in stats.values())  # all calls, recursive ones too
        out["per"] = {_label(k): v[1] / args.count for k, v in stats.items()}
    sys.stdout.write(json.dumps(out) + "\n")


def _label(key: tuple[str, int, str]) -> str:
    path, line, name = key
    path = re.sub(r"^.*/(sent_async/)", r"\1", path)  # the snapshot's copy, as in the tree
    for prefix in (str(HERE.parent) + "/", sys.prefix + "/lib/", sys.base_prefix + "/lib/"):
        path = path.replace(prefix, "")
    return f"{name} ({path}:{line})" if line else name


# -- the parent: nginx, then one child per measurement ----------------------------------------


def _child_cmd(
    variant: str, op: str, conc: int, count: int, url: str, extra: list[str]
) -> list[str]:
    return [
        sys.executable, __file__, "--child", "--variant", variant, "--op", op,
        "--concurrency", str(conc), "--count", str(count), "--url", url, *extra,
    ]  # fmt: skip


def _run(cmd: list[str]) -> dict[str, Any]:
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=1800, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd[:6])} failed:\n{done.stderr[-2000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    if result["failed"]:
        raise RuntimeError(f"{result['failed']} calls failed: check the server")
    return result


_PER: dict[str, dict[str, float]] = {}  # variant -> function -> calls per request, last cell


def calls(args: argparse.Namespace, url: str, variant: str, op: str, conc: int) -> float:
    extra = ["--cprofile", "--warmup", str(args.warmup)]
    out = _run(_child_cmd(variant, op, conc, args.count, url, extra))
    per = out["calls"] / args.count
    young, middle, old = out["gc"]
    print(f"{variant:12} {op:4} C={conc:<4} {per:7.1f} Python calls/request; per 1000 requests "
          f"{young:.0f} young, {middle:.1f} middle, {old:.2f} full GC collections, "
          f"{out['gc_us']:.1f} us/request in them (timed)", flush=True)  # fmt: skip
    _PER[variant] = out["per"]
    rows = sorted(out["per"].items(), key=lambda kv: -kv[1])[: args.top]
    for label, n in rows:
        print(f"      {n:6.2f}  {label}")
    return float(per)


def print_diff(top: int) -> None:
    """The functions ours calls more often per request than raw aiohttp does."""
    ours, raw = _PER.get("ours_async", {}), _PER.get("raw_aiohttp", {})
    diff = {k: ours.get(k, 0.0) - raw.get(k, 0.0) for k in {*ours, *raw}}
    rows = sorted((kv for kv in diff.items() if abs(kv[1]) >= 0.01), key=lambda kv: -kv[1])
    print(f"  ours - raw, calls per request (top {top}):")
    for label, n in rows[:top]:
        print(f"      {n:+6.2f}  {label}")


def instructions(args: argparse.Namespace, url: str, variant: str, op: str, conc: int) -> float:
    counts, functions = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for n in (args.n1, args.n2):
            out = Path(tmp) / f"cg.{n}"
            cmd = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", "-q"]
            _run(cmd + _child_cmd(variant, op, conc, n, url, ["--warmup", str(args.warmup)]))
            counts.append(_total_instructions(out))
            if args.functions:
                functions.append(_by_function(out))
    per = (counts[1] - counts[0]) / (args.n2 - args.n1)
    print(f"{variant:12} {op:4} C={conc:<4} {per / 1000:7.0f}k instructions/request", flush=True)
    if functions:  # the same difference, per C function (the interpreter's own, mostly)
        small, large = functions
        diff = {f: (large.get(f, 0) - small.get(f, 0)) / (args.n2 - args.n1) for f in large}
        for name, n in sorted(diff.items(), key=lambda kv: -kv[1])[: args.functions]:
            print(f"      {n / 1000:7.1f}k  {name}")
    return per


def _by_function(path: Path) -> dict[str, int]:
    """Instructions per C function (self cost), from callgrind_annotate."""
    text = subprocess.run(
        ["callgrind_annotate", "--threshold=100", "--auto=no", "--show-percs=no", str(path)],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    out: dict[str, int] = {}
    for line in text.splitlines():  # "1,234  path/file.c:function'2 [library]"
        match = re.match(r"\s*([\d,]+)\s+(\S+):([^\s']+)", line)
        if match:
            name = f"{Path(match.group(2)).name}:{match.group(3)}"
            out[name] = out.get(name, 0) + int(match.group(1).replace(",", ""))
    return out


def _total_instructions(path: Path) -> int:
    match = re.search(r"^(?:summary|totals): (\d+)", path.read_text(), re.MULTILINE)
    if match is None:
        raise RuntimeError(f"no totals in {path}")
    return int(match.group(1))


def parse_args() -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("mode", nargs="?", choices=["calls", "instr"], default="calls")
    p.add_argument("--variant", nargs="+", choices=VARIANTS, default=VARIANTS)
    p.add_argument("--op", nargs="+", choices=["get", "post"], default=["get", "post"])
    p.add_argument("--concurrency", nargs="+", type=int, default=[64])
    p.add_argument("--count", type=int, default=2000, help="calls: requests profiled")
    p.add_argument("--warmup", type=int, default=500, help="calls made before counting")
    p.add_argument("--n1", type=int, default=1000, help="instr: the smaller run")
    p.add_argument("--n2", type=int, default=3000, help="instr: the larger run")
    p.add_argument("--functions", type=int, default=0, help="instr: list the N costliest")
    p.add_argument("--top", type=int, default=0, help="calls: list each run's N most called")
    p.add_argument("--diff", type=int, default=0, help="calls: list N functions ours adds")
    p.add_argument("--url", default="", help="a running server (default: start nginx)")
    p.add_argument("--source", default=str(HERE.parent), help="measure this tree's sent_async")
    p.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--cprofile", action="store_true", help=argparse.SUPPRESS)
    return p.parse_args()


def snapshot(tmp: str, source: Path) -> None:
    """Children import a copy of ``source``/sent_async taken now, so editing the tree while a
    long (callgrind) run goes on cannot mix two versions into one difference."""
    shutil.copytree(source / "sent_async", Path(tmp) / "sent_async",
                    ignore=shutil.ignore_patterns("__pycache__"))  # fmt: skip
    # Bytecode now: else the first child alone would compile it, and a difference of two
    # children's instructions would subtract the compiler's work from the calls'.
    subprocess.run([sys.executable, "-m", "compileall", "-q", tmp], check=True)
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [tmp, os.environ.get("PYTHONPATH")]))


def main() -> None:
    args = parse_args()
    if args.child:
        child(args)
        return
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # unwinds: nginx is stopped
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    measure = calls if args.mode == "calls" else instructions
    with tempfile.TemporaryDirectory() as tmp, _nginx.Nginx(HERE / ".work", cpu=None) as ng:
        snapshot(tmp, Path(args.source))
        url = args.url or ng.base_url
        for op in args.op:
            for conc in args.concurrency:
                per = {v: measure(args, url, v, op, conc) for v in args.variant}
                if len(per) == 2:
                    ratio = per["ours_async"] / per["raw_aiohttp"]
                    print(f"  -> {op} C={conc}: ours/raw {ratio:.2f}x", flush=True)
                    if args.mode == "calls" and args.diff:
                        print_diff(args.diff)


if __name__ == "__main__":
    main()
