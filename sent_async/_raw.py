# Generated from sent_async/_client.py and sent_async/resources/*.py by scripts/gen_facades.py.
# Do not edit: change the async source and run `make sync`.
"""``with_raw_response`` views of sent_async: each call keeps its parameters and returns
``RawResponse[T]`` (see ``sent_async/_response.py``)."""

from __future__ import annotations

from sent_async._client import AsyncSent
from sent_async._response import Nested, RawMethod, RawView
from sent_async.resources.channels import (
    AsyncChannels,
    AsyncRcsChannels,
    AsyncVoiceChannels,
    AsyncWhatsappChannels,
)
from sent_async.resources.compliance import AsyncCompliance
from sent_async.resources.contacts import AsyncContacts
from sent_async.resources.conversations import AsyncConversations
from sent_async.resources.me import AsyncMe
from sent_async.resources.messages import AsyncMessages
from sent_async.resources.numbers import AsyncNumbers
from sent_async.resources.profiles import AsyncProfileCampaigns, AsyncProfiles
from sent_async.resources.sender_profiles import AsyncSenderProfiles
from sent_async.resources.sms_markets import AsyncCampaigns, AsyncMarketNumbers, AsyncSmsChannels
from sent_async.resources.templates import AsyncTemplates
from sent_async.resources.users import AsyncUsers
from sent_async.resources.voice import (
    AsyncCallParticipants,
    AsyncCalls,
    AsyncVoice,
    AsyncVoiceTokens,
)
from sent_async.resources.webhooks import AsyncWebhooks


class AsyncMessagesWithRawResponse(RawView[AsyncMessages]):
    """``AsyncMessages`` whose calls return ``RawResponse[T]``."""

    send = RawMethod(AsyncMessages.send)
    get = RawMethod(AsyncMessages.get)
    cancel = RawMethod(AsyncMessages.cancel)
    list_activities = RawMethod(AsyncMessages.list_activities)


class AsyncContactsWithRawResponse(RawView[AsyncContacts]):
    """``AsyncContacts`` whose calls return ``RawResponse[T]``."""

    list = RawMethod(AsyncContacts.list)
    create = RawMethod(AsyncContacts.create)
    get = RawMethod(AsyncContacts.get)
    get_message_summary = RawMethod(AsyncContacts.get_message_summary)
    update = RawMethod(AsyncContacts.update)
    delete = RawMethod(AsyncContacts.delete)


class AsyncConversationsWithRawResponse(RawView[AsyncConversations]):
    """``AsyncConversations`` whose calls return ``RawResponse[T]``."""

    list = RawMethod(AsyncConversations.list)
    list_messages = RawMethod(AsyncConversations.list_messages)


class AsyncTemplatesWithRawResponse(RawView[AsyncTemplates]):
    """``AsyncTemplates`` whose calls return ``RawResponse[T]``."""

    list = RawMethod(AsyncTemplates.list)
    get = RawMethod(AsyncTemplates.get)
    create = RawMethod(AsyncTemplates.create)
    update = RawMethod(AsyncTemplates.update)
    delete = RawMethod(AsyncTemplates.delete)


class AsyncWebhooksWithRawResponse(RawView[AsyncWebhooks]):
    """``AsyncWebhooks`` whose calls return ``RawResponse[T]``."""

    create = RawMethod(AsyncWebhooks.create)
    list = RawMethod(AsyncWebhooks.list)
    list_event_types = RawMethod(AsyncWebhooks.list_event_types)
    get = RawMethod(AsyncWebhooks.get)
    update = RawMethod(AsyncWebhooks.update)
    delete = RawMethod(AsyncWebhooks.delete)
    list_events = RawMethod(AsyncWebhooks.list_events)
    rotate_secret = RawMethod(AsyncWebhooks.rotate_secret)
    test = RawMethod(AsyncWebhooks.test)
    toggle_status = RawMethod(AsyncWebhooks.toggle_status)


