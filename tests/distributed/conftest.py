"""Fixtures of the distributed tests: a real redis-server per session (and one per test that
kills its own), and the counting server."""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from .support import Counter, RedisServer, serve


@contextlib.contextmanager
def _redis() -> Iterator[RedisServer]:
    # A short directory of its own: a unix socket path must stay under 108 bytes.
    directory = Path(tempfile.mkdtemp(prefix="sent-redis-"))
    server = RedisServer(directory)
    try:
        server.start()
        yield server
    finally:
        server.stop()
        shutil.rmtree(directory, ignore_errors=True)


@pytest.fixture(scope="session")
def redis_server() -> Iterator[RedisServer]:
    with _redis() as server:
        yield server


@pytest.fixture
def own_redis() -> Iterator[RedisServer]:
    """A redis-server for one test (it may kill it)."""
    with _redis() as server:
        yield server


@pytest.fixture
async def counter() -> AsyncIterator[Counter]:
    async with serve(Counter()) as c:
        yield c
