"""Redaction of secrets in anything we log, show in a repr, or attach to an exception."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

SECRET_KEYS = frozenset(
    {
        "x-api-key",
        "authorization",
        "cookie",
        "set-cookie",
        "api_key",
        "apikey",
        "signing_secret",
        "callback_secret",
        "secret",
        "token",
        "access_token",
        "password",
        "card_number",
        "cvc",
        "expiry",
        "zip_code",
        "payment_details",
        "cvv",
        "proxy-authorization",
        "private_key",
        "client_secret",
    }
)
SECRET_SUFFIXES = (
    "_secret",
    "_token",
    "_password",
    "-secret",
    "-token",
    "api-key",
    "api_key",
    "apikey",
)
"""Any key ending so is masked too (``refresh_token``, ``webhook_secret``, ...)."""
MASK = "[redacted]"


def is_secret_key(key: object) -> bool:
    """True for a header or JSON key whose value must never be shown."""
    if not isinstance(key, str):
        return False
    lowered = key.lower()
    return lowered in SECRET_KEYS or lowered.endswith(SECRET_SUFFIXES)


def redact(value: Any, known: tuple[str, ...] = ()) -> Any:
    """A copy of ``value`` with every secret-named key (any depth, any case) masked.

    Strings containing one of the ``known`` secrets (the API key) are masked wherever they
    are, so a server or proxy echoing the key under an innocent name cannot show it either.
    """
    if isinstance(value, Mapping):
        return {k: (MASK if is_secret_key(k) else redact(v, known)) for k, v in value.items()}
    if isinstance(value, list):
        return [redact(v, known) for v in value]
    if isinstance(value, str) and any(secret and secret in value for secret in known):
        return MASK
    return value


def scrub(text: str, known: tuple[str, ...] = ()) -> str:
    """``text`` with every occurrence of a ``known`` secret replaced by the mask."""
    for secret in known:
        if secret:
            text = text.replace(secret, MASK)
    return text
