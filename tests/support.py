"""Helpers shared by the test modules: envelopes, scripted servers and fixed ids.

Fixtures live in conftest.py; what a test imports lives here.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import attrs
from aiohttp import web

from sent_async.testing import FAST_RETRY

__all__ = [
    "FAST_RETRY",
    "PROFILE_ID",
    "Scripted",
    "envelope",
    "error_envelope",
    "rearm",
    "reply",
]

PROFILE_ID = "770e8400-e29b-41d4-a716-446655440002"


def envelope(data: Any, request_id: str = "req_test") -> dict[str, Any]:
    return {
        "success": True,
        "data": data,
        "error": None,
        "meta": {"request_id": request_id, "timestamp": None, "version": "v3"},
    }


def error_envelope(code: str, message: str = "failed") -> dict[str, Any]:
    return {
        "success": False,
        "data": None,
        "error": {"code": code, "message": message, "details": None, "doc_url": None},
        "meta": {"request_id": "req_err", "timestamp": None, "version": "v3"},
    }


@attrs.define
class Scripted:
    """A server that answers from a script, one step per request, and records what it saw.

    The last step repeats once the others are used up.
    """

    steps: list[Callable[[web.Request], Any]]
    seen: list[tuple[str, str, dict[str, str], bytes]] = attrs.Factory(list)
    base_url: str = ""
    runner: web.AppRunner | None = None

    async def handle(self, request: web.Request) -> web.StreamResponse:
        body = await request.read()
        self.seen.append((request.method, request.path_qs, dict(request.headers), body))
        step = self.steps.pop(0) if len(self.steps) > 1 else self.steps[0]
        result = step(request)
        if hasattr(result, "__await__"):
            result = await result
        return result  # type: ignore[no-any-return]


def reply(
    status: int = 200,
    body: Any = None,
    headers: dict[str, str] | None = None,
    raw: bytes | None = None,
) -> Callable[[web.Request], web.Response]:
    """A script step answering with an envelope (default: a profile) or raw bytes."""

    def step(_: web.Request) -> web.Response:
        payload = (
            raw
            if raw is not None
            else json.dumps(body if body is not None else envelope({"id": PROFILE_ID})).encode()
        )
        return web.Response(
            status=status,
            body=payload,
            headers=headers,
            content_type="application/json" if raw is None else "text/html",
        )

    return step


def rearm(method: Any) -> None:
    """Let a ``@deprecated`` method warn again: it warns once per process, by design."""
    warn = next(
        c.cell_contents
        for c in method.__closure__
        if getattr(c.cell_contents, "__name__", "") == "warn"
    )
    warn.__closure__[warn.__code__.co_freevars.index("warned")].cell_contents = False
