# Generated from sent_async/resources/compliance.py by scripts/gen_facades.py.
# Do not edit: change the async source and run `make sync`.
"""Sync twin of ``sent_async/resources/compliance.py``."""

from __future__ import annotations

from functools import partial

from sent_async.models import ComplianceRequirements
from sent_async.resources.compliance import AsyncCompliance
from sent_sync._portal import SyncResource


class Compliance(SyncResource):
    """Compliance requirements per country, sender type and channel."""

    _inner: AsyncCompliance

    def requirements(
        self, *, country: str, type: str, channel: str = "sms"
    ) -> ComplianceRequirements:
        """What ``channel`` in ``country`` with sender ``type`` requires, and its ``setup`` calls.

        Country and type are required in practice (Sent answers 400 without them), so they are
        checked here; ``setup`` holds the ``POST /v3/channels/sms`` body ready to fill.
        """
        return self._portal.call(
            partial(self._inner.requirements, country=country, type=type, channel=channel)
        )
