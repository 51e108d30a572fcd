# Generated from sent_async/resources/templates.py by scripts/gen_facades.py.
# Do not edit: change the async source and run `make sync`.
"""Views of ``sent_async/resources/templates.py`` whose calls return ``RawResponse[T]``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sent_async._response import RawResponse
from sent_async._transport.call import capture_raw
from sent_async._types import UNSET, Unset
from sent_async.models import (
    Template,
    TemplateDefinitionInput,
)
from sent_async.resources.templates import AsyncTemplates


class AsyncTemplatesWithRawResponse:
    """AsyncTemplates whose calls return ``RawResponse`` (``.data``, ``.meta``, ...)."""

    def __init__(self, inner: AsyncTemplates) -> None:
        self._inner = inner

    async def get(self, template_id: str) -> RawResponse[Template]:
        """Get one template, with its review status and the channels it is approved on."""
        return await capture_raw(self._inner.get(template_id))

    async def create(
        self,
        *,
        definition: TemplateDefinitionInput | Mapping[str, Any] | Unset = UNSET,
        category: str | None | Unset = UNSET,
        language: str | None | Unset = UNSET,
        creation_source: str | None | Unset = UNSET,
        submit_for_review: bool | Unset = UNSET,
        auto_create_for_sp: bool | Unset = UNSET,
        sandbox: bool | Unset = UNSET,
        idempotency_key: str | None = None,
    ) -> RawResponse[Template]:
        """Create a template (a draft unless ``submit_for_review=True`` sends it for review).

        Review by Sent and the channels (e.g. Meta for WhatsApp) is asynchronous: follow the
        ``templates`` webhook or ``get()`` for the outcome.
        """
        return await capture_raw(
            self._inner.create(
                definition=definition,
                category=category,
                language=language,
                creation_source=creation_source,
                submit_for_review=submit_for_review,
                auto_create_for_sp=auto_create_for_sp,
                sandbox=sandbox,
                idempotency_key=idempotency_key,
            )
        )

    async def update(
        self,
        template_id: str,
        *,
        name: str | None | Unset = UNSET,
        definition: TemplateDefinitionInput | Mapping[str, Any] | None | Unset = UNSET,
        category: str | None | Unset = UNSET,
        language: str | None | Unset = UNSET,
        submit_for_review: bool | Unset = UNSET,
        sandbox: bool | Unset = UNSET,
        idempotency_key: str | None = None,
    ) -> RawResponse[Template]:
        """Replace a template (PUT). Omitted fields are not sent.

        While a template is in review its definition, category and language are frozen:
        Sent answers 409 CONFLICT_006 (as it does to a second submission).
        """
        return await capture_raw(
            self._inner.update(
                template_id,
                name=name,
                definition=definition,
                category=category,
                language=language,
                submit_for_review=submit_for_review,
                sandbox=sandbox,
                idempotency_key=idempotency_key,
            )
        )

    async def delete(
        self,
        template_id: str,
        *,
        delete_from_meta: bool | None | Unset = UNSET,
        sandbox: bool = False,
        idempotency_key: str | None = None,
    ) -> RawResponse[None]:
        """Delete a template; ``delete_from_meta=True`` also removes it from WhatsApp (Meta)."""
        return await capture_raw(
            self._inner.delete(
                template_id,
                delete_from_meta=delete_from_meta,
                sandbox=sandbox,
                idempotency_key=idempotency_key,
            )
        )
