"""Tables, ratios and target checks for bench/run.py (markdown, also printed as is)."""

from __future__ import annotations

import datetime
import os
import platform
import shutil
import statistics
import subprocess
from collections.abc import Callable
from importlib import metadata
from typing import Any

NAMES = {
    "ours_async": "ours async",
    "ours_sync": "ours sync",
    "raw_aiohttp": "raw aiohttp",
    "sentdm_httpx": "sentdm async (httpx, default)",
    "sentdm_aiohttp": "sentdm async (aiohttp backend)",
    "sentdm_sync": "sentdm sync",
}
IMPORT_NAMES = {
    "sent_async": "`import sent_async`",
    "sent_sync": "`import sent_sync`",
    "sent_dm": "`import sent_dm` (plain `pip install sentdm`)",
    "sent_dm+aiohttp": "`import sent_dm` (with the `[aiohttp]` extra: also imports aiohttp)",
}
OPS = {"get": "GET /v3/profiles/{id}", "post": "POST /v3/messages"}


def cpu_model() -> str:
    """The CPU's model name from /proc/cpuinfo ("unknown" elsewhere)."""
    try:
        with open("/proc/cpuinfo") as fh:
            return next(ln.split(":", 1)[1].strip() for ln in fh if ln.startswith("model name"))
    except (OSError, StopIteration):
        return "unknown"


def machine(ours_py: str, sentdm_py: str, sentdm_version: str, args: Any) -> dict[str, Any]:
    """What the figures were measured on and with."""
    cpu = cpu_model()
    probe = (
        "import importlib.metadata as m; "
        "print(' '.join(f'{p} {m.version(p)}' for p in ('httpx', 'httpx-aiohttp', 'pydantic', "
        "'aiohttp')))"
    )
    try:
        done = subprocess.run([sentdm_py, "-c", probe], capture_output=True, text=True)
        sentdm_deps = done.stdout.strip()
    except OSError:  # no sentdm venv: a run of the CPU pairs alone
        sentdm_deps = "-"
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    nginx_v = subprocess.run([nginx, "-v"], capture_output=True, text=True).stderr.strip()
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    ).stdout.strip()
    return {
        "date": datetime.datetime.now().isoformat(timespec="seconds"),
        "cpu": f"{cpu}, {os.cpu_count()} cores",
        "python": platform.python_version(),
        "ours": f"sent-sdk {metadata.version('sent-sdk')} (git {commit or '?'}, working tree), "
        f"aiohttp {metadata.version('aiohttp')}, cattrs {metadata.version('cattrs')}",
        "sentdm": f"sentdm {sentdm_version} ({sentdm_deps})",
        "nginx": nginx_v.replace("nginx version: ", ""),
        "load_start": os.getloadavg(),
        "settings": f"{args.rounds} rounds, {args.warmup:g}s warm-up + {args.duration:g}s "
        "measured per run, one process per run",
    }


def header(meta: dict[str, Any]) -> str:
    return "\n".join(f"{k}: {v}" for k, v in meta.items())


def progress_line(n: int, total: int, row: dict[str, Any]) -> str:
    what = f"[{n:3d}/{total}] {row['op']:4s} C={row['concurrency']:<3d} {row['variant']:15s}"
    if "failed" in row:
        return f"{what} FAILED {row['failed']}"
    return (
        f"{what} {row['rps']:8.0f} req/s {row['cpu_us']:7.0f} µs/req "
        f"{row['peak_rss_mb']:6.1f} MB" + (f"  errors={row['errors']}" if row["errors"] else "")
    )


