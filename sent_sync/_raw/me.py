# Generated from sent_async/_raw/me.py by scripts/gen_facades.py.
# Do not edit: change the async source and run `make sync`.
"""Sync twin of ``sent_async/_raw/me.py``."""

from __future__ import annotations

from functools import partial

from sent_async import models
from sent_async._raw.me import AsyncMeWithRawResponse
from sent_async._response import RawResponse
from sent_sync._portal import SyncResource


class MeWithRawResponse(SyncResource):
    """Me whose calls return ``RawResponse`` (``.data``, ``.meta``, ...)."""

    _inner: AsyncMeWithRawResponse

    def get(self) -> RawResponse[models.Me]:
        """Describe the account behind the key: its ``type``, profiles, channels and settings.

        With ``for_profile(...)`` it describes that profile: a cheap way to check that the key
        and the ``x-profile-id`` scope are what you think they are.
        """
        return self._portal.call(partial(self._inner.get))
