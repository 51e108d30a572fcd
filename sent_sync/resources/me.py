# Generated from sent_async/resources/me.py by scripts/gen_facades.py.
# Do not edit: change the async source and run `make sync`.
"""Sync twin of ``sent_async/resources/me.py``."""

from __future__ import annotations

from functools import partial

from sent_async import models
from sent_async.resources.me import AsyncMe
from sent_sync._portal import SyncResource


class Me(SyncResource):
    """Who the API key belongs to (organization, user or profile)."""

    _inner: AsyncMe

    def get(self) -> models.Me:
        """Describe the account behind the key: its ``type``, profiles, channels and settings.

        With ``for_profile(...)`` it describes that profile: a cheap way to check that the key
        and the ``x-profile-id`` scope are what you think they are.
        """
        return self._portal.call(partial(self._inner.get))
