"""FakeSent handlers for the ``webhooks`` API family."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aiohttp import web

if TYPE_CHECKING:
    from ._server import FakeSent


def routes(server: FakeSent) -> list[web.RouteDef]:
    return []
