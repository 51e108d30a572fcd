"""nginx on 127.0.0.1 answering the contract's example bodies, started and stopped by the bench.

One worker process pinned to its own core (the clients get the other one), keep-alive without a
request cap, no access log: a `return` with a literal body costs nginx a few µs per request, so
it never limits a Python client. The config and nginx's scratch files live in bench/.work/.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "spec" / "sent-v3.openapi.json"

_CONF = """\
worker_processes 1;
{affinity}
pid {work}/nginx.pid;
error_log {work}/error.log warn;
events {{
    worker_connections 8192;
    multi_accept on;
}}
http {{
    access_log off;
    server_tokens off;
    default_type application/json;
    keepalive_requests 100000000;
    keepalive_timeout 300s;
    client_body_buffer_size 64k;
    client_body_temp_path {work}/body;
    proxy_temp_path {work}/proxy;
    fastcgi_temp_path {work}/fastcgi;
    uwsgi_temp_path {work}/uwsgi;
    scgi_temp_path {work}/scgi;
    server {{
        listen 127.0.0.1:{port} backlog=4096 reuseport;
        location ~ ^/v3/profiles/[^/]+$ {{
            return 200 '{profile}';
        }}
        location = /v3/messages {{
            return 202 '{message}';
        }}
        location / {{
            return 404 '{{"success":false,"data":null,"error":{{"code":"RESOURCE_404"}}}}';
        }}
    }}
}}
"""


def example(operation_id: str, status: str) -> dict[str, Any]:
    """The response example the contract gives for one operation and status."""
    spec = json.loads(SPEC.read_text())
    for item in spec["paths"].values():
        for op in item.values():
            if isinstance(op, dict) and op.get("operationId") == operation_id:
                content = op["responses"][status]["content"]["application/json"]
                return dict(content["example"])
    raise LookupError(operation_id)


def _literal(doc: dict[str, Any]) -> str:
    text = json.dumps(doc, separators=(",", ":"))
    # Inside a single-quoted nginx string only ' and \ need escaping; $ would start a variable.
    if "$" in text:
        raise ValueError("an example body contains '$', which nginx would read as a variable")
    return text.replace("\\", "\\\\").replace("'", "\\'")


def ensure_installed() -> str:
    """Path of the nginx binary; installs Debian's nginx-light when it is missing (root only)."""
    sbin = Path("/usr/sbin/nginx")
    found = shutil.which("nginx") or (str(sbin) if sbin.exists() else None)
    if found:
        return found
    print("nginx is not installed: apt-get install nginx-light ...", flush=True)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(["apt-get", "install", "-y", "-qq", "nginx-light"], check=True, env=env)
    found = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(found).exists():
        raise RuntimeError("nginx could not be installed")
    return found


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Nginx:
    """A private nginx master process; ``with Nginx(work) as ng: ng.base_url``."""

    def __init__(self, work: Path, cpu: int | None) -> None:
        self.work = (work / "nginx").resolve()
        self.cpu = cpu
        self.port = _free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> Nginx:
        binary = ensure_installed()
        self.work.mkdir(parents=True, exist_ok=True)
        affinity = ""
        if self.cpu is not None:
            mask = "1" + "0" * self.cpu
            affinity = f"worker_cpu_affinity {mask};"
        conf = _CONF.format(
            work=self.work,
            port=self.port,
            affinity=affinity,
            profile=_literal(example("profiles_retrieve", "200")),
            message=_literal(example("messages_send", "202")),
        )
        path = self.work / "nginx.conf"
        path.write_text(conf)
        subprocess.run([binary, "-t", "-q", "-p", str(self.work), "-c", str(path)], check=True)
        self.proc = subprocess.Popen(
            [binary, "-p", str(self.work), "-c", str(path), "-g", "daemon off;"]
        )
        self._wait_ready()
        return self

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if self.proc is not None and self.proc.poll() is not None:
                raise RuntimeError(f"nginx exited: see {self.work / 'error.log'}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("nginx did not start listening within 10 s")

    def worker_cpu_seconds(self) -> float:
        """User+system CPU seconds used so far by nginx's worker processes."""
        if self.proc is None:
            return 0.0
        total = 0.0
        tick = os.sysconf("SC_CLK_TCK")
        children = Path(f"/proc/{self.proc.pid}/task/{self.proc.pid}/children")
        try:
            pids = children.read_text().split()
        except OSError:
            return 0.0
        for pid in pids:
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            total += (int(fields[11]) + int(fields[12])) / tick  # utime, stime
        return total

    def __exit__(self, *exc: object) -> None:
        proc, self.proc = self.proc, None
        if proc is not None and proc.poll() is None:
            proc.terminate()  # SIGTERM: fast shutdown of the master and its workers
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
