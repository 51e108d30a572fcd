# Generated from sent_async/resources/numbers.py by scripts/gen_facades.py.
# Do not edit: change the async source and run `make sync`.
"""Sync twin of ``sent_async/resources/numbers.py``."""

from __future__ import annotations

from functools import partial

from sent_async.models import NumberLookup
from sent_async.resources.numbers import AsyncNumbers
from sent_sync._portal import SyncResource


class Numbers(SyncResource):
    """Phone number intelligence (carrier, line type, validity)."""

    _inner: AsyncNumbers

    def lookup(self, phone_number: str) -> NumberLookup:
        """Look up an E.164 number: country, carrier, line type, whether it is valid or VoIP.

        The number travels in the URL path with its ``+`` percent-encoded (``%2B``), as an
        OpenAPI path value must be: a bare ``+`` is read as a space by form-style decoders.
        """
        return self._portal.call(partial(self._inner.lookup, phone_number))
