"""FakeSent's ``GET /v3/numbers/lookup/{phoneNumber}``: canned, contract-shaped.

The answer is derived from the number, so tests can rely on it:

- the country comes from the calling-code prefix (a small table; unknown codes are
  ``is_valid: false`` with no country or carrier);
- the last digit picks the line: ``0`` landline, ``9`` VoIP (``is_voip: true``), else mobile;
- a last-but-one digit of ``7`` marks the number as ported.
"""

from __future__ import annotations

from aiohttp import web

from ..models import NumberLookup
from ._support import e164, envelope

routes = web.RouteTableDef()
# calling code -> (ISO country, mobile country code)
COUNTRIES: dict[str, tuple[str, str]] = {
    "1": ("US", "310"),
    "44": ("GB", "234"),
    "49": ("DE", "262"),
    "33": ("FR", "208"),
    "34": ("ES", "214"),
    "39": ("IT", "222"),
    "31": ("NL", "204"),
    "61": ("AU", "505"),
    "81": ("JP", "440"),
    "91": ("IN", "404"),
    "55": ("BR", "724"),
    "52": ("MX", "334"),
    "65": ("SG", "525"),
    "27": ("ZA", "655"),
    "234": ("NG", "621"),
    "971": ("AE", "424"),
}


def lookup(number: str) -> NumberLookup:
    """The canned lookup FakeSent answers for an E.164 ``number``."""
    digits = number[1:]
    code = next((digits[:n] for n in (3, 2, 1) if digits[:n] in COUNTRIES), None)
    if code is None:
        return NumberLookup(phone_number=number, is_valid=False, line_type="unknown")
    country, mcc = COUNTRIES[code]
    line = {"0": "landline", "9": "voip"}.get(digits[-1], "mobile")
    return NumberLookup(
        phone_number=number,
        country_code=country,
        is_valid=True,
        is_voip=line == "voip",
        is_ported=digits[-2] == "7",
        line_type=line,
        carrier_name=f"FakeSent {'Mobile' if line == 'mobile' else 'Telecom'} {country}",
        mobile_country_code=mcc if line == "mobile" else None,
        mobile_network_code="001" if line == "mobile" else None,
    )


@routes.get("/v3/numbers/lookup/{phone_number}")
async def lookup_number(request: web.Request) -> web.Response:
    number = request.match_info["phone_number"]  # percent-decoded: %2B arrives as "+"
    return envelope(lookup(e164(number, "phoneNumber")))
