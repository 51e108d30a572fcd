"""Checkpoints for bulk jobs: remember which items Sent accepted, so a re-run skips them.

``checkpoint=`` on ``bulk.run``/``send_many``/``create_many`` takes a store keyed by each
item's Idempotency-Key. Before an item is called, ``begin`` records its first attempt (if
new) and says whether it is done; after Sent accepted it, ``done`` records that. A re-run
then skips done items without a request. An item first attempted more than ``max_age``
(23 h) ago and not known to be done is not re-sent blindly: Sent forgets keys after 24 h, so
it could be sent twice; the report lists it as failed with NeedsCheckError.
``FileCheckpoint`` keeps this in SQLite (one machine, several processes);
``sent_async.distributed.RedisCheckpoint`` in Redis (several machines).
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

import attrs

from .._errors import SentError, SentValidationError

if TYPE_CHECKING:
    import sqlite3

STALE_AFTER = 23 * 3600.0
"""Sent keeps an Idempotency-Key 24 h; an item first tried longer ago than this needs a check."""


@attrs.frozen
class ItemState:
    """What a checkpoint knows of one key: done, and seconds since its first attempt."""

    done: bool
    age: float


class Checkpoint(Protocol):
    """A store of the keys Sent accepted; FileCheckpoint and RedisCheckpoint fit it."""

    max_age: float

    async def begin(self, key: str) -> ItemState:
        """Record the first attempt of ``key`` (if new) and return its state."""

    async def done(self, key: str) -> None:
        """Record that Sent accepted the call made with ``key``."""


class NeedsCheckError(SentError):
    """An item was first attempted longer ago than Sent keeps keys: check it, then re-send.

    Its key may already be forgotten by Sent, so a re-send could deliver it twice; the job
    does not send it. Look the message up (or accept a possible duplicate) and re-run it under
    a new ``job_id``.
    """


def check_checkpoint(value: object) -> None:
    """A checkpoint store, else SentValidationError."""
    if not all(callable(getattr(value, name, None)) for name in ("begin", "done")):
        raise SentValidationError(
            "checkpoint must be a store such as FileCheckpoint(path) or RedisCheckpoint(url)"
        )


def check_age(value: object) -> float:
    """A positive number of seconds."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
        raise SentValidationError(f"max_age must be a positive number of seconds, got {value!r}")
    return float(value)


class FileCheckpoint:
    """A checkpoint in an SQLite file: one machine, safe for several processes at once.

    ``FileCheckpoint("job.sqlite")``; ``clock`` (wall-clock seconds) and ``max_age`` are
    there for tests. Each operation runs in a worker thread, off the event loop.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        max_age: float = STALE_AFTER,
        clock: Callable[[], float] = time.time,
    ) -> None:
        if not isinstance(path, (str, os.PathLike)):
            raise SentValidationError("path must be a file path")
        self.path = os.fspath(path)
        self.max_age = check_age(max_age)
        self._clock = clock
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = None

    def __repr__(self) -> str:
        return f"<FileCheckpoint {self.path!r}>"

    async def begin(self, key: str) -> ItemState:
        """Record the first attempt of ``key`` (if new) and return its state."""
        import anyio.to_thread  # on first use: not every program checkpoints

        return await anyio.to_thread.run_sync(self._begin, key, self._clock())

    async def done(self, key: str) -> None:
        """Record that Sent accepted the call made with ``key``."""
        import anyio.to_thread

        await anyio.to_thread.run_sync(self._done, key, self._clock())

    def close(self) -> None:
        """Close the file (it reopens on next use)."""
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None

    def _conn(self) -> sqlite3.Connection:
        if self._db is None:
            import sqlite3  # here, not at import time: most programs never checkpoint

            db = sqlite3.connect(
                self.path, timeout=30, isolation_level=None, check_same_thread=False
            )
            db.execute("PRAGMA journal_mode=WAL")  # readers and one writer across processes
            db.execute(
                "CREATE TABLE IF NOT EXISTS sent_checkpoint "
                "(key TEXT PRIMARY KEY, first_at REAL NOT NULL, done_at REAL)"
            )
            self._db = db
        return self._db

    def _begin(self, key: str, now: float) -> ItemState:
        with self._lock:
            db = self._conn()
            db.execute(
                "INSERT OR IGNORE INTO sent_checkpoint (key, first_at) VALUES (?, ?)", (key, now)
            )
            first_at, done_at = db.execute(
                "SELECT first_at, done_at FROM sent_checkpoint WHERE key = ?", (key,)
            ).fetchone()
        return ItemState(done=done_at is not None, age=now - first_at)

    def _done(self, key: str, now: float) -> None:
        with self._lock:
            self._conn().execute(
                "INSERT INTO sent_checkpoint (key, first_at, done_at) VALUES (?, ?, ?) "
                "ON CONFLICT (key) DO UPDATE SET done_at = excluded.done_at",
                (key, now, now),
            )
