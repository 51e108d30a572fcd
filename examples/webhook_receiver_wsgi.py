"""Receive Sent webhooks with only the standard library (wsgiref), synchronously.

    SENT_WEBHOOK_SECRET=whsec_... python examples/webhook_receiver_wsgi.py

parse_event() verifies the signature over the raw body first (use verify() alone if you
only need the check). Under a real WSGI server, dedupe in shared storage on
dedupe_key(body, headers): it hashes what the signature covers, unlike the event-id header.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING
from wsgiref.simple_server import make_server

from sent_async.webhooks import MessageEvent, WebhookVerificationError, parse_event

if TYPE_CHECKING:
    from _typeshed.wsgi import StartResponse, WSGIApplication, WSGIEnvironment


def make_app(secrets: list[str]) -> WSGIApplication:
    """A WSGI app answering 200 for verified deliveries and 400 (with a reason) otherwise."""

    def app(environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        body = environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0))
        headers = {k[5:].replace("_", "-"): v for k, v in environ.items() if k.startswith("HTTP_")}
        try:
            event = parse_event(body, headers, secrets)
        except WebhookVerificationError as exc:
            status, answer = "400 Bad Request", {"ok": False, "reason": exc.reason}
        else:
            if isinstance(event, MessageEvent):
                print(f"{event.event}: {event.payload.message_id} {event.payload.message_status}")
            status, answer = "200 OK", {"ok": True}
        start_response(status, [("Content-Type", "application/json")])
        return [json.dumps(answer).encode()]

    return app


def main() -> None:
    """Serve on 127.0.0.1:8080 until interrupted."""
    secrets = os.environ.get("SENT_WEBHOOK_SECRET", "").split()
    if not secrets:
        sys.exit("set SENT_WEBHOOK_SECRET to the endpoint's whsec_... signing secret")
    with make_server("127.0.0.1", 8080, make_app(secrets)) as server:
        server.serve_forever()


if __name__ == "__main__":
    main()
