"""Servers that misbehave on purpose, and the checks every fault scenario ends with.

Every test in this directory runs under ``hygiene`` (autouse): the ``sent`` loggers capture at
DEBUG (request/response bodies included), and afterwards no secret may appear in the log, no
TCP socket opened during the test may still be open, and no "Unclosed" warning may surface
(warnings are errors; a final ``gc.collect()`` flushes finalisers).
"""

from __future__ import annotations

import asyncio
import gc
import logging
import os
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator

import pytest
from aiohttp import web

from .support import SECRETS, Handler, Ledger, Raw, serve_app, sockets_opened_since, tcp_sockets


@pytest.fixture(autouse=True)
def hygiene(caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    if not os.path.exists("/proc/self/fd"):  # pragma: no cover - Linux only
        pytest.skip("socket accounting needs /proc")
    baseline = tcp_sockets()
    caplog.set_level(logging.DEBUG, logger="sent")
    caplog.set_level(logging.DEBUG, logger="sent.bodies")
    yield
    gc.collect()
    text = caplog.text
    for secret in SECRETS:
        assert secret not in text, "a secret reached the log"
    assert "Unclosed" not in text
    leaked = sockets_opened_since(baseline)
    assert not leaked, f"{len(leaked)} TCP socket(s) left open"


@pytest.fixture
async def ledger() -> AsyncIterator[Ledger]:
    led = Ledger()
    app = web.Application()
    app.router.add_post("/v3/profiles", led.create)
    app.router.add_get("/v3/profiles/{id}", led.get)
    async with serve_app(app) as url:
        led.base_url = url
        yield led


@pytest.fixture
async def raw_server() -> AsyncIterator[Callable[..., Awaitable[Raw]]]:
    started: list[Raw] = []

    async def start(handler: Handler, *, max_active: int | None = None) -> Raw:
        raw = Raw(handler, max_active)
        if max_active is not None:
            raw._slots = asyncio.Semaphore(max_active)
        raw.server = await asyncio.start_server(raw.on_connect, "127.0.0.1", 0, backlog=2048)
        port = raw.server.sockets[0].getsockname()[1]
        raw.base_url = f"http://127.0.0.1:{port}"
        started.append(raw)
        return raw

    yield start
    for raw in started:
        assert raw.server is not None
        raw.server.close()
        for task in list(raw.tasks):
            task.cancel()
        await asyncio.gather(*raw.tasks, return_exceptions=True)
        await raw.server.wait_closed()
