"""Quickstart, async: send a message, read its status, handle an error.

Runs offline against FakeSent, the in-memory Sent API that ships with the SDK.
"""

from __future__ import annotations

import asyncio

from sent_async import AsyncSent, NotFoundError
from sent_async.testing import FakeSent


# --8<-- [start:use]
async def send_hello(sent: AsyncSent) -> None:
    result = await sent.messages.send(to=["+14155550123"], text="Hello from sent-sdk")
    recipient = result.recipients[0]  # one message per (recipient, channel)
    print(f"{result.status}: {recipient.message_id} to {recipient.to} via {recipient.channel}")

    assert recipient.message_id is not None  # response fields are Optional: see below
    message = await sent.messages.get(recipient.message_id)
    print(f"status now {message.status}")

    try:
        await sent.templates.get("00000000-0000-4000-8000-000000000000")
    except NotFoundError as exc:
        print(f"{exc.status_code} {exc.code}, request id {exc.request_id}")


# --8<-- [end:use]


# --8<-- [start:main]
async def main() -> None:
    # FakeSent is an in-memory Sent API; for the real one write `async with AsyncSent() as sent:`
    async with FakeSent() as server, AsyncSent(server.api_key, base_url=server.base_url) as sent:
        await send_hello(sent)


if __name__ == "__main__":
    asyncio.run(main())
# --8<-- [end:main]
