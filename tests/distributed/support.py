"""Helpers for the distributed tests: a real redis-server, a counting Sent stand-in, checks.

Fixtures live in conftest.py; tests import these. ``RedisServer`` starts Debian's
``redis-server`` on a unix socket in a temporary directory (no TCP port, nothing saved) and
stops it by its PID. ``Counter`` is a small aiohttp server answering POST /v3/messages like
Sent, recording when each request arrived (monotonic clock) and answering 429 or 400 when
told to.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
from aiohttp import web

PHONE = "+14155550123"
WORKER = Path(__file__).with_name("worker.py")


def redis_binary() -> str:
    """The redis-server binary, or skip (``make`` installs it with apt-get)."""
    path = shutil.which("redis-server")
    if path is None:
        pytest.skip("redis-server is not installed (make redis-server / apt-get install it)")
    return path


@attrs.define
class RedisServer:
    """One redis-server process on a unix socket; ``url`` reaches it."""

    directory: Path
    process: subprocess.Popen[bytes] | None = None

    @property
    def socket(self) -> Path:
        return self.directory / "redis.sock"

    @property
    def url(self) -> str:
        return f"unix://{self.socket}"

    def start(self) -> None:
        args = [redis_binary(), "--port", "0", "--unixsocket", str(self.socket)]
        args += ["--unixsocketperm", "700", "--save", "", "--appendonly", "no"]
        args += ["--dir", str(self.directory)]
        self.process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        give_up = time.monotonic() + 10
        while not self.socket.exists():
            if self.process.poll() is not None or time.monotonic() > give_up:
                raise RuntimeError("redis-server did not start")
            time.sleep(0.01)

    def kill(self) -> None:
        """SIGKILL, as a crash would: no goodbye to the clients."""
        if self.process is not None and self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGKILL)
            self.process.wait(5)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                self.kill()
        with contextlib.suppress(FileNotFoundError):
            self.socket.unlink()


def envelope(data: Any) -> dict[str, Any]:
    return {"success": True, "data": data, "error": None, "meta": {"request_id": "req_ok"}}


def error_envelope(code: str) -> dict[str, Any]:
    error = {"code": code, "message": "failed", "details": None, "doc_url": None}
    return {"success": False, "data": None, "error": error, "meta": {"request_id": "req_err"}}


@attrs.define
class Counter:
    """POST /v3/messages answered like Sent; ``times`` holds each arrival (time.monotonic()).

    ``answer_429_at``: the n-th request (1-based) gets 429 with Retry-After ``retry_after`` s;
    ``reject``: keys answered 400 (not accepted, so not checkpointed). Keys starting with
    "warm-" (a worker opening its connection) are answered and not counted.
    """

    answer_429_at: int | None = None
    retry_after: float = 1.0
    reject: set[str] = attrs.Factory(set)
    times: list[float] = attrs.Factory(list)
    keys: list[str | None] = attrs.Factory(list)
    rate_limited_at: float | None = None
    base_url: str = ""

    async def send(self, request: web.Request) -> web.Response:
        await request.read()
        now = time.monotonic()
        key = request.headers.get("idempotency-key")
        if key is not None and key.startswith("warm-"):  # a worker opening its connection
            return web.json_response(envelope({"status": "queued", "recipients": []}))
        self.times.append(now)
        self.keys.append(key)
        if self.answer_429_at is not None and len(self.times) == self.answer_429_at:
            self.rate_limited_at = now
            headers = {"retry-after": f"{self.retry_after:g}"}
            return web.json_response(error_envelope("BUSINESS_002"), status=429, headers=headers)
        if key in self.reject:
            return web.json_response(error_envelope("VALIDATION_001"), status=400)
        return web.json_response(envelope({"status": "queued", "recipients": []}))


@contextlib.asynccontextmanager
async def serve(counter: Counter) -> AsyncIterator[Counter]:
    app = web.Application()
    app.router.add_post("/v3/messages", counter.send)
    runner = web.AppRunner(app, access_log=None, shutdown_timeout=0.1, handle_signals=False)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    counter.base_url = f"http://127.0.0.1:{port}"
    try:
        yield counter
    finally:
        await runner.cleanup()


def busiest_second(times: list[float]) -> int:
    """The most requests that arrived within any 1-second window."""
    ordered = sorted(times)
    best, lo = 0, 0
    for hi, t in enumerate(ordered):
        while ordered[lo] <= t - 1.0:
            lo += 1
        best = max(best, hi - lo + 1)
    return best


def mean_rate(times: list[float]) -> float:
    """Requests per second from the first to the last arrival."""
    ordered = sorted(times)
    return (len(ordered) - 1) / (ordered[-1] - ordered[0])


@contextlib.contextmanager
def serve_in_thread(counter: Counter) -> Iterator[Counter]:
    """``serve`` on an event loop of its own, in a thread (for tests of the sync facade)."""
    import asyncio
    import threading

    ready = threading.Event()
    stop: list[Any] = []

    async def run() -> None:
        async with serve(counter):
            done = asyncio.Event()
            stop.append((asyncio.get_running_loop(), done))
            ready.set()
            await done.wait()

    thread = threading.Thread(target=asyncio.run, args=(run(),), daemon=True)
    thread.start()
    ready.wait(10)
    try:
        yield counter
    finally:
        loop, done = stop[0]
        loop.call_soon_threadsafe(done.set)
        thread.join(10)


class StandaloneFakeSent:
    """``python -m sent_async.testing`` as a subprocess: one fake account for many processes.

    ``account()`` reads its counts over the admin API (``GET /__fake/account``): what every
    worker sent, in sum. Stop it with ``stop()`` (SIGTERM).
    """

    def __init__(self, *args: str) -> None:
        command = [sys.executable, "-m", "sent_async.testing", "--port", "0", *args]
        self.process = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
        )
        assert self.process.stdout is not None
        self.base_url = self.process.stdout.readline().strip()
        self.api_key = self.process.stdout.readline().strip().removeprefix("api key: ")
        if not self.base_url.startswith("http://"):
            self.stop()
            raise RuntimeError("FakeSent did not start")

    def account(self) -> dict[str, Any]:
        import json
        import urllib.request

        url = self.base_url + "/__fake/account"
        with urllib.request.urlopen(url, timeout=10) as answer:  # noqa: S310 - 127.0.0.1
            data: dict[str, Any] = json.loads(answer.read())
        return data

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
        if self.process.stdout is not None:
            self.process.stdout.close()


def children(pid: int) -> list[int]:
    """The PIDs of ``pid``'s child processes (read from /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue  # the process ended meanwhile
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found
