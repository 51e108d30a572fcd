"""Helpers for the fault tests: misbehaving servers, a counting ledger, secrets, assertions.

Fixtures (``hygiene``, ``ledger``, ``raw_server``) live in conftest.py; tests import these.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import json
import os
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import Any, TypeVar

import attrs
import pytest
from aiohttp import web

from sent_async import AsyncSent, SentError, Timeout
from sent_async.testing import FAST_RETRY

FAST = FAST_RETRY  # the fault suites' short name

API_KEY = "sk_live_FAULTSUITE_s3cr3t_0123456789"
CARD = "4111111111111111"
CVC = "987"
ACCESS_TOKEN = "EAAG_whatsapp_access_token_zzz"
SIGNING_SECRET = "whsec_c2VjcmV0X3NpZ25pbmdfc2VjcmV0"
SECRETS = (API_KEY, CARD, ACCESS_TOKEN, SIGNING_SECRET)
PROFILE_ID = "770e8400-e29b-41d4-a716-446655440002"

Handler = Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]]


# -- hygiene ---------------------------------------------------------------------------------
def tcp_sockets() -> set[str]:
    """Inodes of the TCP sockets this process holds open (client and server ends alike)."""
    inodes: set[str] = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with contextlib.suppress(OSError), open(table) as fh:
            inodes.update(line.split()[9] for line in fh.read().splitlines()[1:])
    mine = set()
    for fd in os.listdir("/proc/self/fd"):
        with contextlib.suppress(OSError):
            target = os.readlink(f"/proc/self/fd/{fd}")
            if target.startswith("socket:[") and target[8:-1] in inodes:
                mine.add(target)
    return mine


def sockets_opened_since(baseline: set[str], wait: float = 2.0) -> set[str]:
    """TCP sockets opened after ``baseline`` and still open (waits a little for closers)."""
    give_up = time.monotonic() + wait
    while True:
        extra = tcp_sockets() - baseline
        if not extra or time.monotonic() > give_up:
            return extra
        time.sleep(0.02)
        gc.collect()


def sdk_only(results: list[Any]) -> list[BaseException]:
    """The exceptions among gathered results, asserting each is one of the SDK's own."""
    errors = [r for r in results if isinstance(r, BaseException)]
    strangers = [e for e in errors if not isinstance(e, SentError)]
    assert not strangers, f"non-SDK exceptions escaped: {strangers[:3]!r}"
    return errors


E = TypeVar("E", bound=SentError)


@contextlib.contextmanager
def raises_sdk(cls: type[E]) -> Iterator[pytest.ExceptionInfo[E]]:
    """Like ``pytest.raises(cls)``, but any other exception fails loudly as a stranger."""
    with pytest.raises(BaseException) as info:  # noqa: PT011 - caught wide, checked below
        yield info  # type: ignore[misc]
    assert isinstance(info.value, cls), f"expected {cls.__name__}, got {info.value!r}"


def client(base_url: str, **kw: Any) -> AsyncSent:
    """An AsyncSent with the suite's key, fast back-off and short timeouts."""
    if "max_retries" in kw:
        kw["retry"] = attrs.evolve(kw.get("retry", FAST), max_retries=kw.pop("max_retries"))
    kw.setdefault("retry", FAST)
    kw.setdefault("timeout", Timeout(connect=1.0, read=2.0, attempt=2.0, deadline=10.0))
    return AsyncSent(API_KEY, base_url=base_url, **kw)


def envelope(data: Any) -> dict[str, Any]:
    return {"success": True, "data": data, "error": None, "meta": {"request_id": "req_ok"}}


def error_envelope(code: str, message: str = "failed") -> dict[str, Any]:
    return {
        "success": False,
        "data": None,
        "error": {"code": code, "message": message, "details": None, "doc_url": None},
        "meta": {"request_id": "req_err"},
    }


