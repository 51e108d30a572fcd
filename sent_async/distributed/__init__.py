"""sent_async.distributed: many workers, one Sent account (extra ``sent-sdk[redis]``).

``RedisRateLimit`` shares one rate, the 429 pauses and the slow-downs across every process
sending for an account; ``RedisCheckpoint`` remembers which items Sent accepted, so a re-run
on any machine skips them. ``split``/``run_shard`` cut a job into time-boxed deterministic
shards for task queues, and ``JobTally`` adds up their outcomes across workers. This package
imports without ``redis``; the Redis classes import it when built (a missing extra raises an
ImportError naming it). See docs/distributed.md.
"""

from .._bulk.checkpoint import Checkpoint, FileCheckpoint, ItemState, NeedsCheckError
from .._bulk.pacing import PacerFactory, PacerLike
from .._errors import RateLimiterUnavailableError
from .checkpoint import RedisCheckpoint
from .ratelimit import RedisPacer, RedisRateLimit
from .shards import Shard, ShardOutcome, run_shard, split
from .tally import JobTally

__all__ = [
    "Checkpoint",
    "FileCheckpoint",
    "ItemState",
    "JobTally",
    "NeedsCheckError",
    "PacerFactory",
    "PacerLike",
    "RateLimiterUnavailableError",
    "RedisCheckpoint",
    "RedisPacer",
    "RedisRateLimit",
    "Shard",
    "ShardOutcome",
    "run_shard",
    "split",
]
