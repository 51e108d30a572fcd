"""The built distributions: what the sdist and wheel contain, and the metadata PyPI shows.

Both are built with hatchling's PEP 517 hooks (the build backend pyproject.toml names), in a
subprocess from the project root, into a temporary directory.
"""

from __future__ import annotations

import email
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BUILD = (
    "import sys, hatchling.build as b\n"
    "print(b.build_sdist(sys.argv[1]))\n"
    "print(b.build_wheel(sys.argv[1]))\n"
)
Dists = tuple[list[str], list[str], str]
"""Names in the sdist (without its top folder), names in the wheel, the wheel's METADATA."""


@pytest.fixture(scope="module")
def dists(tmp_path_factory: pytest.TempPathFactory) -> Dists:
    out = tmp_path_factory.mktemp("dist")
    done = subprocess.run(
        [sys.executable, "-c", BUILD, str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    sdist_name, wheel_name = done.stdout.split()
    with tarfile.open(out / sdist_name) as sdist:
        in_sdist = [name.split("/", 1)[1] for name in sdist.getnames() if "/" in name]
    with zipfile.ZipFile(out / wheel_name) as wheel:
        in_wheel = wheel.namelist()
        metadata = wheel.read(next(n for n in in_wheel if n.endswith(".dist-info/METADATA")))
    return in_sdist, in_wheel, metadata.decode()


def test_sdist_holds_the_package_and_no_bench_or_tests(dists: Dists) -> None:
    in_sdist = dists[0]
    assert not [n for n in in_sdist if n.startswith(("bench/", "tests/", "docs/", "examples/"))]
    for wanted in ("LICENSE", "README.md", "CHANGELOG.md", "pyproject.toml"):
        assert wanted in in_sdist
    assert "sent_async/py.typed" in in_sdist and "spec/sent-v3.openapi.json" in in_sdist


def test_wheel_holds_both_packages_and_the_license(dists: Dists) -> None:
    in_wheel = dists[1]
    tops = {n.split("/", 1)[0] for n in in_wheel}
    assert {t for t in tops if not t.endswith(".dist-info")} == {"sent_async", "sent_sync"}
    assert "sent_async/py.typed" in in_wheel and "sent_sync/py.typed" in in_wheel
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in in_wheel)


def test_metadata_declares_license_urls_and_python_versions(dists: Dists) -> None:
    meta = email.message_from_string(dists[2])
    assert meta["License-Expression"] == "MIT"
    assert meta.get_all("Project-URL")
    classifiers = set(meta.get_all("Classifier") or [])
    for version in ("3.10", "3.11", "3.12", "3.13"):
        assert f"Programming Language :: Python :: {version}" in classifiers
    assert meta["Requires-Python"] == ">=3.10"
