"""FakeSent's misbehaviour on demand: canned failures, dropped answers and injected latency.

``FakeSent.fail_next``, ``drop_next_response``, ``delay_next`` and ``latency`` set these up;
the server's pipeline asks ``Misbehaviour`` what to do with each request.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs
from aiohttp import web

from ._support import ApiFailure, error_response


@attrs.define(kw_only=True)
class Fault:
    """A canned failure for the next matching requests."""

    status: int
    code: str
    message: str
    times: int
    method: str | None
    path: str | None
    headers: Mapping[str, str]
    raw_body: bytes | None

    def matches(self, request: web.Request) -> bool:
        return _matches(self.method, self.path, request)

    def response(self) -> web.Response:
        """The answer: ``raw_body`` as is (an HTML proxy page, say), else Sent's envelope."""
        if self.raw_body is not None:
            return web.Response(
                body=self.raw_body,
                status=self.status,
                headers=self.headers,
                content_type="text/html",
            )
        return error_response(ApiFailure(self.status, self.code, self.message), self.headers)


@attrs.define(kw_only=True)
class Delay:
    """Extra time before answering the next matching requests (``times=None``: all of them)."""

    seconds: float
    times: int | None
    method: str | None
    path: str | None

    def matches(self, request: web.Request) -> bool:
        return (self.times is None or self.times > 0) and _matches(self.method, self.path, request)


def _matches(method: str | None, path: str | None, request: web.Request) -> bool:
    return (method is None or method == request.method) and (path is None or path == request.path)


@attrs.define
class Misbehaviour:
    """What FakeSent was told to do wrong, consumed request by request."""

    latency: float = 0.0
    faults: list[Fault] = attrs.Factory(list)
    delays: list[Delay] = attrs.Factory(list)
    drops: int = 0

    def fault_for(self, request: web.Request) -> Fault | None:
        """The first armed fault matching ``request``, used up by one."""
        for fault in self.faults:
            if fault.times > 0 and fault.matches(request):
                fault.times -= 1
                return fault
        return None

    def delay_for(self, request: web.Request) -> float:
        """Seconds to wait before handling ``request``: a matching ``Delay``, else ``latency``."""
        for delay in self.delays:
            if delay.matches(request):
                if delay.times is not None:
                    delay.times -= 1
                return delay.seconds
        return self.latency

    def take_drop(self) -> bool:
        """Whether to cut the connection instead of answering this request."""
        if self.drops > 0:
            self.drops -= 1
            return True
        return False
