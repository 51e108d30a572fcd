# Generated from sent_async/_raw/users.py by scripts/gen_facades.py.
# Do not edit: change the async source and run `make sync`.
"""Sync twin of ``sent_async/_raw/users.py``."""

from __future__ import annotations

from sent_async._raw.users import AsyncUsersWithRawResponse
from sent_sync._portal import SyncResource


class UsersWithRawResponse(SyncResource):
    """Users whose calls return ``RawResponse`` (``.data``, ``.meta``, ...)."""

    _inner: AsyncUsersWithRawResponse
