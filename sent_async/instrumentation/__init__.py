"""OpenTelemetry for the SDK (extra ``sent-sdk[otel]``): spans and metrics per call.

Off unless ``opentelemetry-api`` is installed and a tracer or meter provider is configured
(not the default proxy or no-op one) when the client is built, or ``AsyncSent(telemetry=True)``
forces it on. The check happens once, at client construction: the client's resources then get
either the plain transport or the traced one, so a call with telemetry off costs nothing, and
a program that never imported OpenTelemetry does not import it here either. docs/observability.md
says what is recorded.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Any

from .._errors import SentValidationError

if TYPE_CHECKING:
    from ._otel import Telemetry

__all__ = ["telemetry_for"]

_PROVIDER_ENV = ("OTEL_PYTHON_TRACER_PROVIDER", "OTEL_PYTHON_METER_PROVIDER")


def telemetry_for(choice: bool | None) -> Telemetry | None:
    """The client's telemetry for ``AsyncSent(telemetry=choice)``, or None when it is off.

    None (the default): on for the signals whose global provider is configured now.
    True: on, through the global providers (a provider set later is picked up).
    False: off.
    """
    if choice is not None and not isinstance(choice, bool):
        raise SentValidationError(f"telemetry must be True, False or None, got {choice!r}")
    if choice is False:
        return None
    if choice is None and not _maybe_configured():
        return None
    try:
        from opentelemetry import metrics, trace
    except ImportError:
        if choice:
            raise SentValidationError(
                "telemetry=True needs OpenTelemetry: pip install 'sent-sdk[otel]'"
            ) from None
        return None
    tracers: Any = trace.get_tracer_provider()
    meters: Any = metrics.get_meter_provider()
    if choice is None:
        tracers = None if _placeholder(tracers) else tracers
        meters = None if _placeholder(meters) else meters
        if tracers is None and meters is None:
            return None
    from ._otel import Telemetry

    return Telemetry(tracers, meters)


def _maybe_configured() -> bool:
    """False when no provider can be set: nothing imported the API and no env var names one."""
    modules = sys.modules
    return (
        "opentelemetry.trace" in modules
        or "opentelemetry.metrics" in modules
        or any(name in os.environ for name in _PROVIDER_ENV)
    )


def _placeholder(provider: object) -> bool:
    """The API's stand-ins (proxy until one is set, or no-op) rather than a real provider."""
    return type(provider).__name__ in {
        "ProxyTracerProvider",
        "NoOpTracerProvider",
        "_ProxyMeterProvider",
        "NoOpMeterProvider",
    }
