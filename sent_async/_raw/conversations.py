# Generated from sent_async/resources/conversations.py by scripts/gen_facades.py.
# Do not edit: change the async source and run `make sync`.
"""Views of ``sent_async/resources/conversations.py`` whose calls return ``RawResponse[T]``."""

from __future__ import annotations

from sent_async.resources.conversations import AsyncConversations


class AsyncConversationsWithRawResponse:
    """AsyncConversations whose calls return ``RawResponse`` (``.data``, ``.meta``, ...)."""

    def __init__(self, inner: AsyncConversations) -> None:
        self._inner = inner
