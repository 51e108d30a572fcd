"""Page-numbered lists: ``AsyncPager`` (what list calls return) and ``AsyncPage``.

    first = await client.contacts.list(page_size=100)         # one page
    async for contact in client.contacts.list(page_size=100):  # every item, page by page
        ...

Sent pages are numbered from 1 (``page``/``page_size``); items sit under ``data.<key>`` and
``data.pagination.has_more`` says whether another page exists. Iteration stops when it is false
or a page comes back empty, so a server that never says "no more" cannot loop us forever.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Generator, Mapping
from typing import Any, Generic, TypeVar

from ._errors import SentValidationError
from ._transport.call import Transport
from ._types import UNSET
from .models import PaginationMeta

T = TypeVar("T")


class AsyncPage(Generic[T]):
    """One page: its ``items``, the ``pagination`` block, and the way to the next page."""

    def __init__(self, pager: AsyncPager[T], data: Any, page: int) -> None:
        self._pager = pager
        self.data = data
        """The whole structured ``data`` of the response (e.g. ``ContactsPage``)."""
        self.page = page
        self.items: list[T] = list(getattr(data, pager.items_key, None) or [])
        self.pagination: PaginationMeta | None = getattr(data, "pagination", None)

    def __repr__(self) -> str:
        return f"<AsyncPage page={self.page} items={len(self.items)} more={self.has_next_page}>"

    @property
    def has_next_page(self) -> bool:
        """True when the server says more items follow and this page was not empty."""
        return bool(self.items) and bool(self.pagination and self.pagination.has_more)

    async def next_page(self) -> AsyncPage[T] | None:
        """Fetch the following page, or None when this is the last one."""
        if not self.has_next_page:
            return None
        return await self._pager.fetch(self.page + 1)

    async def __aiter__(self) -> AsyncIterator[T]:
        """Every item from this page on, fetching later pages as needed."""
        page: AsyncPage[T] | None = self
        while page is not None:
            for item in page.items:
                yield item
            page = await page.next_page()


class AsyncPager(Generic[T]):
    """What a paged list call returns: await it for the first page, iterate it for all items."""

    def __init__(
        self,
        transport: Transport,
        path: str,
        into: type[Any],
        items_key: str,
        query: Mapping[str, Any],
        *,
        page: int = 1,
    ) -> None:
        for name, value in (("page", page), ("page_size", query.get("page_size"))):
            if value is None or value is UNSET:
                continue
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise SentValidationError(f"{name} must be an integer >= 1, got {value!r}")
        self._t = transport
        self.path = path
        self.into = into
        self.items_key = items_key
        self.query = dict(query)
        self.start = page

    def __repr__(self) -> str:
        return f"<AsyncPager {self.path} from page {self.start}>"

    async def fetch(self, page: int) -> AsyncPage[T]:
        """Fetch one page by number."""
        data = await self._t.request(
            "GET", self.path, into=self.into, query={**self.query, "page": page}
        )
        return AsyncPage(self, data, page)

    async def first_page(self) -> AsyncPage[T]:
        """The page the call asked for (page 1 unless ``page=`` was given)."""
        return await self.fetch(self.start)

    def __await__(self) -> Generator[Any, None, AsyncPage[T]]:
        return self.first_page().__await__()

    async def __aiter__(self) -> AsyncIterator[T]:
        async for item in await self.first_page():
            yield item
