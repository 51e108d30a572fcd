"""The route table of FakeSent: each API family contributes its handlers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aiohttp import web

from . import _profiles

if TYPE_CHECKING:
    from ._server import FakeSent


def install(app: web.Application, server: FakeSent) -> None:
    for family in (_profiles,):
        app.add_routes(family.routes(server))
