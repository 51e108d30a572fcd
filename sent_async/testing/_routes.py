"""FakeSent's route table: the family modules whose ``routes`` it serves (add new ones here)."""

from __future__ import annotations

from aiohttp import web

from . import (
    _campaigns,
    _channels,
    _contacts,
    _conversations,
    _markets,
    _me,
    _messages,
    _numbers,
    _profiles,
    _sender_profiles,
    _templates,
    _users,
    _voice,
    _webhooks,
)

FAMILIES = (
    _campaigns,
    _channels,
    _contacts,
    _conversations,
    _markets,
    _me,
    _messages,
    _numbers,
    _profiles,
    _sender_profiles,
    _templates,
    _users,
    _voice,
    _webhooks,
)


def install(app: web.Application) -> None:
    """Register every family's handlers on ``app``."""
    for family in FAMILIES:
        app.add_routes(family.routes)
