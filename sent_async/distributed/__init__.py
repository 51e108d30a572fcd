"""sent_async.distributed: many workers, one Sent account (extra ``sent-sdk[redis]``).

``RedisRateLimit`` shares one rate, the 429 pauses and the slow-downs across every process
sending for an account; ``RedisCheckpoint`` remembers which items Sent accepted, so a re-run
on any machine skips them. ``redis`` is imported on first use. See docs/distributed.md.
"""

from .._bulk.checkpoint import Checkpoint, FileCheckpoint, ItemState, NeedsCheckError
from .._bulk.pacing import PacerFactory, PacerLike
from .._errors import RateLimiterUnavailableError
from ._redis import import_redis
from .checkpoint import RedisCheckpoint
from .ratelimit import RedisPacer, RedisRateLimit

import_redis()  # a missing extra fails here, naming it

__all__ = [
    "Checkpoint",
    "FileCheckpoint",
    "ItemState",
    "NeedsCheckError",
    "PacerFactory",
    "PacerLike",
    "RateLimiterUnavailableError",
    "RedisCheckpoint",
    "RedisPacer",
    "RedisRateLimit",
]
