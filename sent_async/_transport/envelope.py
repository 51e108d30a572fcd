"""``{success, data, error, meta}`` -> data, or the typed error that explains the failure.

Every response is read here: ``decode`` (bytes -> JSON), ``succeeded`` (the one success rule),
then ``read`` (2xx: validated data) or ``status_error`` (the typed error, with the Retry-After
parsed once). Whatever the body, only a model, None (for calls that return nothing) or an SDK
error comes out: a body nested too deep to decode is "not JSON", never a RecursionError.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

import cattrs

from .. import _converter, _validate
from .._errors import APIResponseValidationError, APIStatusError, Headers, status_error_class
from .._redact import MASK, is_secret_key, redact, scrub
from ..models import ApiMeta
from .retry import parse_retry_after

_EMPTY_META = ApiMeta()
_SNIPPET = 1024
_TAG = re.compile(r"<[^>]*>")  # a proxy's HTML error page, shown as its text


def decode(body: bytes) -> Any:
    """JSON, or ``None`` when the body is not JSON (an HTML 502 page, or nested too deep)."""
    if not body:
        return None
    try:
        return json.loads(body)
    except (ValueError, UnicodeDecodeError, RecursionError):
        return None


def succeeded(status: int, doc: Any) -> bool:
    """The success rule: a 2xx whose envelope does not say ``success: false``."""
    return 200 <= status < 300 and not (isinstance(doc, dict) and doc.get("success") is False)


def read(
    status: int,
    body: bytes,
    doc: Any,
    into: Any,
    context: dict[str, Any],
    known: tuple[str, ...] = (),
) -> Any:
    """The data of a successful response, validated against ``into`` (None: nothing expected).

    A call that returns a model never gets None: an empty body or a 204 is a validation error.
    """
    if status == 204 or not body:
        if into is None or into is Any:  # Any: client.request's plain data, None when empty
            return None
        raise APIResponseValidationError(
            f"the {status} response has no body; expected {_name(into)}",
            status_code=status,
            **context,
        )
    try:
        return data_of(doc, into, status=status, context=context, known=known)
    except RecursionError:  # data nested deeper than the reader (or redact) can follow
        raise APIResponseValidationError(
            f"the response data is nested too deeply to read as {_name(into)}",
            status_code=status,
            **context,
        ) from None


def is_envelope(doc: Any) -> bool:
    return isinstance(doc, dict) and isinstance(doc.get("success"), bool)


def meta_of(doc: Any) -> ApiMeta:
    raw = doc.get("meta") if isinstance(doc, dict) else None
    if not isinstance(raw, Mapping):
        return _EMPTY_META
    try:
        return _converter.wire.structure(raw, ApiMeta)
    except (cattrs.BaseValidationError, ValueError, TypeError):
        return _EMPTY_META


def request_id_of(doc: Any, headers: Mapping[str, str]) -> str | None:
    """``meta.request_id``, else the ``x-request-id`` header (plain lookups: hot path)."""
    meta = doc.get("meta") if isinstance(doc, dict) else None
    found = meta.get("request_id") if isinstance(meta, dict) else None
    return found if isinstance(found, str) else headers.get("x-request-id")


def data_of(
    doc: Any, into: Any, *, status: int, context: dict[str, Any], known: tuple[str, ...] = ()
) -> Any:
    """Structure ``doc['data']`` into ``into`` (an attrs class, ``list[...]``, or None)."""
    # is_envelope(doc), inline: every response passes here
    if not (isinstance(doc, dict) and isinstance(doc.get("success"), bool)) or "data" not in doc:
        raise APIResponseValidationError(
            f"the {status} response is not a Sent envelope",
            status_code=status,
            body=redact(doc, known),
            **context,
        )
    if into is None:
        return None
    try:
        # ``wire.structure(data, into)`` with the hook looked up in a plain dict (hot path).
        read_as = _converter.readers.get(into) or _converter.reader(into)
        return read_as(doc["data"], into)
    except cattrs.BaseValidationError as exc:
        problems = "; ".join(_validate.problems_of(exc, "data")[:5])
        error = APIResponseValidationError(
            f"the response data does not match {_name(into)}: {problems}",
            status_code=status,
            body=redact(doc, known),
            **context,
        )
    except (ValueError, TypeError):  # ``data`` itself has the wrong JSON type
        error = APIResponseValidationError(
            f"the response data does not match {_name(into)}: "
            f"invalid value for type, expected {_name(into)} @ data",
            status_code=status,
            body=redact(doc, known),
            **context,
        )
    raise error from None  # the cattrs chain may quote values; the paths above do not


def status_error(
    status: int,
    headers: Mapping[str, str],
    body: bytes,
    doc: Any,
    context: dict[str, Any],
    known: tuple[str, ...] = (),
) -> APIStatusError:
    """The typed error for a failed response, whether or not its body is an envelope."""
    try:
        return _status_error(status, headers, body, doc, context, known)
    except RecursionError:  # an error body nested too deep to redact: keep none of it
        return _status_error(status, headers, body, None, context, known)


def _status_error(
    status: int,
    headers: Mapping[str, str],
    body: bytes,
    doc: Any,
    context: dict[str, Any],
    known: tuple[str, ...],
) -> APIStatusError:
    error = doc.get("error") if isinstance(doc, dict) else None
    error = error if isinstance(error, Mapping) else {}
    code = error.get("code") if isinstance(error.get("code"), str) else None
    message = error.get("message")
    if not isinstance(message, str) or not message:
        if 300 <= status < 400:
            where = urlsplit(headers.get("location", "")).netloc or "an unnamed location"
            message = (
                f"the API answered with a redirect to {where}; redirects are never followed "
                "(they would carry the API key elsewhere): check base_url"
            )
        elif doc is None and body:
            text = _TAG.sub(" ", body[:_SNIPPET].decode("utf-8", "replace"))
            message = f"non-JSON error response: {' '.join(text.split())[:200]}"
        else:
            message = "the API returned an error without a message"
    details = error.get("details")
    doc_url = error.get("doc_url")
    cls = status_error_class(status)
    return cls(
        scrub(message, known),
        status_code=status,
        code=code,
        details=redact(details, known) if isinstance(details, Mapping) else None,
        doc_url=doc_url if isinstance(doc_url, str) else None,
        retry_after=parse_retry_after(headers),
        headers=Headers(redact_headers(headers, known)),
        body=redact(doc, known)
        if doc is not None
        else scrub(body[:_SNIPPET].decode("utf-8", "replace"), known),
        request_id=request_id_of(doc, headers),
        **context,
    )


def redact_headers(headers: Mapping[str, str], known: tuple[str, ...]) -> list[tuple[str, str]]:
    """Every header (repeated ones too) with secret-named or secret-bearing values masked."""
    return [(k, MASK if is_secret_key(k) else redact(v, known)) for k, v in headers.items()]


def _name(into: Any) -> str:
    return getattr(into, "__name__", None) or str(into)
