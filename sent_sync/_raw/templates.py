# Generated from sent_async/_raw/templates.py by scripts/gen_facades.py.
# Do not edit: change the async source and run `make sync`.
"""Sync twin of ``sent_async/_raw/templates.py``."""

from __future__ import annotations

from sent_async._raw.templates import AsyncTemplatesWithRawResponse
from sent_sync._portal import SyncResource


class TemplatesWithRawResponse(SyncResource):
    """Templates whose calls return ``RawResponse`` (``.data``, ``.meta``, ...)."""

    _inner: AsyncTemplatesWithRawResponse
