"""Marking SDK methods that wrap operations Sent has deprecated."""

from __future__ import annotations

import functools
import inspect
import threading
import warnings
from collections.abc import Callable
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])
SYNC_LOOP_THREAD = "sent-sync-loop"


def deprecated(reason: str) -> Callable[[F], F]:
    """Warn (DeprecationWarning, once per method) that Sent deprecated this operation.

    The sync facade carries the same decorator, so the warning points at the caller's line;
    the async twin then stays quiet when run on the facade's loop thread.
    """

    def wrap(fn: F) -> F:
        warned = False

        def warn() -> None:
            nonlocal warned
            if not warned and threading.current_thread().name != SYNC_LOOP_THREAD:
                warned = True
                warnings.warn(f"{fn.__qualname__}: {reason}", DeprecationWarning, stacklevel=3)

        if inspect.iscoroutinefunction(fn):

            @functools.wraps(fn)
            async def call_async(*args: Any, **kwargs: Any) -> Any:
                warn()
                return await fn(*args, **kwargs)

            call: Any = call_async
        else:

            @functools.wraps(fn)
            def call_sync(*args: Any, **kwargs: Any) -> Any:
                warn()
                return fn(*args, **kwargs)

            call = call_sync
        call.__deprecated__ = reason
        return call  # type: ignore[no-any-return]

    return wrap
