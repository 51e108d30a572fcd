# Generated from sent_async/_client.py by scripts/gen_facades.py.
# Do not edit: change the async source and run `make sync`.
"""Views of ``sent_async/_client.py`` whose calls return ``RawResponse[T]``."""

from __future__ import annotations

from functools import cached_property

from sent_async._client import AsyncSent
from sent_async._raw.channels import AsyncChannelsWithRawResponse
from sent_async._raw.contacts import AsyncContactsWithRawResponse
from sent_async._raw.conversations import AsyncConversationsWithRawResponse
from sent_async._raw.me import AsyncMeWithRawResponse
from sent_async._raw.messages import AsyncMessagesWithRawResponse
from sent_async._raw.numbers import AsyncNumbersWithRawResponse
from sent_async._raw.profiles import AsyncProfilesWithRawResponse
from sent_async._raw.templates import AsyncTemplatesWithRawResponse
from sent_async._raw.users import AsyncUsersWithRawResponse
from sent_async._raw.voice import AsyncVoiceWithRawResponse
from sent_async._raw.webhooks import AsyncWebhooksWithRawResponse


class AsyncSentWithRawResponse:
    """AsyncSent whose calls return ``RawResponse`` (``.data``, ``.meta``, ...)."""

    def __init__(self, inner: AsyncSent) -> None:
        self._inner = inner

    @cached_property
    def messages(self) -> AsyncMessagesWithRawResponse:
        """Send messages; read their status and activities."""
        return AsyncMessagesWithRawResponse(self._inner.messages)

    @cached_property
    def contacts(self) -> AsyncContactsWithRawResponse:
        """Contacts you message, paged."""
        return AsyncContactsWithRawResponse(self._inner.contacts)

    @cached_property
    def conversations(self) -> AsyncConversationsWithRawResponse:
        """Message threads, paged."""
        return AsyncConversationsWithRawResponse(self._inner.conversations)

    @cached_property
    def templates(self) -> AsyncTemplatesWithRawResponse:
        """Message templates and their review status."""
        return AsyncTemplatesWithRawResponse(self._inner.templates)

    @cached_property
    def webhooks(self) -> AsyncWebhooksWithRawResponse:
        """Webhook endpoints (verify deliveries with ``sent_async.webhooks``)."""
        return AsyncWebhooksWithRawResponse(self._inner.webhooks)

    @cached_property
    def users(self) -> AsyncUsersWithRawResponse:
        """Users of the organization."""
        return AsyncUsersWithRawResponse(self._inner.users)

    @cached_property
    def me(self) -> AsyncMeWithRawResponse:
        """The account behind the API key."""
        return AsyncMeWithRawResponse(self._inner.me)

    @cached_property
    def numbers(self) -> AsyncNumbersWithRawResponse:
        """Phone number lookups."""
        return AsyncNumbersWithRawResponse(self._inner.numbers)

    @cached_property
    def profiles(self) -> AsyncProfilesWithRawResponse:
        """Sender profiles and their campaigns (deprecated by Sent, still served)."""
        return AsyncProfilesWithRawResponse(self._inner.profiles)

    @cached_property
    def voice(self) -> AsyncVoiceWithRawResponse:
        """Voice calls, participants, recordings and tokens."""
        return AsyncVoiceWithRawResponse(self._inner.voice)

    @cached_property
    def channels(self) -> AsyncChannelsWithRawResponse:
        """Sending channels (voice numbers)."""
        return AsyncChannelsWithRawResponse(self._inner.channels)
