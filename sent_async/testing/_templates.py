"""FakeSent handlers for ``/v3/templates``: stateful, paged, with Sent's review rules.

A template is created as DRAFT, or PENDING with ``submit_for_review``. While PENDING its
definition, category and language are frozen and a second submission is refused (409
CONFLICT_006). ``await server.hooks["review_templates"]()`` approves every pending template
(emitting a ``templates`` webhook event for each) and returns how many changed.
"""

from __future__ import annotations

import datetime
import re
import uuid
from typing import TYPE_CHECKING, Any

import attrs
from aiohttp import web

from .._types import UNSET
from ..models import (
    PaginationMeta,
    Template,
    TemplateCreateRequest,
    TemplateDeleteRequest,
    TemplatesPage,
    TemplateUpdateRequest,
)
from ._server import ApiFailure, invalid, not_found

if TYPE_CHECKING:
    from ._server import FakeSent

CATEGORIES = ("MARKETING", "UTILITY", "AUTHENTICATION")
"""Sent's template categories (api facts, section 9)."""
FROZEN_WHILE_PENDING = ("definition", "category", "language")
_PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z0-9_.]+)\s*\}\}")
_BODY_CHANNELS = {"sms": "sms", "whatsapp": "whatsapp", "rcs": "rcs", "mms": "mms"}
_MULTI = ("sms", "whatsapp", "rcs")
_DEFAULT_PAGE_SIZE = 20


def _now() -> datetime.datetime:
    return datetime.datetime.now(datetime.timezone.utc)


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


def routes(server: FakeSent) -> list[web.RouteDef]:
    templates: dict[str, Template] = server.state.setdefault("templates", {})

    def owner(request: web.Request) -> str:
        return request.headers.get("x-profile-id") or server.organization_id

    def visible(request: web.Request, template: Template) -> bool:
        """An organization sees its profiles' templates too; a profile only its own."""
        scope = owner(request)
        return scope == server.organization_id or template.customer_id == scope

    def find(request: web.Request) -> Template:
        template = templates.get(request.match_info["template_id"])
        if template is None or not visible(request, template):
            raise not_found("RESOURCE_002", "Template")
        return template

    def matches(template: Template, query: Any) -> bool:
        search = (query.get("search") or "").lower()
        return (
            (not search or search in (template.name or "").lower())
            and query.get("status") in (None, "", template.status)
            and query.get("category") in (None, "", template.category)
        )

    def positive(query: Any, name: str, default: int) -> int:
        raw = query.get(name)
        if raw is None:
            return default
        if not raw.isdigit() or int(raw) < 1:
            raise invalid(f"{name} must be a positive integer", name, "VALIDATION_005")
        return int(raw)

    async def list_templates(request: web.Request) -> web.Response:
        query = request.query
        page = positive(query, "page", 1)
        size = positive(query, "page_size", _DEFAULT_PAGE_SIZE)
        found = [t for t in templates.values() if visible(request, t) and matches(t, query)]
        total_pages = max(1, -(-len(found) // size))
        pagination = PaginationMeta(
            page=page,
            page_size=size,
            total_count=len(found),
            total_pages=total_pages,
            has_more=page < total_pages,
        )
        items = found[(page - 1) * size : page * size]
        return server.envelope(TemplatesPage(templates=items, pagination=pagination))

    async def get_template(request: web.Request) -> web.Response:
        return server.envelope(find(request))

    async def create_template(request: web.Request) -> web.Response:
        body: TemplateCreateRequest = server.structure(
            await server.read_json(request), TemplateCreateRequest
        )
        if not _given(body.definition):
            raise invalid("definition is required", "definition", "VALIDATION_004")
        _check_category(body.category)
        now, tid = _now(), str(uuid.uuid4())
        template = Template(
            id=tid,
            customer_id=owner(request),
            name=f"template_{tid[:8]}",
            category=body.category if isinstance(body.category, str) else "UTILITY",
            language=body.language if isinstance(body.language, str) else "en_US",
            status="PENDING" if body.submit_for_review is True else "DRAFT",
            is_published=False,
            auto_reply_action="none",
            channels=_channels(body.definition),
            variables=_variables(body.definition),
            created_at=now,
            updated_at=now,
        )
        if body.sandbox is not True:
            templates[tid] = template
        return server.envelope(template)

    async def update_template(request: web.Request) -> web.Response:
        template = find(request)
        body: TemplateUpdateRequest = server.structure(
            await server.read_json(request), TemplateUpdateRequest
        )
        if template.status == "PENDING":
            frozen = [name for name in FROZEN_WHILE_PENDING if getattr(body, name) is not UNSET]
            if frozen or body.submit_for_review is True:
                raise ApiFailure(
                    409,
                    "CONFLICT_006",
                    "Template is in review: definition, category and language are frozen",
                )
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
        updated = attrs.evolve(template, **changes, updated_at=_now())
        if body.sandbox is not True:
            templates[str(template.id)] = updated
        return server.envelope(updated)

    async def delete_template(request: web.Request) -> web.Response:
        template = find(request)
        body: TemplateDeleteRequest = server.structure(
            await server.read_json(request), TemplateDeleteRequest
        )
        if body.sandbox is not True:
            del templates[str(template.id)]
        return web.Response(status=204)

    async def review_templates() -> int:
        """Approve every PENDING template and emit its ``templates`` status event."""
        pending = [t for t in templates.values() if t.status == "PENDING"]
        for template in pending:
            approved = attrs.evolve(template, status="APPROVED", is_published=True)
            templates[str(template.id)] = approved
            await server.emit(
                "templates",
                None,
                {
                    "status": "APPROVED",
                    "whatsapp_template_id": f"wa_{str(template.id)[:8]}",
                    "template_id": template.id,
                    "template_name": template.name,
                    "category": template.category,
                    "language": template.language,
                    "account_id": template.customer_id,
                },
            )
        return len(pending)

    server.hooks["review_templates"] = review_templates
    item = "/v3/templates/{template_id}"
    return [
        web.get("/v3/templates", list_templates),
        web.post("/v3/templates", create_template),
        web.get(item, get_template),
        web.put(item, update_template),
        web.delete(item, delete_template),
    ]
