# Generated from sent_async/_raw/numbers.py by scripts/gen_facades.py.
# Do not edit: change the async source and run `make sync`.
"""Sync twin of ``sent_async/_raw/numbers.py``."""

from __future__ import annotations

from sent_async._raw.numbers import AsyncNumbersWithRawResponse
from sent_sync._portal import SyncResource


class NumbersWithRawResponse(SyncResource):
    """Numbers whose calls return ``RawResponse`` (``.data``, ``.meta``, ...)."""

    _inner: AsyncNumbersWithRawResponse
