"""The pytest plugin shipped with sent-sdk (entry point ``pytest11``): FakeSent fixtures.

``sent_fake`` (a running FakeSent) and ``sent_client`` (an ``AsyncSent`` bound to it, with
``FAST_RETRY``) for async tests, under anyio's pytest plugin (``@pytest.mark.anyio``) or
pytest-asyncio (``@pytest.mark.asyncio``). Their sync twins, ``sent_fake_sync`` and
``sent_sync_client``, are in ``sent_sync.pytest_plugin`` (the async core never imports the
sync facade). See docs/testing.md, "The pytest plugin".

This module is imported by every pytest run where sent-sdk is installed, so it imports the
SDK only when a fixture is used.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from sent_async import AsyncSent
    from sent_async.testing import FakeSent

_HOW = (
    "{name} is an async fixture: use it in an async test marked @pytest.mark.anyio "
    "(anyio's plugin) or @pytest.mark.asyncio (pytest-asyncio); sync tests use {sync}"
)


def _on_the_test_loop(request: pytest.FixtureRequest, name: str, sync: str) -> Any:
    """The value of ``_<name>_anyio`` or ``_<name>_asyncio``: whichever runs the test's loop."""
    if "anyio_backend" in request.fixturenames:
        backend = request.getfixturevalue("anyio_backend")
        backend_name = backend if isinstance(backend, str) else backend[0]
        if backend_name != "asyncio":
            pytest.skip(f"FakeSent runs on asyncio (aiohttp), not {backend_name}")
        return request.getfixturevalue(f"_{name}_anyio")
    asyncio_plugin = request.config.pluginmanager.has_plugin("asyncio")
    if asyncio_plugin and request.node.get_closest_marker("asyncio") is not None:
        return request.getfixturevalue(f"_{name}_asyncio")
    pytest.fail(_HOW.format(name=name, sync=sync), pytrace=False)


@pytest.fixture
def sent_fake(request: pytest.FixtureRequest) -> FakeSent:
    """A running FakeSent on the test's event loop (a fresh one per test)."""
    fake: FakeSent = _on_the_test_loop(request, "sent_fake", "sent_fake_sync")
    return fake


@pytest.fixture
def sent_client(request: pytest.FixtureRequest) -> AsyncSent:
    """An ``AsyncSent`` bound to ``sent_fake``, retrying with ``FAST_RETRY``; closed after."""
    client: AsyncSent = _on_the_test_loop(request, "sent_client", "sent_sync_client")
    return client


async def _serve() -> AsyncIterator[FakeSent]:
    from sent_async.testing import FakeSent

    async with FakeSent() as fake:
        yield fake


async def _connect(fake: FakeSent) -> AsyncIterator[AsyncSent]:
    from sent_async.testing import FAST_RETRY

    async with fake.client(retry=FAST_RETRY) as client:
        yield client


@pytest.fixture
async def _sent_fake_anyio() -> AsyncIterator[FakeSent]:
    async for fake in _serve():
        yield fake


@pytest.fixture
async def _sent_client_anyio(sent_fake: FakeSent) -> AsyncIterator[AsyncSent]:
    async for client in _connect(sent_fake):
        yield client


try:  # pytest-asyncio handles only the async fixtures it is told about (strict mode)
    import pytest_asyncio
except ImportError:  # pragma: no cover - pytest-asyncio is optional
    pass
else:

    @pytest_asyncio.fixture
    async def _sent_fake_asyncio() -> AsyncIterator[FakeSent]:
        async for fake in _serve():
            yield fake

    @pytest_asyncio.fixture
    async def _sent_client_asyncio(sent_fake: FakeSent) -> AsyncIterator[AsyncSent]:
        async for client in _connect(sent_fake):
            yield client
