"""`make bench-fleet`: many worker processes, one Sent account limit (issue 14's figures).

Against the standalone FakeSent (`python -m sent_async.testing --rate-limit L/s`) and a real
redis-server, side by side in one run:

- aggregate sends/s over L: 1 process vs 4 under one RedisRateLimit(L), and 4 pacing locally
  at L/4 and at L (the contrast), with the 429s of each;
- requests per send: HTTP requests to FakeSent per accepted send, and Redis round trips per
  send, counted by Redis itself (`INFO commandstats` deltas: one EVALSHA per limiter call,
  one EXEC per checkpoint transaction) and by the pacers (`RedisPacer.round_trips`);
- duplicates after a SIGKILL: one of 4 workers killed mid-job, its slice run again (same
  job_id, same keys, a RedisCheckpoint), messages per recipient counted at FakeSent;
- time to finish a half-done job with and without a checkpoint.

Writes the "Fleet" section of bench/results.md (the other sections stay) and the raw figures
to bench/.work/fleet.json. See bench/README.md.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import _report  # bench/ is the script's folder, so first on sys.path
import attrs

HERE = Path(__file__).resolve().parent
WORK = HERE / ".work"
WORKER = HERE / "_fleet_worker.py"
RESULTS = HERE / "results.md"
HEADING = "## Fleet"
INJECTED_429 = {
    "type": "error",
    "status": 429,
    "code": "BUSINESS_002",
    "message": "Rate limit exceeded",
    "method": "POST",
    "path": "/v3/messages",
    "headers": {"Retry-After": "1"},
    "times": 1,
}


# -- the servers ---------------------------------------------------------------------------
@contextmanager
def redis_server() -> Iterator[str]:
    """Debian's redis-server on a unix socket in a temporary directory; yields its socket."""
    binary = shutil.which("redis-server")
    if binary is None:
        sys.exit("redis-server is not installed: `make redis-server` (apt-get) installs it")
    folder = Path(tempfile.mkdtemp(prefix="sent-fleet-"))
    sock = folder / "redis.sock"
    args = [binary, "--port", "0", "--unixsocket", str(sock), "--unixsocketperm", "700"]
    proc = subprocess.Popen(
        [*args, "--save", "", "--appendonly", "no", "--dir", str(folder)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        give_up = time.monotonic() + 10
        while not sock.exists():
            if proc.poll() is not None or time.monotonic() > give_up:
                sys.exit("redis-server did not start")
            time.sleep(0.01)
        yield str(sock)
    finally:
        proc.terminate()
        proc.wait(10)
        shutil.rmtree(folder, ignore_errors=True)


@attrs.define
class Fake:
    """The standalone FakeSent: ``python -m sent_async.testing`` with an account limit."""

    process: subprocess.Popen[str]
    base_url: str
    api_key: str

    @classmethod
    @contextmanager
    def start(cls, rate: float, burst: int, latency_ms: float) -> Iterator[Fake]:
        command = [sys.executable, "-m", "sent_async.testing", "--port", "0"]
        command += ["--rate-limit", f"{rate:g}/s", "--burst", str(burst)]
        command += ["--latency", f"{latency_ms:g}ms"]
        proc = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
        assert proc.stdout is not None
        base_url = proc.stdout.readline().strip()
        api_key = proc.stdout.readline().strip().removeprefix("api key: ")
        try:
            yield cls(proc, base_url, api_key)
        finally:
            proc.terminate()
            proc.wait(10)

    def admin(self, path: str, method: str = "GET", body: object = None) -> Any:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(f"{self.base_url}/__fake/{path}", data=data, method=method)
        with urllib.request.urlopen(request, timeout=30) as answer:
            return json.loads(answer.read())


@attrs.define
class Redis:
    """The few admin calls the bench makes (redis-py, which the [redis] extra installs)."""

    client: Any

    @classmethod
    def at(cls, sock: str) -> Redis:
        import redis

        return cls(redis.Redis(unix_socket_path=sock, decode_responses=True))

    def reset_stats(self) -> None:
        self.client.config_resetstat()

    def calls(self) -> dict[str, int]:
        """Calls per command since the last reset (scripts' own commands are counted too)."""
        stats = self.client.info("commandstats")
        return {name.removeprefix("cmdstat_"): int(v["calls"]) for name, v in stats.items()}


# -- workers -------------------------------------------------------------------------------
@attrs.define
class Worker:
    """One `_fleet_worker.py` process; ``settings`` are its JSON arguments."""

    settings: dict[str, Any]
    process: subprocess.Popen[str] | None = None
    result: dict[str, Any] | None = None

    def spawn(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(WORKER), json.dumps(self.settings)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def ready(self) -> None:
        assert self.process is not None
        assert self.process.stdout is not None
        line = self.process.stdout.readline().strip()
        if line != "ready":
            raise RuntimeError(f"worker {self.settings['worker']} did not start: {line!r}")

    def go(self) -> None:
        assert self.process is not None
        assert self.process.stdin is not None
        self.process.stdin.write("go\n")
        self.process.stdin.flush()

    def kill(self) -> None:
        assert self.process is not None
        os.kill(self.process.pid, signal.SIGKILL)

    def wait(self) -> None:
        assert self.process is not None
        out, _ = self.process.communicate(timeout=600)
        lines = out.strip().splitlines()
        if self.process.returncode == 0 and lines:
            self.result = json.loads(lines[-1])


def run_workers(
    workers: list[Worker], redis: Redis, *, kill_after: float | None = None, fault: Any = None
) -> float:
    """Start ``workers`` together; the monotonic time of the start signal.

    ``kill_after``: SIGKILL the first worker that many seconds in. ``fault``: (seconds, a
    FakeSent fault document and FakeSent) injected that many seconds in.
    """
    for w in workers:
        w.spawn()
    for w in workers:
        w.ready()
    redis.reset_stats()
    go = time.monotonic()
    for w in workers:
        w.go()
    events = []
    if kill_after is not None:
        events.append((kill_after, workers[0].kill))
    if fault is not None:
        at, doc, fake = fault
        events.append((at, lambda: fake.admin("faults", "POST", doc)))
    for at, action in sorted(events, key=lambda e: e[0]):
        time.sleep(max(0.0, go + at - time.monotonic()))
        action()
    for w in workers:
        w.wait()
    return go


# -- scenarios -----------------------------------------------------------------------------
@attrs.define
class Bench:
    """The servers and settings every scenario shares."""

    fake: Fake
    redis: Redis
    sock: str
    rate: float
    count: int
    concurrency: int

    def worker(self, job_id: str, worker: int = 0, workers: int = 1, **more: Any) -> Worker:
        settings = {
            "base_url": self.fake.base_url,
            "api_key": self.fake.api_key,
            "redis_url": f"unix://{self.sock}",
            "job_id": job_id,
            "worker": worker,
            "workers": workers,
            "count": self.count,
            "rate": self.rate,
            "account": job_id,
            "concurrency": self.concurrency,
        }
        return Worker({**settings, **more})

    def fleet(self, job_id: str, workers: int, **more: Any) -> list[Worker]:
        return [self.worker(job_id, n, workers, **more) for n in range(workers)]

    def snapshot(self) -> dict[str, Any]:
        return {"account": self.fake.admin("account"), "redis": self.redis.calls()}


def delta(after: dict[str, int], before: dict[str, int], name: str) -> int:
    return after.get(name, 0) - before.get(name, 0)


def tally(
    ws: list[Worker], go: float, before: dict[str, Any], now: dict[str, Any]
) -> dict[str, Any]:
    """One phase's figures: FakeSent's and Redis's counts since ``before``, the workers' own."""
    done = [w.result for w in ws if w.result is not None]
    acc, old = now["account"], before["account"]
    sends = sum(r["succeeded"] for r in done)
    calls = now["redis"]  # Redis's counters were reset at the start signal
    limiter = calls.get("evalsha", 0) + calls.get("eval", 0)
    setup = sum(n for c, n in calls.items() if c.split("|")[0] in SETUP_COMMANDS)
    cpu = sum(r["cpu"] for r in done)
    return {
        "workers": len(ws),
        "finished": len(done),
        "wall": max((r["finished"] for r in done), default=go) - go,
        "sends": sends,
        "already_done": sum(r["already_done"] for r in done),
        "failed": sum(r["failed"] for r in done),
        "errors": sorted({e for r in done for e in r["errors"]}),
        "pauses": max((r["pauses"] for r in done), default=0),
        "http_requests": delta(acc["requests"], old["requests"], "message"),
        "accepted": delta(acc["accepted"], old["accepted"], "message"),
        "rate_limited": delta(acc["rate_limited"], old["rate_limited"], "message"),
        "busiest_second": acc["busiest_second"].get("message", 0),
        "recipients": len(acc["per_recipient"]),
        "new_recipients": len(acc["per_recipient"]) - len(old["per_recipient"]),
        "messaged_twice": len(acc["messaged_twice"]),
        "keys_seen_twice": acc["keys_seen_twice"],
        "redis_limiter_calls": limiter,
        "redis_checkpoint_transactions": calls.get("exec", 0),
        "redis_setup_commands": setup,
        "pacer_round_trips": sum(r["pacer_round_trips"] for r in done),
        "cpu_us_per_send": 1e6 * cpu / sends if sends else None,
    }


SETUP_COMMANDS = {"script", "subscribe", "client", "hello", "ping", "select", "info", "config"}
"""Commands a client sends once per connection or job (not per send); CONFIG/INFO are ours."""


def phase(b: Bench, ws: list[Worker], **events: Any) -> dict[str, Any]:
    before = b.snapshot()
    go = run_workers(ws, b.redis, **events)
    return tally(ws, go, before, b.snapshot())


def throughput(b: Bench, name: str, workers: int, pacing: str, rate: float) -> dict[str, Any]:
    """One job of ``count`` items over ``workers`` processes, each paced as said."""
    b.fake.admin("reset", "POST")
    ws = b.fleet(name, workers, pacing=pacing, rate=rate)
    return {"name": name, "pacing": pacing, "rate": rate, **phase(b, ws)}


def with_a_pause(b: Bench, count: int) -> dict[str, Any]:
    """4 workers under the shared limit; one 429 (Retry-After 1 s) injected a third in."""
    b.fake.admin("reset", "POST")
    ws = b.fleet("pause", 4, count=count)
    at = count / b.rate / 3
    result = phase(b, ws, fault=(at, INJECTED_429, b.fake))
    return {"name": "pause", "count": count, "injected_at": at, **result}


def sigkill(b: Bench) -> dict[str, Any]:
    """4 workers with a RedisCheckpoint; worker 0 is killed 40 % in, then its slice re-run."""
    b.fake.admin("reset", "POST")
    settings: dict[str, Any] = {"checkpoint": "kill"}
    at = 0.4 * b.count / b.rate
    first = phase(b, b.fleet("kill", 4, **settings), kill_after=at)
    again = phase(b, [b.worker("kill", 0, 4, **settings)])
    return {"name": "sigkill", "killed_at": at, "first": first, "rerun": again}


def half_done(b: Bench, count: int) -> dict[str, Any]:
    """Two jobs stopped half-way (the first half sent); each re-run in full, one with a
    checkpoint and one with keys only. Different people per job, so duplicates show."""
    b.fake.admin("reset", "POST")
    ckpt: dict[str, Any] = {"checkpoint": "half-ckpt", "count": count, "account": "half"}
    keys: dict[str, Any] = {"count": count, "account": "half", "offset": count}
    start = phase(
        b,
        [
            b.worker("half-ckpt", upto=count // 2, **ckpt),
            b.worker("half-keys", upto=count // 2, **keys),
        ],
    )
    without = phase(b, [b.worker("half-keys", **keys)])
    with_ckpt = phase(b, [b.worker("half-ckpt", **ckpt)])
    return {"name": "half-done", "count": count, "first_half": start, "keys_only": without,
            "checkpoint": with_ckpt}  # fmt: skip


# -- the report ----------------------------------------------------------------------------
def machine(args: argparse.Namespace) -> dict[str, Any]:
    cpu = _report.cpu_model()
    server = shutil.which("redis-server") or "redis-server"
    version = subprocess.run([server, "--version"], capture_output=True, text=True).stdout
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=HERE
    ).stdout.strip()
    return {
        "date": datetime.datetime.now().isoformat(timespec="seconds"),
        "cpu": f"{cpu}, {os.cpu_count()} cores",
        "python": platform.python_version(),
        "redis": version.split()[2] if len(version.split()) > 2 else version.strip(),
        "commit": commit,
        "load_start": os.getloadavg(),
        "settings": vars(args),
    }


def per(value: float, of: float) -> str:
    return f"{value / of:.2f}" if of else "-"


def row(r: dict[str, Any], label: str, rate: float, count: int) -> str:
    sends_s = r["sends"] / r["wall"] if r["wall"] > 0 else 0.0
    cpu = r["cpu_us_per_send"]
    return (
        f"| {label} | {r['sends']} | {r['wall']:.1f} | {sends_s:.1f} | {sends_s / rate:.2f} | "
        f"{r['busiest_second']} | {r['rate_limited']} | {per(r['http_requests'], r['sends'])} | "
        f"{per(r['redis_limiter_calls'], r['sends'])} | {r['messaged_twice']} | "
        f"{'-' if cpu is None else f'{cpu:.0f}'} |"
    )


TABLE = (
    "| scenario | sends | s | sends/s | / L | busiest 1 s | 429s | HTTP req / send | "
    "Redis limiter calls / send | messaged twice | CPU µs / send |\n"
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
)


def verdict(ok: bool) -> str:
    return "met" if ok else "**NOT met**"


def render(meta: dict[str, Any], res: dict[str, Any]) -> str:
    a, rate, count = meta["settings"], meta["settings"]["rate"], meta["settings"]["count"]
    lines = [
        f"{HEADING} (`make bench-fleet`)",
        "",
        f"- date: {meta['date']}; {meta['minutes']:.1f} min; cpu: {meta['cpu']}; "
        f"python {meta['python']}; redis-server {meta['redis']}; git {meta['commit']}",
        f"- load average (1 min) at start {meta['load_start'][0]:.2f}, at end "
        f"{meta['load_end'][0]:.2f} (the machine is shared: absolute times are noisy)",
        f"- FakeSent standalone: `--rate-limit {rate:g}/s --burst {a['burst']} --latency "
        f"{a['latency_ms']:g}ms` (L = {rate:g}/s); {count} sends per job; each worker process "
        f"runs `bulk.run(concurrency={a['concurrency']})` with the default RetryPolicy",
        "",
        TABLE,
    ]
    labels = {
        "solo": "1 process, RedisRateLimit(L)",
        "shared": "4 processes, one RedisRateLimit(L)",
        "quarter": "4 processes, local RateLimit(L/4) each",
        "full": "4 processes, local RateLimit(L) each",
    }
    for key, label in labels.items():
        lines.append(row(res[key], label, rate, count))
    pause = res["pause"]
    lines.append(row(pause, f"4 processes, one RedisRateLimit(L), one 429 injected "
                     f"({pause['count']} sends)", rate, pause["count"]))  # fmt: skip
    lines += ["", *targets(res, rate), "", *kill_section(res["sigkill"], count)]
    lines += ["", *half_section(res["half"], rate), "", *HOW]
    return "\n".join(lines) + "\n"


def shared_phases(res: dict[str, Any]) -> list[dict[str, Any]]:
    """Every phase run under the shared limit."""
    kill, half = res["sigkill"], res["half"]
    return [res["solo"], res["shared"], res["pause"], kill["first"], kill["rerun"],
            half["first_half"], half["keys_only"], half["checkpoint"]]  # fmt: skip


def trips(phases: list[dict[str, Any]]) -> tuple[float, int]:
    """Limiter calls per call FakeSent let through, over ``phases``, and how many phases."""
    sends = sum(p["accepted"] for p in phases)
    calls = sum(p["redis_limiter_calls"] for p in phases)
    return (calls / sends if sends else 0.0), len(phases)


def targets(res: dict[str, Any], rate: float) -> list[str]:
    shared, kill = res["shared"], res["sigkill"]["rerun"]
    agg = shared["sends"] / shared["wall"] / rate
    phases = shared_phases(res)
    # A killed worker's unused reservations are the kill's cost, not the limiter's.
    calm = [p for p in phases if p["finished"] == p["workers"]]
    quiet, n_quiet = trips([p for p in calm if p["pauses"] == 0 and p["rate_limited"] == 0])
    paused, n_paused = trips([p for p in phases if p["pauses"] > 0])
    storm = sum(res[k]["rate_limited"] for k in ("solo", "shared"))
    return [
        "| target (issue 14) | figure | verdict |",
        "|---|---|---|",
        f"| 4 processes under one limit: aggregate ≥ 0.9 L | {agg:.2f} L | {verdict(agg >= 0.9)} |",
        f"| no 429 under the shared limit (1 and 4 processes) | {storm} | {verdict(storm == 0)} |",
        f"| Redis round trips per send: 1 when no pause is in force | {quiet:.3f} "
        f"({n_quiet} run(s) without a pause or a kill) | {verdict(n_quiet > 0 and quiet <= 1.0)} |",
        f"| ... and ≤ 2 with a pause | {paused:.3f} ({n_paused} run(s) with one or more) "
        f"| {verdict(n_paused > 0 and paused <= 2.0)} |",
        f"| 0 recipients messaged twice after a SIGKILL and a re-run | {kill['messaged_twice']} "
        f"| {verdict(kill['messaged_twice'] == 0)} |",
    ]


def kill_section(k: dict[str, Any], count: int) -> list[str]:
    first, again = k["first"], k["rerun"]
    ckpt = first["redis_checkpoint_transactions"] / max(1, first["accepted"])
    limiter = per(first["redis_limiter_calls"], first["accepted"])
    return [
        "**SIGKILL mid-job.** 4 processes, one RedisRateLimit(L) and one RedisCheckpoint; "
        f"worker 0 killed with SIGKILL {k['killed_at']:.1f} s in, then its slice run again "
        "(same job_id, so the same keys and checkpoint):",
        "",
        f"- first run: {first['sends']} sends by the {first['finished']} survivors in "
        f"{first['wall']:.1f} s, {first['rate_limited']} 429s",
        f"- re-run of worker 0's slice: {again['already_done']} items skipped by the "
        f"checkpoint without a request, {again['sends']} sent in {again['wall']:.1f} s with "
        f"{again['http_requests']} HTTP requests; {again['keys_seen_twice']} key(s) reached "
        "FakeSent twice (calls in flight at the kill: Sent replays them)",
        f"- recipients messaged: {again['recipients']} of {count}; **messaged twice: "
        f"{again['messaged_twice']}**",
        f"- Redis per send with a checkpoint, first run: {limiter} limiter calls and "
        f"{ckpt:.2f} checkpoint transactions (`begin` and `done`, one MULTI/EXEC each); above "
        "1 and 2 by worker 0's reservations and `begin`s that died with it",
    ]


def half_section(h: dict[str, Any], rate: float) -> list[str]:
    keys, ckpt, n = h["keys_only"], h["checkpoint"], h["count"]
    lines = [
        f"**A half-done job.** Two jobs of {n} sends each stopped after the first {n // 2} "
        "were accepted; each re-run in full by one process under RedisRateLimit(L):",
        "",
        "| re-run | s | HTTP requests | new messages | skipped, no request | messaged twice |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for label, r in (
        ("keys only (Sent replays the done half)", keys),
        ("with a RedisCheckpoint", ckpt),
    ):
        lines.append(
            f"| {label} | {r['wall']:.1f} | {r['http_requests']} | {r['new_recipients']} | "
            f"{r['already_done']} | {r['messaged_twice']} |"
        )
    ideal = n / 2 / rate
    lines += [
        "",
        f"With the checkpoint the re-run took {per(ckpt['wall'], keys['wall'])}x the time of "
        f"the keys-only re-run (ideal: 0.5; the remaining half alone is {ideal:.1f} s at L).",
    ]
    return lines


HOW = [
    "How it is counted: sends are the calls Sent (FakeSent) accepted; 429s, HTTP requests, "
    "the busiest 1-s window and messages per recipient come from FakeSent's account counters "
    "(`GET /__fake/account`). Redis round trips come from Redis itself: `CONFIG RESETSTAT` at "
    "the start signal, then `INFO commandstats`; the limiter makes one EVALSHA per call "
    "(commands its Lua script runs inside Redis are not round trips), a checkpoint "
    "one MULTI/EXEC per `begin` and per `done`; script loads, SUBSCRIBE and connection set-up "
    "(once per job) are left out. The pacers' own `round_trips` counters (which include that "
    "set-up) are in bench/.work/fleet.json. CPU is the workers' process time per send.",
]


def write_section(path: Path, section: str) -> None:
    """Put ``section`` in place of the file's Fleet section (or at its end); keep the rest."""
    text = path.read_text() if path.exists() else "# `make bench` results\n"
    lines = text.splitlines(keepends=True)
    start = next((i for i, ln in enumerate(lines) if ln.startswith(HEADING)), None)
    if start is None:
        path.write_text(text.rstrip("\n") + "\n\n" + section)
        return
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
    rest = "".join(lines[end:])
    path.write_text("".join(lines[:start]) + section + ("\n" + rest if rest else ""))


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=float, default=100.0, help="L, sends/s (100)")
    parser.add_argument("--count", type=int, default=1000, help="sends per job (1000)")
    parser.add_argument("--burst", type=int, default=25, help="FakeSent's burst (25)")
    parser.add_argument("--latency-ms", type=float, default=20.0, help="FakeSent's latency")
    parser.add_argument("--concurrency", type=int, default=16, help="per worker process")
    parser.add_argument("--pause-count", type=int, default=500, help="sends, pause scenario")
    parser.add_argument("--half-count", type=int, default=1000, help="sends, half-done jobs")
    parser.add_argument("--out", default=str(RESULTS), help="results file ('-': none)")
    return parser.parse_args()


def run_all(b: Bench, args: argparse.Namespace) -> dict[str, Any]:
    rate, res = args.rate, dict[str, Any]()
    steps: list[tuple[str, Callable[[], dict[str, Any]]]] = [
        ("solo", lambda: throughput(b, "solo", 1, "shared", rate)),
        ("shared", lambda: throughput(b, "shared", 4, "shared", rate)),
        ("quarter", lambda: throughput(b, "quarter", 4, "local", rate / 4)),
        ("full", lambda: throughput(b, "full", 4, "local", rate)),
        ("pause", lambda: with_a_pause(b, args.pause_count)),
        ("sigkill", lambda: sigkill(b)),
        ("half", lambda: half_done(b, args.half_count)),
    ]
    for name, step in steps:
        started = time.monotonic()
        res[name] = step()
        print(f"{name}: {time.monotonic() - started:.1f} s {json.dumps(res[name])}", flush=True)
    return res


def main() -> None:
    args = parse_args()
    meta = machine(args)
    started = time.monotonic()
    WORK.mkdir(exist_ok=True)
    with redis_server() as sock, Fake.start(args.rate, args.burst, args.latency_ms) as fake:
        bench = Bench(fake, Redis.at(sock), sock, args.rate, args.count, args.concurrency)
        results = run_all(bench, args)
    meta["minutes"] = (time.monotonic() - started) / 60
    meta["load_end"] = os.getloadavg()
    (WORK / "fleet.json").write_text(json.dumps({"meta": meta, "results": results}, indent=1))
    section = render(meta, results)
    print(section)
    if args.out != "-":
        write_section(Path(args.out), section)
        print(f"written to {args.out} (raw figures in bench/.work/fleet.json)")


if __name__ == "__main__":
    main()
