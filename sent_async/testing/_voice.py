"""FakeSent's ``voice`` family: seeded calls that participants act on.

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
import secrets
from collections.abc import Callable
from typing import Any

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
    ParticipantAddRequest,
    ParticipantUpdateRequest,
    VoiceToken,
    VoiceTokenCreateRequest,
)
from ._support import (
    ApiFailure,
    e164,
    envelope,
    invalid,
    is_sandbox,
    new_id,
    no_content,
    not_found,
    now,
    page_of,
    parse,
    state_of,
)

routes = web.RouteTableDef()
LIVE, ENDED = "in_progress", "completed"
SEED_START = datetime.datetime(2026, 3, 11, 12, 0, tzinfo=datetime.timezone.utc)
"""The first seeded call starts here; each next one an hour later."""


def _party(number: str) -> CallParty:
    return CallParty(kind="number", value=number)


def _seed_call(i: int) -> Call:
    start = SEED_START + datetime.timedelta(hours=i)
    live = i >= 3
    ours, theirs = ("+14155550100", "+14155550111") if i != 2 else ("+14155550101", "+14155550122")
    outbound = i % 2 == 0
    return Call(
        id=new_id(),
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
        url_expires_at=now() + datetime.timedelta(hours=1),
    )


def _token(identity: str, ttl: int) -> str:
    """A JWT-shaped opaque string (FakeSent signs nothing; real tokens are Sent's)."""

    def part(doc: dict[str, Any]) -> str:
        return base64.urlsafe_b64encode(json.dumps(doc).encode()).decode().rstrip("=")

    claims = {"sub": identity, "exp": int(now().timestamp()) + ttl, "jti": secrets.token_hex(8)}
    return f"{part({'alg': 'HS256', 'typ': 'JWT'})}.{part(claims)}.{secrets.token_urlsafe(24)}"


@attrs.define(eq=False)
class Calls:
    """Calls (id -> Call), their participants and recordings, and which are recording now."""

    calls: dict[str, Call] = attrs.Factory(dict)
    participants: dict[str, dict[str, CallParticipant]] = attrs.Factory(dict)
    recordings: dict[str, list[CallRecording]] = attrs.Factory(dict)
    recording_now: dict[str, bool] = attrs.Factory(dict)

    @classmethod
    def seeded(cls) -> Calls:
        """Five calls, so listing, paging and filtering work without any set-up."""
        store = cls()
        for i in range(5):
            store.add(_seed_call(i))
        return store

    def add(self, call: Call) -> None:
        """Store ``call`` with its two parties as participants (and a recording if it has one)."""
        cid = str(call.id)
        self.calls[cid] = call
        self.participants[cid] = {}
        for party in (call.from_, call.to):
            assert party is not None
            pid = new_id()
            self.participants[cid][pid] = CallParticipant(
                id=pid, kind=party.kind, value=party.value, muted=False, duration_seconds=60
            )
        self.recordings[cid] = [_recording(cid)] if call.recording_available else []

    def hang_up(self, call: Call) -> None:
        stamp = now()
        started = call.answered_at or call.started_at or stamp
        self.calls[str(call.id)] = attrs.evolve(
            call,
            status=ENDED,
            ended_at=stamp,
            duration_seconds=int((stamp - started).total_seconds()),
            timeline=[*call.timeline, CallTimelineEntry(status=ENDED, timestamp=stamp)],
        )
        self.recording_now.pop(str(call.id), None)


def _time_query(request: web.Request, name: str) -> datetime.datetime | None:
    raw = request.query.get(name)
    if raw is None:
        return None
    try:
        return parse_datetime(raw)
    except ValueError:
        raise invalid(f"{name} must be an ISO 8601 date-time", name) from None


def find(request: web.Request) -> Call:
    call = state_of(request).voice.calls.get(request.match_info["id"])
    if call is None:
        raise not_found("RESOURCE_020", "Call")
    return call


def live(request: web.Request) -> Call:
    call = find(request)
    if call.status != LIVE:
        raise ApiFailure(409, "CONFLICT_020", "The call has already ended")
    return call


def participant(request: web.Request) -> tuple[dict[str, CallParticipant], str]:
    store = state_of(request).voice.participants.setdefault(str(live(request).id), {})
    pid = request.match_info["participant_id"]
    if pid not in store:
        raise not_found("RESOURCE_021", "Participant")
    return store, pid


def _filter(request: web.Request) -> Callable[[Call], bool]:
    """The list filters of the query: direction, status, number, from, to."""
    since, until = _time_query(request, "from"), _time_query(request, "to")
    wanted = {k: request.query.get(k) for k in ("direction", "status", "number")}

    def keep(call: Call) -> bool:
        started = call.started_at
        return (
            all(v is None or getattr(call, k) == v for k, v in wanted.items())
            and (since is None or (started is not None and started >= since))
            and (until is None or (started is not None and started <= until))
        )

    return keep


@routes.get("/v3/voice/calls")
async def list_calls(request: web.Request) -> web.Response:
    stored = state_of(request).voice.calls.values()
    newest = sorted(stored, key=lambda c: c.started_at or SEED_START, reverse=True)
    calls, pagination = page_of(request, list(filter(_filter(request), newest)))
    return envelope(CallsPage(calls=calls, pagination=pagination))


@routes.get("/v3/voice/calls/{id}")
async def get_call(request: web.Request) -> web.Response:
    return envelope(find(request))


@routes.post("/v3/voice/calls/{id}/hangup")
async def hangup(request: web.Request) -> web.Response:
    call = live(request)
    if not await is_sandbox(request):
        state_of(request).voice.hang_up(call)
    return no_content()


@routes.get("/v3/voice/calls/{id}/participants")
async def list_participants(request: web.Request) -> web.Response:
    found = state_of(request).voice.participants.get(str(find(request).id), {})
    return envelope(list(found.values()))


@routes.post("/v3/voice/calls/{id}/participants")
async def add_participant(request: web.Request) -> web.Response:
    call = live(request)
    body = await parse(request, ParticipantAddRequest)
    kind, value = getattr(body.to, "kind", None), getattr(body.to, "value", None)
    if not isinstance(kind, str) or not kind or not isinstance(value, str) or not value:
        raise invalid("to.kind and to.value are required", "to", "VALIDATION_004")
    if kind == "number":
        e164(value, "to.value")
    if body.sandbox is not True:
        pid = new_id()
        added = CallParticipant(id=pid, kind=kind, value=value, muted=False, duration_seconds=0)
        state_of(request).voice.participants.setdefault(str(call.id), {})[pid] = added
    return envelope(call)


@routes.delete("/v3/voice/calls/{id}/participants")
async def remove_all(request: web.Request) -> web.Response:
    call = live(request)
    if not await is_sandbox(request):
        state_of(request).voice.participants[str(call.id)] = {}
    return no_content()


@routes.patch("/v3/voice/calls/{id}/participants/{participant_id}")
async def update_participant(request: web.Request) -> web.Response:
    store, pid = participant(request)
    body = await parse(request, ParticipantUpdateRequest)
    if not isinstance(body.muted, bool):
        raise invalid("muted is required", "muted", "VALIDATION_004")
    if body.sandbox is not True:
        store[pid] = attrs.evolve(store[pid], muted=body.muted)
    return no_content()


@routes.delete("/v3/voice/calls/{id}/participants/{participant_id}")
async def remove_participant(request: web.Request) -> web.Response:
    store, pid = participant(request)
    if not await is_sandbox(request):
        del store[pid]
    return no_content()


@routes.get("/v3/voice/calls/{id}/recordings")
async def list_recordings(request: web.Request) -> web.Response:
    found = state_of(request).voice.recordings.get(str(find(request).id), [])
    return envelope(CallRecordings(recordings=found))


@routes.post("/v3/voice/calls/{id}/recordings")
async def record(request: web.Request) -> web.Response:
    call, voice = live(request), state_of(request).voice
    cid = str(call.id)
    body = await parse(request, CallRecordRequest)
    if body.action not in ("start", "stop"):
        raise invalid("action must be start or stop", "action", "VALIDATION_006")
    if (body.action == "start") == voice.recording_now.get(cid, False):
        raise ApiFailure(409, "CONFLICT_020", f"Recording cannot {body.action} now")
    if body.sandbox is not True:
        voice.recording_now[cid] = body.action == "start"
        if body.action == "stop":
            voice.recordings.setdefault(cid, []).append(_recording(cid))
            voice.calls[cid] = attrs.evolve(call, recording_available=True)
    return no_content()


@routes.post("/v3/voice/tokens")
async def create_token(request: web.Request) -> web.Response:
    body = await parse(request, VoiceTokenCreateRequest)
    ttl = body.ttl if isinstance(body.ttl, int) else 3600
    if ttl < 1:
        raise invalid("ttl must be a positive number of seconds", "ttl", "VALIDATION_005")
    identity = body.identity if isinstance(body.identity, str) else "client-" + secrets.token_hex(4)
    number = e164(body.number, "number") if isinstance(body.number, str) else None
    token = VoiceToken(
        token=_token(identity, ttl),
        expires_at=now() + datetime.timedelta(seconds=ttl),
        identity=identity,
        number=number,
    )
    return envelope(token)
