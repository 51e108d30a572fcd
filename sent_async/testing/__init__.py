"""Test helpers for code that uses this SDK: ``FakeSent``, an in-memory Sent API server.

async with FakeSent() as server:
    async with server.client() as sent:
        profile = await sent.profiles.create(name="Acme")
"""

from .._transport.retry import RetryPolicy
from ._delivery import Delivery, delivery_of
from ._ratelimit import AccountStats
from ._seed import SeedError, apply_seed
from ._serve import serve_main
from ._server import DEFAULT_API_KEY, Exchange, FakeSent, RecordedRequest

__all__ = [
    "DEFAULT_API_KEY",
    "FAST_RETRY",
    "AccountStats",
    "Delivery",
    "Exchange",
    "FakeSent",
    "RecordedRequest",
    "SeedError",
    "apply_seed",
    "delivery_of",
    "serve_main",
]

FAST_RETRY = RetryPolicy(initial_delay=0.01, max_delay=0.05)
"""Retries as in production, with back-off in milliseconds: for tests, so failures stay fast."""
