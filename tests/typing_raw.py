"""Static checks of ``with_raw_response`` typing: mypy --strict (``make typecheck``) reads it.

pytest never runs it (no ``test_`` prefix): the checks are the types. Lines that must be type
errors carry ``# type: ignore[code]``; mypy's ``warn_unused_ignores`` (part of --strict) fails
the build if one of them ever stops being an error, e.g. if the raw views lost their signatures
to ``(*args: Any, **kwargs: Any)``. Pyright reads it too: ``pyright`` (npm) in strict mode
with ``enableTypeIgnoreComments: false`` and ``reportUnnecessaryTypeIgnoreComment: "error"``
sees only the ``# pyright: ignore`` twins, and the file passes; pyright is not a dev dependency.
"""

from __future__ import annotations

from typing_extensions import assert_type

from sent_async import AsyncSent
from sent_async._pagination import AsyncPage
from sent_async._response import RawResponse
from sent_async.models import (
    CallParticipant,
    Contact,
    MessageSendResult,
    ProfileDetail,
    VoiceNumber,
)
from sent_sync import Sent
from sent_sync._portal import Page

PHONE = "+14155550123"


async def async_raw_views(client: AsyncSent) -> None:
    raw = client.with_raw_response
    assert_type(await raw.messages.send(to=PHONE, text="hi"), RawResponse[MessageSendResult])
    assert_type(await raw.contacts.list(page_size=10), RawResponse[AsyncPage[Contact]])
    assert_type(await raw.channels.voice.get(PHONE), RawResponse[VoiceNumber])
    assert_type(await raw.voice.calls.participants.list("c"), RawResponse[list[CallParticipant]])
    assert_type(await raw.profiles.get("p"), RawResponse[ProfileDetail])
    assert_type(await raw.profiles.delete("p", sandbox=True), RawResponse[None])

    await raw.messages.send(to=PHONE, text=1)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    await raw.messages.send(to=PHONE, txt="hi")  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    await raw.messages.get()  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    await raw.contacts.list(page_size="10")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    await raw.channels.voice.get(PHONE, True)  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    wrong: RawResponse[Contact] = await raw.messages.get("m")  # type: ignore[assignment]  # pyright: ignore[reportAssignmentType]
    del wrong


def sync_raw_views(sent: Sent) -> None:
    raw = sent.with_raw_response
    assert_type(raw.messages.send(to=PHONE, text="hi"), RawResponse[MessageSendResult])
    assert_type(raw.contacts.list(page_size=10), RawResponse[Page[Contact]])
    assert_type(raw.channels.voice.get(PHONE), RawResponse[VoiceNumber])
    assert_type(raw.voice.calls.participants.list("c"), RawResponse[list[CallParticipant]])
    assert_type(raw.profiles.delete("p", sandbox=True), RawResponse[None])

    raw.messages.send(to=PHONE, text=1)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    raw.messages.get()  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    raw.contacts.list(page_size="10")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    wrong: RawResponse[Contact] = raw.messages.get("m")  # type: ignore[assignment]  # pyright: ignore[reportAssignmentType]
    del wrong
