"""``main()``: parse, open one ``AsyncSent`` under ``anyio.run``, map outcomes to exit codes.

Exit codes: 0 ok; 1 an API error (status, code, message and request id on stderr) or a network
fault (one line, never a traceback); 2 a usage error, from argparse or from the SDK's checks
before sending; 130 interrupted (SIGINT/SIGTERM), after the client's session is closed.
The key is never printed: every message goes through ``scrub`` with it, as a last guard.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import sys
from collections.abc import Sequence
from typing import Any

import aiohttp
import anyio

from .._client import AsyncSent
from .._errors import APIError, APIStatusError, SentError, SentValidationError
from .._options import Timeout
from .._redact import scrub
from . import _parser
from ._output import render

KEY_ENV = "SENT_DM_API_KEY"
BASE_URL_ENVS = ("SENT_BASE_URL", "SENT_DM_BASE_URL")
"""The SDK's own variable first; the CLI also reads SENT_DM_BASE_URL, beside SENT_DM_API_KEY."""
INTERRUPTED = 130


def main(argv: Sequence[str] | None = None) -> int:
    """The ``sent`` console script: run one command and return its exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        if args_list[:1] == ["fake"]:
            from ..testing._serve import serve_main  # aiohttp.web only when serving

            return serve_main(args_list[1:], prog="sent fake")
        return _dispatch(_parser.build().parse_args(args_list))
    except KeyboardInterrupt:  # before the signal watcher runs, or where it cannot (Windows)
        print("interrupted", file=sys.stderr)
        return INTERRUPTED


def _dispatch(args: argparse.Namespace) -> int:
    """Run the parsed command: a local one directly, an API one with a client."""
    local = getattr(args, "local", None)
    if local is not None:
        return int(local(args))
    if getattr(args, "func", None) is None:
        args.chooser.print_usage(sys.stderr)
        print(f"{args.chooser.prog}: error: choose a command (see --help)", file=sys.stderr)
        return 2
    key = os.environ.get(KEY_ENV, "")
    if not key.strip():
        print(f"error: set {KEY_ENV} to your API key (it is never printed)", file=sys.stderr)
        return 2
    return anyio.run(_interruptible, args, key)


async def _interruptible(args: argparse.Namespace, key: str) -> int:
    """Run the command; SIGINT or SIGTERM cancels it (the client still closes) and gives 130."""
    codes: list[int] = []
    async with anyio.create_task_group() as group:

        async def watch() -> None:
            try:
                with anyio.open_signal_receiver(signal.SIGINT, signal.SIGTERM) as signals:
                    async for _ in signals:
                        codes.append(INTERRUPTED)
                        group.cancel_scope.cancel()
                        return
            except NotImplementedError:  # Windows: KeyboardInterrupt reaches main() instead
                await anyio.sleep_forever()

        async def work() -> None:
            codes.append(await _call(args, key))
            group.cancel_scope.cancel()

        group.start_soon(watch)
        group.start_soon(work)
    if codes and codes[0] == INTERRUPTED:
        print("interrupted", file=sys.stderr)
    return codes[0] if codes else INTERRUPTED


async def _call(args: argparse.Namespace, key: str) -> int:
    """Open the client, run the command, print its answer; errors become exit codes."""
    known = (key,) if len(key) >= 8 else ()  # masking a 1-letter "key" would garble output
    try:
        sent = _client(args, key)
    except SentValidationError as exc:
        return _fail(f"error: {exc}", known, 2)
    try:
        shown = await args.func(sent, args)
        render(shown, as_json=getattr(args, "json", False), known=known, out=sys.stdout)
        if shown.note:
            print(shown.note, file=sys.stderr)
        return 0
    except SentValidationError as exc:  # caught by the SDK before anything was sent
        return _fail(f"error: {exc}", known, 2)
    except APIStatusError as exc:
        return _fail(_status_message(exc), known, 1)
    except APIError as exc:
        return _fail(f"error: {exc}", known, 1)
    except SentError as exc:
        return _fail(f"error: {type(exc).__name__}: {exc}", known, 1)
    except BrokenPipeError:  # `sent ... | head`: the reader left; stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except (OSError, aiohttp.ClientError, asyncio.TimeoutError) as exc:  # not mapped by the SDK
        return _fail(f"error: network: {type(exc).__name__}: {exc}", known, 1)
    finally:
        with anyio.CancelScope(shield=True):  # closed even when Ctrl-C cancelled the call
            await sent.aclose()


def _client(args: argparse.Namespace, key: str) -> AsyncSent:
    """An ``AsyncSent`` from the key, the environment and the shared options."""
    options: dict[str, Any] = {}
    base_url = getattr(args, "base_url", None) or next(
        (os.environ[name] for name in BASE_URL_ENVS if os.environ.get(name)), None
    )
    seconds = getattr(args, "timeout", None)
    if seconds is not None:  # the whole call, retries included: the command ends by then
        if not seconds > 0:
            raise SentValidationError("--timeout must be a positive number of seconds")
        options["timeout"] = Timeout(
            connect=min(5.0, seconds), read=min(30.0, seconds), attempt=min(30.0, seconds),
            deadline=seconds,
        )  # fmt: skip
    if getattr(args, "max_retries", None) is not None:
        options["max_retries"] = args.max_retries
    return AsyncSent(key, base_url=base_url, **options)


def _status_message(exc: APIStatusError) -> str:
    """Status, code, message and request id on one line; validation details on a second."""
    lines = [f"error: {exc}"]
    if exc.details:
        lines.append("details: " + json.dumps(exc.details, default=str, ensure_ascii=False))
    return "\n".join(lines)


def _fail(message: str, known: tuple[str, ...], code: int) -> int:
    print(scrub(message, known), file=sys.stderr)
    return code
