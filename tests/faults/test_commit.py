"""POSTs whose answer is lost after the server committed: never a duplicate, never a lie."""

from __future__ import annotations

import asyncio
import time

import pytest

from sent_async import APIConnectionError, APITimeoutError, Timeout

from .support import PROFILE_ID, Ledger, Raw, client, http_response, raises_sdk

pytestmark = pytest.mark.anyio


async def test_commit_then_reset_is_replayed_with_the_same_key(ledger: Ledger):
    ledger.plan = ["reset"]
    async with client(ledger.base_url) as sent:
        created = await sent.profiles.create(name="Exactly once")
    assert list(ledger.records) == [created.id]  # one record, and it is the one returned
    first, second = ledger.posts()
    assert first[2]["idempotency-key"] == second[2]["idempotency-key"]
    assert first[3] == second[3]  # byte-identical replay
    assert second[2]["x-sent-retry-count"] == "1"


async def test_commit_then_reset_without_keys_is_not_replayed(ledger: Ledger):
    ledger.plan = ["reset"]
    async with client(ledger.base_url, auto_idempotency_keys=False) as sent:
        with raises_sdk(APIConnectionError) as info:
            await sent.profiles.create(name="Maybe")
    err = info.value
    assert isinstance(err, APIConnectionError)
    assert (err.outcome, err.attempts, err.idempotency_key) == ("unknown", 1, None)
    assert len(ledger.posts()) == 1 and len(ledger.records) == 1  # no duplicate


async def test_commit_then_stall_times_out_then_replays(ledger: Ledger):
    ledger.plan = ["stall"]
    timeout = Timeout(connect=1, read=0.4, attempt=0.4, deadline=5)
    async with client(ledger.base_url, timeout=timeout) as sent:
        started = time.monotonic()
        created = await sent.profiles.create(name="Slow commit")
        elapsed = time.monotonic() - started
    assert 0.4 <= elapsed < 1.5  # one attempt timed out, the replay answered at once
    assert list(ledger.records) == [created.id]
    assert len(ledger.posts()) == 2


async def test_commit_then_stall_without_keys_says_outcome_unknown(ledger: Ledger):
    ledger.plan = ["stall"]
    timeout = Timeout(connect=1, read=0.3, attempt=0.3, deadline=5)
    async with client(ledger.base_url, timeout=timeout, auto_idempotency_keys=False) as sent:
        with raises_sdk(APITimeoutError) as info:
            await sent.profiles.create(name="Maybe")
    assert info.value.outcome == "unknown"
    assert info.value.attempts == 1
    assert len(ledger.records) == 1


async def test_caller_key_survives_every_retry(ledger: Ledger):
    ledger.plan = ["503", "reset"]
    async with client(ledger.base_url) as sent:
        created = await sent.profiles.create(name="Keyed", idempotency_key="batch-7_item-42")
    keys = {p[2]["idempotency-key"] for p in ledger.posts()}
    assert keys == {"batch-7_item-42"} and len(ledger.posts()) == 3
    assert list(ledger.records) == [created.id]


def _stale_keepalive_handler(holder: list[Raw], commits: list[bytes]):
    """Answers the first request of a connection, then drops the connection on the next one
    without answering or processing it (an idle timeout racing a reused connection)."""

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        served = 0
        while (request := await holder[0].read_request(reader)) is not None:
            if served == 1:
                writer.transport.abort()
                return
            served += 1
            if request.startswith(b"POST"):
                commits.append(request)
            writer.write(http_response())
            await writer.drain()

    return handle


async def test_stale_keep_alive_get_is_retried(raw_server):
    commits: list[bytes] = []
    holder: list[Raw] = []
    raw: Raw = await raw_server(_stale_keepalive_handler(holder, commits))
    holder.append(raw)
    async with client(raw.base_url) as sent:
        await sent.profiles.get(PROFILE_ID)
        profile = await sent.profiles.get(PROFILE_ID)  # meets the stale connection
    assert profile.id == PROFILE_ID
    assert len(raw.requests) == 3 and raw.connections == 2


async def test_stale_keep_alive_post_with_key_is_retried_once(raw_server):
    commits: list[bytes] = []
    holder: list[Raw] = []
    raw: Raw = await raw_server(_stale_keepalive_handler(holder, commits))
    holder.append(raw)
    async with client(raw.base_url) as sent:
        await sent.profiles.create(name="first")
        await sent.profiles.create(name="second")  # meets the stale connection
    assert len(commits) == 2 and len(raw.requests) == 3
    stale, replay = raw.requests[1:]
    assert stale.split(b"\r\n\r\n")[1] == replay.split(b"\r\n\r\n")[1]


async def test_stale_keep_alive_post_without_key_reports_unknown(raw_server):
    commits: list[bytes] = []
    holder: list[Raw] = []
    raw: Raw = await raw_server(_stale_keepalive_handler(holder, commits))
    holder.append(raw)
    async with client(raw.base_url, auto_idempotency_keys=False) as sent:
        await sent.profiles.create(name="first")
        with raises_sdk(APIConnectionError) as info:
            await sent.profiles.create(name="second")
        assert info.value.outcome == "unknown"
        await sent.profiles.create(name="third")  # the client is fine afterwards
    assert len(commits) == 2  # "second" never ran: the caller decides, with the facts
