"""`make bench`: our client against the official `sentdm` SDK, raw aiohttp and nginx.

Starts nginx on 127.0.0.1 (installing Debian's nginx-light if needed), creates a separate venv
for `sentdm[aiohttp]` in bench/.work/, then runs every variant in its own subprocess, one at a
time, reversing the order every other round and cell so that machine noise spreads evenly.
Prints tables and ratios and writes bench/results.md. See bench/README.md for what is measured.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import _nginx  # noqa: E402
import _profile  # noqa: E402
import _report  # noqa: E402

WORK = HERE / ".work"
OURS_PY = sys.executable
SENTDM_VENV = WORK / "venv-sentdm"
SENTDM_PY = str(SENTDM_VENV / "bin" / "python")
WORKER = str(HERE / "worker.py")

ASYNC_VARIANTS = ["ours_async", "raw_aiohttp", "sentdm_httpx", "sentdm_aiohttp"]
SYNC_VARIANTS = ["ours_sync", "sentdm_sync"]


def python_for(variant: str) -> str:
    return SENTDM_PY if variant.startswith("sentdm") else OURS_PY


def ensure_sentdm_venv() -> str:
    """bench/.work/venv-sentdm with `sentdm[aiohttp]`: never part of our package's deps."""
    probe = [SENTDM_PY, "-c", "import sent_dm, httpx_aiohttp; print(sent_dm.__version__)"]
    if Path(SENTDM_PY).exists():
        done = subprocess.run(probe, capture_output=True, text=True)
        if done.returncode == 0:
            return done.stdout.strip()
    print("creating bench/.work/venv-sentdm with sentdm[aiohttp] ...", flush=True)
    subprocess.run([sys.executable, "-m", "venv", "--clear", str(SENTDM_VENV)], check=True)
    pip = [SENTDM_PY, "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    subprocess.run([*pip, "sentdm[aiohttp]"], check=True)
    return subprocess.run(probe, capture_output=True, text=True, check=True).stdout.strip()


def worker(python: str, *args: str, timeout: float = 120) -> dict[str, Any]:
    """Run bench/worker.py in a fresh process and parse its JSON line."""
    cmd = [python, WORKER, *args]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"failed": f"timed out after {timeout:.0f}s"}
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        tail = (done.stderr.strip().splitlines() or ["no output"])[-1]
        return {"failed": f"exit {done.returncode}: {tail}"}
    result: dict[str, Any] = json.loads(lines[-1])
    return result


def cells(args: argparse.Namespace) -> list[tuple[str, int, list[str]]]:
    """(op, concurrency, variants): sync variants at 1 and 8 threads, async at 1, 64, 256."""
    out = []
    for op in ("get", "post"):
        out.append((op, 1, ASYNC_VARIANTS + SYNC_VARIANTS))
        out.append((op, 8, SYNC_VARIANTS))
        for c in args.concurrency:
            if c not in (1, 8):
                out.append((op, c, ASYNC_VARIANTS))
    return out


def run_one(
    args: argparse.Namespace, ng: _nginx.Nginx, variant: str, op: str, conc: int
) -> dict[str, Any]:
    """One measured run of one variant in a fresh process."""
    return worker(
        python_for(variant),
        "run",
        f"--variant={variant}",
        f"--op={op}",
        f"--concurrency={conc}",
        f"--warmup={args.warmup}",
        f"--duration={args.duration}",
        f"--url={ng.base_url}",
        timeout=args.warmup + args.duration + 90,
    )


def run_matrix(args: argparse.Namespace, ng: _nginx.Nginx) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    plan = cells(args)
    total = args.rounds * sum(len(v) for _, _, v in plan)
    n = 0
    for rnd in range(args.rounds):
        for i, (op, conc, variants) in enumerate(plan):
            order = variants if (rnd + i) % 2 == 0 else list(reversed(variants))
            for variant in order:
                n += 1
                ng_cpu0 = ng.worker_cpu_seconds()
                out = run_one(args, ng, variant, op, conc)
                total_requests = out.get("total_requests") or 0
                if total_requests:
                    ng_cpu = ng.worker_cpu_seconds() - ng_cpu0
                    out["nginx_us"] = ng_cpu / total_requests * 1e6
                row = {"round": rnd, "op": op, "concurrency": conc, "variant": variant, **out}
                rows.append(row)
                print(_report.progress_line(n, total, row), flush=True)
    return rows


CPU_CELLS = [("get", 64), ("get", 256), ("post", 64), ("post", 256)]
"""The cells of the CPU-per-request targets (ours async against raw aiohttp)."""


