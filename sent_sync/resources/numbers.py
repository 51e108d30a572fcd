# Generated from sent_async/resources/numbers.py by scripts/gen_facades.py.
# Do not edit: change the async source and run `make sync`.
"""Sync twin of ``sent_async/resources/numbers.py``."""

from __future__ import annotations

from sent_async.resources.numbers import AsyncNumbers
from sent_sync._portal import SyncResource


class Numbers(SyncResource):
    """Phone number intelligence (carrier, line type, validity)."""

    _inner: AsyncNumbers
