"""Which SDK method a request is: (HTTP method, path) -> operation name and ``url.template``.

The transport only sees a method and a concrete path (``/v3/messages/5f0c...``); spans need
the SDK method (``messages.get``) and the path template without ids (``/v3/messages/{id}``).
Matching the path against this table costs about a microsecond and runs only when telemetry is
on, so the resources pass nothing extra and a call with telemetry off pays nothing. The
templates are those of spec/sent-v3.openapi.json and spec/sent-current.openapi.json;
tests/test_otel.py checks that the table covers every operation there and that each name is
the resource method that requests that path.
"""

from __future__ import annotations

_TABLE = """
GET     /v3/channels                                            channels.list
GET     /v3/channels/{channel}/{country}/compliance             channels.number_types
GET     /v3/channels/{channel}/{country}/{type}/numbers         channels.numbers.list
POST    /v3/channels/{channel}/{country}/{type}/numbers         channels.numbers.add
PATCH   /v3/channels/{channel}/{country}/{type}/numbers         channels.numbers.replace
POST    /v3/channels/rcs                                        channels.rcs.create
GET     /v3/channels/sms                                        channels.sms.list
POST    /v3/channels/sms                                        channels.sms.create
GET     /v3/channels/sms/{country}/{type}                       channels.sms.get
PATCH   /v3/channels/sms/{country}/{type}                       channels.sms.update
GET     /v3/channels/sms/US/TEN_DLC/campaigns                   channels.sms.campaigns.list
POST    /v3/channels/sms/US/TEN_DLC/campaigns                   channels.sms.campaigns.create
PATCH   /v3/channels/sms/US/TEN_DLC/campaigns/{campaignId}      channels.sms.campaigns.update
GET     /v3/channels/voice                                      channels.voice.list
POST    /v3/channels/voice                                      channels.voice.create
GET     /v3/channels/voice/{number}                             channels.voice.get
PATCH   /v3/channels/voice/{number}                             channels.voice.update
POST    /v3/channels/voice/{number}/rotate-secret               channels.voice.rotate_secret
POST    /v3/channels/voice/{number}/test                        channels.voice.test
POST    /v3/channels/whatsapp                                   channels.whatsapp.create
GET     /v3/compliance/requirements                             compliance.requirements
GET     /v3/contacts                                            contacts.list
POST    /v3/contacts                                            contacts.create
GET     /v3/contacts/{id}                                       contacts.get
PATCH   /v3/contacts/{id}                                       contacts.update
DELETE  /v3/contacts/{id}                                       contacts.delete
GET     /v3/contacts/{contactId}/message-summary                contacts.get_message_summary
GET     /v3/conversations                                       conversations.list
GET     /v3/conversations/{id}                                  conversations.list_messages
GET     /v3/me                                                  me.get
POST    /v3/messages                                            messages.send
GET     /v3/messages/{id}                                       messages.get
GET     /v3/messages/{id}/activities                            messages.list_activities
POST    /v3/messages/{id}/cancel                                messages.cancel
GET     /v3/numbers/lookup/{phoneNumber}                        numbers.lookup
GET     /v3/profiles                                            profiles.list
POST    /v3/profiles                                            profiles.create
GET     /v3/profiles/{profileId}                                profiles.get
PATCH   /v3/profiles/{profileId}                                profiles.update
DELETE  /v3/profiles/{profileId}                                profiles.delete
POST    /v3/profiles/{profileId}/complete                       profiles.complete
GET     /v3/profiles/{profileId}/campaigns                      profiles.campaigns.list
POST    /v3/profiles/{profileId}/campaigns                      profiles.campaigns.create
PUT     /v3/profiles/{profileId}/campaigns/{campaignId}         profiles.campaigns.update
DELETE  /v3/profiles/{profileId}/campaigns/{campaignId}         profiles.campaigns.delete
GET     /v3/sender-profiles                                     sender_profiles.list
POST    /v3/sender-profiles                                     sender_profiles.create
GET     /v3/sender-profiles/{id}                                sender_profiles.get
PATCH   /v3/sender-profiles/{id}                                sender_profiles.update
DELETE  /v3/sender-profiles/{id}                                sender_profiles.delete
GET     /v3/templates                                           templates.list
POST    /v3/templates                                           templates.create
GET     /v3/templates/{id}                                      templates.get
PUT     /v3/templates/{id}                                      templates.update
DELETE  /v3/templates/{id}                                      templates.delete
GET     /v3/users                                               users.list
POST    /v3/users                                               users.invite
GET     /v3/users/{userId}                                      users.get
PATCH   /v3/users/{userId}                                      users.update_role
DELETE  /v3/users/{userId}                                      users.delete
GET     /v3/voice/calls                                         voice.calls.list
GET     /v3/voice/calls/{id}                                    voice.calls.get
POST    /v3/voice/calls/{id}/hangup                             voice.calls.hangup
GET     /v3/voice/calls/{id}/participants                       voice.calls.participants.list
POST    /v3/voice/calls/{id}/participants                       voice.calls.participants.add
DELETE  /v3/voice/calls/{id}/participants                       voice.calls.participants.delete_all
PATCH   /v3/voice/calls/{id}/participants/{participantId}       voice.calls.participants.update
DELETE  /v3/voice/calls/{id}/participants/{participantId}       voice.calls.participants.delete
GET     /v3/voice/calls/{id}/recordings                         voice.calls.list_recordings
POST    /v3/voice/calls/{id}/recordings                         voice.calls.record
POST    /v3/voice/tokens                                        voice.tokens.create
GET     /v3/webhooks                                            webhooks.list
POST    /v3/webhooks                                            webhooks.create
GET     /v3/webhooks/event-types                                webhooks.list_event_types
GET     /v3/webhooks/{id}                                       webhooks.get
PUT     /v3/webhooks/{id}                                       webhooks.update
DELETE  /v3/webhooks/{id}                                       webhooks.delete
GET     /v3/webhooks/{id}/events                                webhooks.list_events
POST    /v3/webhooks/{id}/rotate-secret                         webhooks.rotate_secret
POST    /v3/webhooks/{id}/test                                  webhooks.test
PATCH   /v3/webhooks/{id}/toggle-status                         webhooks.toggle_status
"""

