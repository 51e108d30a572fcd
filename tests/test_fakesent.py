"""FakeSent itself: injected latency, the bounded request log and the typed state."""

from __future__ import annotations

import time

import pytest

import sent_async.testing
from sent_async import APITimeoutError, AsyncSent, Timeout
from sent_async.testing import FAST_RETRY, FakeSent
from sent_async.testing._server import DEFAULT_LOG_LIMIT

pytestmark = pytest.mark.anyio
TO = "+14155550123"


async def timed(client: AsyncSent) -> float:
    """Seconds one ``GET /v3/contacts`` takes."""
    started = time.monotonic()
    await client.contacts.list()
    return time.monotonic() - started


async def test_latency_slows_every_request() -> None:
    async with FakeSent(latency=0.2) as server, server.client(retry=FAST_RETRY) as client:
        assert await timed(client) >= 0.2
        assert await timed(client) >= 0.2
        server.latency = 0
        assert await timed(client) < 0.2


async def test_delay_next_slows_only_the_next_matching_requests(
    server: FakeSent, client: AsyncSent
) -> None:
    server.delay_next(0.3, times=2, method="GET", path="/v3/contacts")
    await client.profiles.list()  # another route: not delayed, delay not used up
    assert await timed(client) >= 0.3
    assert await timed(client) >= 0.3
    assert await timed(client) < 0.3


async def test_delay_next_for_every_request_of_a_route(server: FakeSent, client: AsyncSent) -> None:
    server.delay_next(0.2, times=None, path="/v3/contacts")
    for _ in range(3):
        assert await timed(client) >= 0.2
    started = time.monotonic()
    await client.profiles.list()
    assert time.monotonic() - started < 0.2


async def test_a_slow_send_times_out_and_its_retry_is_not_a_second_send(
    server: FakeSent,
) -> None:
    """The attempt times out client-side; the retry carries the same key; one message exists."""
    server.delay_next(0.6, method="POST")
    timeout = Timeout(connect=1, read=0.2, attempt=0.2, deadline=5)
    async with server.client(retry=FAST_RETRY, timeout=timeout) as client:
        result = await client.messages.send(to=[TO], text="hi")
    posts = [r for r in server.requests if r.method == "POST"]
    assert (
        len(posts) == 2
        and posts[0].headers["idempotency-key"] == posts[1].headers["idempotency-key"]
    )
    assert len(server.state.messages.by_id) == 1
    assert result.recipients[0].message_id in server.state.messages.by_id


async def test_a_delay_longer_than_the_deadline_fails_the_call(server: FakeSent) -> None:
    server.delay_next(1.0, times=None)
    timeout = Timeout(connect=1, read=0.2, attempt=0.2, deadline=0.5)
    async with server.client(retry=FAST_RETRY, timeout=timeout) as client:
        with pytest.raises(APITimeoutError):
            await client.contacts.list()


def test_bad_latency_settings_are_refused() -> None:
    server = FakeSent()
    with pytest.raises(ValueError, match="latency"):
        server.latency = -1
    with pytest.raises(ValueError, match="delay_next"):
        server.delay_next(-0.1)
    with pytest.raises(ValueError, match="delay_next"):
        server.delay_next(0.1, times=0)


async def test_the_request_log_keeps_the_newest_entries() -> None:
    async with FakeSent(log_limit=5) as server, server.client(retry=FAST_RETRY) as client:
        for page in range(1, 9):  # 8 requests, told apart by their page number
            await client.contacts.list(page=page)
    assert len(server.requests) == 5 == len(server.exchanges)
    assert [r.query["page"] for r in server.requests] == ["4", "5", "6", "7", "8"]
    assert [e.request for e in server.exchanges] == server.requests


async def test_the_event_log_keeps_the_newest_events() -> None:
    async with FakeSent(log_limit=2) as server:
        for n in range(3):
            await server.emit("contact", "contact.opt_out", {"n": n})
    assert [e["payload"]["n"] for e in server.events] == [1, 2]


async def test_the_request_log_is_bounded_by_default(server: FakeSent) -> None:
    assert server.log_limit == DEFAULT_LOG_LIMIT == 10_000
    server.log_limit = 2
    async with server.client(retry=FAST_RETRY) as client:
        for _ in range(3):
            await client.contacts.list()
    assert len(server.requests) == 2 == len(server.exchanges)
    server.log_limit = None  # unbounded again
    async with server.client(retry=FAST_RETRY) as client:
        for _ in range(3):
            await client.contacts.list()
    assert len(server.requests) == 5


async def test_state_is_typed_and_has_no_string_keys(server: FakeSent, client: AsyncSent) -> None:
    await client.messages.send(to=[TO], text="hi")
    state = server.state
    assert len(state.messages.by_id) == 1 and len(state.contacts.by_id) == 1
    state.me.name = "Acme"
    assert state.me.name == "Acme" == (await client.me.get()).name
    for shim in (state, state.me, state.webhooks.delivery):  # issue #11: attributes only
        with pytest.raises(TypeError):
            shim["messages"]  # type: ignore[index]
    assert not hasattr(state.me, "get")


async def test_the_state_changing_hooks_are_typed_methods(
    server: FakeSent, client: AsyncSent
) -> None:
    await client.messages.send(to=[TO], text="hi")
    assert await server.advance_messages() == 1
    assert not hasattr(server, "hooks")  # the string-keyed table is gone (issue #11)
    assert await server.advance_messages() == 1
    assert await server.review_templates() == 0
    statuses = [e["event"] for e in server.events]
    assert statuses == ["message.queued", "message.sent", "message.delivered"]


async def test_account_stats_is_public_and_counts_recipients_once(
    server: FakeSent, client: AsyncSent
) -> None:
    """``server.stats`` is an AccountStats, importable from both testing modules: a replay
    counts again per key but not per recipient."""
    import sent_sync.testing
    from sent_async.testing import AccountStats

    assert "AccountStats" in sent_async.testing.__all__
    assert sent_sync.testing.AccountStats is AccountStats
    stats: AccountStats = server.stats
    assert isinstance(stats, AccountStats)
    for _ in range(2):  # the second is a replay of the first
        await client.messages.send(to=TO, text="hi", idempotency_key="once")
    await client.messages.send(to=[TO, "+14155550124"], text="hi", idempotency_key="twice")
    assert stats.per_key == {"once": 2, "twice": 1}
    assert stats.per_recipient == {TO: 2, "+14155550124": 1}
    assert stats.messaged_twice() == [TO]
    doc = stats.to_json()
    assert doc["requests"] == {"message": 3} and doc["keys_seen_twice"] == 1
    assert doc["per_recipient"] == {TO: 2, "+14155550124": 1}
    stats.reset()
    assert stats.to_json()["requests"] == {}
