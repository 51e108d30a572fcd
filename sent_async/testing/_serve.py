"""``python -m sent_async.testing``: FakeSent as a standalone server, for tests in any language.

``serve_main(argv)`` is the whole command (the ``sent fake`` CLI command calls it too). The first
line it prints on stdout is the server's base URL, flushed at once, so a script can start it
with ``--port 0`` and read where it listens. SIGINT and SIGTERM stop it cleanly (exit 0).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import re
import signal
import sys
from collections.abc import Sequence
from typing import Any

from .._bulk.pacer import RateLimit
from ._seed import SeedError, apply_seed, load_seed_file
from ._server import DEFAULT_API_KEY, FakeSent

_DURATION = re.compile(r"^\s*(\d+(?:\.\d*)?|\.\d+)\s*(ms|s)?\s*$")


def duration(text: str) -> float:
    """``"50ms"``, ``"0.05s"`` or ``"0.05"`` (seconds) as seconds; argparse's type for --latency."""
    match = _DURATION.match(text)
    if match is None:
        raise argparse.ArgumentTypeError(f"not a duration: {text!r} (say 50ms or 0.05s)")
    value = float(match[1])
    return value / 1000 if match[2] == "ms" else value


_RATE = re.compile(r"^\s*(\d+(?:\.\d*)?)\s*/\s*(s|sec|second|min|minute)\s*$")


def rate(text: str) -> RateLimit:
    """``"300/min"`` or ``"5/s"``: the account's message-send limit; argparse's type."""
    match = _RATE.match(text)
    if match is None or float(match[1]) <= 0:
        raise argparse.ArgumentTypeError(f"not a rate: {text!r} (say 300/min or 5/s)")
    value = float(match[1])
    return RateLimit(per_second=value) if match[2].startswith("s") else RateLimit(per_minute=value)


def _parser(prog: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=prog,
        description="Run FakeSent, an in-memory Sent API for tests, until SIGINT or SIGTERM. "
        "It is a test server: its admin API under /__fake/ needs no key.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (127.0.0.1)")
    parser.add_argument("--port", type=int, default=0, help="port to bind (0: a free one)")
    parser.add_argument("--api-key", default=DEFAULT_API_KEY, help="the key clients must send")
    parser.add_argument(
        "--latency", type=duration, default=0.0, help="delay before every answer (50ms)"
    )
    parser.add_argument("--seed", metavar="FILE", help="JSON fixtures to preload")
    parser.add_argument(
        "--rate-limit",
        type=rate,
        default=None,
        help="account-wide limit on message sends, answered with 429 + Retry-After (300/min)",
    )
    parser.add_argument(
        "--burst",
        type=int,
        default=1,
        help="sends --rate-limit lets through back to back after an idle spell (1)",
    )
    return parser


def serve_main(
    argv: Sequence[str] | None = None, *, prog: str = "python -m sent_async.testing"
) -> int:
    """Parse ``argv`` (default: ``sys.argv[1:]``), serve until a signal, return the exit code.

    ``prog`` names the command in ``--help`` and errors (``sent fake`` runs this too).
    """
    args = _parser(prog).parse_args(argv)
    if not 0 <= args.port <= 65535:
        print("error: --port must be 0-65535", file=sys.stderr)
        return 2
    if args.burst < 1:
        print("error: --burst must be an integer >= 1", file=sys.stderr)
        return 2
    limit = args.rate_limit
    if limit is not None:
        limit = RateLimit(per_second=limit.rate, burst=args.burst)
    seed: dict[str, Any] | None = None
    if args.seed:
        try:
            seed = load_seed_file(args.seed)
        except SeedError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
    server = FakeSent(
        api_key=args.api_key,
        port=args.port,
        latency=args.latency,
        host=args.host,
        rate_limit=limit,
    )
    if seed is not None:
        try:
            apply_seed(server.state, seed)
        except SeedError as exc:
            print(f"error: --seed {args.seed}: {exc}", file=sys.stderr)
            return 2
    try:
        return asyncio.run(_run(server))
    except KeyboardInterrupt:  # where signal handlers cannot be installed (Windows)
        return 0


async def _run(server: FakeSent) -> int:
    """Start ``server``, say where it is, and wait for SIGINT or SIGTERM."""
    try:
        await server.start()
    except OSError as exc:
        print(f"error: cannot listen on {server.host}: {exc}", file=sys.stderr)
        return 1
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):  # not on Windows
            loop.add_signal_handler(signum, stop.set)
    print(server.base_url, flush=True)
    print(f"api key: {server.api_key}", flush=True)
    print(
        f"FakeSent (a test server) on {server.base_url}; admin API at {server.base_url}/__fake/;"
        " stop with Ctrl-C",
        file=sys.stderr,
        flush=True,
    )
    try:
        await stop.wait()
    finally:
        await server.stop()
    return 0