# A template's segments: a literal string, or None for a {parameter}.
_Segments = tuple["str | None", ...]

ROUTES: tuple[tuple[str, str, str], ...] = tuple(
    (method, template, name)
    for method, template, name in (line.split() for line in _TABLE.strip().splitlines())
)
"""Every (HTTP method, path template, operation name) the SDK calls."""


def _segments(template: str) -> _Segments:
    return tuple(None if s.startswith("{") else s for s in template.split("/"))


def _specificity(segments: _Segments) -> tuple[int, tuple[bool, ...]]:
    """More literal segments first; on a tie, literals near the end win (so
    ``/v3/channels/sms/US/compliance`` is ``{channel}/{country}/compliance``, not a market)."""
    literal = tuple(s is not None for s in reversed(segments))
    return sum(literal), literal


def _index() -> dict[tuple[str, int], list[tuple[_Segments, str, str]]]:
    """Candidates per (HTTP method, segment count), most specific first."""
    index: dict[tuple[str, int], list[tuple[_Segments, str, str]]] = {}
    for method, template, name in ROUTES:
        segments = _segments(template)
        index.setdefault((method, len(segments)), []).append((segments, template, name))
    for candidates in index.values():
        candidates.sort(key=lambda c: _specificity(c[0]), reverse=True)
    return index


_INDEX = _index()


def match(method: str, path: str) -> tuple[str, str] | None:
    """``(operation name, url.template)`` of a request, or None for a path the SDK never calls."""
    parts = path.split("/")
    for segments, template, name in _INDEX.get((method, len(parts)), ()):
        for want, got in zip(segments, parts, strict=True):
            if got != want if want is not None else not got:  # a {parameter} is never empty
                break
        else:
            return name, template
    return None
