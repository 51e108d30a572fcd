"""Local input checks. Each raises SentValidationError before anything reaches the network."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, unquote, urlsplit, urlunsplit

from ._errors import SentValidationError

if TYPE_CHECKING:  # cattrs loads with the converter, on the first call (tests/test_import.py)
    import cattrs

_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
_IDEMPOTENCY_KEY = re.compile(r"[A-Za-z0-9_-]{1,255}")
_E164 = re.compile(r"\+[1-9][0-9]{1,14}")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
is_e164 = _E164.fullmatch
"""``is_e164(text)``: a match when the string ``text`` is what ``e164`` accepts (no message)."""


def api_key(value: object) -> str:
    """An API key must be a non-blank string without control characters."""
    if not isinstance(value, str) or not value.strip():
        raise SentValidationError("an API key is required: pass api_key=... or set SENT_DM_API_KEY")
    if _CONTROL.search(value) or value != value.strip():
        # Never echo the key back: say what is wrong with it, not what it is.
        raise SentValidationError("the API key contains whitespace or control characters")
    return value


def uuid(value: object, what: str) -> str:
    """A canonical hyphenated UUID, e.g. an ``x-profile-id``."""
    if not isinstance(value, str) or not _UUID.fullmatch(value):
        raise SentValidationError(f"{what} must be a UUID, got {_show(value)}")
    return value


def path_id(value: object, what: str) -> str:
    """A path segment: non-empty, no separators or dot segments; returned percent-encoded."""
    if not isinstance(value, str) or not value:
        raise SentValidationError(f"{what} must be a non-empty string, got {_show(value)}")
    if "/" in value or "\\" in value or ".." in value or value == "." or "%" in value:
        raise SentValidationError(f"{what} must not contain '/', '\\', '%' or '..': {_show(value)}")
    if _CONTROL.search(value) or value != value.strip():
        raise SentValidationError(f"{what} must not contain whitespace or control characters")
    return quote(value, safe="@:")


def api_path(value: object) -> str:
    """A path for ``client.request``: under ``/v3/``, one path only (no query, fragment, dot
    segment, backslash or control character, also when percent-encoded); non-ASCII is encoded.
    """
    if not isinstance(value, str) or not value.startswith("/v3/") or value == "/v3/":
        raise SentValidationError(f"path must start with '/v3/', got {_show(value)}")
    for text in (value, unquote(value)):
        if _CONTROL.search(text) or any(c.isspace() for c in text):
            raise SentValidationError("path must not contain whitespace or control characters")
        if "?" in text or "#" in text or "\\" in text:
            raise SentValidationError("path must not contain '?', '#' or '\\': pass query=...")
        if any(seg in (".", "..") for seg in text.split("/")) or "//" in text:
            raise SentValidationError(
                f"path must not contain '.', '..' or empty segments: {_show(value)}"
            )
    return quote(value, safe="/@:+,;=-._~%!$&'()*")


def header_value(name: str, value: str) -> str:
    """Header values may not carry CR, LF or other control characters (header injection)."""
    if _CONTROL.search(value):
        raise SentValidationError(f"the {name} header value contains a control character")
    return value


def idempotency_key(value: object) -> str:
    """Sent's rule: 1-255 characters from ``[A-Za-z0-9_-]``."""
    if not isinstance(value, str) or not _IDEMPOTENCY_KEY.fullmatch(value):
        raise SentValidationError(
            "idempotency_key must be 1-255 characters of A-Z, a-z, 0-9, '_' or '-', "
            f"got {_show(value)}"
        )
    return value


def e164(value: object, what: str) -> str:
    """A phone number in E.164 form, such as ``+14155550123``."""
    if not isinstance(value, str) or not _E164.fullmatch(value):
        raise SentValidationError(
            f"{what} must be an E.164 number like +14155550123, got {_show(value)}"
        )
    return value


def http_url(value: object, what: str) -> str:
    """An absolute http(s) URL with a host and no whitespace (where Sent will call you)."""
    parts = urlsplit(value) if isinstance(value, str) else None
    if (
        parts is None
        or parts.scheme not in ("http", "https")
        or not parts.hostname
        or _CONTROL.search(str(value))
        or any(c.isspace() for c in str(value))
    ):
        raise SentValidationError(
            f"{what} must be an absolute http(s) URL such as https://example.com/hooks, "
            f"got {_show(value)}"
        )
    return str(value)


def e164_path(value: object, what: str) -> str:
    """An E.164 number as a path segment: ``+`` percent-encoded (RFC 6570 simple expansion),
    so no proxy or framework can read it as a space."""
    return quote(e164(value, what), safe="")


def base_url(value: str, *, allow_insecure_http: bool = False) -> str:
    """HTTPS; plain HTTP to a loopback host, or anywhere with ``allow_insecure_http``.

    A trailing ``/v3`` is dropped: every path the SDK sends already starts with ``/v3``, so
    ``https://api.sent.dm/v3`` would otherwise become ``/v3/v3/...`` and 404
    (docs/configuration.md).
    """
    parts = urlsplit(value)
    if _CONTROL.search(value) or not parts.hostname:
        raise SentValidationError(f"base_url is not a valid URL: {_show(redact_url(value))}")
    if parts.query or parts.fragment or parts.username or parts.password:
        raise SentValidationError("base_url must not carry credentials, a query or a fragment")
    if parts.scheme == "http" and not (allow_insecure_http or is_loopback(parts.hostname)):
        raise SentValidationError(
            "base_url uses plain http to a host that is not loopback: the API key would cross "
            "the network in clear. Use https, or pass allow_insecure_http=True for an internal "
            f"gateway you trust (got {_show(redact_url(value))})"
        )
    if parts.scheme not in ("http", "https"):
        raise SentValidationError(f"base_url must use https, got {_show(redact_url(value))}")
    url = value.rstrip("/")
    return url[:-3] if url.lower().endswith("/v3") else url


