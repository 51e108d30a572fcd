"""An asyncio event loop on a daemon thread, reached through an anyio BlockingPortal.

Used by the sync facade (one loop thread per ``sent_sync.Sent``) and by ``FakeSent`` when it
is started from sync code. A daemon thread never holds the interpreter open at exit.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import threading

import anyio
from anyio.from_thread import BlockingPortal


class LoopThread:
    """Start with ``start()``, submit work through ``portal``, end with ``stop()``."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.portal: BlockingPortal | None = None
        self.loop: asyncio.AbstractEventLoop | None = None
        """The thread's event loop, for ``asyncio.run_coroutine_threadsafe`` (the fast path)."""
        self._thread: threading.Thread | None = None

    @property
    def ident(self) -> int | None:
        return self._thread.ident if self._thread else None

    def start(self) -> BlockingPortal:
        ready: concurrent.futures.Future[BlockingPortal] = concurrent.futures.Future()

        async def main() -> None:
            async with BlockingPortal() as portal:
                self.loop = asyncio.get_running_loop()
                ready.set_result(portal)
                await portal.sleep_until_stopped()

        def run() -> None:
            try:
                anyio.run(main, backend="asyncio")
            except BaseException as exc:  # surface start-up failures to the caller
                if not ready.done():
                    ready.set_exception(exc)
                    return
                raise

        self._thread = threading.Thread(target=run, name=self.name, daemon=True)
        self._thread.start()
        self.portal = ready.result()
        return self.portal

    def stop(self) -> None:
        portal, thread = self.portal, self._thread
        self.portal = self._thread = None
        if portal is not None and thread is not None and thread.is_alive():
            portal.call(portal.stop, True)
            thread.join(timeout=10)
