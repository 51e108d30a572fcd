# Generated from sent_async/resources/users.py by scripts/gen_facades.py.
# Do not edit: change the async source and run `make sync`.
"""Sync twin of ``sent_async/resources/users.py``."""

from __future__ import annotations

from sent_async.resources.users import AsyncUsers
from sent_sync._portal import SyncResource


class Users(SyncResource):
    """Users of the organization and their roles."""

    _inner: AsyncUsers
