"""Multipart form bodies (document uploads), encoded once to bytes before the first attempt.

``encode`` reads every file exactly once, refuses a form over its size limit before anything
is sent, and returns a ``Form``: the bytes and their content type (with the boundary). The
transport sends those same bytes, with the same Idempotency-Key, on every retry
(docs/reliability.md). Sent publishes no upload limit (spec/sent-current-api-facts.md §1.7),
so ``MAX_FORM_BYTES`` is our own default.
"""

from __future__ import annotations

import mimetypes
import os
import secrets
from collections.abc import Mapping
from typing import BinaryIO

import attrs

from .._errors import SentValidationError

MAX_FORM_BYTES = 10 * 1024 * 1024
"""The largest form the SDK sends (10 MiB, files and fields together)."""

FileInput = str | os.PathLike[str] | bytes | bytearray | memoryview | BinaryIO
"""A file to upload: a path, its bytes, or a binary file object (read once, not closed)."""
Upload = FileInput | tuple[str, FileInput]
"""A ``FileInput``, or ``(file_name, FileInput)`` to name the part yourself."""


@attrs.frozen
class Form:
    """An encoded multipart/form-data body: what every attempt sends, byte for byte."""

    content: bytes = attrs.field(repr=lambda b: f"<{len(b)} bytes>")
    content_type: str


def _header_text(value: str, what: str) -> str:
    """A field or file name for a part header: no CR/LF/NUL (header injection), quotes escaped."""
    if any(c in value for c in "\r\n\x00") or not value:
        raise SentValidationError(f"{what} must be non-empty, without line breaks: {value!r}")
    return value.replace('"', "%22")


def _read(source: FileInput, budget: int, key: str) -> tuple[str | None, bytes]:
    """(file name if known, content), reading at most ``budget + 1`` bytes, once."""
    if isinstance(source, bytes | bytearray | memoryview):
        return None, bytes(source)
    if isinstance(source, str | os.PathLike):
        try:
            with open(source, "rb") as handle:
                return os.path.basename(os.fspath(source)), handle.read(budget + 1)
        except OSError as exc:
            raise SentValidationError(f"cannot read the file for {key!r}: {exc.strerror}") from None
    read = getattr(source, "read", None)
    if not callable(read):
        raise SentValidationError(
            f"{key!r} must be a path, bytes or a binary file object, got {type(source).__name__}"
        )
    content = read(budget + 1)
    if not isinstance(content, bytes):
        raise SentValidationError(f"{key!r} must be opened in binary mode ('rb')")
    name = getattr(source, "name", None)
    return (os.path.basename(name) if isinstance(name, str) else None), content


def _file_part(key: str, upload: Upload, budget: int, limit: int) -> bytes:
    """One file part (headers and content), or a refusal once the budget is spent."""
    given_name, source = upload if isinstance(upload, tuple) else (None, upload)
    found_name, content = _read(source, budget, key)
    if len(content) > budget:
        raise SentValidationError(
            f"the file for {key!r} takes the form over its {limit}-byte limit; nothing was sent"
        )
    name = _header_text(given_name or found_name or key, "file name")
    kind = mimetypes.guess_type(name)[0] or "application/octet-stream"
    head = (
        f'Content-Disposition: form-data; name="{_header_text(key, "field name")}"; '
        f'filename="{name}"\r\nContent-Type: {kind}\r\n\r\n'
    )
    return head.encode() + content


def encode(
    fields: Mapping[str, str], files: Mapping[str, Upload], *, limit: int = MAX_FORM_BYTES
) -> Form:
    """Encode text ``fields`` and ``files`` (field name -> upload) as one multipart form."""
    parts = [
        f'Content-Disposition: form-data; name="{_header_text(k, "field name")}"\r\n\r\n'.encode()
        + v.encode()
        for k, v in fields.items()
    ]
    for key, upload in files.items():
        parts.append(_file_part(key, upload, limit - sum(map(len, parts)), limit))
    boundary = "sent-" + secrets.token_hex(16)
    while any(boundary.encode() in part for part in parts):  # vanishingly rare; stay correct
        boundary = "sent-" + secrets.token_hex(16)
    sep = f"--{boundary}\r\n".encode()
    content = b"".join(sep + part + b"\r\n" for part in parts) + f"--{boundary}--\r\n".encode()
    if len(content) > limit:
        raise SentValidationError(
            f"the form is {len(content)} bytes, over the {limit} byte limit; nothing was sent"
        )
    return Form(content, f"multipart/form-data; boundary={boundary}")
