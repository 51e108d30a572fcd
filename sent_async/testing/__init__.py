"""Test helpers for code that uses this SDK: ``FakeSent``, an in-memory Sent API server.

async with FakeSent() as server:
    async with server.client() as sent:
        profile = await sent.profiles.create(name="Acme")
"""

from ._delivery import Delivery, delivery_of
from ._server import DEFAULT_API_KEY, Exchange, FakeSent, RecordedRequest

__all__ = ["DEFAULT_API_KEY", "Delivery", "Exchange", "FakeSent", "RecordedRequest", "delivery_of"]
