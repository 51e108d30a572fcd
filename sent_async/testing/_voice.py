"""FakeSent handlers for the ``voice`` API family: seeded calls that participants act on.

Five calls are seeded at start-up (two live, three finished; one finished call has a
recording), so listing, paging and filtering work without any set-up. Error codes Sent does
not publish are FakeSent's own choices: RESOURCE_020 (call not found), RESOURCE_021
(participant not found) and CONFLICT_020 (the call has already ended, or the recording is
already in the requested state).
"""

from __future__ import annotations

import base64
import datetime
import json
import re
import secrets
import uuid
from typing import TYPE_CHECKING, Any

import attrs
from aiohttp import web

from .._converter import parse_datetime
from ..models import (
    Call,
    CallParticipant,
    CallParty,
    CallRecording,
    CallRecordings,
    CallRecordRequest,
    CallsPage,
    CallTimelineEntry,
    PaginationMeta,
    ParticipantAddRequest,
    ParticipantUpdateRequest,
    VoiceToken,
    VoiceTokenCreateRequest,
)
from ._server import ApiFailure, invalid, not_found

if TYPE_CHECKING:
    from ._server import FakeSent

LIVE, ENDED = "in_progress", "completed"
SEED_START = datetime.datetime(2026, 3, 11, 12, 0, tzinfo=datetime.timezone.utc)
"""The first seeded call starts here; each next one an hour later."""
_E164 = re.compile(r"\+[1-9][0-9]{1,14}")


def _now() -> datetime.datetime:
    return datetime.datetime.now(datetime.timezone.utc)


def _party(number: str) -> CallParty:
    return CallParty(kind="number", value=number)


def _seed_call(i: int) -> Call:
    start = SEED_START + datetime.timedelta(hours=i)
    live = i >= 3
    ours, theirs = ("+14155550100", "+14155550111") if i != 2 else ("+14155550101", "+14155550122")
    outbound = i % 2 == 0
    return Call(
        id=str(uuid.uuid4()),
        direction="outbound" if outbound else "inbound",
        mode="phone",
        number=ours,
        from_=_party(ours if outbound else theirs),
        to=_party(theirs if outbound else ours),
        status=LIVE if live else ENDED,
        started_at=start,
        answered_at=start + datetime.timedelta(seconds=5),
        ended_at=None if live else start + datetime.timedelta(seconds=65),
        duration_seconds=None if live else 60,
        price=None if live else 0.0079,
        recording_available=i == 1,
        timeline=[
            CallTimelineEntry(status="ringing", timestamp=start),
            CallTimelineEntry(status=LIVE, timestamp=start + datetime.timedelta(seconds=5)),
            *(
                []
                if live
                else [
                    CallTimelineEntry(
                        status=ENDED, timestamp=start + datetime.timedelta(seconds=65)
                    )
                ]
            ),
        ],
    )


def _recording(call_id: str) -> CallRecording:
    rid = "rec_" + secrets.token_hex(4)
    return CallRecording(
        recording_id=rid,
        download_url=f"https://recordings.fakesent.invalid/{call_id}/{rid}.mp3",
        url_expires_at=_now() + datetime.timedelta(hours=1),
    )


def _token(identity: str, ttl: int) -> str:
    """A JWT-shaped opaque string (FakeSent signs nothing; real tokens are Sent's)."""

    def part(doc: dict[str, Any]) -> str:
        return base64.urlsafe_b64encode(json.dumps(doc).encode()).decode().rstrip("=")

    claims = {"sub": identity, "exp": int(_now().timestamp()) + ttl, "jti": secrets.token_hex(8)}
    return f"{part({'alg': 'HS256', 'typ': 'JWT'})}.{part(claims)}.{secrets.token_urlsafe(24)}"


def _int_query(request: web.Request, name: str, default: int) -> int:
    raw = request.query.get(name)
    if raw is None:
        return default
    if not raw.isdigit() or int(raw) < 1:
        raise invalid(f"{name} must be a positive integer", name, "VALIDATION_005")
    return int(raw)


