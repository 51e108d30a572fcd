"""Users of the organization or profile (``/v3/users``) and their roles.

Inviting, changing a role and removing a user need the admin role (403 AUTH_004 otherwise);
invitations are in the stricter "sensitive" rate-limit tier.
"""

from __future__ import annotations

from .. import _validate
from .._types import UNSET, Unset
from ..models import SandboxRequest, User, UserInviteRequest, UserList, UserRoleUpdateRequest
from ._base import AsyncResource, body


class AsyncUsers(AsyncResource):
    """Users of the organization and their roles."""

    async def list(self) -> UserList:
        """List the users of the organization, or of the profile the client acts for."""
        return await self._t.request("GET", "/v3/users", into=UserList)

    async def get(self, user_id: str) -> User:
        """Get one user, with their role and invitation status."""
        uid = _validate.uuid(user_id, "user_id")
        return await self._t.request("GET", f"/v3/users/{uid}", into=User)

    async def invite(
        self,
        *,
        email: str | Unset = UNSET,
        name: str | Unset = UNSET,
        role: str | Unset = UNSET,
        sandbox: bool | Unset = UNSET,
        idempotency_key: str | None = None,
    ) -> User:
        """Invite someone by email with a role; they get an email to accept the invitation."""
        request = body(UserInviteRequest, locals())
        return await self._t.request(
            "POST", "/v3/users", body=request, into=User, idempotency_key=idempotency_key
        )

    async def update_role(
        self,
        user_id: str,
        *,
        role: str | Unset = UNSET,
        sandbox: bool | Unset = UNSET,
        idempotency_key: str | None = None,
    ) -> User:
        """Change a user's role."""
        uid = _validate.uuid(user_id, "user_id")
        request = body(UserRoleUpdateRequest, locals())
        return await self._t.request(
            "PATCH",
            f"/v3/users/{uid}",
            body=request,
            into=User,
            idempotency_key=idempotency_key,
        )

    async def delete(
        self, user_id: str, *, sandbox: bool = False, idempotency_key: str | None = None
    ) -> None:
        """Remove a user from the organization or profile (operation ``users_remove``)."""
        uid = _validate.uuid(user_id, "user_id")
        await self._t.request(
            "DELETE",
            f"/v3/users/{uid}",
            body=SandboxRequest(sandbox=sandbox),
            idempotency_key=idempotency_key,
        )
