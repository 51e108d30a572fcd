"""Idempotency: automatic keys on every mutation, and your own keys for jobs that restart."""

from __future__ import annotations

import asyncio
import uuid

from sent_async import APIConnectionError, AsyncSent, RetryPolicy, SentValidationError
from sent_async.testing import FakeSent


async def automatic(sent: AsyncSent, server: FakeSent) -> None:
    # --8<-- [start:automatic]
    server.drop_next_response()  # Sent creates the message, but the answer is lost
    result = await sent.messages.send(to=["+14155550123"], text="Your code is 123456")
    first, retry = server.requests[-2:]
    assert first.headers["idempotency-key"] == retry.headers["idempotency-key"]
    assert first.body == retry.body  # byte for byte
    print(f"retried with the same key; Sent replayed its answer: {result.recipients[0].message_id}")
    # --8<-- [end:automatic]

    # --8<-- [start:raw]
    raw = await sent.with_raw_response.messages.send(to=["+14155550123"], text="hi")
    print(f"key {raw.idempotency_key}, HTTP {raw.status_code}, request id {raw.request_id}")
    # --8<-- [end:raw]


# --8<-- [start:own]
async def send_receipt(sent: AsyncSent, order_id: str, phone: str) -> str | None:
    result = await sent.messages.send(
        to=[phone],
        text=f"Order {order_id} has shipped",
        idempotency_key=f"receipt-{order_id}",  # one order, one receipt: even after a restart
    )
    return result.recipients[0].message_id


# --8<-- [end:own]


async def own_keys(sent: AsyncSent) -> None:
    # --8<-- [start:own_run]
    first = await send_receipt(sent, "A-1001", "+14155550123")
    again = await send_receipt(sent, "A-1001", "+14155550123")  # the job crashed and re-ran
    assert first == again  # Sent answered from its 24 h cache: no second message
    print(f"sent once: {first}")
    # --8<-- [end:own_run]

    # --8<-- [start:derived]
    job_id = "newsletter-2026-11"  # fixed for the job, stored with its input
    key = str(uuid.uuid5(uuid.NAMESPACE_URL, f"{job_id}/+14155550123"))  # same inputs, same key
    await sent.messages.send(to=["+14155550123"], text="News", idempotency_key=key)
    # --8<-- [end:derived]

    # --8<-- [start:bad_key]
    try:
        await sent.messages.send(to=["+14155550123"], text="hi", idempotency_key="order #1")
    except SentValidationError as exc:  # keys are 1-255 of A-Z a-z 0-9 _ -
        print("refused locally:", exc)
    # --8<-- [end:bad_key]


async def unknown_outcome(sent: AsyncSent, server: FakeSent) -> None:
    # --8<-- [start:unknown]
    server.drop_next_response(times=3)  # every attempt's answer is lost
    try:
        await sent.messages.send(to=["+14155550123"], text="hi")
    except APIConnectionError as exc:
        if exc.outcome != "unknown" or exc.idempotency_key is None:
            raise  # "not_sent": nothing reached Sent, a fresh call is safe
        # Later (within 24 h), retry with the *same* key: Sent sends it at most once.
        result = await sent.messages.send(
            to=["+14155550123"], text="hi", idempotency_key=exc.idempotency_key
        )
        print(f"settled with the same key: {result.recipients[0].message_id}")
    # --8<-- [end:unknown]


async def main() -> None:
    fast = RetryPolicy(initial_delay=0.05, max_delay=0.1)  # keeps the example quick
    async with FakeSent() as server, server.client(retry=fast) as sent:
        await automatic(sent, server)
        await own_keys(sent)
        await unknown_outcome(sent, server)


if __name__ == "__main__":
    asyncio.run(main())
