"""FakeSent's typed state: one attrs field per API family, built once per server.

Families reach each other through these stores (``state.contacts.find_by_phone(...)``,
``state.templates.by_id``), and the stores that emit webhook events (messages, templates)
are handed the server's ``emit`` when they are built. ``state["messages"]`` and the other
string keys of FakeSent's former dict-based state still read the same dicts (``legacy``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs

from ._channels import VoiceNumbers
from ._contacts import Contacts
from ._me import Organization
from ._messages import Messages
from ._profiles import Profiles
from ._support import Emit
from ._templates import Templates
from ._users import Users
from ._voice import Calls
from ._webhooks import Webhooks


@attrs.define(eq=False, on_setattr=attrs.setters.frozen)
class State:
    """Everything one FakeSent remembers, by family. Tests may read and change the stores.

    The stores themselves cannot be swapped: they hold references to one another.
    """

    organization_id: str = attrs.field(on_setattr=attrs.setters.NO_OP)
    me: Organization
    profiles: Profiles
    contacts: Contacts
    messages: Messages
    templates: Templates
    users: Users
    channels: VoiceNumbers
    voice: Calls
    webhooks: Webhooks

    @classmethod
    def new(cls, organization_id: str, emit: Emit) -> State:
        """Fresh state: empty stores, except the seeded voice calls."""
        contacts = Contacts()
        return cls(
            organization_id=organization_id,
            me=Organization(),
            profiles=Profiles(),
            contacts=contacts,
            messages=Messages(contacts=contacts, emit=emit),
            templates=Templates(emit=emit),
            users=Users(),
            channels=VoiceNumbers(),
            voice=Calls.seeded(),
            webhooks=Webhooks(),
        )

    def __getitem__(self, key: str) -> Any:
        """The store FakeSent's former dict state kept under ``key`` (``state["messages"]``)."""
        try:
            return _LEGACY[key](self)
        except KeyError:
            raise KeyError(f"FakeSent state has no {key!r}; use its attributes") from None


_LEGACY: dict[str, Callable[[State], Any]] = {
    "me": lambda s: s.me,
    "profiles": lambda s: s.profiles.by_id,
    "campaigns": lambda s: s.profiles.campaigns,
    "contacts": lambda s: s.contacts.by_id,
    "messages": lambda s: s.messages.by_id,
    "message_activities": lambda s: s.messages.activities,
    "message_schedule": lambda s: s.messages.schedule,
    "message_senders": lambda s: s.messages.senders,
    "templates": lambda s: s.templates.by_id,
    "users": lambda s: s.users.by_id,
    "voice_numbers": lambda s: s.channels.numbers,
    "voice_number_secrets": lambda s: s.channels.secrets,
    "voice_calls": lambda s: s.voice.calls,
    "voice_participants": lambda s: s.voice.participants,
    "voice_recordings": lambda s: s.voice.recordings,
    "voice_recording_now": lambda s: s.voice.recording_now,
    "webhooks": lambda s: s.webhooks.by_id,
    "webhook_events": lambda s: s.webhooks.log,
    "webhook_delivery": lambda s: s.webhooks.delivery,
}
