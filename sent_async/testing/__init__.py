"""Test helpers for code that uses this SDK: ``FakeSent``, an in-memory Sent API server.

async with FakeSent() as server:
    async with server.client() as sent:
        profile = await sent.profiles.create(name="Acme")
"""

from ._server import DEFAULT_API_KEY, FakeSent, RecordedRequest

__all__ = ["DEFAULT_API_KEY", "FakeSent", "RecordedRequest"]
