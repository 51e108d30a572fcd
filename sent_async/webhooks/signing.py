"""Sent's webhook signature scheme: ``verify`` a delivery, ``sign`` one for tests.

Signed bytes are ``b"{x-webhook-id}.{x-webhook-timestamp}." + raw body``; the signature header
is ``v1,<base64 HMAC-SHA256>``, keyed by the base64 part of the ``whsec_`` secret. Public
names are re-exported by ``sent_async.webhooks``, whose docstring explains the scheme.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import re
import secrets
import time
from collections.abc import Mapping, Sequence

import attrs

from .._errors import WebhookVerificationError

_PREFIX = "whsec_"
_TIMESTAMP = re.compile(r"[0-9]{1,12}", re.ASCII)


@attrs.frozen
class _Key:
    v1: bytes | None  # None: a non-whsec_ secret, usable only by the legacy scheme
    legacy: tuple[bytes, ...]


def _decode(text: str) -> bytes:
    """The HMAC key inside ``whsec_<base64>``, or b"" when ``text`` is not one."""
    if not text.startswith(_PREFIX):
        return b""
    try:
        return base64.b64decode(text[len(_PREFIX) :], validate=True)
    except (binascii.Error, ValueError):
        return b""


def _keys(secret: str | Sequence[str], allow_legacy: bool) -> list[_Key]:
    candidates = [secret] if isinstance(secret, str) else list(secret)
    if not candidates:
        raise WebhookVerificationError("invalid_secret", "no webhook secret was given")
    keys = []
    for n, raw in enumerate(candidates, 1):
        text = raw.strip() if isinstance(raw, str) else ""
        key = _decode(text)
        if key:
            keys.append(_Key(key, (key, text.encode())))
        elif text and allow_legacy and not text.startswith(_PREFIX):
            keys.append(_Key(None, (text.encode(),)))
        else:
            raise WebhookVerificationError(
                "invalid_secret", f"webhook secret #{n} is not 'whsec_' followed by base64"
            )
    return keys


def check_secret(secret: str | Sequence[str], allow_legacy: bool = False) -> None:
    """Raise ``WebhookVerificationError("invalid_secret")`` now rather than per delivery."""
    _keys(secret, allow_legacy)


def _v1_digest(key: bytes, webhook_id: str, timestamp: str, payload: bytes) -> bytes:
    mac = hmac.new(key, webhook_id.encode("utf-8", "surrogatepass"), hashlib.sha256)
    mac.update(b"." + timestamp.encode("ascii") + b".")
    mac.update(payload)
    return mac.digest()


def _require_bytes(payload: object) -> None:
    if not isinstance(payload, bytes | bytearray):
        raise TypeError("payload must be the raw request body bytes, not parsed or decoded text")


def lower_headers(headers: Mapping[str, str]) -> dict[str, str]:
    """A plain dict with lower-cased names, from any mapping (dict, CIMultiDictProxy, ...)."""
    return {str(k).lower(): v for k, v in headers.items()}


def _header(headers: dict[str, str], name: str) -> str:
    value = headers.get(name)
    if not isinstance(value, str) or not value.strip():
        raise WebhookVerificationError("missing_header", f"the {name} header is missing")
    return value.strip()


def _entries(header: str, prefix: str) -> list[str]:
    return [e[len(prefix) :] for e in header.split() if e.startswith(prefix)]


def _verify_legacy(payload: bytes, header: str, keys: list[_Key]) -> None:
    for hex_sig in _entries(header, "sha256="):
        try:
            received = bytes.fromhex(hex_sig)
        except ValueError:
            continue
        for key in (k for item in keys for k in item.legacy):
            expected = hmac.new(key, payload, hashlib.sha256).digest()
            if hmac.compare_digest(expected, received):
                return
    raise WebhookVerificationError(
        "no_matching_signature", f"no sha256= signature matched any of {len(keys)} secret(s)"
    )


def verify(
    payload: bytes,
    headers: Mapping[str, str],
    secret: str | Sequence[str],
    *,
    tolerance: int = 300,
    now: float | None = None,
    allow_legacy: bool = False,
) -> None:
    """Check that ``payload`` (the raw body) was signed by Sent recently; raise if not.

    Give several secrets during a rotation: any secret x any ``v1`` entry may match. Secrets
    must be ``whsec_<base64>`` (raw base64 is refused: a typo would still decode). The legacy
    ``sha256=<hex>`` scheme has no timestamp, so no replay protection; with ``allow_legacy``
    it is keyed by the decoded key *or* the whole secret string, and plain (non-``whsec_``)
    secrets become legacy-only keys.
    """
    _require_bytes(payload)
    keys = _keys(secret, allow_legacy)
    lowered = lower_headers(headers)
    signature = _header(lowered, "x-webhook-signature")
    if signature.startswith("sha256="):
        if not allow_legacy:
            raise WebhookVerificationError(
                "legacy_scheme_disabled",
                "got a legacy sha256= signature; pass allow_legacy=True to accept it",
            )
        _verify_legacy(payload, signature, keys)
        return
    webhook_id = _header(lowered, "x-webhook-id")
    stamp = _header(lowered, "x-webhook-timestamp")
    if not _TIMESTAMP.fullmatch(stamp):
        raise WebhookVerificationError(
            "invalid_timestamp", "x-webhook-timestamp is not a unix time in whole seconds"
        )
    if not _matches_v1(payload, webhook_id, stamp, _entries(signature, "v1,"), keys):
        raise WebhookVerificationError(
            "no_matching_signature",
            f"no v1 signature matched any of {len(keys)} secret(s); check the secret and "
            "that the raw body bytes were passed, not re-serialized JSON",
        )
    age = (time.time() if now is None else now) - int(stamp)
    if age > tolerance:
        raise WebhookVerificationError(
            "timestamp_too_old", f"signed {age:.0f}s ago, beyond the {tolerance}s tolerance"
        )
    if -age > tolerance:
        raise WebhookVerificationError(
            "timestamp_too_new", f"signed {-age:.0f}s in the future, beyond {tolerance}s"
        )


def _matches_v1(
    payload: bytes, webhook_id: str, stamp: str, sigs: list[str], keys: list[_Key]
) -> bool:
    received = []
    for sig in sigs:
        try:
            received.append(base64.b64decode(sig, validate=True))
        except (binascii.Error, ValueError):
            continue  # malformed entry: ignore it, like an unknown version
    for key in (k.v1 for k in keys if k.v1 is not None):
        expected = _v1_digest(key, webhook_id, stamp, payload)
        if any(hmac.compare_digest(expected, r) for r in received):
            return True
    return False


def sign(
    payload: bytes,
    secret: str,
    *,
    webhook_id: str,
    timestamp: int | None = None,
    event_id: str | None = None,
) -> dict[str, str]:
    """The headers Sent would send with ``payload``: for tests of your own receiver.

    ``timestamp`` defaults to now; ``event_id`` adds the ``x-webhook-event-id`` header.
    """
    _require_bytes(payload)
    key = _decode(secret.strip())
    if not key:
        raise WebhookVerificationError("invalid_secret", "the secret is not 'whsec_' + base64")
    stamp = str(int(time.time()) if timestamp is None else timestamp)
    digest = _v1_digest(key, webhook_id, stamp, payload)
    headers = {
        "x-webhook-id": webhook_id,
        "x-webhook-timestamp": stamp,
        "x-webhook-signature": "v1," + base64.b64encode(digest).decode("ascii"),
    }
    if event_id is not None:
        headers["x-webhook-event-id"] = event_id
    return headers


def generate_secret() -> str:
    """A new ``whsec_`` secret (32 random bytes), in the format Sent issues.

    For tests and local fakes: real endpoints use the secret Sent returns.
    """
    return _PREFIX + base64.b64encode(secrets.token_bytes(32)).decode("ascii")
