# Generated from spec/sent-v3.openapi.json by scripts/gen_models.py; do not edit.
# Regenerate with `make sync`.
"""Models of the ``users`` API family."""

from __future__ import annotations

import datetime

import attrs

from .._types import UNSET, Unset
from ._common import PaginationMeta


@attrs.frozen(kw_only=True)
class User:
    """Response data ``User``.

    Official SDK type: ``user_response.UserResponse``.
    """

    created_at: datetime.datetime | None = None
    customer_id: str | None = None
    email: str | None = None
    id: str | None = None
    invited_at: datetime.datetime | None = None
    last_login_at: datetime.datetime | None = None
    name: str | None = None
    role: str | None = None
    status: str | None = None
    updated_at: datetime.datetime | None = None


@attrs.frozen(kw_only=True)
class UserInviteRequest:
    """Request input ``UserInviteRequest``.

    Official SDK type: ``user_invite_params.UserInviteParams``.
    """

    email: str | Unset = UNSET
    name: str | Unset = UNSET
    role: str | Unset = UNSET
    sandbox: bool | Unset = UNSET


@attrs.frozen(kw_only=True)
class UserList:
    """Response data ``UserList``.

    Official SDK type: ``user_list_response.Data``.
    """

    pagination: PaginationMeta | None = None
    users: list[User] = attrs.field(factory=list)


@attrs.frozen(kw_only=True)
class UserRoleUpdateRequest:
    """Request input ``UserRoleUpdateRequest``.

    Official SDK type: ``user_update_role_params.UserUpdateRoleParams``.
    """

    role: str | Unset = UNSET
    sandbox: bool | Unset = UNSET


__all__ = ["User", "UserInviteRequest", "UserList", "UserRoleUpdateRequest"]
