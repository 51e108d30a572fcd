# Generated from sent_async/resources/me.py by scripts/gen_facades.py.
# Do not edit: change the async source and run `make sync`.
"""Sync twin of ``sent_async/resources/me.py``."""

from __future__ import annotations

from sent_async.resources.me import AsyncMe
from sent_sync._portal import SyncResource


class Me(SyncResource):
    """Who the API key belongs to (organization, user or profile)."""

    _inner: AsyncMe