class Matrix:
    """Rows of run_matrix, looked up by (op, concurrency, variant)."""

    def __init__(self, rows: list[dict[str, Any]]) -> None:
        self.rows = rows
        self.rounds = sorted({r["round"] for r in rows})

    def runs(self, op: str, c: int, variant: str) -> list[dict[str, Any]]:
        return [
            r
            for r in self.rows
            if (r["op"], r["concurrency"], r["variant"]) == (op, c, variant) and "rps" in r
        ]

    def median(self, op: str, c: int, variant: str, field: str) -> float | None:
        values = [r[field] for r in self.runs(op, c, variant) if r.get(field) is not None]
        return statistics.median(values) if values else None

    def ratio(
        self, op: str, c: int, a: str, b: str, field: str = "rps", c_b: int | None = None
    ) -> list[float]:
        """a/b per round (both measured minutes apart in the same round)."""
        out = []
        for rnd in self.rounds:
            ra = [r for r in self.runs(op, c, a) if r["round"] == rnd]
            rb = [r for r in self.runs(op, c if c_b is None else c_b, b) if r["round"] == rnd]
            if ra and rb and ra[0].get(field) and rb[0].get(field):
                out.append(ra[0][field] / rb[0][field])
        return out


def _fmt(x: float | None, spec: str = ".0f") -> str:
    return "—" if x is None else format(x, spec)


def _ratio_text(values: list[float]) -> str:
    if not values:
        return "—"
    med = statistics.median(values)
    if len(values) == 1:
        return f"{med:.2f}x"
    return f"{med:.2f}x (rounds {', '.join(f'{v:.2f}' for v in values)})"


def _check(values: list[float], ok: Callable[[float], bool]) -> str:
    if not values:
        return "not measured"
    worst_ok = all(ok(v) for v in values)
    return "met" if worst_ok else ("met (median)" if ok(statistics.median(values)) else "NOT met")


def matrix_tables(m: Matrix) -> list[str]:
    out = []
    for op, title in OPS.items():
        out += [
            f"### {title}",
            "",
            "| C | variant | req/s (median) | req/s per round | client CPU µs/req | "
            "peak RSS MB | nginx CPU µs/req | errors |",
            "|---:|---|---:|---|---:|---:|---:|---:|",
        ]
        concs = sorted({r["concurrency"] for r in m.rows if r["op"] == op})
        for c in concs:
            for variant in NAMES:
                runs = m.runs(op, c, variant)
                failed = [r for r in m.rows if r["op"] == op and r["concurrency"] == c
                          and r["variant"] == variant and "failed" in r]  # fmt: skip
                if not runs and not failed:
                    continue
                threads = variant in ("ours_sync", "sentdm_sync")
                label = NAMES[variant] + (f", {c} thread(s)" if threads else "")
                per_round = ", ".join(f"{r['rps']:.0f}" for r in runs)
                errors = sum(r["errors"] for r in runs)
                if failed:
                    per_round += f" (failed: {failed[0]['failed'][:60]})"
                out.append(
                    f"| {c} | {label} | {_fmt(m.median(op, c, variant, 'rps'))} | {per_round} | "
                    f"{_fmt(m.median(op, c, variant, 'cpu_us'))} | "
                    f"{_fmt(m.median(op, c, variant, 'peak_rss_mb'), '.1f')} | "
                    f"{_fmt(m.median(op, c, variant, 'nginx_us'), '.1f')} | {errors} |"
                )
        out.append("")
    notes = sorted({r["note"] for r in m.rows if r.get("note")})
    out += [f"Note: {n}" for n in notes]
    return out


def render(results: dict[str, Any]) -> str:
    meta = results["meta"]
    load0, load1 = meta["load_start"][0], meta.get("load_end", (0,))[0]
    lines = [
        "# `make bench` results",
        "",
        *[f"- {k}: {v}" for k, v in meta.items() if k not in ("load_start", "load_end")],
        f"- load average (1 min) at start {load0:.2f}, at end {load1:.2f}"
        + (" — other work was running: figures are noisy" if max(load0, load1) > 1.5 else ""),
        "",
    ]
    m = Matrix(results.get("rows", []))
    lines += targets(results, m)
    if m.rows:
        lines += ["## Throughput, client CPU and memory", ""]
        lines += [
            "Sync variants run C threads sharing one client. nginx CPU µs/req is nginx's "
            "worker CPU over the whole child run divided by its requests (shows nginx is "
            "not the bottleneck).",
            "",
        ]
        lines += matrix_tables(m)
        lines += other_ratios(m)
    lines += extras(results)
    return "\n".join(lines) + "\n"


