# Generated from sent_async/resources/me.py by scripts/gen_facades.py.
# Do not edit: change the async source and run `make sync`.
"""Views of ``sent_async/resources/me.py`` whose calls return ``RawResponse[T]``."""

from __future__ import annotations

from sent_async.resources.me import AsyncMe


class AsyncMeWithRawResponse:
    """AsyncMe whose calls return ``RawResponse`` (``.data``, ``.meta``, ...)."""

    def __init__(self, inner: AsyncMe) -> None:
        self._inner = inner
