# Generated from sent_async/resources/users.py by scripts/gen_facades.py.
# Do not edit: change the async source and run `make sync`.
"""Views of ``sent_async/resources/users.py`` whose calls return ``RawResponse[T]``."""

from __future__ import annotations

from sent_async.resources.users import AsyncUsers


class AsyncUsersWithRawResponse:
    """AsyncUsers whose calls return ``RawResponse`` (``.data``, ``.meta``, ...)."""

    def __init__(self, inner: AsyncUsers) -> None:
        self._inner = inner
