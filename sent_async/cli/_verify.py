"""``sent webhooks verify``: check a delivery's signature offline (no API key, no network).

The raw body comes on stdin, byte for byte (the signature covers the bytes, so a re-encoded
body fails); headers come as ``--header 'name: value'``. Exit 0 when valid, 1 with the reason
on stderr when not, 2 when the command line itself is wrong. docs/webhooks.md has the scheme.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import BinaryIO, TextIO

from .._errors import WebhookVerificationError

SECRET_ENV = "SENT_WEBHOOK_SECRET"  # noqa: S105 - the variable's name, not a secret


def header(text: str) -> tuple[str, str]:
    """``"x-webhook-id: abc"`` as a (name, value) pair; argparse's type for ``--header``."""
    name, sep, value = text.partition(":")
    if not sep or not name.strip():
        raise argparse.ArgumentTypeError(f"a header is 'name: value', got {text!r}")
    return name.strip().lower(), value.strip()


def run_verify(args: argparse.Namespace, stdin: BinaryIO, out: TextIO, err: TextIO) -> int:
    """Verify the body on ``stdin`` against the headers and secret(s); the exit code."""
    secrets = args.secret or [s for s in [os.environ.get(SECRET_ENV)] if s]
    if not secrets:
        print(f"error: give --secret whsec_... or set {SECRET_ENV}", file=err)
        return 2
    from ..webhooks.signing import verify  # the models it pulls in load only when verifying

    body = stdin.read()
    try:
        verify(
            body,
            dict(args.header or []),
            secrets,
            tolerance=args.tolerance,
            allow_legacy=args.allow_legacy,
        )
    except WebhookVerificationError as exc:
        # The message names the reason only: never the secret or the signature.
        print(f"invalid: {exc}", file=err)
        return 2 if exc.reason == "invalid_secret" else 1
    print("valid", file=out)
    return 0


def main_verify(args: argparse.Namespace) -> int:
    """``run_verify`` on the process's own stdin and stdout."""
    return run_verify(args, sys.stdin.buffer, sys.stdout, sys.stderr)
