"""One job split across worker processes (or machines): keys that survive any re-split.

    python bulk_workers.py --worker 0 --workers 4     # on each of 4 machines, 0..3

Run without arguments, it plays the whole story offline: FakeSent stands in for Sent, two
worker processes send the job, then three workers run it again, and nothing is sent twice.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import os
import subprocess
import sys
from collections.abc import Iterable, Iterator
from typing import Any

from sent_async import AsyncSent
from sent_async.testing import FakeSent

JOB_ID = "newsletter-2026-11"
SENT_PER_MINUTE = 300  # the account's message rate (Sent's Growth plan), shared by all workers


def load_rows() -> list[dict[str, str]]:
    """The job's input: the same rows on every worker (a query, a file in shared storage)."""
    return [{"id": f"cust-{n}", "phone": f"+1415555{n:04d}"} for n in range(12)]


# --8<-- [start:split]
def my_share(rows: Iterable[dict[str, str]], worker: int, workers: int) -> Iterator[dict[str, str]]:
    """The rows this worker owns: a stable hash of each row's id, so all workers agree."""
    for row in rows:
        digest = hashlib.sha256(row["id"].encode()).digest()
        if int.from_bytes(digest[:8], "big") % workers == worker:
            yield row


def row_key(row: dict[str, str], index: int) -> str:
    """The Idempotency-Key comes from the row, not its position: any split gives the same."""
    return f"{JOB_ID}-{row['id']}"


async def send_newsletter(sent: AsyncSent, row: dict[str, str], key: str) -> Any:
    return await sent.messages.send(to=[row["phone"]], text="November news", idempotency_key=key)


async def run_worker(worker: int, workers: int) -> None:
    async with AsyncSent() as sent:  # SENT_DM_API_KEY and SENT_BASE_URL from the environment
        report = await sent.bulk.run(
            my_share(load_rows(), worker, workers),
            send_newsletter,
            job_id=JOB_ID,  # names the job in its report
            key=row_key,
            rate_limit=SENT_PER_MINUTE / workers,  # each worker's part of the account's limit
            concurrency=8,
        )
    print(report.summary(), file=sys.stderr)
    for result in report.results:  # for the demo: the message ids, one JSON line each
        if result.ok and result.value is not None:
            print(json.dumps(result.value.recipients[0].message_id))
    sys.exit(0 if report.ok else 1)  # a failed worker is simply run again
    # --8<-- [end:split]


def run_all(server: FakeSent, workers: int) -> set[str]:
    """Start ``workers`` processes on this machine and collect the message ids they got."""
    env = {**os.environ, "SENT_DM_API_KEY": server.api_key, "SENT_BASE_URL": server.base_url}
    procs = [
        subprocess.Popen(  # noqa: S603 (our own interpreter and file)
            [sys.executable, __file__, "--worker", str(n), "--workers", str(workers)],
            env=env,
            stdout=subprocess.PIPE,
            text=True,
        )
        for n in range(workers)
    ]
    ids: set[str] = set()
    for proc in procs:
        out, _ = proc.communicate(timeout=60)
        assert proc.returncode == 0, f"a worker failed: {out}"
        ids.update(json.loads(line) for line in out.splitlines())
    return ids


def demo() -> None:
    with FakeSent() as server:
        first = run_all(server, workers=2)
        again = run_all(server, workers=3)  # a re-run, split differently
    assert len(first) == len(load_rows())
    assert again == first  # every answer replayed: nobody got the newsletter twice
    print(f"{len(first)} messages sent by 2 workers; 3 workers re-ran the job: 0 new")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--worker", type=int)
    parser.add_argument("--workers", type=int)
    args = parser.parse_args()
    if args.worker is None:
        demo()
    else:
        asyncio.run(run_worker(args.worker, args.workers))
