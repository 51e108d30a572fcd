"""`import sent_async` stays light: aiohttp, the models and the resources load on first use."""

from __future__ import annotations

import subprocess
import sys


def _modules_after(code: str) -> set[str]:
    script = f"import sys\n{code}\nprint('\\n'.join(sorted(sys.modules)))"
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    return set(out.split())


def test_import_loads_neither_aiohttp_nor_models():
    loaded = _modules_after("import sent_async\nsent_async.AsyncSent('sk_test')")
    assert "aiohttp" not in loaded
    assert "sent_async.models" not in loaded
    assert not {m for m in loaded if m.startswith("sent_async.resources.")}


def test_first_use_loads_what_it_needs():
    loaded = _modules_after(
        "import sent_async\n"
        "client = sent_async.AsyncSent('sk_test')\n"
        "client.profiles\n"
        "assert sent_async.models.ProfileDetail and sent_async.webhooks.verify"
    )
    assert {"sent_async.models", "sent_async.resources.profiles", "sent_async.webhooks"} <= loaded
