"""Bulk jobs ride out an outage: they pause and probe instead of failing the rest of the input."""

from __future__ import annotations

from typing import Any

import anyio
import pytest

from sent_async import APIConnectionError, AsyncSent, OutagePolicy, RateLimit, SentValidationError
from sent_async.testing import FAST_RETRY, FakeSent

pytestmark = pytest.mark.anyio
PHONE = "+14155550123"
QUICK = OutagePolicy(after=3, initial_delay=0.2, max_delay=0.5)


async def send(client: AsyncSent, item: int, key: str) -> Any:
    return await client.messages.send(to=PHONE, text=f"hi {item}", idempotency_key=key)


async def run_through_an_outage(outage: OutagePolicy | None) -> tuple[Any, list[FakeSent]]:
    """40 paced sends (about 2 s); the server goes away 0.5 s in and is back 1.5 s later."""
    servers = [await FakeSent().start()]
    port = int(servers[0].base_url.rsplit(":", 1)[1])

    async def outage_then_recovery() -> None:
        await anyio.sleep(0.5)
        await servers[0].stop()
        await anyio.sleep(1.5)
        servers.append(await FakeSent(port=port).start())

    try:
        async with servers[0].client(retry=FAST_RETRY) as sent, anyio.create_task_group() as tg:
            tg.start_soon(outage_then_recovery)
            report = await sent.bulk.run(
                range(40), send, job_id="outage", concurrency=4,
                rate_limit=RateLimit(per_second=20), outage=outage,
            )  # fmt: skip
    finally:
        for server in servers:
            await server.stop()
    return report, servers


async def test_a_job_pauses_through_an_outage_and_fails_nothing():
    report, servers = await run_through_an_outage(QUICK)
    assert report.failed == 0 and report.succeeded == 40, report.summary()
    assert report.outages == 1
    assert 0.8 < report.outage_paused < 4
    assert "outage" in report.summary()
    assert len(servers) == 2 and servers[1].stats.requests["message"] > 0


async def test_without_the_outage_policy_the_rest_fails():
    report, _ = await run_through_an_outage(None)
    assert report.failed > 0 and report.outages == 0


async def test_a_lone_failing_item_fails_while_others_get_answers(client: AsyncSent):
    async def fn(client: AsyncSent, item: int, key: str) -> Any:
        if item == 3:
            raise APIConnectionError("this one never connects", outcome="not_sent")
        return await send(client, item, key)

    policy = OutagePolicy(after=3, initial_delay=0.05)
    report = await client.bulk.run(
        range(20), fn, job_id="lone", concurrency=4, rate_limit=RateLimit(per_second=20),
        outage=policy,
    )  # fmt: skip
    assert report.failed == 1 and report.succeeded == 19
    assert report.outages == 0 and report.stop_reason is None


async def test_an_outage_longer_than_give_up_after_stops_the_job(client: AsyncSent):
    async def down(client: AsyncSent, item: int, key: str) -> Any:
        raise APIConnectionError("down", outcome="not_sent")

    policy = OutagePolicy(after=2, initial_delay=0.05, max_delay=0.1, give_up_after=0.5)
    report = await client.bulk.run(range(100), down, job_id="gone", concurrency=2, outage=policy)
    assert report.stop_reason == "outage"
    assert report.failed <= 2 and report.total <= 4  # the rest is left unread, for a re-run
    assert report.outage_paused >= 0.5


def test_bad_outage_settings_are_refused():
    with pytest.raises(SentValidationError):
        OutagePolicy(after=0)
    with pytest.raises(SentValidationError):
        OutagePolicy(initial_delay=-1)


async def outage_around(job: Any) -> tuple[Any, FakeSent]:
    """Run ``job(client)`` (about 2 s of paced calls); the server is gone from 0.5 s to 2 s."""
    first = await FakeSent().start()
    port = int(first.base_url.rsplit(":", 1)[1])
    servers = [first]

    async def outage_then_recovery() -> None:
        await anyio.sleep(0.5)
        await first.stop()
        await anyio.sleep(1.5)
        servers.append(await FakeSent(port=port).start())

    try:
        async with first.client(retry=FAST_RETRY) as sent, anyio.create_task_group() as tg:
            tg.start_soon(outage_then_recovery)
            report = await job(sent)
    finally:
        for server in servers:
            await server.stop()
    return report, servers[-1]


PHONES = [f"+1415555{n:04d}" for n in range(40)]
PACE = RateLimit(per_second=20)


@pytest.mark.parametrize("outage", [QUICK, None], ids=["policy", "off"])
async def test_send_many_takes_the_outage_policy(outage: OutagePolicy | None):
    report, after = await outage_around(
        lambda sent: sent.messages.send_many(
            PHONES, text="hi", job_id="many", concurrency=4, rate_limit=PACE, outage=outage
        )
    )
    if outage is None:
        assert report.failed > 0 and report.outages == 0
    else:
        assert report.failed == 0 and report.succeeded == 40, report.summary()
        assert report.outages == 1 and after.stats.requests["message"] > 0


@pytest.mark.parametrize("outage", [QUICK, None], ids=["policy", "off"])
async def test_create_many_takes_the_outage_policy(outage: OutagePolicy | None):
    report, after = await outage_around(
        lambda sent: sent.contacts.create_many(
            PHONES, job_id="import", concurrency=4, rate_limit=PACE, outage=outage
        )
    )
    if outage is None:
        assert report.failed > 0 and report.outages == 0
    else:
        assert report.failed == 0 and report.succeeded == 40, report.summary()
        assert report.outages == 1 and len(after.state.contacts.by_id) > 0


async def test_a_bad_outage_is_refused_before_anything_is_sent(server: FakeSent, client: AsyncSent):
    bad: Any = {"after": 3}
    with pytest.raises(SentValidationError, match="outage"):
        await client.messages.send_many(PHONES, text="hi", job_id="bad", outage=bad)
    with pytest.raises(SentValidationError, match="outage"):
        await client.contacts.create_many(PHONES, job_id="bad", outage=bad)
    with pytest.raises(SentValidationError, match="outage"):
        await client.bulk.send_messages(PHONES, text="hi", job_id="bad", outage=bad)
    assert server.requests == []
