"""Message templates (``/v3/templates``): WhatsApp and multi-channel, with review status.

A template's ``definition`` nests deeply (body per channel, header, footer, buttons,
variables). Pass it as a ``TemplateDefinitionInput`` or as a plain dict keyed by our
snake_case names (``multi_channel``, ``definition_version``, ``media_type``...); the wire gets
Sent's camelCase names (``multiChannel``, ``definitionVersion``, ``mediaType``...).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .. import _validate
from .._pagination import AsyncPager
from .._types import UNSET, Unset
from ..models import (
    Template,
    TemplateCreateRequest,
    TemplateDefinitionInput,
    TemplateDeleteRequest,
    TemplatesPage,
    TemplateUpdateRequest,
)
from ._base import AsyncResource, body


class AsyncTemplates(AsyncResource):
    """Message templates (WhatsApp and multi-channel), with review status."""

    def list(
        self,
        *,
        page: int = 1,
        page_size: int | None = None,
        search: str | None = None,
        status: str | None = None,
        category: str | None = None,
        is_welcome_playground: bool | None = None,
    ) -> AsyncPager[Template]:
        """List templates a page at a time; iterating the result yields every one, page by page.

        An organization key sees the templates of all its profiles. ``is_welcome_playground``
        is accepted but ignored by Sent since Aug 2026.
        """
        query = {
            "page_size": page_size,
            "search": search,
            "status": status,
            "category": category,
            "is_welcome_playground": is_welcome_playground,
        }
        return AsyncPager(self._t, "/v3/templates", TemplatesPage, "templates", query, page=page)

    async def get(self, template_id: str) -> Template:
        """Get one template, with its review status and the channels it is approved on."""
        tid = _validate.uuid(template_id, "template_id")
        return await self._t.request("GET", f"/v3/templates/{tid}", into=Template)

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
    ) -> Template:
        """Create a template (a draft unless ``submit_for_review=True`` sends it for review).

        Review by Sent and the channels (e.g. Meta for WhatsApp) is asynchronous: follow the
        ``templates`` webhook or ``get()`` for the outcome.
        """
        request = body(TemplateCreateRequest, locals())
        return await self._t.request(
            "POST", "/v3/templates", body=request, into=Template, idempotency_key=idempotency_key
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
    ) -> Template:
        """Replace a template (PUT). Omitted fields are not sent.

        While a template is in review its definition, category and language are frozen:
        Sent answers 409 CONFLICT_006 (as it does to a second submission).
        """
        tid = _validate.uuid(template_id, "template_id")
        request = body(TemplateUpdateRequest, locals())
        return await self._t.request(
            "PUT",
            f"/v3/templates/{tid}",
            body=request,
            into=Template,
            idempotency_key=idempotency_key,
        )

    async def delete(
        self,
        template_id: str,
        *,
        delete_from_meta: bool | None | Unset = UNSET,
        sandbox: bool = False,
        idempotency_key: str | None = None,
    ) -> None:
        """Delete a template; ``delete_from_meta=True`` also removes it from WhatsApp (Meta)."""
        tid = _validate.uuid(template_id, "template_id")
        request = body(TemplateDeleteRequest, locals())
        await self._t.request(
            "DELETE", f"/v3/templates/{tid}", body=request, idempotency_key=idempotency_key
        )
