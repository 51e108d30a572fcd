"""Quickstart, sync: the same calls from code without an event loop."""

from __future__ import annotations

import sent_sync
from sent_sync.testing import FakeSent


# --8<-- [start:use]
def send_hello(sent: sent_sync.Sent) -> None:
    result = sent.messages.send(to=["+14155550123"], text="Hello from sent-sdk")
    recipient = result.recipients[0]
    print(f"{result.status}: {recipient.message_id} via {recipient.channel}")

    assert recipient.message_id is not None  # response fields are Optional
    message = sent.messages.get(recipient.message_id)
    print(f"status now {message.status}")

    try:
        sent.templates.get("00000000-0000-4000-8000-000000000000")
    except sent_sync.NotFoundError as exc:  # the very same class as sent_async.NotFoundError
        print(f"{exc.status_code} {exc.code}, request id {exc.request_id}")


# --8<-- [end:use]


# --8<-- [start:main]
def main() -> None:
    # FakeSent runs on its own thread here; for the real API write `with sent_sync.Sent() as sent:`
    with FakeSent() as server, sent_sync.Sent(server.api_key, base_url=server.base_url) as sent:
        send_hello(sent)


if __name__ == "__main__":
    main()
# --8<-- [end:main]
