# Generated from sent_async/resources/users.py by scripts/gen_facades.py.
# Do not edit: change the async source and run `make sync`.
"""Sync twin of ``sent_async/resources/users.py``."""

from __future__ import annotations

from functools import partial

from sent_async._types import UNSET, Unset
from sent_async.models import (
    User,
    UserList,
)
from sent_async.resources.users import AsyncUsers
from sent_sync._portal import SyncResource


class Users(SyncResource):
    """Users of the organization and their roles."""

    _inner: AsyncUsers

    def list(self) -> UserList:
        """List the users of the organization, or of the profile the client acts for."""
        return self._portal.call(partial(self._inner.list))

    def get(self, user_id: str) -> User:
        """Get one user, with their role and invitation status."""
        return self._portal.call(partial(self._inner.get, user_id))

    def invite(
        self,
        *,
        email: str | Unset = UNSET,
        name: str | Unset = UNSET,
        role: str | Unset = UNSET,
        sandbox: bool | Unset = UNSET,
        idempotency_key: str | None = None,
    ) -> User:
        """Invite someone by email with a role; they get an email to accept the invitation."""
        return self._portal.call(
            partial(
                self._inner.invite,
                email=email,
                name=name,
                role=role,
                sandbox=sandbox,
                idempotency_key=idempotency_key,
            )
        )

    def update_role(
        self,
        user_id: str,
        *,
        role: str | Unset = UNSET,
        sandbox: bool | Unset = UNSET,
        idempotency_key: str | None = None,
    ) -> User:
        """Change a user's role."""
        return self._portal.call(
            partial(
                self._inner.update_role,
                user_id,
                role=role,
                sandbox=sandbox,
                idempotency_key=idempotency_key,
            )
        )

    def delete(
        self, user_id: str, *, sandbox: bool = False, idempotency_key: str | None = None
    ) -> None:
        """Remove a user from the organization or profile (operation ``users_remove``)."""
        return self._portal.call(
            partial(self._inner.delete, user_id, sandbox=sandbox, idempotency_key=idempotency_key)
        )