def targets(results: dict[str, Any], m: Matrix) -> list[str]:
    rows = [
        ("ours async GET C=256 vs sentdm default", "≥ 20x",
         m.ratio("get", 256, "ours_async", "sentdm_httpx"), lambda v: v >= 20),
        ("ours async GET C=256 vs sentdm aiohttp", "≥ 3x",
         m.ratio("get", 256, "ours_async", "sentdm_aiohttp"), lambda v: v >= 3),
        *cpu_targets(results, m),
        ("ours sync vs sentdm sync, GET C=1", "≥ 1.5x",
         m.ratio("get", 1, "ours_sync", "sentdm_sync"), lambda v: v >= 1.5),
    ]  # fmt: skip
    imports = results.get("imports")
    if imports:
        ours = statistics.median(imports["sent_async"])
        for other in [k for k in imports if k.startswith("sent_dm")]:
            ratio = ours / statistics.median(imports[other])
            rows.append((f"import sent_async vs {IMPORT_NAMES[other]}", "≤ 0.5x", [ratio],
                         lambda v: v <= 0.5))  # fmt: skip
    bulk = results.get("bulk")
    out = [
        "## Targets (issues 5 and 11)",
        "",
        "| target | wanted | measured | verdict |",
        "|---|---|---|---|",
    ]
    for name, want, values, ok in rows:
        out.append(f"| {name} | {want} | {_ratio_text(values)} | {_check(values, ok)} |")
    if imports and imports.get("sent_sync"):  # absolute: the sync facade loads lazily too
        ms = statistics.median(imports["sent_sync"]) * 1000
        out.append(f"| import sent_sync (median) | ≤ 150 ms | {ms:.0f} ms | "
                   f"{'met' if ms <= 150 else 'NOT met'} |")  # fmt: skip
    for run in bulk or []:
        b = run["bulk"]
        if "rps" not in b:
            out.append(f"| bulk | — | failed: {b.get('failed')} | NOT met |")
            continue
        mode = " (collect_results=False)" if "collect_results=False" in b["how"] else ""
        rss = b["peak_rss_mb"]
        out.append(
            f"| bulk {b['count']} sends{mode}: peak RSS | ≤ 150 MB | {rss:.1f} MB | "
            f"{'met' if rss <= 150 else 'NOT met'} |"
        )
        share = [b["rps"] / p for p in run["plain_rps"]]
        out.append(
            f"| bulk{mode} throughput vs ours async POST at C={run['concurrency']} | ≥ 0.8x | "
            f"{_ratio_text(share)} | {_check(share, lambda v: v >= 0.8)} |"
        )
    return [*out, ""]


CPU_TARGETS = {"get": 1.15, "post": 1.25}
"""Client CPU per request, ours async over raw aiohttp, at most (issue 11, point 8)."""


def cpu_targets(results: dict[str, Any], m: Matrix) -> list[tuple[str, str, list[float], Any]]:
    """One target row per (op, C) cell: the matrix rounds' ratios, then the extra pairs'."""
    rows = []
    for op, limit in CPU_TARGETS.items():
        for c in (64, 256):
            values = m.ratio(op, c, "ours_async", "raw_aiohttp", "cpu_us")
            values += cpu_pair_ratios(results, op, c)
            rows.append((
                f"CPU/req ours async vs raw aiohttp, {op.upper()} C={c} "
                "(matrix rounds, then the extra pairs)",
                f"≤ {limit}x", values, lambda v, limit=limit: v <= limit,
            ))  # fmt: skip
    return rows


def cpu_pair_ratios(results: dict[str, Any], op: str, c: int) -> list[float]:
    """ours/raw client CPU per request of each extra pair in one cell (run.py --cpu-pairs)."""
    out = []
    for pair in results.get("cpu_pairs") or []:
        if (pair.get("op", "get"), pair.get("concurrency", 256)) != (op, c):
            continue
        ours, raw = pair["ours_async"].get("cpu_us"), pair["raw_aiohttp"].get("cpu_us")
        if ours and raw:
            out.append(ours / raw)
    return out


