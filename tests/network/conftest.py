"""Fixtures for the network tests: a test CA, and tinyproxy processes (skipped if absent)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest

from .support import LocalCA, Tinyproxy, make_ca, run_tinyproxy, tinyproxy_binary


@pytest.fixture
def test_ca(tmp_path: Path) -> LocalCA:
    return make_ca(tmp_path)


@pytest.fixture
def tinyproxy(tmp_path: Path) -> Iterator[Callable[..., Tinyproxy]]:
    """Start tinyproxy processes (``tinyproxy(auth=True)`` for one that demands credentials)."""
    binary = tinyproxy_binary()
    if binary is None:
        pytest.skip(
            "tinyproxy is not installed and could not be: `make test` installs it with "
            "apt-get (package tinyproxy-bin) where apt is available"
        )
    with ExitStack() as stack:

        def start(auth: bool = False) -> Tinyproxy:
            return stack.enter_context(run_tinyproxy(binary, tmp_path, auth))

        yield start
