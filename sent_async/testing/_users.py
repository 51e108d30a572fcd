"""FakeSent handlers for ``/v3/users``: invite, get, list, change role, remove.

An invited user has status "invited" until they accept (FakeSent never accepts for them);
inviting an email already present answers 409 RESOURCE_007.
"""

from __future__ import annotations

import datetime
import uuid
from typing import TYPE_CHECKING

import attrs
from aiohttp import web

from ..models import PaginationMeta, User, UserInviteRequest, UserList, UserRoleUpdateRequest
from ._server import ApiFailure, invalid, not_found

if TYPE_CHECKING:
    from ._server import FakeSent


def _now() -> datetime.datetime:
    return datetime.datetime.now(datetime.timezone.utc)


def _required(value: object, name: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise invalid(f"{name} is required", name, "VALIDATION_004")
    return value


def routes(server: FakeSent) -> list[web.RouteDef]:
    users: dict[str, User] = server.state.setdefault("users", {})

    def owner(request: web.Request) -> str:
        return request.headers.get("x-profile-id") or server.organization_id

    def members(request: web.Request) -> list[User]:
        """Users belong to the organization or to one profile, and are listed separately."""
        return [u for u in users.values() if u.customer_id == owner(request)]

    def find(request: web.Request) -> User:
        user = users.get(request.match_info["user_id"])
        if user is None or user.customer_id != owner(request):
            raise not_found("RESOURCE_006", "User")
        return user

    async def list_users(request: web.Request) -> web.Response:
        found = members(request)
        pagination = PaginationMeta(
            page=1, page_size=len(found), total_count=len(found), total_pages=1, has_more=False
        )
        return server.envelope(UserList(users=found, pagination=pagination))

    async def get_user(request: web.Request) -> web.Response:
        return server.envelope(find(request))

    async def invite_user(request: web.Request) -> web.Response:
        body: UserInviteRequest = server.structure(
            await server.read_json(request), UserInviteRequest
        )
        email = _required(body.email, "email")
        if "@" not in email:
            raise invalid("Email must be a valid email address", "email")
        role = _required(body.role, "role")
        if any((u.email or "").lower() == email.lower() for u in members(request)):
            raise ApiFailure(409, "RESOURCE_007", "A user with this email already exists")
        now = _now()
        user = User(
            id=str(uuid.uuid4()),
            customer_id=owner(request),
            email=email,
            name=body.name if isinstance(body.name, str) else None,
            role=role,
            status="invited",
            invited_at=now,
            last_login_at=None,
            created_at=now,
            updated_at=now,
        )
        if body.sandbox is not True:
            users[str(user.id)] = user
        return server.envelope(user)

    async def update_role(request: web.Request) -> web.Response:
        user = find(request)
        body: UserRoleUpdateRequest = server.structure(
            await server.read_json(request), UserRoleUpdateRequest
        )
        updated = attrs.evolve(user, role=_required(body.role, "role"), updated_at=_now())
        if body.sandbox is not True:
            users[str(user.id)] = updated
        return server.envelope(updated)

    async def remove_user(request: web.Request) -> web.Response:
        user = find(request)
        if (await server.read_json(request)).get("sandbox") is not True:
            del users[str(user.id)]
        return web.Response(status=204)

    item = "/v3/users/{user_id}"
    return [
        web.get("/v3/users", list_users),
        web.post("/v3/users", invite_user),
        web.get(item, get_user),
        web.patch(item, update_role),
        web.delete(item, remove_user),
    ]
