"""``{success, data, error, meta}`` -> data, or the typed error that explains the failure."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import cattrs

from . import _converter
from ._errors import APIResponseValidationError, APIStatusError, status_error_class
from ._redact import redact
from ._retry import parse_retry_after
from .models import ApiMeta

_EMPTY_META = ApiMeta()
_SNIPPET = 1024


def decode(body: bytes) -> Any:
    """JSON or ``None`` when the body is not JSON (an HTML 502 page from a proxy)."""
    if not body:
        return None
    try:
        return json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return None


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
    return meta_of(doc).request_id or headers.get("x-request-id")


def data_of(doc: Any, into: Any, *, status: int, context: dict[str, Any]) -> Any:
    """Structure ``doc['data']`` into ``into`` (an attrs class, ``list[...]``, or None)."""
    if not is_envelope(doc) or "data" not in doc:
        raise APIResponseValidationError(
            f"the {status} response is not a Sent envelope",
            status_code=status,
            body=redact(doc),
            **context,
        )
    if into is None:
        return None
    try:
        return _converter.wire.structure(doc["data"], into)
    except cattrs.BaseValidationError as exc:
        problems = "; ".join(cattrs.transform_error(exc, path="data")[:5])
        error = APIResponseValidationError(
            f"the response data does not match {_name(into)}: {problems}",
            status_code=status,
            body=redact(doc),
            **context,
        )
    except (ValueError, TypeError):
        error = APIResponseValidationError(
            f"the response data does not match {_name(into)}",
            status_code=status,
            body=redact(doc),
            **context,
        )
    raise error from None  # the cattrs chain may quote values; the paths above do not


def status_error(
    status: int, headers: Mapping[str, str], body: bytes, doc: Any, context: dict[str, Any]
) -> APIStatusError:
    """The typed error for a failed response, whether or not its body is an envelope."""
    error = doc.get("error") if isinstance(doc, dict) else None
    error = error if isinstance(error, Mapping) else {}
    code = error.get("code") if isinstance(error.get("code"), str) else None
    message = error.get("message")
    if not isinstance(message, str) or not message:
        if doc is None and body:
            text = body[:_SNIPPET].decode("utf-8", "replace").strip()
            message = f"non-JSON error response: {' '.join(text.split())[:200]}"
        else:
            message = "the API returned an error without a message"
    details = error.get("details")
    doc_url = error.get("doc_url")
    cls = status_error_class(status)
    return cls(
        message,
        status_code=status,
        code=code,
        details=details if isinstance(details, Mapping) else None,
        doc_url=doc_url if isinstance(doc_url, str) else None,
        retry_after=parse_retry_after(headers),
        headers=redact(dict(headers)),
        body=redact(doc) if doc is not None else body[:_SNIPPET].decode("utf-8", "replace"),
        request_id=request_id_of(doc, headers),
        **context,
    )


def _name(into: Any) -> str:
    return getattr(into, "__name__", None) or str(into)
