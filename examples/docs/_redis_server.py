"""A throw-away redis-server (Debian's package) on a unix socket, for the runnable examples.

Not an example itself: the examples that need Redis import ``redis_socket`` from here, so
that running them offline starts and stops one server the same way.
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def redis_socket() -> Iterator[Path | None]:
    """A fresh redis-server's unix socket, stopped on exit; None (said so) if not installed."""
    binary = shutil.which("redis-server")
    if binary is None:
        print("redis-server is not installed (apt-get install redis-server): skipped")
        yield None
        return
    with tempfile.TemporaryDirectory(prefix="sent-") as folder:
        sock = Path(folder) / "redis.sock"
        args = [binary, "--port", "0", "--unixsocket", str(sock), "--save", "", "--dir", folder]
        server = subprocess.Popen(args, stdout=subprocess.DEVNULL)  # noqa: S603
        try:
            while not sock.exists():
                if server.poll() is not None:
                    raise RuntimeError(f"redis-server exited with {server.returncode}")
                time.sleep(0.01)
            yield sock
        finally:
            server.terminate()
            server.wait()
