# Generated from sent_async/resources/users.py by scripts/gen_facades.py.
# Do not edit: change the async source and run `make sync`.
"""Views of ``sent_async/resources/users.py`` whose calls return ``RawResponse[T]``."""

from __future__ import annotations

from sent_async._response import RawResponse
from sent_async._transport.call import capture_raw
from sent_async._types import UNSET, Unset
from sent_async.models import (
    User,
    UserList,
)
from sent_async.resources.users import AsyncUsers


class AsyncUsersWithRawResponse:
    """AsyncUsers whose calls return ``RawResponse`` (``.data``, ``.meta``, ...)."""

    def __init__(self, inner: AsyncUsers) -> None:
        self._inner = inner

    async def list(self) -> RawResponse[UserList]:
        """List the users of the organization, or of the profile the client acts for."""
        return await capture_raw(self._inner.list())

    async def get(self, user_id: str) -> RawResponse[User]:
        """Get one user, with their role and invitation status."""
        return await capture_raw(self._inner.get(user_id))

    async def invite(
        self,
        *,
        email: str | Unset = UNSET,
        name: str | Unset = UNSET,
        role: str | Unset = UNSET,
        sandbox: bool | Unset = UNSET,
        idempotency_key: str | None = None,
    ) -> RawResponse[User]:
        """Invite someone by email with a role; they get an email to accept the invitation."""
        return await capture_raw(
            self._inner.invite(
                email=email, name=name, role=role, sandbox=sandbox, idempotency_key=idempotency_key
            )
        )

    async def update_role(
        self,
        user_id: str,
        *,
        role: str | Unset = UNSET,
        sandbox: bool | Unset = UNSET,
        idempotency_key: str | None = None,
    ) -> RawResponse[User]:
        """Change a user's role."""
        return await capture_raw(
            self._inner.update_role(
                user_id, role=role, sandbox=sandbox, idempotency_key=idempotency_key
            )
        )

    async def delete(
        self, user_id: str, *, sandbox: bool = False, idempotency_key: str | None = None
    ) -> RawResponse[None]:
        """Remove a user from the organization or profile (operation ``users_remove``)."""
        return await capture_raw(
            self._inner.delete(user_id, sandbox=sandbox, idempotency_key=idempotency_key)
        )