def run_cpu_pairs(args: argparse.Namespace, ng: _nginx.Nginx) -> list[dict[str, Any]]:
    """Extra back-to-back pairs of ours async and raw aiohttp per CPU cell, order alternating.

    The CPU-per-request targets compare two numbers 15-25% apart, and a shared machine moves
    either by as much from one minute to the next; more pairs make their median trustworthy.
    """
    pairs = []
    for i in range(args.cpu_pairs):
        for op, conc in CPU_CELLS:
            order = ["ours_async", "raw_aiohttp"]
            if i % 2:
                order.reverse()
            pair: dict[str, Any] = {"op": op, "concurrency": conc}
            for variant in order:
                pair[variant] = run_one(args, ng, variant, op, conc)
            pairs.append(pair)
            ours, raw = pair["ours_async"].get("cpu_us"), pair["raw_aiohttp"].get("cpu_us")
            if ours and raw:
                print(f"cpu pair {i + 1}/{args.cpu_pairs} {op} C={conc}: ours {ours:.0f} us, "
                      f"raw {raw:.0f} us, {ours / raw:.2f}x", flush=True)  # fmt: skip
    return pairs


OTEL_VARIANTS = ["ours_otel_absent", "ours_otel_idle", "ours_otel_sdk"]
"""OpenTelemetry not installed, installed and imported without a provider, and an SDK one."""


def otel_overhead(args: argparse.Namespace, ng: _nginx.Nginx) -> dict[str, Any]:
    """The same GET load (C=64) per OpenTelemetry state, order rotating per round: CPU µs/req.

    Telemetry off must cost nothing, so "idle" (installed, no provider) should match "absent"
    within noise; "sdk" shows what a real provider costs per call.
    """
    runs: dict[str, list[dict[str, Any]]] = {v: [] for v in OTEL_VARIANTS}
    for rnd in range(args.otel_rounds):
        order = OTEL_VARIANTS[rnd % 3 :] + OTEL_VARIANTS[: rnd % 3]
        for variant in order:
            out = worker(
                OURS_PY, "run", f"--variant={variant}", "--op=get", "--concurrency=64",
                "--warmup=0.5", "--duration=2", f"--url={ng.base_url}", timeout=60,
            )  # fmt: skip
            runs[variant].append(out)
            cpu = out.get("cpu_us")
            shown = f"{cpu:.0f} µs/req" if cpu else out.get("failed", "no result")
            print(f"otel round {rnd + 1}/{args.otel_rounds} {variant}: {shown}", flush=True)
    return {"concurrency": 64, "runs": runs}


def import_times(repeats: int) -> dict[str, list[float]]:
    """Seconds to import each package in a fresh interpreter, interleaved, after a warm-up.

    sentdm imports aiohttp (through httpx_aiohttp) only when its `[aiohttp]` extra is
    installed; the plain install is measured by hiding httpx_aiohttp from the same venv.
    """
    code = "import time; t = time.perf_counter(); import {m}; print(time.perf_counter() - t)"
    plain = "import sys; sys.modules['httpx_aiohttp'] = None; "
    cases = {
        "sent_async": (OURS_PY, code.format(m="sent_async")),
        "sent_sync": (OURS_PY, code.format(m="sent_sync")),
        "sent_dm": (SENTDM_PY, plain + code.format(m="sent_dm")),
        "sent_dm+aiohttp": (SENTDM_PY, code.format(m="sent_dm")),
    }
    times: dict[str, list[float]] = {name: [] for name in cases}
    for i in range(repeats + 1):
        for name, (python, source) in cases.items():
            done = subprocess.run([python, "-c", source], capture_output=True, text=True)
            if i and done.returncode == 0:  # round 0 only warms the bytecode and page caches
                times[name].append(float(done.stdout.strip()))
    return {name: values for name, values in times.items() if values}


def structure_times() -> dict[str, float]:
    """µs per structure of the profile envelope: min over 2 alternating runs per library."""
    best: dict[str, float] = {}
    for _ in range(2):
        for lib, python in (("ours", OURS_PY), ("sentdm", SENTDM_PY)):
            out = worker(python, "structure", f"--lib={lib}")
            for name, value in out.items():
                if name not in ("peak_rss_mb", "failed"):
                    best[name] = min(value, best.get(name, value))
    return best


