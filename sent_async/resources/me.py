"""Who the API key belongs to (``/v3/me``)."""

from __future__ import annotations

from .. import models  # the model is used as models.Me: the sync twin of AsyncMe is Me
from ._base import AsyncResource


class AsyncMe(AsyncResource):
    """Who the API key belongs to (organization, user or profile)."""

    async def get(self) -> models.Me:
        """Describe the account behind the key: its ``type``, profiles, channels and settings.

        With ``for_profile(...)`` it describes that profile: a cheap way to check that the key
        and the ``x-profile-id`` scope are what you think they are.
        """
        return await self._t.request("GET", "/v3/me", into=models.Me)
