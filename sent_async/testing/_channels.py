"""FakeSent handlers for ``/v3/channels/voice``: voice numbers, their secrets and tests.

Choices where Sent publishes nothing: a number given on create answers 200, a number FakeSent
picks (from ``area_code``, or +1 415 by default) answers 202; adding a number twice is
422 RESOURCE_007; an unknown number is 404 RESOURCE_022. ``test`` does not call out: it
answers as if the callback URL had replied ``200 {}``, with a request of its own shape,
signed with the number's current secret.
"""

from __future__ import annotations

import datetime
import json
import re
import uuid
from typing import TYPE_CHECKING

import attrs
from aiohttp import web

from .._types import UNSET
from ..models import (
    SandboxRequest,
    VoiceCallbackTest,
    VoiceCallbackTestRequestInfo,
    VoiceCallbackTestResponseInfo,
    VoiceNumber,
    VoiceNumberCreated,
    VoiceNumberCreateRequest,
    VoiceNumberUpdateRequest,
    VoiceSecret,
)
from ..webhooks.signing import generate_secret, sign
from ._server import ApiFailure, invalid, not_found

if TYPE_CHECKING:
    from ._server import FakeSent

_E164 = re.compile(r"\+[1-9][0-9]{1,14}")
_AREA_CODE = re.compile(r"[2-9][0-9]{2}")
_STATUSES = ("ACTIVE", "INACTIVE")


def _now() -> datetime.datetime:
    return datetime.datetime.now(datetime.timezone.utc)


def routes(server: FakeSent) -> list[web.RouteDef]:
    numbers: dict[str, VoiceNumber] = server.state.setdefault("voice_numbers", {})
    secrets_of: dict[str, str] = server.state.setdefault("voice_number_secrets", {})

    def find(request: web.Request) -> VoiceNumber:
        found = numbers.get(request.match_info["number"])
        if found is None:
            raise not_found("RESOURCE_022", "Voice number")
        return found

    def check_url(value: object) -> None:
        if value is UNSET or value is None:
            return
        if not isinstance(value, str) or not re.match(r"https?://[^/\s]+", value):
            raise invalid("callback_url must be an http(s) URL", "callback_url")

    def pick(area_code: str) -> str:
        for n in range(10000):
            candidate = f"+1{area_code}555{n:04d}"
            if candidate not in numbers:
                return candidate
        raise ApiFailure(422, "BUSINESS_008", "No numbers left in this area code")

    def sole_default(number: str) -> None:
        """Only one number answers app calls: the others lose the flag."""
        for other, stored in numbers.items():
            if other != number and stored.default_for_app_calls:
                numbers[other] = attrs.evolve(stored, default_for_app_calls=False)

    async def list_numbers(request: web.Request) -> web.Response:
        return server.envelope(list(numbers.values()))

    async def create_number(request: web.Request) -> web.Response:
        body: VoiceNumberCreateRequest = server.structure(
            await server.read_json(request), VoiceNumberCreateRequest
        )
        check_url(body.callback_url)
        if isinstance(body.number, str):
            if not _E164.fullmatch(body.number):
                raise invalid("number must be an E.164 number", "number", "VALIDATION_002")
            if body.number in numbers:
                raise ApiFailure(422, "RESOURCE_007", "This voice number already exists")
            number, status = body.number, 200
        else:
            area = body.area_code if isinstance(body.area_code, str) else "415"
            if not _AREA_CODE.fullmatch(area):
                raise invalid("area_code must be a 3-digit area code", "area_code")
            number, status = pick(area), 202
        now = _now()
        stored = VoiceNumber(
            number=number,
            callback_url=body.callback_url,
            default_for_app_calls=body.default_for_app_calls is True,
            status="ACTIVE",
            created_at=now,
            updated_at=now,
        )
        secret = generate_secret()
        if body.sandbox is not True:
            numbers[number] = stored
            secrets_of[number] = secret
            if stored.default_for_app_calls:
                sole_default(number)
        created = VoiceNumberCreated(**attrs.asdict(stored, recurse=False), callback_secret=secret)
        return server.envelope(created, status)

    async def get_number(request: web.Request) -> web.Response:
        return server.envelope(find(request))

    async def update_number(request: web.Request) -> web.Response:
        stored = find(request)
        body: VoiceNumberUpdateRequest = server.structure(
            await server.read_json(request), VoiceNumberUpdateRequest
        )
        check_url(body.callback_url)
        if body.status is not UNSET and body.status is not None and body.status not in _STATUSES:
            raise invalid("status must be ACTIVE or INACTIVE", "status", "VALIDATION_006")
        changes = {
            name: getattr(body, name)
            for name in ("callback_url", "default_for_app_calls", "status")
            if getattr(body, name) is not UNSET
        }
        if changes.get("status") is not None:
            changes["status"] = str(changes["status"])
        updated = attrs.evolve(stored, **changes, updated_at=_now())
        if body.sandbox is not True:
            numbers[str(stored.number)] = updated
            if updated.default_for_app_calls:
                sole_default(str(stored.number))
        return server.envelope(updated)

    async def rotate_secret(request: web.Request) -> web.Response:
        stored = find(request)
        body: SandboxRequest = server.structure(await server.read_json(request), SandboxRequest)
        secret = generate_secret()
        if body.sandbox is not True:
            secrets_of[str(stored.number)] = secret
        return server.envelope(VoiceSecret(callback_secret=secret))

    async def test_callback(request: web.Request) -> web.Response:
        stored = find(request)
        server.structure(await server.read_json(request), SandboxRequest)
        call_id = str(uuid.uuid4())
        question = json.dumps({"call_id": call_id, "number": stored.number, "test": True}).encode()
        headers = {"Content-Type": "application/json"}
        headers.update(sign(question, secrets_of[str(stored.number)], webhook_id=call_id))
        return server.envelope(
            VoiceCallbackTest(
                call_id=call_id,
                outcome="ok",
                answer={},
                request=VoiceCallbackTestRequestInfo(
                    url=stored.callback_url, headers=headers, body=question.decode()
                ),
                response=VoiceCallbackTestResponseInfo(status_code=200, body="{}"),
            )
        )

    base = "/v3/channels/voice/{number}"
    return [
        web.get("/v3/channels/voice", list_numbers),
        web.post("/v3/channels/voice", create_number),
        web.get(base, get_number),
        web.patch(base, update_number),
        web.post(base + "/rotate-secret", rotate_secret),
        web.post(base + "/test", test_callback),
    ]
