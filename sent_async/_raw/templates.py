# Generated from sent_async/resources/templates.py by scripts/gen_facades.py.
# Do not edit: change the async source and run `make sync`.
"""Views of ``sent_async/resources/templates.py`` whose calls return ``RawResponse[T]``."""

from __future__ import annotations

from sent_async.resources.templates import AsyncTemplates


class AsyncTemplatesWithRawResponse:
    """AsyncTemplates whose calls return ``RawResponse`` (``.data``, ``.meta``, ...)."""

    def __init__(self, inner: AsyncTemplates) -> None:
        self._inner = inner
