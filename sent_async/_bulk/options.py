"""A bulk job's settings, validated before anything runs, and how ``fn`` is called."""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable
from typing import Any

import attrs

from .._errors import SentValidationError
from .checkpoint import Checkpoint, check_checkpoint
from .outage import OutagePolicy
from .pacer import RateLimit
from .pacing import PacerFactory
from .progress import ProgressBar
from .report import ProgressSnapshot

KeyFn = Callable[[Any, int], str]
"""``key(item, index) -> str``: an item's Idempotency-Key, instead of ``f"{job_id}-{index}"``."""
_JOB_ID = re.compile(r"[A-Za-z0-9_-]{1,200}")


def _positive_int(value: object, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise SentValidationError(f"{name} must be an integer >= 1, got {value!r}")
    return value


@attrs.frozen(kw_only=True)
class JobOptions:
    """A bulk job's settings, validated (SentValidationError) before anything runs."""

    concurrency: int = 64
    rate_limit: RateLimit | PacerFactory | None = None
    adaptive: bool = True
    job_id: str | None = None
    key: KeyFn | None = None
    stop_on_error: bool = False
    max_failures: int | None = None
    on_progress: Callable[[ProgressSnapshot], object] | None = None
    progress_bar: ProgressBar = False
    progress_interval: float = 0.5
    collect_results: bool = True
    ordered: bool = True
    total: int | None = None
    checkpoint: Checkpoint | None = None
    outage: OutagePolicy | None = OutagePolicy()

    def __attrs_post_init__(self) -> None:
        _positive_int(self.concurrency, "concurrency")
        if self.max_failures is not None:
            _positive_int(self.max_failures, "max_failures")
        if self.total is not None and (
            isinstance(self.total, bool) or not isinstance(self.total, int) or self.total < 0
        ):
            raise SentValidationError(f"total must be an integer >= 0, got {self.total!r}")
        if self.job_id is not None and (
            not isinstance(self.job_id, str) or not _JOB_ID.fullmatch(self.job_id)
        ):
            raise SentValidationError(
                "job_id must be 1-200 characters of A-Z, a-z, 0-9, '_' or '-' (it prefixes "
                f"each item's Idempotency-Key), got {self.job_id!r}"
            )
        if self.checkpoint is not None:
            check_checkpoint(self.checkpoint)
            if self.job_id is None and self.key is None:
                raise SentValidationError(
                    "checkpoint records items by Idempotency-Key: give job_id or key too"
                )
        if self.outage is not None and not isinstance(self.outage, OutagePolicy):
            raise SentValidationError("outage must be an OutagePolicy or None (no outage pauses)")
        if self.key is not None and not callable(self.key):
            raise SentValidationError("key must be a function (item, index) -> str")
        if self.on_progress is not None and not callable(self.on_progress):
            raise SentValidationError("on_progress must be a function (ProgressSnapshot) -> None")
        if not (isinstance(self.progress_interval, (int, float)) and self.progress_interval > 0):
            raise SentValidationError("progress_interval must be a positive number of seconds")

    @property
    def failure_limit(self) -> int | None:
        """Failures after which the job stops (stop_on_error means 1)."""
        return 1 if self.stop_on_error else self.max_failures


def wants_key(fn: Callable[..., Any], keyed: bool) -> bool:
    """Whether ``fn`` takes the idempotency key as a third argument; reject a bad ``fn``.

    ``fn(client, item)`` is fine without ``job_id``/``key``; with them it would silently send
    random keys, so it is refused (define ``fn(client, item, key)`` and pass the key on).
    """
    if not callable(fn):
        raise SentValidationError("fn must be a function fn(client, item[, key])")
    try:
        params = list(inspect.signature(fn).parameters.values())
    except (TypeError, ValueError):  # no signature to read (some builtins): assume the full form
        return True
    kinds = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
    positional = [p for p in params if p.kind in kinds]
    if any(p.kind is inspect.Parameter.VAR_POSITIONAL for p in params) or len(positional) >= 3:
        return True
    if len(positional) == 2:
        if keyed:
            raise SentValidationError(
                "job_id/key derive an Idempotency-Key per item, but fn(client, item) cannot "
                "receive it: define fn(client, item, key) and pass idempotency_key=key"
            )
        return False
    raise SentValidationError("fn must accept (client, item) or (client, item, key)")