def other_ratios(m: Matrix) -> list[str]:
    out = ["## Ratios (per round, same run)", ""]
    pairs = [
        ("ours async / sentdm default (req/s)", "ours_async", "sentdm_httpx", "rps"),
        ("ours async / sentdm aiohttp (req/s)", "ours_async", "sentdm_aiohttp", "rps"),
        ("ours async / raw aiohttp (req/s)", "ours_async", "raw_aiohttp", "rps"),
        ("ours async / raw aiohttp (CPU µs/req)", "ours_async", "raw_aiohttp", "cpu_us"),
        ("ours sync / sentdm sync (req/s)", "ours_sync", "sentdm_sync", "rps"),
    ]
    out += ["| ratio | op | C | value |", "|---|---|---:|---|"]
    for name, a, b, field in pairs:
        for op in OPS:
            for c in sorted({r["concurrency"] for r in m.rows}):
                values = m.ratio(op, c, a, b, field)
                if values:
                    out.append(f"| {name} | {op.upper()} | {c} | {_ratio_text(values)} |")
    return [*out, ""]


def extras(results: dict[str, Any]) -> list[str]:
    out: list[str] = []
    imports = results.get("imports")
    if imports:
        out += ["## Import time (fresh interpreter, median)", "", "| module | ms | runs |"]
        out.append("|---|---:|---|")
        for module, values in imports.items():
            runs = ", ".join(f"{v * 1000:.0f}" for v in values)
            name = IMPORT_NAMES.get(module, module)
            out.append(f"| {name} | {statistics.median(values) * 1000:.0f} | {runs} |")
        out.append("")
    structure = results.get("structure")
    if structure:
        out += ["## Structuring the contract's profile envelope (already JSON-decoded)", ""]
        out += ["| what | µs per call |", "|---|---:|"]
        out += [f"| {name} | {value:.1f} |" for name, value in structure.items()]
        out.append("")
    for run in results.get("bulk") or []:
        b = run["bulk"]
        if "rps" not in b:
            continue
        plain = ", ".join(f"{p:.0f}" for p in run["plain_rps"])
        out += [
            "## Bulk send",
            "",
            f"- {b['count']} sends, concurrency {run['concurrency']}, via {b['how']}"
            + (f" ({b['note']})" if b.get("note") else ""),
            f"- {b['rps']:.0f} sends/s in {b['seconds']:.1f}s, {b['cpu_us']:.0f} CPU µs/send, "
            f"{b['failed']} failed",
            f"- peak RSS {b['peak_rss_mb']:.1f} MB (RSS after imports {b['rss_before_mb']:.1f} MB)",
            f"- plain ours async POST at the same concurrency, before and after: {plain} req/s",
            "",
        ]
    out += otel_lines(results.get("otel"))
    if results.get("profile"):
        out += [f"Profile of ours async GET at C=256, {results['profile']}", ""]
    return out


OTEL_NAMES = {
    "ours_otel_absent": "OpenTelemetry not installed",
    "ours_otel_idle": "installed and imported, no provider (telemetry off)",
    "ours_otel_sdk": "SDK tracer and meter providers (telemetry on)",
}


def otel_lines(otel: dict[str, Any] | None) -> list[str]:
    """CPU per GET request per OpenTelemetry state, and each one's ratio to "absent"."""
    if not otel:
        return []
    runs = otel["runs"]
    cpu = {v: [r["cpu_us"] for r in rs if r.get("cpu_us")] for v, rs in runs.items()}
    base = statistics.median(cpu["ours_otel_absent"]) if cpu.get("ours_otel_absent") else None
    out = [
        f"## OpenTelemetry overhead (ours async GET, C={otel['concurrency']})",
        "",
        "| state | CPU µs/req (median) | runs | vs not installed |",
        "|---|---:|---|---:|",
    ]
    for variant, values in cpu.items():
        if not values:
            continue
        median = statistics.median(values)
        ratio = f"{median / base:.2f}x" if base else "-"
        runs_text = ", ".join(f"{v:.0f}" for v in values)
        out.append(f"| {OTEL_NAMES.get(variant, variant)} | {median:.0f} | {runs_text} | {ratio} |")
    return [*out, ""]
