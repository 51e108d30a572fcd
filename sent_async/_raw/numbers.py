# Generated from sent_async/resources/numbers.py by scripts/gen_facades.py.
# Do not edit: change the async source and run `make sync`.
"""Views of ``sent_async/resources/numbers.py`` whose calls return ``RawResponse[T]``."""

from __future__ import annotations

from sent_async._response import RawResponse
from sent_async._transport.call import capture_raw
from sent_async.models import NumberLookup
from sent_async.resources.numbers import AsyncNumbers


class AsyncNumbersWithRawResponse:
    """AsyncNumbers whose calls return ``RawResponse`` (``.data``, ``.meta``, ...)."""

    def __init__(self, inner: AsyncNumbers) -> None:
        self._inner = inner

    async def lookup(self, phone_number: str) -> RawResponse[NumberLookup]:
        """Look up an E.164 number: country, carrier, line type, whether it is valid or VoIP.

        The number travels in the URL path with its ``+`` percent-encoded (``%2B``), as an
        OpenAPI path value must be: a bare ``+`` is read as a space by form-style decoders.
        """
        return await capture_raw(self._inner.lookup(phone_number))
