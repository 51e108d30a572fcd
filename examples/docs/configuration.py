"""Configuration: environment variables, timeouts, retries, the connection pool, views."""

from __future__ import annotations

import asyncio
import logging
import os

from sent_async import AsyncSent, InternalServerError, RetryPolicy, Timeout
from sent_async.testing import FakeSent


async def from_environment() -> None:
    # --8<-- [start:env]
    # export SENT_DM_API_KEY=...            the API key (required unless passed in)
    # export SENT_BASE_URL=https://...      optional: another base URL (a proxy, FakeSent)
    async with AsyncSent() as sent:
        me = await sent.me.get()
        print(f"key belongs to {me.name}")
    # --8<-- [end:env]


def build_clients() -> list[AsyncSent]:
    # --8<-- [start:options]
    patient = AsyncSent(
        timeout=Timeout(
            connect=5.0,  # establishing the TCP/TLS connection
            read=30.0,  # the longest silence while reading the response
            attempt=30.0,  # one HTTP exchange, from the moment a pool slot is held
            deadline=120.0,  # the whole call: every attempt and every back-off sleep
        ),
        retry=RetryPolicy(
            max_retries=4,  # 5 attempts at most
            initial_delay=0.5,  # back-off 0.25-0.5 s, then 0.5-1 s, 1-2 s, ... (jittered)
            max_delay=8.0,
            max_retry_after=60.0,  # a longer Retry-After raises RateLimitError at once
        ),
        max_connections=50,  # connection pool size, shared by all tasks using this client
    )
    quick = AsyncSent(timeout=10, max_retries=1)  # a number sets the per-attempt limit
    # --8<-- [end:options]
    return [patient, quick]


async def views(sent: AsyncSent, server: FakeSent) -> None:
    # --8<-- [start:views]
    impatient = sent.with_options(timeout=Timeout(deadline=10), max_retries=0)
    server.fail_next(503)  # FakeSent answers the next request with a 503
    try:
        await impatient.me.get()
    except InternalServerError as exc:
        print(f"no retry on the view: {exc.attempts} attempt")
    me = await sent.me.get()  # the client itself still retries (and shares the pool)
    print(f"the client still works: {me.name}")
    # --8<-- [end:views]


def behind_a_corporate_network(corporate_ca: str) -> AsyncSent:
    # --8<-- [start:network]
    import ssl

    from opentelemetry.instrumentation.aiohttp_client import create_trace_config

    tls = ssl.create_default_context(cafile=corporate_ca)  # verification stays on
    # tls.load_cert_chain("client.pem", "client.key")     # if the gateway wants a client cert
    sent = AsyncSent(
        proxy="http://user:password@proxy.corp.example:3128",  # never shown in reprs or logs
        ssl=tls,
        trace_configs=[create_trace_config()],  # OpenTelemetry spans for every attempt
        default_headers={"X-Team": "billing"},  # on every request; cannot replace the SDK's own
    )
    # Or let the environment decide: HTTPS_PROXY, NO_PROXY and ~/.netrc, as curl does.
    from_env = AsyncSent(trust_env=True)
    # --8<-- [end:network]
    del from_env
    return sent


def enable_logging() -> None:
    # --8<-- [start:logging]
    logging.basicConfig(format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("sent").setLevel(logging.INFO)  # one line per retry; DEBUG: every attempt
    # --8<-- [end:logging]


async def main() -> None:
    enable_logging()
    async with FakeSent() as server:
        os.environ.update(SENT_DM_API_KEY=server.api_key, SENT_BASE_URL=server.base_url)
        await from_environment()
        for client in build_clients():
            await client.aclose()
        async with server.client() as sent:
            await views(sent, server)


if __name__ == "__main__":
    asyncio.run(main())
