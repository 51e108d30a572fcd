"""The sync client under stress: many threads, a running loop, Ctrl-C, fork, closing."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import socket
import threading
import time
import warnings
from collections.abc import Iterator
from typing import Any

import pytest

from sent_async.testing import FakeSent
from sent_sync import ClientClosedError, Sent

from .support import API_KEY, FAST, PROFILE_ID, http_response


@pytest.fixture
def fake() -> Iterator[FakeSent]:
    with FakeSent(api_key=API_KEY) as server:
        yield server


def test_sixteen_threads_share_one_client(fake: FakeSent):
    with Sent(API_KEY, base_url=fake.base_url, retry=FAST) as sent:
        made: list[str] = []
        errors: list[BaseException] = []

        def work(n: int) -> None:
            try:
                for i in range(8):
                    profile = sent.profiles.create(name=f"t{n}-{i}")
                    assert profile.id is not None
                    assert sent.profiles.get(profile.id).name == f"t{n}-{i}"
                    made.append(profile.id)
            except BaseException as exc:  # reported below
                errors.append(exc)

        threads = [threading.Thread(target=work, args=(n,)) for n in range(16)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        stored = fake.state.profiles.by_id
    assert errors == []
    assert len(made) == len(set(made)) == len(stored) == 128  # none lost, none twice


def test_called_from_inside_a_running_loop(fake: FakeSent):
    with Sent(API_KEY, base_url=fake.base_url) as sent:

        async def inside() -> list[str | None]:
            await asyncio.sleep(0)
            return [sent.profiles.create(name=f"loop {i}").name for i in range(3)]

        assert asyncio.run(inside()) == ["loop 0", "loop 1", "loop 2"]


def test_the_sync_client_survives_fork(fake: FakeSent):
    if not hasattr(os, "fork"):  # pragma: no cover
        pytest.skip("no fork on this platform")
    with Sent(API_KEY, base_url=fake.base_url, retry=FAST) as sent:
        sent.profiles.create(name="parent before")
        parent_loop = sent._portal._thread
        read_end, write_end = os.pipe()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)  # 3.12+: fork with threads
            pid = os.fork()
        if pid == 0:  # the child: report through the pipe, never return into pytest
            code = 1
            try:
                made = sent.profiles.create(name="child")
                assert made.id is not None and sent.profiles.get(made.id).name == "child"
                fresh = sent._portal._thread not in (None, parent_loop)
                os.write(write_end, f"ok {fresh}".encode())
                sent.close()
                code = 0
            except BaseException as exc:
                os.write(write_end, repr(exc).encode()[:500])
            finally:
                os._exit(code)
        os.close(write_end)
        _, status = os.waitpid(pid, 0)
        with os.fdopen(read_end) as pipe:
            report = pipe.read()
        assert os.waitstatus_to_exitcode(status) == 0, report
        assert report == "ok True"  # the child made its calls on a fresh loop thread
        sent.profiles.create(name="parent after")  # the parent's pool was left alone
        names = sorted(p.name or "" for p in sent.profiles.list().profiles)
    assert names == ["child", "parent after", "parent before"]


class SlowServer:
    """Blocking socket server: the first connection is held without an answer until the
    client hangs up (recording when); later ones are answered at once."""

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.base_url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.hung_up_at: float | None = None
        self.connections = 0
        self._threads: list[threading.Thread] = []
        self._accepting = threading.Thread(target=self._accept, daemon=True)
        self._accepting.start()

    def _accept(self) -> None:
        with contextlib.suppress(OSError):
            while True:
                conn, _ = self.sock.accept()
                self.connections += 1
                t = threading.Thread(target=self._serve, args=(conn, self.connections == 1))
                t.start()
                self._threads.append(t)

    def _serve(self, conn: socket.socket, hold: bool) -> None:
        with conn:
            conn.settimeout(5)
            with contextlib.suppress(OSError):
                head = b""
                while b"\r\n\r\n" not in head:
                    chunk = conn.recv(65536)
                    if not chunk:
                        return
                    head += chunk
                if hold:
                    if conn.recv(1) == b"":
                        self.hung_up_at = time.monotonic()
                    return
                conn.sendall(http_response(headers={"Connection": "close"}))

    def close(self) -> None:
        self.sock.close()
        for t in self._threads:
            t.join(5)


@contextlib.contextmanager
def sigint_armed() -> Iterator[Any]:
    """SIGINT raises KeyboardInterrupt only while armed (a late signal cannot kill pytest)."""
    armed = threading.Event()

    def handler(signum: int, frame: Any) -> None:
        if armed.is_set():
            armed.clear()
            raise KeyboardInterrupt

    previous = signal.signal(signal.SIGINT, handler)
    try:
        yield armed
    finally:
        signal.signal(signal.SIGINT, previous)


def test_ctrl_c_cancels_the_request_and_the_client_stays_usable():
    server = SlowServer()
    main = threading.main_thread().ident
    assert main == threading.get_ident()
    try:
        with Sent(API_KEY, base_url=server.base_url, retry=FAST) as sent, sigint_armed() as armed:
            armed.set()
            threading.Timer(0.3, signal.pthread_kill, (main, signal.SIGINT)).start()
            started = time.monotonic()
            with pytest.raises(KeyboardInterrupt):
                sent.profiles.get(PROFILE_ID)
            returned = time.monotonic()
            while server.hung_up_at is None and time.monotonic() < returned + 1:
                time.sleep(0.01)
            assert server.hung_up_at is not None  # the request's connection was closed
            assert 0.25 <= server.hung_up_at - started < 1.0 and returned - started < 1.5
            assert sent.profiles.get(PROFILE_ID).id == PROFILE_ID  # still usable
    finally:
        server.close()
    assert server.connections == 2


def test_closing_from_another_thread_fails_calls_in_flight_clearly():
    server = SlowServer()
    try:
        sent = Sent(API_KEY, base_url=server.base_url, retry=FAST)
        threading.Timer(0.3, sent.close).start()
        with pytest.raises(ClientClosedError):
            sent.profiles.get(PROFILE_ID)
        with pytest.raises(ClientClosedError):
            sent.profiles.get(PROFILE_ID)
    finally:
        server.close()
