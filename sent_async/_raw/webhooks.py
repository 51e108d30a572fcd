# Generated from sent_async/resources/webhooks.py by scripts/gen_facades.py.
# Do not edit: change the async source and run `make sync`.
"""Views of ``sent_async/resources/webhooks.py`` whose calls return ``RawResponse[T]``."""

from __future__ import annotations

from sent_async.resources.webhooks import AsyncWebhooks


class AsyncWebhooksWithRawResponse:
    """AsyncWebhooks whose calls return ``RawResponse`` (``.data``, ``.meta``, ...)."""

    def __init__(self, inner: AsyncWebhooks) -> None:
        self._inner = inner
