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
    }
)
MASK = "[redacted]"


def redact(value: Any) -> Any:
    """A copy of ``value`` with every secret-named key (any depth, any case) masked."""
    if isinstance(value, Mapping):
        return {
            k: (MASK if isinstance(k, str) and k.lower() in SECRET_KEYS else redact(v))
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [redact(v) for v in value]
    return value
