"""Errors: the classes to catch, what they carry, and what the client retries for you."""

from __future__ import annotations

import asyncio

from sent_async import (
    APIConnectionError,
    APIStatusError,
    AsyncSent,
    BadRequestError,
    NotFoundError,
    RateLimitError,
    RetryPolicy,
    SentError,
    SentValidationError,
)
from sent_async.testing import FakeSent


async def catching(sent: AsyncSent) -> None:
    # --8<-- [start:catch]
    try:
        await sent.templates.get("00000000-0000-4000-8000-000000000000")
    except NotFoundError as exc:
        print(exc)  # 404 RESOURCE_002: Template not found (GET /v3/templates/..., request_id=...)
        print(exc.status_code, exc.code, exc.request_id, exc.doc_url)
    except APIStatusError as exc:  # any other error answer from Sent
        print("Sent said no:", exc.status_code, exc.code, exc.details)
    except SentError as exc:  # anything else this SDK raises on purpose
        print("failed:", exc)
    # --8<-- [end:catch]


async def validation(sent: AsyncSent, server: FakeSent) -> None:
    # --8<-- [start:validation]
    before = len(server.requests)
    try:
        await sent.messages.send(to=["555-0123"], text="hi")  # not E.164
    except SentValidationError as exc:  # also a ValueError
        print("refused locally:", exc)
    assert len(server.requests) == before  # nothing reached the server
    # --8<-- [end:validation]


async def retries(sent: AsyncSent, server: FakeSent) -> None:
    # --8<-- [start:retried]
    server.fail_next(503, times=2)  # two failures, then the real answer
    result = await sent.messages.send(to=["+14155550123"], text="hi")
    keys = {r.headers["idempotency-key"] for r in server.requests[-3:]}
    print(f"{result.status} after 3 attempts, all with one Idempotency-Key: {len(keys) == 1}")
    # --8<-- [end:retried]

    # --8<-- [start:not_retried]
    server.fail_next(400, "VALIDATION_001", message="to is invalid")
    try:
        await sent.messages.send(to=["+14155550123"], text="hi")
    except BadRequestError as exc:
        print(f"{exc.code} after {exc.attempts} attempt: a 400 is never retried")
    # --8<-- [end:not_retried]


async def connection(sent: AsyncSent, server: FakeSent) -> None:
    # --8<-- [start:connection]
    unkeyed = sent.with_options(auto_idempotency_keys=False)
    server.drop_next_response()  # the server acts, then the connection drops
    try:
        await unkeyed.messages.send(to=["+14155550123"], text="hi")
    except APIConnectionError as exc:
        # No key: a replay could send twice, so the client did not retry.
        print(f"outcome {exc.outcome} after {exc.attempts} attempt")
    # --8<-- [end:connection]


async def rate_limited(server: FakeSent) -> None:
    # --8<-- [start:rate_limit]
    async with server.client() as sent:
        server.fail_next(429, "BUSINESS_002", headers={"Retry-After": "300"})
        try:
            await sent.messages.send(to=["+14155550123"], text="hi")
        except RateLimitError as exc:  # longer than max_retry_after (60 s): raised at once
            print(f"rate limited; retry after {exc.retry_after:.0f} s ({exc.attempts} attempt)")
    # --8<-- [end:rate_limit]


async def main() -> None:
    async with FakeSent() as server:
        fast = RetryPolicy(initial_delay=0.05, max_delay=0.1)  # keeps the example quick
        async with server.client(retry=fast) as sent:
            await catching(sent)
            await validation(sent, server)
            await retries(sent, server)
            await connection(sent, server)
        await rate_limited(server)


if __name__ == "__main__":
    asyncio.run(main())
