"""Batch jobs from sync code: the same engine, your function runs in worker threads."""

from __future__ import annotations

from typing import Any

import sent_sync
from sent_sync.testing import FakeSent


# --8<-- [start:sync]
def welcome(sent: sent_sync.Sent, phone: str, key: str) -> Any:
    return sent.messages.send(to=[phone], text="Welcome aboard", idempotency_key=key)


def main() -> None:
    with FakeSent() as server, sent_sync.Sent(server.api_key, base_url=server.base_url) as sent:
        phones = [f"+1415555{n:04d}" for n in range(20)]
        report = sent.bulk.run(phones, welcome, job_id="welcome-2026-11-25", concurrency=4)
        print(report.summary())


# --8<-- [end:sync]


if __name__ == "__main__":
    main()
