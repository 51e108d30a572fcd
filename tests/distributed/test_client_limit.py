"""AsyncSent(rate_limit=RedisRateLimit): replicas of a service share the account's limit on
every call, without any bulk API, against a FakeSent that enforces the limit itself."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import anyio
import attrs
import pytest

from sent_async import RateLimit, RateLimitError
from sent_async.distributed import RedisRateLimit
from sent_async.testing import FAST_RETRY, FakeSent

from .support import PHONE, RedisServer
from .test_ratelimit import account

pytestmark = pytest.mark.anyio
CLIENT_WORKER = Path(__file__).with_name("client_worker.py")
NO_RETRY = attrs.evolve(FAST_RETRY, max_retries=0)


async def run_client_workers(server: FakeSent, url: str, rate: int, n: int, count: int) -> Any:
    """``count`` processes sending ``n`` messages each, started together; their JSON reports."""
    acct = account()
    args = [sys.executable, str(CLIENT_WORKER), server.base_url, server.api_key, url, acct]
    workers: list[Any] = [
        subprocess.Popen(
            [*args, str(rate), str(n), f"w{i}"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for i in range(count)
    ]
    try:
        for w in workers:
            assert (await anyio.to_thread.run_sync(w.stdout.readline)).strip() == "ready"
        for w in workers:
            w.stdin.write("go\n")
            w.stdin.flush()
        outs = [await anyio.to_thread.run_sync(w.communicate, None, 30) for w in workers]
    finally:
        for w in workers:
            if w.poll() is None:
                w.kill()
                w.wait()
    assert all(w.returncode == 0 for w in workers)
    return [json.loads(out.strip().splitlines()[-1]) for out, _ in outs]


async def test_replicas_share_the_account_limit_with_zero_429s(redis_server: RedisServer):
    """Three processes of plain sends under one RedisRateLimit(L) against FakeSent(L)."""
    # The server's burst absorbs a worker descheduled between its slot and its request
    # (2 shared cores): 9 intervals of slack, as Sent's own burst would.
    rate, burst, n, count = 20, 10, 30, 3
    async with FakeSent(rate_limit=RateLimit(per_second=rate, burst=burst)) as server:
        reports = await run_client_workers(server, redis_server.url, rate, n, count)
        stats = server.stats
    assert sum(r["rate_limited"] for r in reports) == 0, stats
    assert sum(r["succeeded"] for r in reports) == n * count
    assert stats.rate_limited["message"] == 0
    assert stats.max_in_window("message") <= rate + burst
    times = stats.accepted["message"]
    assert (len(times) - 1) / (times[-1] - times[0]) > 0.7 * rate  # the fleet used the budget
    assert stats.messaged_twice() == [PHONE]  # one number for all: counted per message


async def test_a_429_one_replica_sees_pauses_the_others(redis_server: RedisServer):
    """Replica A's call gets 429 (Retry-After 2); replica B's next send waits for the pause."""
    acct = account()
    async with FakeSent() as server:
        limit = RedisRateLimit(redis_server.url, account=acct, per_second=50)
        async with (
            server.client(retry=NO_RETRY, rate_limit=limit) as a,
            server.client(retry=NO_RETRY, rate_limit=limit) as b,
        ):
            await b.messages.send(to=PHONE, text="b subscribes")
            server.fail_next(429, "BUSINESS_002", headers={"Retry-After": "2"}, path="/v3/messages")
            with pytest.raises(RateLimitError):
                await a.messages.send(to=PHONE, text="a is rate limited")
            started = anyio.current_time()
            await b.me.get()  # another tier: not paused
            assert anyio.current_time() - started < 1.0
            await b.messages.send(to=PHONE, text="b waits for the fleet's pause")
            assert 1.5 < anyio.current_time() - started < 3.5
