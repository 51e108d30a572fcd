"""The ``sent`` command line's grammar (stdlib argparse): commands, options and their help.

Every command keeps its coroutine in ``func`` (``_commands``) or its plain function in
``local`` (no API key needed). The shared options (``--json``, ``--base-url``, ...) are
accepted before or after the command name: ``sent --json me`` and ``sent me --json``.
"""

from __future__ import annotations

import argparse

from .._version import __version__
from . import _commands as cmd
from ._verify import SECRET_ENV, header, main_verify

DESCRIPTION = (
    "The Sent v3 API from the command line. The API key comes from SENT_DM_API_KEY (never "
    "printed); --base-url or SENT_BASE_URL points it elsewhere (e.g. at `sent fake`). "
    "Exit codes: 0 ok, 1 API or network error, 2 usage error, 130 interrupted."
)


def _shared() -> argparse.ArgumentParser:
    """Options every API command takes; SUPPRESS keeps a subcommand from resetting them."""
    shared = argparse.ArgumentParser(add_help=False)
    group = shared.add_argument_group("shared options")
    sup = argparse.SUPPRESS
    group.add_argument("--json", action="store_true", default=sup, help="print the raw JSON")
    group.add_argument(
        "--base-url", default=sup, metavar="URL", help="API base URL (default: SENT_BASE_URL)"
    )
    group.add_argument(
        "--timeout",
        type=float,
        default=sup,
        metavar="SECONDS",
        help="give up on a call after this long, retries included (120)",
    )
    group.add_argument(
        "--max-retries", type=int, default=sup, metavar="N", help="retries per call (2)"
    )
    return shared


def _subparsers(
    parser: argparse.ArgumentParser, title: str
) -> argparse._SubParsersAction[argparse.ArgumentParser]:
    parser.set_defaults(chooser=parser)  # with no command given, its usage is shown
    return parser.add_subparsers(title=title, metavar="COMMAND")


def _paging(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--page", type=int, default=1, help="page number, from 1 (1)")
    parser.add_argument("--page-size", type=int, default=None, help="items per page (1-100)")


def _idempotency(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--idempotency-key", metavar="KEY", help="reuse a key to retry this call safely"
    )


def _sender_profiles(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    shared = _shared()
    group = commands.add_parser(
        "sender-profiles", help="the organization's sender profiles", parents=[shared]
    )
    sub = _subparsers(group, "sender-profiles")
    listed = sub.add_parser("list", help="list profiles, newest first", parents=[shared])
    _paging(listed)
    listed.set_defaults(func=cmd.sender_profiles_list)
    got = sub.add_parser("get", help="one profile", parents=[shared])
    got.add_argument("id", help="the profile's id (a UUID)")
    got.set_defaults(func=cmd.sender_profiles_get)
    made = sub.add_parser("create", help="create a profile", parents=[shared])
    made.add_argument("--name", required=True, help="the profile's name")
    made.add_argument(
        "--short-name", required=True, help="SMS sender id: 3-11 letters, digits, spaces"
    )
    made.add_argument("--description", help="a description")
    made.add_argument("--sandbox", action="store_true", help="validate only; nothing is stored")
    made.add_argument(
        "--show-api-key",
        action="store_true",
        help="print the new profile's api_key (returned once, masked without this flag)",
    )
    _idempotency(made)
    made.set_defaults(func=cmd.sender_profiles_create)
    gone = sub.add_parser("delete", help="soft-delete a profile", parents=[shared])
    gone.add_argument("id", help="the profile's id (a UUID)")
    _idempotency(gone)
    gone.set_defaults(func=cmd.sender_profiles_delete)


def _messages(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    shared = _shared()
    group = commands.add_parser("messages", help="send and read messages", parents=[shared])
    sub = _subparsers(group, "messages")
    send = sub.add_parser(
        "send",
        help="queue a message (accepted is not delivered)",
        description="Queue a message to each --to number; billed per message and channel.",
        parents=[shared],
    )
    send.add_argument(
        "--to", action="append", required=True, metavar="E164", help="a recipient (repeatable)"
    )
    content = send.add_mutually_exclusive_group(required=True)
    content.add_argument("--text", help="free-form text")
    content.add_argument("--template", metavar="ID_OR_NAME", help="a template, by id or name")
    send.add_argument(
        "--param", action="append", default=[], metavar="NAME=VALUE", help="template parameter"
    )
    send.add_argument(
        "--channel", action="append", metavar="NAME", help="sms, whatsapp, ... (repeatable)"
    )
    send.add_argument("--sandbox", action="store_true", help="validate only; nothing is sent")
    _idempotency(send)
    send.set_defaults(func=cmd.messages_send)
    got = sub.add_parser("get", help="one message: status, events, price", parents=[shared])
    got.add_argument("id", help="the message's id (a UUID)")
    got.set_defaults(func=cmd.messages_get)


def _templates(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    shared = _shared()
    group = commands.add_parser("templates", help="message templates", parents=[shared])
    sub = _subparsers(group, "templates")
    listed = sub.add_parser("list", help="list templates", parents=[shared])
    _paging(listed)
    listed.add_argument("--search", help="match names containing this")
    listed.add_argument("--status", help="e.g. APPROVED")
    listed.add_argument("--category", help="e.g. UTILITY, MARKETING")
    listed.set_defaults(func=cmd.templates_list)


def _webhooks(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    group = commands.add_parser("webhooks", help="webhook tools (offline)")
    sub = _subparsers(group, "webhooks")
    check = sub.add_parser(
        "verify",
        help="check a delivery's signature: body on stdin",
        description="Verify a webhook delivery: its raw body on stdin, its headers as "
        "--header. Exit 0 valid, 1 invalid (the reason on stderr), 2 usage error.",
    )
    check.add_argument(
        "--secret",
        action="append",
        metavar="WHSEC",
        help=f"the endpoint's whsec_ secret (repeatable while rotating; default: ${SECRET_ENV})",
    )
    check.add_argument(
        "--header",
        action="append",
        type=header,
        metavar="'NAME: VALUE'",
        help="a delivery header: x-webhook-id, x-webhook-timestamp, x-webhook-signature",
    )
    check.add_argument("--tolerance", type=int, default=300, help="max age in seconds (300)")
    check.add_argument(
        "--allow-legacy", action="store_true", help="accept the legacy sha256= scheme"
    )
    check.set_defaults(local=main_verify)


def build() -> argparse.ArgumentParser:
    """The whole ``sent`` parser."""
    parser = argparse.ArgumentParser(prog="sent", description=DESCRIPTION, parents=[_shared()])
    parser.add_argument("--version", action="version", version=f"sent-sdk {__version__}")
    commands = _subparsers(parser, "commands")
    commands.add_parser("me", help="who the API key belongs to", parents=[_shared()]).set_defaults(
        func=cmd.me
    )
    _sender_profiles(commands)
    _messages(commands)
    _templates(commands)
    _webhooks(commands)
    commands.add_parser(
        "fake",
        help="run FakeSent, a local test server (see `sent fake --help`)",
        add_help=False,
    ).set_defaults(local=_fake)  # `sent fake ...` itself is routed to serve_main by main()
    return parser


def _fake(args: argparse.Namespace) -> int:
    """``sent --json fake``: the shared options mean nothing to the server; run it as is."""
    from ..testing._serve import serve_main

    return serve_main([], prog="sent fake")
