"""The pacer seam of bulk jobs: what a job needs from a pacer, and who builds one.

A job paces its calls through one ``PacerLike``. ``rate_limit=`` takes a ``RateLimit`` (the
local ``Pacer``, one process), calls per minute, or any ``PacerFactory``, such as
``sent_async.distributed.RedisRateLimit``, whose pacers share one rate across processes.
"""

from __future__ import annotations

from collections.abc import Awaitable
from typing import Protocol, runtime_checkable

from .pacer import Gate, Pacer, RateLimit


class PacerLike(Protocol):
    """When the next call of a job may start; the local ``Pacer`` and Redis pacers fit it."""

    pauses: int

    @property
    def rate(self) -> float | None: ...

    def paused_for(self, now: float | None = None) -> float: ...

    async def acquire(self) -> None: ...

    def on_success(self) -> None: ...

    def on_rate_limited(self, retry_after: float | None) -> Awaitable[None] | None:
        """Pause and slow down; a shared pacer returns an awaitable that publishes it."""


@runtime_checkable
class PacerFactory(Protocol):
    """Something ``rate_limit=`` accepts besides a RateLimit: it builds one job's pacer."""

    def pacer(self, gate: Gate, *, adaptive: bool) -> PacerLike: ...


def make_pacer(limit: RateLimit | PacerFactory | None, gate: Gate, *, adaptive: bool) -> PacerLike:
    """The job's pacer: the local one for a RateLimit or None, else the factory's."""
    if limit is None or isinstance(limit, RateLimit):
        return Pacer(limit, gate, adaptive=adaptive)
    return limit.pacer(gate, adaptive=adaptive)


async def close_pacer(pacer: PacerLike) -> None:
    """Release what a pacer holds (a shared pacer's connections); the local one holds none."""
    aclose = getattr(pacer, "aclose", None)
    if aclose is not None:
        await aclose()
