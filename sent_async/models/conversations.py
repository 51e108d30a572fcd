# Generated from spec/sent-v3.openapi.json by scripts/gen_models.py; do not edit.
# Regenerate with `make sync`.
"""Models of the ``conversations`` API family."""

from __future__ import annotations

import attrs

from ._common import Message, PaginationMeta


@attrs.frozen(kw_only=True)
class ConversationsPage:
    """Response data ``ConversationsPage``.

    Official SDK type: ``pagination.ConversationsPageData[Message]``.
    """

    messages: list[Message] = attrs.field(factory=list)
    pagination: PaginationMeta | None = None


__all__ = ["ConversationsPage"]