class AsyncUsersWithRawResponse(RawView[AsyncUsers]):
    """``AsyncUsers`` whose calls return ``RawResponse[T]``."""

    list = RawMethod(AsyncUsers.list)
    get = RawMethod(AsyncUsers.get)
    invite = RawMethod(AsyncUsers.invite)
    update_role = RawMethod(AsyncUsers.update_role)
    delete = RawMethod(AsyncUsers.delete)


class AsyncMeWithRawResponse(RawView[AsyncMe]):
    """``AsyncMe`` whose calls return ``RawResponse[T]``."""

    get = RawMethod(AsyncMe.get)


class AsyncNumbersWithRawResponse(RawView[AsyncNumbers]):
    """``AsyncNumbers`` whose calls return ``RawResponse[T]``."""

    lookup = RawMethod(AsyncNumbers.lookup)


class AsyncProfileCampaignsWithRawResponse(RawView[AsyncProfileCampaigns]):
    """``AsyncProfileCampaigns`` whose calls return ``RawResponse[T]``."""

    list = RawMethod(AsyncProfileCampaigns.list)
    create = RawMethod(AsyncProfileCampaigns.create)
    update = RawMethod(AsyncProfileCampaigns.update)
    delete = RawMethod(AsyncProfileCampaigns.delete)


class AsyncProfilesWithRawResponse(RawView[AsyncProfiles]):
    """``AsyncProfiles`` whose calls return ``RawResponse[T]``."""

    campaigns = Nested(AsyncProfileCampaignsWithRawResponse)
    get = RawMethod(AsyncProfiles.get)
    list = RawMethod(AsyncProfiles.list)
    create = RawMethod(AsyncProfiles.create)
    update = RawMethod(AsyncProfiles.update)
    delete = RawMethod(AsyncProfiles.delete)
    complete = RawMethod(AsyncProfiles.complete)


class AsyncSenderProfilesWithRawResponse(RawView[AsyncSenderProfiles]):
    """``AsyncSenderProfiles`` whose calls return ``RawResponse[T]``."""

    create = RawMethod(AsyncSenderProfiles.create)
    list = RawMethod(AsyncSenderProfiles.list)
    get = RawMethod(AsyncSenderProfiles.get)
    update = RawMethod(AsyncSenderProfiles.update)
    delete = RawMethod(AsyncSenderProfiles.delete)


class AsyncComplianceWithRawResponse(RawView[AsyncCompliance]):
    """``AsyncCompliance`` whose calls return ``RawResponse[T]``."""

    requirements = RawMethod(AsyncCompliance.requirements)


class AsyncCallParticipantsWithRawResponse(RawView[AsyncCallParticipants]):
    """``AsyncCallParticipants`` whose calls return ``RawResponse[T]``."""

    list = RawMethod(AsyncCallParticipants.list)
    add = RawMethod(AsyncCallParticipants.add)
    update = RawMethod(AsyncCallParticipants.update)
    delete = RawMethod(AsyncCallParticipants.delete)
    delete_all = RawMethod(AsyncCallParticipants.delete_all)


class AsyncCallsWithRawResponse(RawView[AsyncCalls]):
    """``AsyncCalls`` whose calls return ``RawResponse[T]``."""

    participants = Nested(AsyncCallParticipantsWithRawResponse)
    list = RawMethod(AsyncCalls.list)
    get = RawMethod(AsyncCalls.get)
    hangup = RawMethod(AsyncCalls.hangup)
    list_recordings = RawMethod(AsyncCalls.list_recordings)
    record = RawMethod(AsyncCalls.record)


class AsyncVoiceTokensWithRawResponse(RawView[AsyncVoiceTokens]):
    """``AsyncVoiceTokens`` whose calls return ``RawResponse[T]``."""

    create = RawMethod(AsyncVoiceTokens.create)


class AsyncVoiceWithRawResponse(RawView[AsyncVoice]):
    """``AsyncVoice`` whose calls return ``RawResponse[T]``."""

    calls = Nested(AsyncCallsWithRawResponse)
    tokens = Nested(AsyncVoiceTokensWithRawResponse)


