"""The route table of FakeSent: each API family contributes its handlers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aiohttp import web

from . import (
    _channels,
    _contacts,
    _conversations,
    _me,
    _messages,
    _numbers,
    _profiles,
    _templates,
    _users,
    _voice,
    _webhooks,
)

FAMILIES = (
    _channels,
    _contacts,
    _conversations,
    _me,
    _messages,
    _numbers,
    _profiles,
    _templates,
    _users,
    _voice,
    _webhooks,
)

if TYPE_CHECKING:
    from ._server import FakeSent


def install(app: web.Application, server: FakeSent) -> None:
    for family in FAMILIES:
        app.add_routes(family.routes(server))
