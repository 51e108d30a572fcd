"""Network test helpers: a throw-away CA, FakeSent over TLS, and a real tinyproxy process.

Fixtures live in conftest.py beside this file; what the tests import lives here.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime
import ipaddress
import shutil
import socket
import ssl
import subprocess
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import attrs
from aiohttp import web
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from sent_async.testing import FakeSent

PROXY_USER = "alice"
PROXY_PASSWORD = "pr0xy-S3cret-9f2c"  # must never show up in a repr, a log line or an error


@attrs.frozen
class LocalCA:
    """A CA made for one test, and a certificate it signed for 127.0.0.1 and localhost."""

    ca_pem: Path
    cert_pem: Path
    key_pem: Path

    def server_context(self) -> ssl.SSLContext:
        ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        ctx.load_cert_chain(self.cert_pem, self.key_pem)
        return ctx

    def client_context(self) -> ssl.SSLContext:
        """What a user behind a corporate CA passes as ``ssl=``: verification stays on."""
        return ssl.create_default_context(cafile=str(self.ca_pem))


def _name(common_name: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def make_ca(directory: Path) -> LocalCA:
    """Write a fresh CA and a 127.0.0.1/localhost server certificate under ``directory``."""
    now = datetime.datetime.now(datetime.timezone.utc)
    start, end = now - datetime.timedelta(hours=1), now + datetime.timedelta(days=1)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_cert = (
        x509.CertificateBuilder()
        .subject_name(_name("sent-sdk test CA"))
        .issuer_name(_name("sent-sdk test CA"))
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(end)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), False)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    san = x509.SubjectAlternativeName(
        [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
    )
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name("127.0.0.1"))
        .issuer_name(ca_cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(end)
        .add_extension(san, critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), False
        )
        .sign(ca_key, hashes.SHA256())
    )
    pem = serialization.Encoding.PEM
    out = LocalCA(directory / "ca.pem", directory / "server.pem", directory / "server.key")
    out.ca_pem.write_bytes(ca_cert.public_bytes(pem))
    out.cert_pem.write_bytes(cert.public_bytes(pem))
    out.key_pem.write_bytes(
        key.private_bytes(pem, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return out


@contextlib.asynccontextmanager
async def tls_fake(ca: LocalCA) -> AsyncIterator[tuple[FakeSent, str]]:
    """A FakeSent served over HTTPS with ``ca``'s certificate; yields it and its https URL."""
    fake = FakeSent()
    runner = web.AppRunner(fake._app, access_log=None, handle_signals=False, shutdown_timeout=0.1)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0, ssl_context=ca.server_context())
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    try:
        yield fake, f"https://127.0.0.1:{port}"
    finally:
        await runner.cleanup()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@attrs.define
class Tinyproxy:
    """A tinyproxy process on 127.0.0.1, optionally demanding Basic credentials."""

    url: str
    log: Path
    process: subprocess.Popen[bytes]

    def url_with(self, user: str, password: str) -> str:
        return self.url.replace("http://", f"http://{user}:{password}@")

    def log_text(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""

    async def idle(self) -> None:
        """Wait until tinyproxy has closed every upstream connection it opened (per its log).

        A test server stopped while tinyproxy's upstream socket is still closing would leave
        a half-closed transport behind, which pytest reports as an unclosed-socket warning.
        """
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            text = self.log_text()
            if text.count("Closed connection between") >= text.count("Established connection"):
                break
            await asyncio.sleep(0.02)
        await asyncio.sleep(0.05)  # one more turn of the loop: the server closes its side


def tinyproxy_binary() -> str | None:
    return shutil.which("tinyproxy") or next(
        (p for p in ("/usr/bin/tinyproxy", "/usr/sbin/tinyproxy") if Path(p).exists()), None
    )


@contextlib.contextmanager
def run_tinyproxy(binary: str, directory: Path, auth: bool) -> Iterator[Tinyproxy]:
    """Start tinyproxy in the foreground with its own config; stop it (only it) afterwards."""
    port = free_port()
    log = directory / f"tinyproxy-{port}.log"
    config = directory / f"tinyproxy-{port}.conf"
    lines = [
        f"Port {port}",
        "Listen 127.0.0.1",
        "Timeout 30",
        f'LogFile "{log}"',
        "LogLevel Info",
        "MaxClients 50",
        "Allow 127.0.0.1",
    ]
    if auth:
        lines.append(f"BasicAuth {PROXY_USER} {PROXY_PASSWORD}")
    config.write_text("\n".join(lines) + "\n")
    process = subprocess.Popen(
        [binary, "-d", "-c", str(config)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    try:
        _wait_listening(port, process)
        yield Tinyproxy(f"http://127.0.0.1:{port}", log, process)
    finally:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)
        if process.stderr is not None:
            process.stderr.close()


def _wait_listening(port: int, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if process.poll() is not None:
            err = process.stderr.read().decode(errors="replace") if process.stderr else ""
            raise RuntimeError(f"tinyproxy exited with {process.returncode}: {err}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
            return
        time.sleep(0.05)
    raise RuntimeError("tinyproxy did not start listening within 10 s")
