"""Shared fixtures: FakeSent and its client, scripted one-off servers, envelope builders.

RECONSTRUCTED by the webhooks helper after it overwrote the original by mistake: rebuilt from
how the tests use these names. Replace with the original if you still have it.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from typing import Any

import pytest
from aiohttp import web

from sent_async import AsyncSent, RetryPolicy
from sent_async.testing import FakeSent

PROFILE_ID = "3f1a7c22-5d8e-4b90-91a2-6c4d0e8f7b31"
"""A well-formed profile id that FakeSent does not know."""

FAST_RETRY = RetryPolicy(initial_delay=0.001, max_delay=0.01)
"""The default policy (3 attempts, Retry-After honoured) with near-zero backoff."""

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"  # aiohttp runs on asyncio only


def _meta(request_id: str) -> dict[str, Any]:
    return {"request_id": request_id, "timestamp": "2026-01-01T00:00:00Z", "version": "v3"}


def envelope(data: Any) -> dict[str, Any]:
    """A success envelope around ``data``."""
    return {"success": True, "data": data, "error": None, "meta": _meta("req_ok")}


def error_envelope(code: str, message: str = "Something went wrong") -> dict[str, Any]:
    """A failure envelope carrying ``code``; its request id is ``req_err``."""
    error = {"code": code, "message": message, "details": None, "doc_url": None}
    return {"success": False, "data": None, "error": error, "meta": _meta("req_err")}


def reply(
    status: int,
    body: Any = None,
    headers: Mapping[str, str] | None = None,
    *,
    raw: bytes | None = None,
) -> Handler:
    """A handler answering ``status`` with ``body`` as JSON (default: a profile envelope)."""
    if raw is None:
        payload = envelope({"id": PROFILE_ID}) if body is None else body
        raw = json.dumps(payload).encode()
        content_type = "application/json"
    else:
        content_type = "text/html" if raw.lstrip().startswith(b"<") else "application/json"
    data = raw

    async def handle(_: web.Request) -> web.Response:
        return web.Response(
            status=status, body=data, headers=dict(headers or {}), content_type=content_type
        )

    return handle


class ScriptedServer:
    """Answers each request with the next step; the last step repeats."""

    def __init__(self, steps: list[Handler]) -> None:
        self.steps = steps
        self.seen: list[tuple[str, str, dict[str, str], bytes]] = []
        self.base_url = ""
        self.runner: web.AppRunner | None = None

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        body = await request.read()
        self.seen.append((request.method, request.path_qs, dict(request.headers), body))
        step = self.steps.pop(0) if len(self.steps) > 1 else self.steps[0]
        return await step(request)

    async def start(self) -> ScriptedServer:
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", self._handle)
        self.runner = web.AppRunner(app, access_log=None, shutdown_timeout=0.5)
        await self.runner.setup()
        site = web.TCPSite(self.runner, "127.0.0.1", 0)
        await site.start()
        port = self.runner.addresses[0][1]
        self.base_url = f"http://127.0.0.1:{port}"
        return self


@pytest.fixture
async def scripted() -> AsyncIterator[Callable[..., Awaitable[ScriptedServer]]]:
    servers: list[ScriptedServer] = []

    async def start(*steps: Handler) -> ScriptedServer:
        server = await ScriptedServer(list(steps)).start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        if server.runner is not None:
            await server.runner.cleanup()


@pytest.fixture
async def server() -> AsyncIterator[FakeSent]:
    async with FakeSent() as fake:
        yield fake


@pytest.fixture
async def client(server: FakeSent) -> AsyncIterator[AsyncSent]:
    async with server.client(retry=FAST_RETRY) as sent:
        yield sent
