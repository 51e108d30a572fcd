"""An aiohttp.web receiver for Sent webhooks: verify, de-duplicate, call the user, answer.

Kept apart from the pure functions so those stay free of aiohttp; ``sent_async.webhooks``
re-exports everything. ``aiohttp.web`` is imported when a handler is built, not here:
importing it costs ~100-200 ms, and ``import sent_sync`` loads this module.
"""

from __future__ import annotations

import collections
import hashlib
import logging
from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Protocol

from .._errors import WebhookVerificationError
from .events import WebhookEvent, parse_event
from .signing import check_secret, lower_headers

if TYPE_CHECKING:
    from aiohttp import web

log = logging.getLogger("sent")


class DedupeStore(Protocol):
    """Remembers processed event keys, so a retried delivery runs ``on_event`` once.

    ``seen`` must check *and* record atomically; ``forget`` undoes it when ``on_event`` failed,
    so the retry is processed. Back it with Redis ``SET NX`` or a unique row to share it.
    """

    async def seen(self, key: str) -> bool:
        """True if ``key`` was recorded before; otherwise record it and return False."""
        ...

    async def forget(self, key: str) -> None:
        """Drop ``key``: its processing failed, so a retry must not count as a duplicate."""
        ...


class MemoryDedupe:
    """An in-process ``DedupeStore`` keeping the ``max_entries`` most recently used keys.

    Forgets everything on restart and is not shared between processes or workers.
    """

    def __init__(self, max_entries: int = 10_000) -> None:
        if max_entries < 1:
            raise ValueError("max_entries must be at least 1")
        self._max = max_entries
        self._keys: collections.OrderedDict[str, None] = collections.OrderedDict()

    async def seen(self, key: str) -> bool:
        """True if ``key`` was recorded before; otherwise record it and return False."""
        if key in self._keys:
            self._keys.move_to_end(key)
            return True
        self._keys[key] = None
        if len(self._keys) > self._max:
            self._keys.popitem(last=False)
        return False

    async def forget(self, key: str) -> None:
        """Drop ``key``: its processing failed, so a retry must not count as a duplicate."""
        self._keys.pop(key, None)


def _reply(status: int, **body: object) -> web.Response:
    from aiohttp import web

    return web.json_response(body, status=status)


def dedupe_key(body: bytes, headers: Mapping[str, str]) -> str:
    """The key a verified delivery is de-duplicated on: a hash of what its signature covers.

    That is the endpoint id (``x-webhook-id``) and the raw body, which holds the event's
    emission ``timestamp`` and ``request_id``; a retry of one event re-sends both. Left out:
    ``x-webhook-timestamp`` (new on every retry) and ``x-webhook-event-id``, which no signature
    covers, so anyone replaying a captured delivery could change it (docs/webhooks.md).
    A legacy ``sha256=`` signature covers the body only, so only the body counts then.
    """
    lowered = lower_headers(headers)
    mac = hashlib.sha256()
    if not lowered.get("x-webhook-signature", "").strip().startswith("sha256="):
        endpoint = lowered.get("x-webhook-id", "").strip()
        mac.update(endpoint.encode("utf-8", "surrogatepass") + b".")
    mac.update(body)
    return "sha256:" + mac.hexdigest()


def aiohttp_handler(
    secret: str | Sequence[str],
    on_event: Callable[[WebhookEvent], Awaitable[object]],
    *,
    tolerance: int = 300,
    dedupe: DedupeStore | None = None,
    allow_legacy: bool = False,
) -> Callable[[web.Request], Awaitable[web.Response]]:
    """An aiohttp.web handler: verify, drop duplicates, ``await on_event(event)``, answer.

    Answers 400 when verification fails, 200 for a duplicate or after ``on_event`` returns,
    409 while the same event is still being handled here, and 500 if ``on_event`` raises (the
    event is forgotten, so Sent's retry runs it again). Sent waits for the answer
    (``timeout_seconds``, 30 s by default): queue slow work inside ``on_event``. Ten failed
    deliveries in a row disable the endpoint. A bad secret raises here, not per request.
    """
    secret = secret if isinstance(secret, str) else tuple(secret)
    check_secret(secret, allow_legacy)
    store: DedupeStore = MemoryDedupe() if dedupe is None else dedupe
    in_flight: set[str] = set()

    async def handle(request: web.Request) -> web.Response:
        body = await request.read()
        try:
            event = parse_event(
                body, request.headers, secret, tolerance=tolerance, allow_legacy=allow_legacy
            )
        except WebhookVerificationError as exc:
            return _reply(400, ok=False, reason=exc.reason)
        key = dedupe_key(body, request.headers)
        if key in in_flight:  # a retry overtook a slow first attempt: let Sent retry later
            return _reply(409, ok=False, reason="in_progress")
        in_flight.add(key)
        try:
            return await process(key, event)
        finally:
            in_flight.discard(key)

    async def process(key: str, event: WebhookEvent) -> web.Response:
        if await store.seen(key):
            return _reply(200, ok=True, duplicate=True)
        try:
            await on_event(event)
        except Exception:
            log.exception("on_event failed for webhook %s; answering 500 so Sent retries", key)
            await store.forget(key)
            return _reply(500, ok=False, reason="handler_error")
        except BaseException:  # cancelled: not processed either
            await store.forget(key)
            raise
        return _reply(200, ok=True)

    return handle
