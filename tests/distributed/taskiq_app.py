"""The app whose workers tests/distributed/test_taskiq.py runs (``taskiq worker ...:broker``).

Configured from the environment, which tests/distributed/test_taskiq.py sets (SENT_TQ_*):
Redis and the queue, FakeSent's URL and key, the shared limit (account label, rate), the time
box and its margin, the calls in flight per shard and the broker's idle timeout. Each worker
process creates a file named after its pid in SENT_TQ_PIDS when it starts, and its client sends
that pid as ``x-worker-pid``, so a test can tell which process sent what and kill a sender.
"""

from __future__ import annotations

import os
from pathlib import Path

from taskiq import TaskiqEvents

from sent_async import AsyncSent
from sent_async.contrib.taskiq import make_send_task, stream_broker

ENV = os.environ
TIME_BOX = float(ENV["SENT_TQ_TIME_BOX"])
MARGIN = float(ENV["SENT_TQ_MARGIN"])

broker = stream_broker(
    ENV["SENT_TQ_REDIS"],
    time_box=TIME_BOX,
    margin=MARGIN,
    queue_name=ENV["SENT_TQ_QUEUE"],
    idle_timeout=int(ENV["SENT_TQ_IDLE_MS"]),
)


def client() -> AsyncSent:
    return AsyncSent(
        ENV["SENT_TQ_API_KEY"],
        base_url=ENV["SENT_TQ_BASE_URL"],
        default_headers={"x-worker-pid": str(os.getpid())},
    )


send = make_send_task(
    broker,
    client_factory=client,
    redis_url=ENV["SENT_TQ_REDIS"],
    account=ENV["SENT_TQ_ACCOUNT"],
    per_second=float(ENV["SENT_TQ_RATE"]),
    time_box=TIME_BOX,
    margin=MARGIN,
    concurrency=int(ENV["SENT_TQ_CONCURRENCY"]),
)


@broker.on_event(TaskiqEvents.WORKER_STARTUP)
async def announce(_: object) -> None:
    Path(ENV["SENT_TQ_PIDS"], str(os.getpid())).touch()
