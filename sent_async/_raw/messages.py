# Generated from sent_async/resources/messages.py by scripts/gen_facades.py.
# Do not edit: change the async source and run `make sync`.
"""Views of ``sent_async/resources/messages.py`` whose calls return ``RawResponse[T]``."""

from __future__ import annotations

from sent_async.resources.messages import AsyncMessages


class AsyncMessagesWithRawResponse:
    """AsyncMessages whose calls return ``RawResponse`` (``.data``, ``.meta``, ...)."""

    def __init__(self, inner: AsyncMessages) -> None:
        self._inner = inner