def bulk_run(args: argparse.Namespace, ng: _nginx.Nginx, lean: bool) -> dict[str, Any]:
    """100k sends, bracketed by plain ours_async POST runs at the same concurrency."""
    common = [f"--concurrency={args.bulk_concurrency}", f"--url={ng.base_url}"]
    plain = [
        "run", "--variant=ours_async", "--op=post", "--warmup=1", f"--duration={args.duration}"
    ]  # fmt: skip
    extra = ["--lean"] if lean else []
    before = worker(OURS_PY, *plain, *common)
    bulk = worker(OURS_PY, "bulk", f"--count={args.bulk_count}", *common, *extra, timeout=900)
    after = worker(OURS_PY, *plain, *common)
    rps = [p["rps"] for p in (before, after) if "rps" in p]
    return {"bulk": bulk, "plain_rps": rps, "concurrency": args.bulk_concurrency}


def _stop_on_sigterm() -> None:
    """SIGTERM unwinds like Ctrl-C, so the nginx context manager still stops nginx."""

    def handler(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, handler)


def parse_args() -> argparse.Namespace:
    """The command line (see bench/README.md)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--warmup", type=float, default=1.0)
    parser.add_argument("--duration", type=float, default=3.0)
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 64, 256])
    parser.add_argument(
        "--cpu-pairs",
        type=int,
        default=3,
        help="extra ours/raw aiohttp pairs per CPU/req target cell (GET and POST at C=64 and "
        "C=256; 0: none)",
    )
    parser.add_argument("--bulk-count", type=int, default=100_000)
    parser.add_argument("--bulk-concurrency", type=int, default=64)
    parser.add_argument(
        "--no-bulk-lean", action="store_true", help="skip the bulk run with collect_results=False"
    )
    parser.add_argument("--import-repeats", type=int, default=7)
    parser.add_argument(
        "--otel-rounds", type=int, default=3, help="rounds of the OpenTelemetry overhead part"
    )
    parser.add_argument(
        "--skip",
        nargs="*",
        default=[],
        help="any of: matrix pairs bulk import structure profile otel",
    )
    parser.add_argument("--out", default=str(HERE / "results.md"))
    return parser.parse_args()


def run_parts(args: argparse.Namespace, ng: _nginx.Nginx, results: dict[str, Any]) -> None:
    """Each part of the benchmark that --skip leaves in, in order, into ``results``."""
    if "import" not in args.skip:
        results["imports"] = import_times(args.import_repeats)
    if "structure" not in args.skip:
        results["structure"] = structure_times()
    if "matrix" not in args.skip:
        results["rows"] = run_matrix(args, ng)
    if "pairs" not in args.skip:
        results["cpu_pairs"] = run_cpu_pairs(args, ng)
    if "bulk" not in args.skip:
        results["bulk"] = []
        for lean in (False,) if args.no_bulk_lean else (False, True):
            mode = ", collect_results=False" if lean else ""
            print(f"bulk: {args.bulk_count} sends, C={args.bulk_concurrency}{mode} ...")
            results["bulk"].append(bulk_run(args, ng, lean))
    if "otel" not in args.skip:
        print("OpenTelemetry overhead: GET C=64, absent / idle / SDK provider ...", flush=True)
        results["otel"] = otel_overhead(args, ng)
    if "profile" not in args.skip:
        print("profiling ours async GET at C=256 ...", flush=True)
        out = WORK / "profile-ours-get-c256.txt"
        results["profile"] = _profile.profile(OURS_PY, WORKER, ng.base_url, out)


def main() -> None:
    args = parse_args()
    _stop_on_sigterm()
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]
    # Children must import from bytecode, as installed packages do: with this variable set
    # (some CI images set it) our edited modules would be recompiled on every import.
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    started = time.monotonic()
    WORK.mkdir(exist_ok=True)
    # sentdm's venv is needed by the matrix, imports and structure, not by the pairs alone.
    needs_sentdm = {"matrix", "import", "structure"} - set(args.skip)
    sentdm_version = ensure_sentdm_venv() if needs_sentdm else "not used in this run"
    meta = _report.machine(OURS_PY, SENTDM_PY, sentdm_version, args)
    print(_report.header(meta), flush=True)
    results: dict[str, Any] = {"meta": meta}
    with _nginx.Nginx(WORK, cpu=None) as ng:
        run_parts(args, ng, results)
    meta["load_end"] = os.getloadavg()
    meta["minutes"] = (time.monotonic() - started) / 60
    (WORK / "results.json").write_text(json.dumps(results, indent=1))
    text = _report.render(results)
    print(text)
    if "matrix" not in args.skip:  # a partial run never overwrites the committed results
        Path(args.out).write_text(text)
        print(f"written to {args.out} (raw data in bench/.work/results.json)")


if __name__ == "__main__":
    main()