# -- a counting, idempotent "create" server --------------------------------------------------
@attrs.define
class Ledger:
    """POST /v3/profiles creates a record, deduplicated by Idempotency-Key like Sent does.

    ``plan`` scripts what each incoming POST meets ("ok" once the plan runs out):
    ``ok``, ``reset`` (commit, then cut the connection), ``stall`` (commit, never answer),
    ``503``/``502`` (fail before committing), ``429`` (rate limited, Retry-After 0.1 s).
    GET /v3/profiles/{id} answers from the records. ``seen`` keeps every request.
    """

    plan: list[str] = attrs.Factory(list)
    records: dict[str, dict[str, Any]] = attrs.Factory(dict)
    by_key: dict[str, tuple[int, bytes]] = attrs.Factory(dict)
    seen: list[tuple[str, str, dict[str, str], bytes]] = attrs.Factory(list)
    base_url: str = ""

    def posts(self) -> list[tuple[str, str, dict[str, str], bytes]]:
        return [s for s in self.seen if s[0] == "POST"]

    async def create(self, request: web.Request) -> web.StreamResponse:
        body = await request.read()
        self.seen.append((request.method, request.path, _lower(request.headers), body))
        step = self.plan.pop(0) if self.plan else "ok"
        if step in ("503", "502"):
            return web.json_response(error_envelope("INTERNAL_005"), status=int(step))
        if step == "429":
            doc = error_envelope("BUSINESS_002")
            return web.json_response(doc, status=429, headers={"retry-after-ms": "100"})
        key = request.headers.get("idempotency-key")
        if key is not None and key in self.by_key:
            status, raw = self.by_key[key]
            return web.Response(body=raw, status=status, content_type="application/json")
        record_id = f"{len(self.records) + 1:08d}-0000-4000-8000-000000000000"
        self.records[record_id] = {"id": record_id, "name": json.loads(body)["name"]}
        raw = json.dumps(envelope(self.records[record_id])).encode()
        if key is not None:
            self.by_key[key] = (200, raw)
        if step == "reset":
            assert request.transport is not None
            request.transport.abort()
        elif step == "stall":
            await asyncio.sleep(3600)
        return web.Response(body=raw, content_type="application/json")

    async def get(self, request: web.Request) -> web.Response:
        self.seen.append((request.method, request.path, _lower(request.headers), b""))
        record = self.records.get(request.match_info["id"])
        if record is None:
            return web.json_response(error_envelope("RESOURCE_014"), status=404)
        return web.json_response(envelope(record))


@contextlib.asynccontextmanager
async def serve_app(app: web.Application) -> AsyncIterator[str]:
    runner = web.AppRunner(app, access_log=None, shutdown_timeout=0.1, handle_signals=False)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        await runner.cleanup()


# -- a raw TCP server for wire-level faults --------------------------------------------------
@attrs.define
class Raw:
    """An asyncio TCP server running ``handler`` per connection, counting what it saw."""

    handler: Handler
    max_active: int | None = None
    connections: int = 0
    active: int = 0
    peak: int = 0
    requests: list[bytes] = attrs.Factory(list)
    base_url: str = ""
    server: asyncio.Server | None = None
    tasks: set[asyncio.Task[None]] = attrs.Factory(set)
    _slots: asyncio.Semaphore | None = None

    async def on_connect(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self.tasks.add(task)
        self.connections += 1
        try:
            if self._slots is not None:
                await self._slots.acquire()
            self.active += 1
            self.peak = max(self.peak, self.active)
            try:
                await self.handler(reader, writer)
            finally:
                self.active -= 1
                if self._slots is not None:
                    self._slots.release()
        except (ConnectionError, asyncio.IncompleteReadError, asyncio.CancelledError):
            pass  # the client went away, or the test is over
        finally:
            writer.close()
            with contextlib.suppress(Exception, asyncio.CancelledError):
                await writer.wait_closed()
            self.tasks.discard(task)

    async def read_request(self, reader: asyncio.StreamReader) -> bytes | None:
        """One HTTP/1.1 request (head and Content-Length body), or None at EOF."""
        try:
            head = await reader.readuntil(b"\r\n\r\n")
        except (asyncio.IncompleteReadError, ConnectionError):
            return None
        length = 0
        for line in head.split(b"\r\n"):
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":", 1)[1])
        body = await reader.readexactly(length) if length else b""
        self.requests.append(head + body)
        return head + body


def http_response(
    status: int = 200, body: bytes | None = None, headers: dict[str, str] | None = None
) -> bytes:
    """A complete HTTP/1.1 response (a profile envelope unless ``body`` is given)."""
    payload = body if body is not None else json.dumps(envelope({"id": PROFILE_ID})).encode()
    lines = [f"HTTP/1.1 {status} X", "Content-Type: application/json"]
    lines += [f"{k}: {v}" for k, v in (headers or {}).items()]
    if not any(k.lower() == "content-length" for k in (headers or {})):
        lines.append(f"Content-Length: {len(payload)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + payload


def _lower(headers: Any) -> dict[str, str]:
    return {k.lower(): v for k, v in headers.items()}
