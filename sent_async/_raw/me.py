# Generated from sent_async/resources/me.py by scripts/gen_facades.py.
# Do not edit: change the async source and run `make sync`.
"""Views of ``sent_async/resources/me.py`` whose calls return ``RawResponse[T]``."""

from __future__ import annotations

from sent_async import models
from sent_async._response import RawResponse
from sent_async._transport.call import capture_raw
from sent_async.resources.me import AsyncMe


class AsyncMeWithRawResponse:
    """AsyncMe whose calls return ``RawResponse`` (``.data``, ``.meta``, ...)."""

    def __init__(self, inner: AsyncMe) -> None:
        self._inner = inner

    async def get(self) -> RawResponse[models.Me]:
        """Describe the account behind the key: its ``type``, profiles, channels and settings.

        With ``for_profile(...)`` it describes that profile: a cheap way to check that the key
        and the ``x-profile-id`` scope are what you think they are.
        """
        return await capture_raw(self._inner.get())
