"""Quickstart, the real API: the key comes from SENT_DM_API_KEY.

With the variable set this talks to Sent (a sandbox send: nothing is delivered); without it,
it points the same variables at FakeSent so the example still runs offline.
"""

from __future__ import annotations

import asyncio
import os

from sent_async import AsyncSent
from sent_async.testing import FakeSent


# --8<-- [start:real]
async def main() -> None:
    async with AsyncSent() as sent:  # reads SENT_DM_API_KEY (and SENT_BASE_URL, if set)
        me = await sent.me.get()
        print(f"authenticated as {me.name}")
        result = await sent.messages.send(
            to=["+14155550123"],
            text="Hello from sent-sdk",
            sandbox=True,  # validated and answered like a real send, but nothing is delivered
        )
        print(result.status, [r.message_id for r in result.recipients])


# --8<-- [end:real]

if __name__ == "__main__":
    if os.environ.get("SENT_DM_API_KEY"):
        asyncio.run(main())
    else:
        with FakeSent() as server:  # offline: the same code, pointed at FakeSent
            os.environ.update(SENT_DM_API_KEY=server.api_key, SENT_BASE_URL=server.base_url)
            asyncio.run(main())
