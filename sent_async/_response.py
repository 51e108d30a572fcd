"""What a call returns when you ask for more than its data (``client.with_raw_response``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Generic, TypeVar

import attrs

if TYPE_CHECKING:
    from .models import ApiMeta

T = TypeVar("T")


@attrs.frozen(kw_only=True)
class RawResponse(Generic[T]):
    """The unwrapped ``data`` plus the envelope's ``meta``, the HTTP status and headers."""

    data: T
    meta: ApiMeta
    status_code: int
    headers: Mapping[str, str] = attrs.field(repr=False)
    idempotency_key: str | None = None

    @property
    def request_id(self) -> str | None:
        """Sent's request id: quote it in support tickets."""
        return self.meta.request_id or self.headers.get("x-request-id")
