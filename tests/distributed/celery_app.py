"""The Celery app of the Celery tests' workers: ``celery -A tests.distributed.celery_app worker``.

Configured from the environment the test sets: SENT_TEST_BROKER (the Redis broker URL),
SENT_TEST_REDIS (limit, checkpoint and tally), SENT_TEST_BASE_URL and SENT_TEST_API_KEY
(the standalone FakeSent), SENT_TEST_ACCOUNT, SENT_TEST_RATE (calls/s), SENT_TEST_QUEUE,
SENT_TEST_VISIBILITY and SENT_TEST_TIME_BOX (seconds).
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from celery import Celery

from sent_async import AsyncSent, OutagePolicy, RetryPolicy, Timeout
from sent_async.contrib.celery import SendTask, make_send_task


def build(env: Mapping[str, str]) -> tuple[Celery, SendTask]:
    """The app and its send task, as configured by ``env`` (the test's producer builds one too)."""
    app = Celery("sent-test", broker=env["SENT_TEST_BROKER"])
    app.conf.update(
        task_default_queue=env["SENT_TEST_QUEUE"],
        worker_prefetch_multiplier=1,
        broker_transport_options={
            "visibility_timeout": float(env["SENT_TEST_VISIBILITY"]),
            # sweep for abandoned tasks every second, not every 100 s (kombu's redis transport)
            "unacked_restore_interval": 1,
            "unacked_restore_throttle": 1,
        },
        broker_connection_retry_on_startup=True,
    )

    def client() -> AsyncSent:
        """Each worker process's client: short timeouts, so a shard ends soon after its box."""
        return AsyncSent(
            env["SENT_TEST_API_KEY"],
            base_url=env["SENT_TEST_BASE_URL"],
            timeout=Timeout(connect=0.5, read=1.0, attempt=1.0, deadline=1.5),
            retry=RetryPolicy(initial_delay=0.05, max_delay=0.2),
        )

    send = make_send_task(
        app,
        client_factory=client,
        redis_url=env["SENT_TEST_REDIS"],
        account=env["SENT_TEST_ACCOUNT"],
        per_second=float(env["SENT_TEST_RATE"]),
        time_box=float(env["SENT_TEST_TIME_BOX"]),
        margin=2.0,  # the client's deadline (1.5 s) + the outage policy's max_delay (0.2 s)
        concurrency=8,
        outage=OutagePolicy(initial_delay=0.1, max_delay=0.2),
    )
    return app, send


if "SENT_TEST_BROKER" in os.environ:  # in a worker started by the tests
    app, send = build(os.environ)
