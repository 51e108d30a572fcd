# Generated from sent_async/_client.py and sent_async/resources/*.py by scripts/gen_facades.py.
# Do not edit: change the async source and run `make sync`.
"""``with_raw_response`` views of sent_sync: each call keeps its parameters and returns
``RawResponse[T]`` (see ``sent_async/_response.py``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sent_async._response import Nested, RawView, SyncRawMethod
from sent_sync.resources.channels import Channels, RcsChannels, VoiceChannels, WhatsappChannels
from sent_sync.resources.compliance import Compliance
from sent_sync.resources.contacts import Contacts
from sent_sync.resources.conversations import Conversations
from sent_sync.resources.me import Me
from sent_sync.resources.messages import Messages
from sent_sync.resources.numbers import Numbers
from sent_sync.resources.profiles import ProfileCampaigns, Profiles
from sent_sync.resources.sender_profiles import SenderProfiles
from sent_sync.resources.sms_markets import Campaigns, MarketNumbers, SmsChannels
from sent_sync.resources.templates import Templates
from sent_sync.resources.users import Users
from sent_sync.resources.voice import CallParticipants, Calls, Voice, VoiceTokens
from sent_sync.resources.webhooks import Webhooks

if TYPE_CHECKING:
    from sent_sync._client import Sent  # noqa: F401 (a base)


class MessagesWithRawResponse(RawView[Messages]):
    """``Messages`` whose calls return ``RawResponse[T]``."""

    send = SyncRawMethod(Messages.send)
    get = SyncRawMethod(Messages.get)
    cancel = SyncRawMethod(Messages.cancel)
    list_activities = SyncRawMethod(Messages.list_activities)


class ContactsWithRawResponse(RawView[Contacts]):
    """``Contacts`` whose calls return ``RawResponse[T]``."""

    list = SyncRawMethod(Contacts.list)
    create = SyncRawMethod(Contacts.create)
    get = SyncRawMethod(Contacts.get)
    get_message_summary = SyncRawMethod(Contacts.get_message_summary)
    update = SyncRawMethod(Contacts.update)
    delete = SyncRawMethod(Contacts.delete)


class ConversationsWithRawResponse(RawView[Conversations]):
    """``Conversations`` whose calls return ``RawResponse[T]``."""

    list = SyncRawMethod(Conversations.list)
    list_messages = SyncRawMethod(Conversations.list_messages)


class TemplatesWithRawResponse(RawView[Templates]):
    """``Templates`` whose calls return ``RawResponse[T]``."""

    list = SyncRawMethod(Templates.list)
    get = SyncRawMethod(Templates.get)
    create = SyncRawMethod(Templates.create)
    update = SyncRawMethod(Templates.update)
    delete = SyncRawMethod(Templates.delete)


class WebhooksWithRawResponse(RawView[Webhooks]):
    """``Webhooks`` whose calls return ``RawResponse[T]``."""

    create = SyncRawMethod(Webhooks.create)
    list = SyncRawMethod(Webhooks.list)
    list_event_types = SyncRawMethod(Webhooks.list_event_types)
    get = SyncRawMethod(Webhooks.get)
    update = SyncRawMethod(Webhooks.update)
    delete = SyncRawMethod(Webhooks.delete)
    list_events = SyncRawMethod(Webhooks.list_events)
    rotate_secret = SyncRawMethod(Webhooks.rotate_secret)
    test = SyncRawMethod(Webhooks.test)
    toggle_status = SyncRawMethod(Webhooks.toggle_status)


class UsersWithRawResponse(RawView[Users]):
    """``Users`` whose calls return ``RawResponse[T]``."""

    list = SyncRawMethod(Users.list)
    get = SyncRawMethod(Users.get)
    invite = SyncRawMethod(Users.invite)
    update_role = SyncRawMethod(Users.update_role)
    delete = SyncRawMethod(Users.delete)


class MeWithRawResponse(RawView[Me]):
    """``Me`` whose calls return ``RawResponse[T]``."""

    get = SyncRawMethod(Me.get)


class NumbersWithRawResponse(RawView[Numbers]):
    """``Numbers`` whose calls return ``RawResponse[T]``."""

    lookup = SyncRawMethod(Numbers.lookup)


class ProfileCampaignsWithRawResponse(RawView[ProfileCampaigns]):
    """``ProfileCampaigns`` whose calls return ``RawResponse[T]``."""

    list = SyncRawMethod(ProfileCampaigns.list)
    create = SyncRawMethod(ProfileCampaigns.create)
    update = SyncRawMethod(ProfileCampaigns.update)
    delete = SyncRawMethod(ProfileCampaigns.delete)


class ProfilesWithRawResponse(RawView[Profiles]):
    """``Profiles`` whose calls return ``RawResponse[T]``."""

    campaigns = Nested(ProfileCampaignsWithRawResponse)
    get = SyncRawMethod(Profiles.get)
    list = SyncRawMethod(Profiles.list)
    create = SyncRawMethod(Profiles.create)
    update = SyncRawMethod(Profiles.update)
    delete = SyncRawMethod(Profiles.delete)
    complete = SyncRawMethod(Profiles.complete)


class SenderProfilesWithRawResponse(RawView[SenderProfiles]):
    """``SenderProfiles`` whose calls return ``RawResponse[T]``."""

    create = SyncRawMethod(SenderProfiles.create)
    list = SyncRawMethod(SenderProfiles.list)
    get = SyncRawMethod(SenderProfiles.get)
    update = SyncRawMethod(SenderProfiles.update)
    delete = SyncRawMethod(SenderProfiles.delete)


class ComplianceWithRawResponse(RawView[Compliance]):
    """``Compliance`` whose calls return ``RawResponse[T]``."""

    requirements = SyncRawMethod(Compliance.requirements)


class CallParticipantsWithRawResponse(RawView[CallParticipants]):
    """``CallParticipants`` whose calls return ``RawResponse[T]``."""

    list = SyncRawMethod(CallParticipants.list)
    add = SyncRawMethod(CallParticipants.add)
    update = SyncRawMethod(CallParticipants.update)
    delete = SyncRawMethod(CallParticipants.delete)
    delete_all = SyncRawMethod(CallParticipants.delete_all)


class CallsWithRawResponse(RawView[Calls]):
    """``Calls`` whose calls return ``RawResponse[T]``."""

    participants = Nested(CallParticipantsWithRawResponse)
    list = SyncRawMethod(Calls.list)
    get = SyncRawMethod(Calls.get)
    hangup = SyncRawMethod(Calls.hangup)
    list_recordings = SyncRawMethod(Calls.list_recordings)
    record = SyncRawMethod(Calls.record)


class VoiceTokensWithRawResponse(RawView[VoiceTokens]):
    """``VoiceTokens`` whose calls return ``RawResponse[T]``."""

    create = SyncRawMethod(VoiceTokens.create)


class VoiceWithRawResponse(RawView[Voice]):
    """``Voice`` whose calls return ``RawResponse[T]``."""

    calls = Nested(CallsWithRawResponse)
    tokens = Nested(VoiceTokensWithRawResponse)


class CampaignsWithRawResponse(RawView[Campaigns]):
    """``Campaigns`` whose calls return ``RawResponse[T]``."""

    list = SyncRawMethod(Campaigns.list)
    create = SyncRawMethod(Campaigns.create)
    update = SyncRawMethod(Campaigns.update)


class SmsChannelsWithRawResponse(RawView[SmsChannels]):
    """``SmsChannels`` whose calls return ``RawResponse[T]``."""

    campaigns = Nested(CampaignsWithRawResponse)
    list = SyncRawMethod(SmsChannels.list)
    create = SyncRawMethod(SmsChannels.create)
    get = SyncRawMethod(SmsChannels.get)
    update = SyncRawMethod(SmsChannels.update)


class MarketNumbersWithRawResponse(RawView[MarketNumbers]):
    """``MarketNumbers`` whose calls return ``RawResponse[T]``."""

    list = SyncRawMethod(MarketNumbers.list)
    add = SyncRawMethod(MarketNumbers.add)
    replace = SyncRawMethod(MarketNumbers.replace)


class WhatsappChannelsWithRawResponse(RawView[WhatsappChannels]):
    """``WhatsappChannels`` whose calls return ``RawResponse[T]``."""

    create = SyncRawMethod(WhatsappChannels.create)


class RcsChannelsWithRawResponse(RawView[RcsChannels]):
    """``RcsChannels`` whose calls return ``RawResponse[T]``."""

    create = SyncRawMethod(RcsChannels.create)


class VoiceChannelsWithRawResponse(RawView[VoiceChannels]):
    """``VoiceChannels`` whose calls return ``RawResponse[T]``."""

    list = SyncRawMethod(VoiceChannels.list)
    create = SyncRawMethod(VoiceChannels.create)
    get = SyncRawMethod(VoiceChannels.get)
    update = SyncRawMethod(VoiceChannels.update)
    rotate_secret = SyncRawMethod(VoiceChannels.rotate_secret)
    test = SyncRawMethod(VoiceChannels.test)


class ChannelsWithRawResponse(RawView[Channels]):
    """``Channels`` whose calls return ``RawResponse[T]``."""

    sms = Nested(SmsChannelsWithRawResponse)
    numbers = Nested(MarketNumbersWithRawResponse)
    whatsapp = Nested(WhatsappChannelsWithRawResponse)
    rcs = Nested(RcsChannelsWithRawResponse)
    voice = Nested(VoiceChannelsWithRawResponse)
    list = SyncRawMethod(Channels.list)
    number_types = SyncRawMethod(Channels.number_types)


class SentWithRawResponse(RawView["Sent"]):
    """``Sent`` whose calls return ``RawResponse[T]``."""

    messages = Nested(MessagesWithRawResponse)
    contacts = Nested(ContactsWithRawResponse)
    conversations = Nested(ConversationsWithRawResponse)
    templates = Nested(TemplatesWithRawResponse)
    webhooks = Nested(WebhooksWithRawResponse)
    users = Nested(UsersWithRawResponse)
    me = Nested(MeWithRawResponse)
    numbers = Nested(NumbersWithRawResponse)
    profiles = Nested(ProfilesWithRawResponse)
    sender_profiles = Nested(SenderProfilesWithRawResponse)
    compliance = Nested(ComplianceWithRawResponse)
    voice = Nested(VoiceWithRawResponse)
    channels = Nested(ChannelsWithRawResponse)