def _time_query(request: web.Request, name: str) -> datetime.datetime | None:
    raw = request.query.get(name)
    if raw is None:
        return None
    try:
        return parse_datetime(raw)
    except ValueError:
        raise invalid(f"{name} must be an ISO 8601 date-time", name) from None


def routes(server: FakeSent) -> list[web.RouteDef]:
    calls: dict[str, Call] = server.state.setdefault("voice_calls", {})
    participants: dict[str, dict[str, CallParticipant]] = server.state.setdefault(
        "voice_participants", {}
    )
    recordings: dict[str, list[CallRecording]] = server.state.setdefault("voice_recordings", {})
    recording_now: dict[str, bool] = server.state.setdefault("voice_recording_now", {})
    for i in range(5):
        seeded = _seed_call(i)
        cid = str(seeded.id)
        calls[cid] = seeded
        participants[cid] = {}
        for party in (seeded.from_, seeded.to):
            assert party is not None
            pid = str(uuid.uuid4())
            participants[cid][pid] = CallParticipant(
                id=pid, kind=party.kind, value=party.value, muted=False, duration_seconds=60
            )
        recordings[cid] = [_recording(cid)] if seeded.recording_available else []

    def find(request: web.Request) -> Call:
        call = calls.get(request.match_info["id"])
        if call is None:
            raise not_found("RESOURCE_020", "Call")
        return call

    def live(request: web.Request) -> Call:
        call = find(request)
        if call.status != LIVE:
            raise ApiFailure(409, "CONFLICT_020", "The call has already ended")
        return call

    def participant(request: web.Request) -> tuple[dict[str, CallParticipant], str]:
        store = participants.setdefault(str(live(request).id), {})
        pid = request.match_info["participant_id"]
        if pid not in store:
            raise not_found("RESOURCE_021", "Participant")
        return store, pid

    async def list_calls(request: web.Request) -> web.Response:
        page, size = _int_query(request, "page", 1), _int_query(request, "page_size", 20)
        since, until = _time_query(request, "from"), _time_query(request, "to")
        wanted = {k: request.query.get(k) for k in ("direction", "status", "number")}
        found = [
            c
            for c in sorted(calls.values(), key=lambda c: c.started_at or SEED_START, reverse=True)
            if all(v is None or getattr(c, k) == v for k, v in wanted.items())
            and (since is None or (c.started_at is not None and c.started_at >= since))
            and (until is None or (c.started_at is not None and c.started_at <= until))
        ]
        pages = max(1, -(-len(found) // size))
        meta = PaginationMeta(
            page=page,
            page_size=size,
            total_count=len(found),
            total_pages=pages,
            has_more=page < pages,
        )
        return server.envelope(
            CallsPage(calls=found[(page - 1) * size : page * size], pagination=meta)
        )

    async def get_call(request: web.Request) -> web.Response:
        return server.envelope(find(request))

    async def hangup(request: web.Request) -> web.Response:
        call = live(request)
        if (await server.read_json(request)).get("sandbox") is not True:
            now = _now()
            started = call.answered_at or call.started_at or now
            calls[str(call.id)] = attrs.evolve(
                call,
                status=ENDED,
                ended_at=now,
                duration_seconds=int((now - started).total_seconds()),
                timeline=[*call.timeline, CallTimelineEntry(status=ENDED, timestamp=now)],
            )
            recording_now.pop(str(call.id), None)
        return web.Response(status=204)

    async def list_participants(request: web.Request) -> web.Response:
        return server.envelope(list(participants.get(str(find(request).id), {}).values()))

    async def add_participant(request: web.Request) -> web.Response:
        call = live(request)
        body: ParticipantAddRequest = server.structure(
            await server.read_json(request), ParticipantAddRequest
        )
        kind, value = getattr(body.to, "kind", None), getattr(body.to, "value", None)
        if not isinstance(kind, str) or not kind or not isinstance(value, str) or not value:
            raise invalid("to.kind and to.value are required", "to", "VALIDATION_004")
        if kind == "number" and not _E164.fullmatch(value):
            raise invalid("to.value must be an E.164 number", "to.value", "VALIDATION_002")
        if body.sandbox is not True:
            pid = str(uuid.uuid4())
            added = CallParticipant(id=pid, kind=kind, value=value, muted=False, duration_seconds=0)
            participants.setdefault(str(call.id), {})[pid] = added
        return server.envelope(call)

    async def update_participant(request: web.Request) -> web.Response:
        store, pid = participant(request)
        body: ParticipantUpdateRequest = server.structure(
            await server.read_json(request), ParticipantUpdateRequest
        )
        if not isinstance(body.muted, bool):
            raise invalid("muted is required", "muted", "VALIDATION_004")
        if body.sandbox is not True:
            store[pid] = attrs.evolve(store[pid], muted=body.muted)
        return web.Response(status=204)

    async def remove_participant(request: web.Request) -> web.Response:
        store, pid = participant(request)
        if (await server.read_json(request)).get("sandbox") is not True:
            del store[pid]
        return web.Response(status=204)

    async def remove_all(request: web.Request) -> web.Response:
        call = live(request)
        if (await server.read_json(request)).get("sandbox") is not True:
            participants[str(call.id)] = {}
        return web.Response(status=204)

    async def list_recordings(request: web.Request) -> web.Response:
        return server.envelope(CallRecordings(recordings=recordings.get(str(find(request).id), [])))

    async def record(request: web.Request) -> web.Response:
        call = live(request)
        cid = str(call.id)
        body: CallRecordRequest = server.structure(
            await server.read_json(request), CallRecordRequest
        )
        if body.action not in ("start", "stop"):
            raise invalid("action must be start or stop", "action", "VALIDATION_006")
        if (body.action == "start") == recording_now.get(cid, False):
            raise ApiFailure(409, "CONFLICT_020", f"Recording cannot {body.action} now")
        if body.sandbox is not True:
            recording_now[cid] = body.action == "start"
            if body.action == "stop":
                recordings.setdefault(cid, []).append(_recording(cid))
                calls[cid] = attrs.evolve(call, recording_available=True)
        return web.Response(status=204)

    async def create_token(request: web.Request) -> web.Response:
        body: VoiceTokenCreateRequest = server.structure(
            await server.read_json(request), VoiceTokenCreateRequest
        )
        ttl = body.ttl if isinstance(body.ttl, int) else 3600
        if ttl < 1:
            raise invalid("ttl must be a positive number of seconds", "ttl", "VALIDATION_005")
        identity = (
            body.identity if isinstance(body.identity, str) else "client-" + secrets.token_hex(4)
        )
        number = body.number if isinstance(body.number, str) else None
        if number is not None and not _E164.fullmatch(number):
            raise invalid("number must be an E.164 number", "number", "VALIDATION_002")
        return server.envelope(
            VoiceToken(
                token=_token(identity, ttl),
                expires_at=_now() + datetime.timedelta(seconds=ttl),
                identity=identity,
                number=number,
            )
        )

    base = "/v3/voice/calls/{id}"
    return [
        web.get("/v3/voice/calls", list_calls),
        web.get(base, get_call),
        web.post(base + "/hangup", hangup),
        web.get(base + "/participants", list_participants),
        web.post(base + "/participants", add_participant),
        web.delete(base + "/participants", remove_all),
        web.patch(base + "/participants/{participant_id}", update_participant),
        web.delete(base + "/participants/{participant_id}", remove_participant),
        web.get(base + "/recordings", list_recordings),
        web.post(base + "/recordings", record),
        web.post("/v3/voice/tokens", create_token),
    ]
