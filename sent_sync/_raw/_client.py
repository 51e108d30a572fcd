# Generated from sent_async/_raw/_client.py by scripts/gen_facades.py.
# Do not edit: change the async source and run `make sync`.
"""Sync twin of ``sent_async/_raw/_client.py``."""

from __future__ import annotations

from functools import cached_property

from sent_async._raw._client import AsyncSentWithRawResponse
from sent_sync._portal import SyncResource
from sent_sync._raw.channels import ChannelsWithRawResponse
from sent_sync._raw.contacts import ContactsWithRawResponse
from sent_sync._raw.conversations import ConversationsWithRawResponse
from sent_sync._raw.me import MeWithRawResponse
from sent_sync._raw.messages import MessagesWithRawResponse
from sent_sync._raw.numbers import NumbersWithRawResponse
from sent_sync._raw.profiles import ProfilesWithRawResponse
from sent_sync._raw.templates import TemplatesWithRawResponse
from sent_sync._raw.users import UsersWithRawResponse
from sent_sync._raw.voice import VoiceWithRawResponse
from sent_sync._raw.webhooks import WebhooksWithRawResponse


class SentWithRawResponse(SyncResource):
    """Sent whose calls return ``RawResponse`` (``.data``, ``.meta``, ...)."""

    _inner: AsyncSentWithRawResponse

    @cached_property
    def messages(self) -> MessagesWithRawResponse:
        """Send messages; read their status and activities."""
        return MessagesWithRawResponse(self._inner.messages, self._portal)

    @cached_property
    def contacts(self) -> ContactsWithRawResponse:
        """Contacts you message, paged."""
        return ContactsWithRawResponse(self._inner.contacts, self._portal)

    @cached_property
    def conversations(self) -> ConversationsWithRawResponse:
        """Message threads, paged."""
        return ConversationsWithRawResponse(self._inner.conversations, self._portal)

    @cached_property
    def templates(self) -> TemplatesWithRawResponse:
        """Message templates and their review status."""
        return TemplatesWithRawResponse(self._inner.templates, self._portal)

    @cached_property
    def webhooks(self) -> WebhooksWithRawResponse:
        """Webhook endpoints (verify deliveries with ``sent_async.webhooks``)."""
        return WebhooksWithRawResponse(self._inner.webhooks, self._portal)

    @cached_property
    def users(self) -> UsersWithRawResponse:
        """Users of the organization."""
        return UsersWithRawResponse(self._inner.users, self._portal)

    @cached_property
    def me(self) -> MeWithRawResponse:
        """The account behind the API key."""
        return MeWithRawResponse(self._inner.me, self._portal)

    @cached_property
    def numbers(self) -> NumbersWithRawResponse:
        """Phone number lookups."""
        return NumbersWithRawResponse(self._inner.numbers, self._portal)

    @cached_property
    def profiles(self) -> ProfilesWithRawResponse:
        """Sender profiles and their campaigns (deprecated by Sent, still served)."""
        return ProfilesWithRawResponse(self._inner.profiles, self._portal)

    @cached_property
    def voice(self) -> VoiceWithRawResponse:
        """Voice calls, participants, recordings and tokens."""
        return VoiceWithRawResponse(self._inner.voice, self._portal)

    @cached_property
    def channels(self) -> ChannelsWithRawResponse:
        """Sending channels (voice numbers)."""
        return ChannelsWithRawResponse(self._inner.channels, self._portal)
