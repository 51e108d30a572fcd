"""Progress of a bulk job: a throttled ``on_progress`` callback and an optional tqdm bar.

The bar needs the optional extra (``pip install 'sent-sdk[progress]'``, i.e. tqdm); tqdm shows
rate and ETA itself. Both run on the job's event loop thread (for ``sent_sync`` that is the
client's loop thread), so callbacks must be quick and must not call a sync client.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from .._errors import SentValidationError
from .pacing import PacerLike
from .report import BulkReport, ProgressSnapshot

ProgressBar = bool | Mapping[str, Any]
"""``True`` for a default bar, or keyword arguments for ``tqdm`` (``file``, ``desc``, ...)."""


def _tqdm() -> Any:
    try:
        from tqdm.auto import tqdm  # type: ignore[import-untyped, import-not-found, unused-ignore]
    except ImportError:
        raise SentValidationError(
            "progress_bar=True needs tqdm: pip install 'sent-sdk[progress]' (or pass "
            "on_progress=... for a callback)"
        ) from None
    return tqdm


def check_bar(spec: ProgressBar) -> None:
    """Fail early, with the install command, when a bar is wanted and tqdm is missing."""
    if spec is not False:
        _tqdm()


def make_bar(spec: ProgressBar, total: int | None, job_id: str | None) -> Any:
    """A tqdm bar for the job (rate and ETA are tqdm's own), or None."""
    if spec is False:
        return None
    options: dict[str, Any] = {"total": total, "unit": "item", "desc": job_id or "bulk"}
    if isinstance(spec, Mapping):
        options.update(spec)
    return _tqdm()(**options)


class Progress:
    """Calls ``on_progress`` at most every ``interval`` seconds and keeps the bar current."""

    def __init__(
        self,
        report: BulkReport[Any],
        pacer: PacerLike,
        *,
        total: int | None,
        on_progress: Callable[[ProgressSnapshot], object] | None,
        bar: Any,
        interval: float,
        clock: Callable[[], float],
    ) -> None:
        self._report = report
        self._pacer = pacer
        self._total = total
        self._callback = on_progress
        self._bar = bar
        self._interval = interval
        self._clock = clock
        self._started = clock()
        self._next = self._started + interval
        self._shown = 0
        self.active = on_progress is not None or bar is not None

    def __repr__(self) -> str:
        return f"<Progress shown={self._shown}>"

    def tick(self, in_flight: int) -> None:
        """Report progress when the throttle interval has passed (cheap otherwise)."""
        if self.active and self._clock() >= self._next:
            self.emit(in_flight, final=False)

    def emit(self, in_flight: int, *, final: bool) -> None:
        """Report progress now."""
        now = self._clock()
        self._next = now + self._interval
        snapshot = self.snapshot(in_flight, now, final=final)
        if self._bar is not None:
            self._bar.update(snapshot.done - self._shown)
            self._bar.set_postfix(failed=snapshot.failed, refresh=False)
            if final:
                self.close()
        self._shown = snapshot.done
        if self._callback is not None:
            self._callback(snapshot)

    def close(self) -> None:
        """Close the bar (idempotent)."""
        if self._bar is not None:
            self._bar.close()
            self._bar = None

    def snapshot(self, in_flight: int, now: float, *, final: bool = False) -> ProgressSnapshot:
        """The job's state right now."""
        r = self._report
        done = r.total
        elapsed = now - self._started
        rate = done / elapsed if elapsed > 0 else 0.0
        eta = None
        if self._total is not None and rate > 0:
            eta = max(0, self._total - done) / rate
        return ProgressSnapshot(
            done=done,
            succeeded=r.succeeded,
            failed=r.failed,
            skipped=r.skipped,
            in_flight=in_flight,
            total=self._total,
            elapsed=elapsed,
            rate=rate,
            eta=eta,
            pacing=self._pacer.rate,
            paused_for=self._pacer.paused_for(now),
            final=final,
        )
