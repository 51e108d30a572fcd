"""Sent's rate-limit tiers: which call counts against which of the account's limits.

Sent limits each account per tier (docs/distributed.md, "One limit for every call"): message
sends (``POST /v3/messages``) by plan, a few sensitive calls at 10/min (burst 5), everything
else at 200/min (burst 50). ``tier_of`` is the one place that maps a request to its tier: the
client's ``rate_limit`` (sent_async/_transport/pace.py) and FakeSent's account limit use it.
"""

from __future__ import annotations

import re

from .._transport.pace import Tier

# The webhook test call is on the sensitive tier: one source says 60/min, another 10/min;
# the lower one is the safe reading.
_SENSITIVE = re.compile(
    r"/v3/(?:users|profiles/[^/]+/complete|webhooks/[^/]+/(?:rotate-secret|test))"
)


def tier_of(method: str, path: str) -> Tier:
    """The rate-limit tier Sent counts ``method path`` against (path without the query)."""
    if method == "POST":
        if path == "/v3/messages":
            return "message"
        if _SENSITIVE.fullmatch(path):
            return "sensitive"
    return "standard"
