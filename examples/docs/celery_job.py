"""A bulk job on Celery: time-boxed shards under one shared limit (``sent-sdk[celery]``).

In production, the ``tasks`` section is your tasks module (``celery -A tasks worker``) and a
producer calls ``enqueue``. Run as a script, the tasks run eagerly in this process
(``task_always_eager``) against FakeSent and a throw-away redis-server (Debian's package);
without redis-server installed it says so and stops.
"""

from __future__ import annotations

from typing import Any

from _redis_server import redis_socket  # a throw-away redis-server
from celery import Celery

from sent_async import AsyncSent
from sent_async.contrib.celery import SendTask, enqueue, job_report, make_send_task
from sent_async.testing import FakeSent

ROWS = [{"to": f"+1415555{n:04d}", "text": "We are closed on Friday"} for n in range(8)]


def tasks(broker_url: str, redis_url: str, fake: FakeSent) -> tuple[Celery, SendTask]:
    # --8<-- [start:tasks]
    app = Celery("campaigns", broker=broker_url)  # e.g. "redis://redis.internal:6379/0"
    app.conf.worker_prefetch_multiplier = 1  # a worker process holds one shard at a time
    app.conf.broker_transport_options = {"visibility_timeout": 3600}  # > time_box + margin

    def client() -> AsyncSent:  # called once in each worker process, after the fork
        return AsyncSent(fake.api_key, base_url=fake.base_url)  # in production: your key

    send = make_send_task(
        app,
        client_factory=client,
        redis_url=redis_url,  # the shared limit, the checkpoints and the job's tally
        account="acme-prod",  # a label for the Sent account: never the API key itself
        per_minute=300,  # the account's whole limit, shared by every worker process
        time_box=120,  # a shard stops starting items after 120 s; the rest is re-enqueued
    )
    # --8<-- [end:tasks]
    return app, send


def produce(send: SendTask, rows: list[dict[str, Any]]) -> None:
    # --8<-- [start:enqueue]
    job = enqueue(send, rows, job_id="closure-2026-11-29", size=500)
    print(f"{job.items} items in {job.shards} shards")
    # ... later, from anywhere that reaches the Redis:
    print(job_report(send, "closure-2026-11-29"))
    # {'total': 8, 'done': 8, 'failed': 0, 'interrupted': 0, 'skipped': 0, 'pending': 0, ...}
    # --8<-- [end:enqueue]


def main() -> None:
    with redis_socket() as sock:
        if sock is None:
            return
        with FakeSent() as fake:
            app, send = tasks(f"redis+socket://{sock}", f"unix://{sock}", fake)
            app.conf.task_always_eager = True  # run in this process: no worker here
            produce(send, ROWS)
            assert fake.stats.messaged_twice() == []
            send.close()  # what each worker process does at its end


if __name__ == "__main__":
    main()
