"""The pytest plugin (entry point ``pytest11``): its fixtures, run by pytest in a subprocess.

The test files are the ones docs/testing.md shows (examples/docs/testing_plugin*.py), copied
as they are, with no conftest: the plugin alone must provide the fixtures, under anyio's
plugin, under pytest-asyncio (strict and auto mode), and for sync tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytest_plugins = ["pytester"]
EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "docs"
STRICT = ("-p", "no:cacheprovider", "-W", "error")  # as our own suite: warnings are errors
INI = "[pytest]\nasyncio_default_fixture_loop_scope = function\n"


def copy_example(pytester: pytest.Pytester, name: str) -> Path:
    return pytester.makepyfile(**{f"test_{name}": (EXAMPLES / f"{name}.py").read_text()})


def test_the_docs_example_under_anyio_without_pytest_asyncio(pytester: pytest.Pytester) -> None:
    copy_example(pytester, "testing_plugin")
    result = pytester.runpytest_subprocess(*STRICT, "-p", "no:asyncio")
    result.assert_outcomes(passed=3)


def test_the_docs_example_under_pytest_asyncio(pytester: pytest.Pytester) -> None:
    pytester.makeini(INI)
    copy_example(pytester, "testing_plugin_asyncio")
    result = pytester.runpytest_subprocess(*STRICT)
    result.assert_outcomes(passed=1)


def test_pytest_asyncio_auto_mode_needs_no_marker(pytester: pytest.Pytester) -> None:
    pytester.makeini(INI + "asyncio_mode = auto\n")
    pytester.makepyfile(
        test_auto="""
        async def test_contacts(sent_fake, sent_client):
            await sent_client.contacts.create(phone_number="+14155550123")
            assert len(sent_fake.state.contacts.by_id) == 1
        """
    )
    result = pytester.runpytest_subprocess(*STRICT)
    result.assert_outcomes(passed=1)


def test_misuse_fails_with_advice_and_trio_is_skipped(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        test_misuse="""
        import pytest

        def test_sync_test_asks_for_the_async_fixture(sent_fake):
            pass

        @pytest.fixture(params=["asyncio", "trio"])
        def anyio_backend(request):
            return request.param

        @pytest.mark.anyio
        async def test_both_backends(sent_client):
            assert await sent_client.me.get()
        """
    )
    result = pytester.runpytest_subprocess(*STRICT, "-p", "no:asyncio", "-rs")
    result.assert_outcomes(passed=1, skipped=1, errors=1)
    result.stdout.fnmatch_lines(["*sent_fake is an async fixture*sync tests use sent_fake_sync*"])
    result.stdout.fnmatch_lines(["*FakeSent runs on asyncio (aiohttp), not trio*"])
