"""The sync facade: one client shared by threads, called from async code, and after fork."""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import sys
from concurrent.futures import ThreadPoolExecutor
from multiprocessing.connection import Connection

import sent_sync
from sent_sync.testing import FakeSent


def threads(sent: sent_sync.Sent) -> None:
    # --8<-- [start:threads]
    numbers = [f"+1415555010{n}" for n in range(8)]
    with ThreadPoolExecutor(max_workers=4) as pool:  # one client, many threads: that's fine
        contacts = list(pool.map(lambda n: sent.contacts.create(phone_number=n), numbers))
    print(f"{len(contacts)} contacts created from 4 threads over one connection pool")
    # --8<-- [end:threads]


async def from_async_code(sent: sent_sync.Sent) -> None:
    # --8<-- [start:async]
    # Inside a coroutine, a sync call blocks the event loop until it returns. Hand it to a
    # worker thread instead (or better, use sent_async.AsyncSent in async code).
    me = await asyncio.to_thread(sent.me.get)
    print(f"from async code, without blocking the loop: {me.name}")
    # --8<-- [end:async]


def after_fork(sent: sent_sync.Sent) -> None:
    # --8<-- [start:fork]
    # Made before the fork (gunicorn --preload, a module-level client) but not used yet: it
    # has no thread, so the process forks single-threaded. Each process then starts its own
    # loop thread and connections on its first call.
    pid = os.fork()
    if pid == 0:  # the child
        code = 1
        try:
            sent.me.get()
            code = 0
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, "the child's call failed"
    print(f"the child called Sent too; the parent goes on: {sent.me.get().name}")
    # --8<-- [end:fork]


def serve_fake_sent(conn: Connection) -> None:
    """FakeSent in a process of its own (its thread is not ours): address out, then wait."""
    with FakeSent() as server:
        conn.send((server.api_key, server.base_url))
        conn.recv()  # until the example is done


def fork_demo() -> None:
    """The fork runs with no other thread in this process, as Python 3.12+ asks."""
    spawn = multiprocessing.get_context("spawn")
    ours, theirs = spawn.Pipe()
    process = spawn.Process(target=serve_fake_sent, args=(theirs,))
    process.start()
    try:
        api_key, base_url = ours.recv()
        with sent_sync.Sent(api_key, base_url=base_url) as sent:
            after_fork(sent)
    finally:
        ours.send("stop")
        process.join()


def main() -> None:
    # --8<-- [start:lifecycle]
    with FakeSent() as server:
        sent = sent_sync.Sent(server.api_key, base_url=server.base_url)  # no thread yet
        try:
            threads(sent)  # the first call starts the client's loop thread
            asyncio.run(from_async_code(sent))
        finally:
            sent.close()  # closes the connections and stops the thread (or use `with`)
    # --8<-- [end:lifecycle]
    if sys.platform != "win32":
        fork_demo()


if __name__ == "__main__":
    main()
