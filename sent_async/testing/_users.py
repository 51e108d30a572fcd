"""FakeSent's ``/v3/users`` family: invite, get, list, change role, remove.

An invited user has status "invited" until they accept (FakeSent never accepts for them);
inviting an email already present answers 409 RESOURCE_007. Users belong to the
organization or to one profile, and each scope lists only its own.
"""

from __future__ import annotations

import attrs
from aiohttp import web

from ..models import User, UserInviteRequest, UserList, UserRoleUpdateRequest
from ._support import (
    ApiFailure,
    customer_of,
    envelope,
    invalid,
    is_sandbox,
    new_id,
    no_content,
    not_found,
    now,
    one_page,
    parse,
    required,
    state_of,
)

routes = web.RouteTableDef()


@attrs.define(eq=False)
class Users:
    """The user store: id -> User."""

    by_id: dict[str, User] = attrs.Factory(dict)


def members(request: web.Request) -> list[User]:
    """The users of the request's scope (the organization, or one profile)."""
    owner = customer_of(request)
    return [u for u in state_of(request).users.by_id.values() if u.customer_id == owner]


def find(request: web.Request) -> User:
    user = state_of(request).users.by_id.get(request.match_info["user_id"])
    if user is None or user.customer_id != customer_of(request):
        raise not_found("RESOURCE_006", "User")
    return user


@routes.get("/v3/users")
async def list_users(request: web.Request) -> web.Response:
    found = members(request)
    return envelope(UserList(users=found, pagination=one_page(len(found))))


@routes.post("/v3/users")
async def invite_user(request: web.Request) -> web.Response:
    body = await parse(request, UserInviteRequest)
    email = required(body.email, "email")
    if "@" not in email:
        raise invalid("Email must be a valid email address", "email")
    role = required(body.role, "role")
    if any((u.email or "").lower() == email.lower() for u in members(request)):
        raise ApiFailure(409, "RESOURCE_007", "A user with this email already exists")
    stamp = now()
    user = User(
        id=new_id(),
        customer_id=customer_of(request),
        email=email,
        name=body.name if isinstance(body.name, str) else None,
        role=role,
        status="invited",
        invited_at=stamp,
        last_login_at=None,
        created_at=stamp,
        updated_at=stamp,
    )
    if body.sandbox is not True:
        state_of(request).users.by_id[str(user.id)] = user
    return envelope(user)


@routes.get("/v3/users/{user_id}")
async def get_user(request: web.Request) -> web.Response:
    return envelope(find(request))


@routes.patch("/v3/users/{user_id}")
async def update_role(request: web.Request) -> web.Response:
    user = find(request)
    body = await parse(request, UserRoleUpdateRequest)
    updated = attrs.evolve(user, role=required(body.role, "role"), updated_at=now())
    if body.sandbox is not True:
        state_of(request).users.by_id[str(user.id)] = updated
    return envelope(updated)


@routes.delete("/v3/users/{user_id}")
async def remove_user(request: web.Request) -> web.Response:
    user = find(request)
    if not await is_sandbox(request):
        del state_of(request).users.by_id[str(user.id)]
    return no_content()