def is_loopback(host: str) -> bool:
    """``localhost`` or a loopback address (127.0.0.0/8, ::1)."""
    if host.lower() == "localhost":
        return True
    import ipaddress  # only for http:// URLs: not worth its import time for everyone

    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def redact_url(value: str) -> str:
    """The URL with any ``user:password@`` replaced by ``***@`` (for reprs and messages)."""
    parts = urlsplit(value)
    if parts.username is None and parts.password is None:
        return value
    host = parts.netloc.rpartition("@")[2]
    return urlunsplit(parts._replace(netloc="***@" + host))


def proxy(value: object) -> str:
    """An ``http://`` or ``https://`` proxy URL; ``user:password@`` is allowed, never shown."""
    if not isinstance(value, str):
        raise SentValidationError("proxy must be a URL string such as 'http://proxy:3128'")
    shown = _show(redact_url(value))
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        raise SentValidationError(f"proxy is not a valid URL: {shown}") from None
    if _CONTROL.search(value) or not parts.hostname:
        raise SentValidationError(f"proxy is not a valid URL: {shown}")
    if parts.scheme not in ("http", "https"):
        raise SentValidationError(
            f"proxy must be an http:// or https:// URL (SOCKS is not supported), got {shown}"
        )
    if parts.path not in ("", "/") or parts.query or parts.fragment:
        raise SentValidationError(f"proxy must not carry a path, query or fragment: {shown}")
    return value


def trace_configs(value: object) -> tuple[Any, ...]:
    """A list or tuple of ``aiohttp.TraceConfig`` (checked by shape: aiohttp loads lazily)."""
    items = tuple(value) if isinstance(value, list | tuple) else None
    if items is None or not all(hasattr(t, "on_request_start") for t in items):
        raise SentValidationError("trace_configs must be a list of aiohttp.TraceConfig")
    return items


# Headers the SDK sets itself (auth, idempotency, profile, body framing, identification) or
# that a transport must own (hop-by-hop): docs/configuration.md explains each.
RESERVED_HEADERS = frozenset(
    {
        "x-api-key",
        "idempotency-key",
        "x-profile-id",
        "content-type",
        "content-length",
        "content-encoding",
        "transfer-encoding",
        "host",
        "connection",
        "upgrade",
        "te",
        "trailer",
        "keep-alive",
        "accept",
        "accept-encoding",
        "user-agent",
        "proxy-authorization",
    }
)
_TOKEN = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+")
_BAD_VALUE = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")


def default_headers(value: object) -> tuple[tuple[str, str], ...]:
    """Extra headers for every request, checked by name only: a value may be a secret."""
    if not isinstance(value, Mapping):
        raise SentValidationError("default_headers must be a mapping of header name to value")
    seen: set[str] = set()
    out = []
    for name, text in value.items():
        if not isinstance(name, str) or not _TOKEN.fullmatch(name):
            raise SentValidationError(f"default_headers: {_show(name)} is not a valid header name")
        lower = name.lower()
        if lower in RESERVED_HEADERS:
            raise SentValidationError(
                f"default_headers cannot set {name!r}: the SDK sets it itself"
                + (" (use proxy= for proxy credentials)" if lower == "proxy-authorization" else "")
            )
        if lower in seen:
            raise SentValidationError(f"default_headers: {name!r} is given twice")
        if not isinstance(text, str) or _BAD_VALUE.search(text) or text != text.strip():
            raise SentValidationError(
                f"default_headers: the value of {name!r} must be a string without control "
                "characters (CR, LF, NUL) or surrounding whitespace"
            )
        seen.add(lower)
        out.append((name, text))
    return tuple(out)


def _describe(exc: BaseException, tp: Any) -> str:
    """cattrs' wording without the offending value (it may be a secret or personal data)."""
    name = getattr(tp, "__name__", None) or (repr(tp) if tp is not None else None)
    if isinstance(exc, KeyError):
        return "required field missing"
    if isinstance(exc, ValueError | TypeError):
        return f"invalid value for type, expected {name}" if name else "invalid value"
    from cattrs import ForbiddenExtraKeysError  # loaded: cattrs raised ``exc``

    if isinstance(exc, ForbiddenExtraKeysError):
        return f"extra fields found ({', '.join(sorted(exc.extra_fields))})"
    return f"invalid value ({type(exc).__name__})"


def problems_of(exc: BaseException, path: str = "$") -> list[str]:
    """``cattrs.transform_error`` paths that never quote a value (for messages and logs)."""
    import cattrs

    return cattrs.transform_error(exc, path=path, format_exception=_describe)


def nested_input(exc: cattrs.BaseValidationError, what: str) -> SentValidationError:
    """The error for a nested input (a dict given for a model) that cattrs refused.

    It names the bad fields by path and never quotes a value (card data, tokens).
    """
    return SentValidationError(f"invalid {what}: {'; '.join(problems_of(exc, what)[:5])}")


def _show(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."
