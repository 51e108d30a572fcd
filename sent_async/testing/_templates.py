"""FakeSent's ``/v3/templates`` family: stateful, paged, with Sent's review rules.

A template is created as DRAFT, or PENDING with ``submit_for_review``. While PENDING its
definition, category and language are frozen and a second submission is refused (409
CONFLICT_006). ``await server.review_templates()`` approves every pending template
(emitting a ``templates`` webhook event for each) and returns how many changed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import attrs
from aiohttp import web

from .._types import UNSET
from ..models import (
    Template,
    TemplateCreateRequest,
    TemplateDeleteRequest,
    TemplatesPage,
    TemplateUpdateRequest,
)
from ._support import (
    ApiFailure,
    Emit,
    customer_of,
    envelope,
    invalid,
    new_id,
    no_content,
    not_found,
    now,
    page_of,
    parse,
    state_of,
    visible,
)

routes = web.RouteTableDef()
CATEGORIES = ("MARKETING", "UTILITY", "AUTHENTICATION")
"""Sent's template categories (api facts, section 9)."""
FROZEN_WHILE_PENDING = ("definition", "category", "language")
_PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z0-9_.]+)\s*\}\}")
_BODY_CHANNELS = {"sms": "sms", "whatsapp": "whatsapp", "rcs": "rcs", "mms": "mms"}
_MULTI = ("sms", "whatsapp", "rcs")


@attrs.define(eq=False)
class Templates:
    """The template store (id -> Template); ``review()`` approves what is pending."""

    emit: Emit = attrs.field(repr=False)
    by_id: dict[str, Template] = attrs.Factory(dict)

    async def review(self) -> int:
        """Approve every PENDING template and emit its ``templates`` status event."""
        pending = [t for t in self.by_id.values() if t.status == "PENDING"]
        for template in pending:
            approved = attrs.evolve(template, status="APPROVED", is_published=True)
            self.by_id[str(template.id)] = approved
            await self.emit("templates", None, _approved_event(template))
        return len(pending)


def _approved_event(template: Template) -> dict[str, Any]:
    return {
        "status": "APPROVED",
        "whatsapp_template_id": f"wa_{str(template.id)[:8]}",
        "template_id": template.id,
        "template_name": template.name,
        "category": template.category,
        "language": template.language,
        "account_id": template.customer_id,
    }


def _given(value: Any) -> bool:
    return value is not UNSET and value is not None


def _texts(definition: Any) -> list[Any]:
    """Every part of a definition that carries template text and variables."""
    parts = [getattr(definition.body, name) for name in (*_BODY_CHANNELS, "multi_channel")]
    parts += [definition.header, definition.footer]
    parts += [button.props for button in (definition.buttons or [])]
    return [part for part in parts if _given(part)]


def _channels(definition: Any) -> list[str]:
    found = [
        wire for name, wire in _BODY_CHANNELS.items() if _given(getattr(definition.body, name))
    ]
    if _given(definition.body.multi_channel):
        found += [channel for channel in _MULTI if channel not in found]
    return found


def _variables(definition: Any) -> list[str]:
    """Declared variable names first, then ``{{placeholders}}`` found in the texts."""
    names: list[str] = []
    for part in _texts(definition):
        names += [v.name for v in (part.variables or [])]
        text = getattr(part, "template", None) or getattr(part, "text", None) or ""
        names += _PLACEHOLDER.findall(str(text))
    return list(dict.fromkeys(names))


def _check_category(category: Any) -> None:
    if _given(category) and category not in CATEGORIES:
        raise invalid(
            f"category must be one of {', '.join(CATEGORIES)}", "category", "VALIDATION_006"
        )


def _matches(template: Template, query: Mapping[str, str]) -> bool:
    search = (query.get("search") or "").lower()
    return (
        (not search or search in (template.name or "").lower())
        and query.get("status") in (None, "", template.status)
        and query.get("category") in (None, "", template.category)
    )


def find(request: web.Request) -> Template:
    template = state_of(request).templates.by_id.get(request.match_info["template_id"])
    if template is None or not visible(request, template.customer_id):
        raise not_found("RESOURCE_002", "Template")
    return template


@routes.get("/v3/templates")
async def list_templates(request: web.Request) -> web.Response:
    stored = state_of(request).templates.by_id.values()
    found = [t for t in stored if visible(request, t.customer_id) and _matches(t, request.query)]
    items, pagination = page_of(request, found)
    return envelope(TemplatesPage(templates=items, pagination=pagination))


@routes.post("/v3/templates")
async def create_template(request: web.Request) -> web.Response:
    body = await parse(request, TemplateCreateRequest)
    if not _given(body.definition):
        raise invalid("definition is required", "definition", "VALIDATION_004")
    _check_category(body.category)
    stamp, tid = now(), new_id()
    template = Template(
        id=tid,
        customer_id=customer_of(request),
        name=f"template_{tid[:8]}",
        category=body.category if isinstance(body.category, str) else "UTILITY",
        language=body.language if isinstance(body.language, str) else "en_US",
        status="PENDING" if body.submit_for_review is True else "DRAFT",
        is_published=False,
        auto_reply_action="none",
        channels=_channels(body.definition),
        variables=_variables(body.definition),
        created_at=stamp,
        updated_at=stamp,
    )
    if body.sandbox is not True:
        state_of(request).templates.by_id[tid] = template
    return envelope(template)


@routes.get("/v3/templates/{template_id}")
async def get_template(request: web.Request) -> web.Response:
    return envelope(find(request))


def _check_frozen(template: Template, body: TemplateUpdateRequest) -> None:
    """While in review, definition, category and language cannot change (409 CONFLICT_006)."""
    if template.status != "PENDING":
        return
    frozen = [name for name in FROZEN_WHILE_PENDING if getattr(body, name) is not UNSET]
    if frozen or body.submit_for_review is True:
        raise ApiFailure(
            409,
            "CONFLICT_006",
            "Template is in review: definition, category and language are frozen",
        )


@routes.put("/v3/templates/{template_id}")
async def update_template(request: web.Request) -> web.Response:
    template = find(request)
    body = await parse(request, TemplateUpdateRequest)
    _check_frozen(template, body)
    _check_category(body.category)
    changes: dict[str, Any] = {
        name: getattr(body, name)
        for name in ("name", "category", "language")
        if getattr(body, name) is not UNSET
    }
    if _given(body.definition):
        changes["channels"] = _channels(body.definition)
        changes["variables"] = _variables(body.definition)
    if body.submit_for_review is True:
        changes.update(status="PENDING", is_published=False)
    updated = attrs.evolve(template, **changes, updated_at=now())
    if body.sandbox is not True:
        state_of(request).templates.by_id[str(template.id)] = updated
    return envelope(updated)


@routes.delete("/v3/templates/{template_id}")
async def delete_template(request: web.Request) -> web.Response:
    template = find(request)
    body = await parse(request, TemplateDeleteRequest)
    if body.sandbox is not True:
        del state_of(request).templates.by_id[str(template.id)]
    return no_content()
