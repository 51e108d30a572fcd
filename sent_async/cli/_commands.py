"""The API commands of ``sent``: one short coroutine per command, calling ``AsyncSent``.

Each takes the client and the parsed arguments and returns a ``Shown`` for ``_output``; the
SDK's own checks (E.164 numbers, UUIDs, short names) run before anything is sent.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Awaitable, Callable
from typing import Any

from .._client import AsyncSent
from .._errors import SentValidationError
from .._types import UNSET
from ._output import Shown

Command = Callable[[AsyncSent, argparse.Namespace], Awaitable[Shown]]
_MASKED_KEY = (
    "note: the new profile's api_key is masked; Sent returns it only once, at create "
    "(--show-api-key prints it)"
)
_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")


def _given(value: Any) -> Any:
    """An option the user left out stays UNSET: the SDK then sends nothing for it."""
    return UNSET if value is None else value


async def me(sent: AsyncSent, args: argparse.Namespace) -> Shown:
    """``sent me``: who the key belongs to."""
    return Shown(data=await sent.me.get())


async def sender_profiles_list(sent: AsyncSent, args: argparse.Namespace) -> Shown:
    """``sent sender-profiles list``: one page of profiles, newest first."""
    page = await sent.sender_profiles.list(page=args.page, page_size=args.page_size)
    return Shown(
        data=page.data,
        rows=page.items,
        columns=("id", "name", "short_name", "created_at"),
    )


async def sender_profiles_get(sent: AsyncSent, args: argparse.Namespace) -> Shown:
    """``sent sender-profiles get ID``."""
    return Shown(data=await sent.sender_profiles.get(args.id))


async def sender_profiles_create(sent: AsyncSent, args: argparse.Namespace) -> Shown:
    """``sent sender-profiles create``: the new profile; its api_key only with --show-api-key."""
    profile = await sent.sender_profiles.create(
        name=args.name,
        short_name=args.short_name,
        description=_given(args.description),
        sandbox=True if args.sandbox else UNSET,
        idempotency_key=args.idempotency_key,
    )
    if args.show_api_key:
        return Shown(data=profile, reveal=frozenset({"api_key"}))
    masked = profile.reveal_api_key() is not None
    return Shown(data=profile, note=_MASKED_KEY if masked else None)


async def sender_profiles_delete(sent: AsyncSent, args: argparse.Namespace) -> Shown:
    """``sent sender-profiles delete ID``: Sent answers nothing, so say what was deleted."""
    await sent.sender_profiles.delete(args.id, idempotency_key=args.idempotency_key)
    return Shown(data={"id": args.id, "deleted": True})


def template_ref(text: str, parameters: list[str]) -> dict[str, Any]:
    """``--template`` is a template id (a UUID) or its name; ``--param k=v`` fills it in."""
    ref: dict[str, Any] = {"id": text} if _UUID.fullmatch(text) else {"name": text}
    if parameters:
        values = {}
        for item in parameters:
            key, sep, value = item.partition("=")
            if not sep or not key:
                raise SentValidationError(f"--param takes NAME=VALUE, got {item!r}")
            values[key] = value
        ref["parameters"] = values
    return ref


async def messages_send(sent: AsyncSent, args: argparse.Namespace) -> Shown:
    """``sent messages send``: accepted (queued) messages, one per recipient and channel."""
    if args.param and args.template is None:
        raise SentValidationError("--param fills in a --template; it does nothing with --text")
    template = UNSET if args.template is None else template_ref(args.template, args.param)
    result = await sent.messages.send(
        to=args.to,
        text=_given(args.text),
        template=template,
        channel=args.channel or UNSET,
        sandbox=True if args.sandbox else UNSET,
        idempotency_key=args.idempotency_key,
    )
    return Shown(data=result)


async def messages_get(sent: AsyncSent, args: argparse.Namespace) -> Shown:
    """``sent messages get ID``: status, events, price and body of one message."""
    return Shown(data=await sent.messages.get(args.id))


async def templates_list(sent: AsyncSent, args: argparse.Namespace) -> Shown:
    """``sent templates list``: one page of templates."""
    page = await sent.templates.list(
        page=args.page,
        page_size=args.page_size,
        search=args.search,
        status=args.status,
        category=args.category,
    )
    return Shown(
        data=page.data,
        rows=page.items,
        columns=("id", "name", "category", "language", "status"),
    )
