"""Batch jobs: many calls, bounded and paced, with a report; a re-run never sends twice."""

from __future__ import annotations

import asyncio
from typing import Any

from sent_async import AsyncSent, BulkReport, OutagePolicy, SentError
from sent_async.testing import FakeSent

# --8<-- [start:input]
APPOINTMENTS = [
    {"id": f"apt-{n}", "phone": f"+1415555{n:04d}", "time": f"{9 + n % 8}:00"} for n in range(12)
]
APPOINTMENTS[7]["phone"] = "555-0107"  # one bad row, to show the failure report
# --8<-- [end:input]


# --8<-- [start:run]
async def remind(sent: AsyncSent, appointment: dict[str, Any], key: str) -> Any:
    """One item's work: any SDK call. Pass the key on, so a re-run is deduplicated."""
    return await sent.messages.send(
        to=[appointment["phone"]],
        text=f"Reminder: your appointment is at {appointment['time']}",
        idempotency_key=key,
    )


async def send_reminders(sent: AsyncSent) -> BulkReport[Any]:
    report = await sent.bulk.run(
        APPOINTMENTS,  # any iterable or async iterable, read lazily
        remind,
        job_id="reminders-2026-11-25",  # keys "reminders-2026-11-25-0", "-1", ...
        concurrency=16,  # calls in flight at once
        rate_limit=300,  # calls per minute (or RateLimit(per_second=...))
    )
    print(report.summary())
    for failure in report.failures:
        print(f"  item {failure.index}: {failure.error} {failure.code or ''} {failure.message}")
    # --8<-- [end:run]

    # --8<-- [start:raise]
    try:
        report.raise_for_failures()  # BulkError unless every item succeeded
    except SentError as exc:
        print(f"{type(exc).__name__}: {len(report.failures)} failure(s)")
    # --8<-- [end:raise]
    return report


async def rerun(sent: AsyncSent, first: BulkReport[Any]) -> None:
    # --8<-- [start:rerun]
    # The job crashed, or you are not sure how far it got: run it again, same job_id.
    again = await sent.bulk.run(APPOINTMENTS, remind, job_id="reminders-2026-11-25")
    pairs = zip(first.results, again.results, strict=True)  # both in input order
    same = sum(a.value == b.value for a, b in pairs if a.ok)
    print(f"re-run: {same} answers replayed by Sent, so no reminder went out twice")
    # --8<-- [end:rerun]


async def progress(sent: AsyncSent) -> None:
    # --8<-- [start:progress]
    def show(p: Any) -> None:  # a ProgressSnapshot, at most every progress_interval seconds
        eta = f"{p.eta:.0f} s" if p.eta is not None else "?"
        print(f"{p.done}/{p.total} done, {p.failed} failed, {p.rate:.0f}/s, eta {eta}")

    await sent.bulk.send_messages(  # the shortcut for messages.send per phone number
        [a["phone"] for a in APPOINTMENTS[8:]],
        text="Our office is closed on Friday",
        job_id="closure-2026-11-28",
        on_progress=show,  # or progress_bar=True, with the [progress] extra (tqdm)
    )
    # --8<-- [end:progress]


async def streaming(sent: AsyncSent) -> None:
    # --8<-- [start:stream]
    results = sent.bulk.stream(APPOINTMENTS, remind, job_id="reminders-2026-11-26")
    async with results:  # leaving the block early cancels the rest of the job
        async for result in results:  # in finishing order, as they complete
            if not result.ok and result.failure is not None:
                print(f"item {result.index} failed: {result.failure.message}")
    print(results.report)
    # --8<-- [end:stream]


async def outage(server: FakeSent, sent: AsyncSent) -> None:
    server.fail_next(503, "INTERNAL_005", times=4)  # Sent unavailable for a moment
    sent = sent.with_options(max_retries=0)  # so the job sees every failure at once
    # --8<-- [start:outage]
    report = await sent.bulk.run(
        APPOINTMENTS[:6],
        remind,
        job_id="reminders-outage",  # stable keys: a held item is sent again safely
        concurrency=3,
        outage=OutagePolicy(after=3, initial_delay=0.5),  # defaults: 3 in a row, 1 s, 30 s
    )
    print(report.summary())  # "6 of 6 succeeded; paused 1.5s by 1 outage(s)"
    # --8<-- [end:outage]


async def main() -> None:
    async with FakeSent() as server, server.client() as sent:
        first = await send_reminders(sent)
        await rerun(sent, first)
        await progress(sent)
        await streaming(sent)
        await outage(server, sent)


if __name__ == "__main__":
    asyncio.run(main())
