"""Phone number lookup (``/v3/numbers/lookup/{phoneNumber}``)."""

from __future__ import annotations

from .. import _validate
from ..models import NumberLookup
from ._base import AsyncResource


class AsyncNumbers(AsyncResource):
    """Phone number intelligence (carrier, line type, validity)."""

    async def lookup(self, phone_number: str) -> NumberLookup:
        """Look up an E.164 number: country, carrier, line type, whether it is valid or VoIP.

        The number travels in the URL path with its ``+`` percent-encoded (``%2B``), as an
        OpenAPI path value must be: a bare ``+`` is read as a space by form-style decoders.
        """
        number = _validate.e164_path(phone_number, "phone_number")
        return await self._t.request("GET", f"/v3/numbers/lookup/{number}", into=NumberLookup)