class AsyncCampaignsWithRawResponse(RawView[AsyncCampaigns]):
    """``AsyncCampaigns`` whose calls return ``RawResponse[T]``."""

    list = RawMethod(AsyncCampaigns.list)
    create = RawMethod(AsyncCampaigns.create)
    update = RawMethod(AsyncCampaigns.update)


class AsyncSmsChannelsWithRawResponse(RawView[AsyncSmsChannels]):
    """``AsyncSmsChannels`` whose calls return ``RawResponse[T]``."""

    campaigns = Nested(AsyncCampaignsWithRawResponse)
    list = RawMethod(AsyncSmsChannels.list)
    create = RawMethod(AsyncSmsChannels.create)
    get = RawMethod(AsyncSmsChannels.get)
    update = RawMethod(AsyncSmsChannels.update)


class AsyncMarketNumbersWithRawResponse(RawView[AsyncMarketNumbers]):
    """``AsyncMarketNumbers`` whose calls return ``RawResponse[T]``."""

    list = RawMethod(AsyncMarketNumbers.list)
    add = RawMethod(AsyncMarketNumbers.add)
    replace = RawMethod(AsyncMarketNumbers.replace)


class AsyncWhatsappChannelsWithRawResponse(RawView[AsyncWhatsappChannels]):
    """``AsyncWhatsappChannels`` whose calls return ``RawResponse[T]``."""

    create = RawMethod(AsyncWhatsappChannels.create)


class AsyncRcsChannelsWithRawResponse(RawView[AsyncRcsChannels]):
    """``AsyncRcsChannels`` whose calls return ``RawResponse[T]``."""

    create = RawMethod(AsyncRcsChannels.create)


class AsyncVoiceChannelsWithRawResponse(RawView[AsyncVoiceChannels]):
    """``AsyncVoiceChannels`` whose calls return ``RawResponse[T]``."""

    list = RawMethod(AsyncVoiceChannels.list)
    create = RawMethod(AsyncVoiceChannels.create)
    get = RawMethod(AsyncVoiceChannels.get)
    update = RawMethod(AsyncVoiceChannels.update)
    rotate_secret = RawMethod(AsyncVoiceChannels.rotate_secret)
    test = RawMethod(AsyncVoiceChannels.test)


class AsyncChannelsWithRawResponse(RawView[AsyncChannels]):
    """``AsyncChannels`` whose calls return ``RawResponse[T]``."""

    sms = Nested(AsyncSmsChannelsWithRawResponse)
    numbers = Nested(AsyncMarketNumbersWithRawResponse)
    whatsapp = Nested(AsyncWhatsappChannelsWithRawResponse)
    rcs = Nested(AsyncRcsChannelsWithRawResponse)
    voice = Nested(AsyncVoiceChannelsWithRawResponse)
    list = RawMethod(AsyncChannels.list)
    number_types = RawMethod(AsyncChannels.number_types)


class AsyncSentWithRawResponse(RawView[AsyncSent]):
    """``AsyncSent`` whose calls return ``RawResponse[T]``."""

    messages = Nested(AsyncMessagesWithRawResponse)
    contacts = Nested(AsyncContactsWithRawResponse)
    conversations = Nested(AsyncConversationsWithRawResponse)
    templates = Nested(AsyncTemplatesWithRawResponse)
    webhooks = Nested(AsyncWebhooksWithRawResponse)
    users = Nested(AsyncUsersWithRawResponse)
    me = Nested(AsyncMeWithRawResponse)
    numbers = Nested(AsyncNumbersWithRawResponse)
    profiles = Nested(AsyncProfilesWithRawResponse)
    sender_profiles = Nested(AsyncSenderProfilesWithRawResponse)
    compliance = Nested(AsyncComplianceWithRawResponse)
    voice = Nested(AsyncVoiceWithRawResponse)
    channels = Nested(AsyncChannelsWithRawResponse)
