"""FakeSent's typed state: one attrs field per API family, built once per server.

Families reach each other through these stores (``state.contacts.find_by_phone(...)``,
``state.templates.by_id``), and the stores that emit webhook events (messages, templates)
are handed the server's ``emit`` when they are built. Tests read and change the stores by
attribute (``server.state.messages.by_id``); there are no string keys (issue #11).
"""

from __future__ import annotations

import attrs

from ._channels import VoiceNumbers
from ._contacts import Contacts
from ._markets import Markets
from ._me import Organization
from ._messages import Messages
from ._profiles import Profiles
from ._sender_profiles import SenderProfiles
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
    markets: Markets
    voice: Calls
    webhooks: Webhooks
    sender_profiles: SenderProfiles = attrs.Factory(SenderProfiles)

    def is_profile(self, profile_id: str) -> bool:
        """Whether ``x-profile-id`` names one of our profiles (legacy or sender profile)."""
        found = self.sender_profiles.by_id.get(profile_id)
        mine = found is not None and found.organization_id == self.organization_id
        return profile_id in self.profiles.by_id or mine

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
            markets=Markets(emit=emit),
            voice=Calls.seeded(),
            webhooks=Webhooks(),
        )
