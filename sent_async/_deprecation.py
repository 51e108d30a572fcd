"""Marking SDK methods that wrap operations Sent has deprecated."""

from __future__ import annotations

import functools
import inspect
import os
import sys
import threading
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from ._types import UNSET

F = TypeVar("F", bound=Callable[..., Any])
SYNC_LOOP_THREAD = "sent-sync-loop"
_ROOT = Path(__file__).parent.parent
_SDK_DIRS = tuple(os.path.join(_ROOT, name, "") for name in ("sent_async", "sent_sync"))


def _user_stacklevel() -> int:
    """The ``stacklevel`` of the first frame outside the SDK, seen from our caller's caller.

    A plain call reaches ``warn`` through one wrapper; a raw call (``with_raw_response``)
    through a few more. Counting SDK frames points every path at the user's line.
    """
    frame, level = sys._getframe(2), 2  # the frame that called warnings.warn's caller
    while frame.f_back is not None and frame.f_code.co_filename.startswith(_SDK_DIRS):
        frame, level = frame.f_back, level + 1
    return level


def deprecated(
    reason: str, *, ignored: tuple[str, ...] = (), ignored_why: str = ""
) -> Callable[[F], F]:
    """Warn (DeprecationWarning, once per method) that Sent deprecated this operation.

    ``ignored`` names keyword arguments Sent accepts and ignores: passing one warns (each
    call, ``ignored_why`` saying why) and it is dropped, never sent. The sync facade carries the
    same decorator, so the warning points at the caller's line; the async twin then stays
    quiet when run on the facade's loop thread (and gets no ignored argument). Raw calls
    (``with_raw_response``) run these same methods, so they warn alike.
    """

    def wrap(fn: F) -> F:
        warned = False

        def warn(kwargs: dict[str, Any]) -> None:
            nonlocal warned
            dropped = [name for name in ignored if kwargs.pop(name, UNSET) is not UNSET]
            if threading.current_thread().name == SYNC_LOOP_THREAD:
                return
            level = _user_stacklevel()
            if dropped:
                warnings.warn(
                    f"{fn.__qualname__}: {', '.join(dropped)} {ignored_why}; not sent",
                    DeprecationWarning,
                    stacklevel=level,
                )
            if reason and not warned:
                warned = True
                warnings.warn(f"{fn.__qualname__}: {reason}", DeprecationWarning, stacklevel=level)

        if inspect.iscoroutinefunction(fn):

            @functools.wraps(fn)
            async def call_async(*args: Any, **kwargs: Any) -> Any:
                warn(kwargs)
                return await fn(*args, **kwargs)

            call: Any = call_async
        else:

            @functools.wraps(fn)
            def call_sync(*args: Any, **kwargs: Any) -> Any:
                warn(kwargs)
                return fn(*args, **kwargs)

            call = call_sync
        call.__deprecated__ = reason
        return call  # type: ignore[no-any-return]

    return wrap
