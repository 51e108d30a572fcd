# Generated from sent_async/resources/numbers.py by scripts/gen_facades.py.
# Do not edit: change the async source and run `make sync`.
"""Views of ``sent_async/resources/numbers.py`` whose calls return ``RawResponse[T]``."""

from __future__ import annotations

from sent_async.resources.numbers import AsyncNumbers


class AsyncNumbersWithRawResponse:
    """AsyncNumbers whose calls return ``RawResponse`` (``.data``, ``.meta``, ...)."""

    def __init__(self, inner: AsyncNumbers) -> None:
        self._inner = inner
