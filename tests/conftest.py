"""Shared fixtures: FakeSent and small scripted servers, always on real sockets (127.0.0.1)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest
from aiohttp import web

from sent_async import AsyncSent
from sent_async.testing import FAST_RETRY, FakeSent

from .support import Scripted


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"  # aiohttp runs on asyncio only


@pytest.fixture
async def server() -> AsyncIterator[FakeSent]:
    async with FakeSent() as fake:
        yield fake


@pytest.fixture
async def client(server: FakeSent) -> AsyncIterator[AsyncSent]:
    async with server.client(retry=FAST_RETRY) as sent:
        yield sent


@pytest.fixture
async def scripted() -> AsyncIterator[Callable[..., Any]]:
    servers: list[Scripted] = []

    async def start(*steps: Callable[[web.Request], Any]) -> Scripted:
        s = Scripted(list(steps))
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", s.handle)
        s.runner = web.AppRunner(app, access_log=None, shutdown_timeout=0.1)
        await s.runner.setup()
        site = web.TCPSite(s.runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        s.base_url = f"http://127.0.0.1:{port}"
        servers.append(s)
        return s

    yield start
    for s in servers:
        assert s.runner is not None
        await s.runner.cleanup()
