# Generated from sent_async/_raw/me.py by scripts/gen_facades.py.
# Do not edit: change the async source and run `make sync`.
"""Sync twin of ``sent_async/_raw/me.py``."""

from __future__ import annotations

from sent_async._raw.me import AsyncMeWithRawResponse
from sent_sync._portal import SyncResource


class MeWithRawResponse(SyncResource):
    """Me whose calls return ``RawResponse`` (``.data``, ``.meta``, ...)."""

    _inner: AsyncMeWithRawResponse
