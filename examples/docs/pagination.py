"""Pagination: await a list call for one page, iterate it for every item."""

from __future__ import annotations

import asyncio

import sent_sync
from sent_async import AsyncSent
from sent_async.testing import FakeSent


async def paging(sent: AsyncSent) -> None:
    # --8<-- [start:async]
    page = await sent.contacts.list(page_size=2)  # one request: page 1
    print(f"page {page.page}: {[c.phone_number for c in page.items]}")
    if page.pagination is not None:
        print(f"{page.pagination.total_count} contacts in {page.pagination.total_pages} pages")

    while page.has_next_page:  # walk the pages yourself...
        next_page = await page.next_page()
        assert next_page is not None
        page = next_page
        print(f"page {page.page}: {len(page.items)} contacts")

    async for contact in sent.contacts.list(page_size=2):  # ...or let iteration do it
        print(contact.phone_number)  # a request per page, never per item

    third = await sent.contacts.list(page=3, page_size=2)  # start anywhere
    print(f"page 3 holds {len(third.items)} contact(s)")
    # --8<-- [end:async]


def sync_paging(server: FakeSent) -> None:
    # --8<-- [start:sync]
    with sent_sync.Sent(server.api_key, base_url=server.base_url) as sent:
        page = sent.contacts.list(page_size=2)  # a Page: the first page, already fetched
        print(f"sync page {page.page}: {len(page.items)} contacts, more: {page.has_next_page}")
        numbers = [c.phone_number for c in page]  # iterating fetches the following pages
        print(f"{len(numbers)} contacts in all")
    # --8<-- [end:sync]


async def main() -> None:
    async with FakeSent() as server, server.client() as sent:
        for n in range(5):
            await sent.contacts.create(phone_number=f"+1415555010{n}")
        await paging(sent)
        # The sync client blocks its caller: run it off this loop, which serves FakeSent.
        await asyncio.to_thread(sync_paging, server)


if __name__ == "__main__":
    asyncio.run(main())
