"""The generated sync facade: parity with the async source, threads, loops, close."""

from __future__ import annotations

import asyncio
import importlib
import inspect
import pkgutil
import threading

import pytest

import sent_async
import sent_async.resources
import sent_sync
from sent_async import AsyncSent
from sent_async.testing import FakeSent
from sent_sync import NotFoundError, Sent

from .support import FAST_RETRY, PROFILE_ID


def _public_coroutines(cls: type) -> dict[str, object]:
    return {
        n: f
        for n, f in inspect.getmembers(cls, inspect.iscoroutinefunction)
        if not n.startswith("_") and n != "aclose"
    }


def _async_names() -> dict[str, type]:
    """Every Async class of the client and its resources, by name (annotations are strings)."""
    found = pkgutil.iter_modules(sent_async.resources.__path__)
    modules = [sent_async._client]
    modules += [importlib.import_module(f"sent_async.resources.{m.name}") for m in found]
    return {n: c for m in modules for n, c in vars(m).items() if n.startswith("Async")}


def _resource_tree(cls: type, seen: set[type] | None = None) -> list[type]:
    """Every async class reachable from ``cls`` through its annotated properties."""
    seen = seen if seen is not None else set()
    if cls in seen:
        return []
    seen.add(cls)
    out = [cls]
    names = _async_names()
    for name, member in inspect.getmembers(cls):
        if name.startswith("_") or name == "with_raw_response":
            continue
        fget = getattr(member, "func", None) or getattr(member, "fget", None)
        ret = inspect.signature(fget).return_annotation if fget else None
        target = names.get(ret) if isinstance(ret, str) else ret
        if isinstance(target, type) and target.__name__.startswith("Async"):
            out += _resource_tree(target, seen)
    return out


def _sync_twin(cls: type) -> type:
    module = __import__(cls.__module__.replace("sent_async", "sent_sync", 1), fromlist=["x"])
    return getattr(module, cls.__name__.removeprefix("Async"))  # type: ignore[no-any-return]


def test_every_public_coroutine_has_a_sync_mirror():
    classes = _resource_tree(AsyncSent)
    assert len(classes) >= 15
    checked = 0
    for cls in classes:
        twin = _sync_twin(cls)
        for name, coro in _public_coroutines(cls).items():
            mirror = getattr(twin, name, None)
            assert mirror is not None, f"{twin.__name__}.{name} is missing"
            assert not inspect.iscoroutinefunction(mirror)
            a, s = inspect.signature(coro), inspect.signature(mirror)  # type: ignore[arg-type]
            assert list(a.parameters) == list(s.parameters), name
            assert [p.default for p in a.parameters.values()] == [
                p.default for p in s.parameters.values()
            ]
            assert inspect.getdoc(coro) == inspect.getdoc(mirror), name
            checked += 1
    assert checked >= 20


def test_sync_exports_mirror_async_exports():
    expected = {n.removeprefix("Async") for n in sent_async.__all__}
    assert set(sent_sync.__all__) == expected
    assert sent_sync.NotFoundError is sent_async.NotFoundError  # one error tree


def test_every_profile_call(fake: FakeSent) -> None:
    with Sent(fake.api_key, base_url=fake.base_url, retry=FAST_RETRY) as sent:
        created = sent.profiles.create(
            name="Sync",
            short_name="SYNC",
            description="d",
            brand={
                "contact": {"name": "J"},
                "compliance": {"brand_relationship": "SMALL_ACCOUNT", "vertical": "RETAIL"},
            },
        )
        assert created.id is not None
        assert sent.profiles.get(created.id) == created
        assert [p.id for p in sent.profiles.list().profiles] == [created.id]
        assert sent.profiles.update(created.id, name="Sync 2").name == "Sync 2"
        assert sent.profiles.complete(created.id, web_hook_url="https://h.example").status
        campaign = sent.profiles.campaigns.create(
            created.id,
            campaign={"name": "c", "description": "d", "type": "STANDARD", "use_cases": []},
        )
        assert campaign.id is not None
        assert sent.profiles.campaigns.list(created.id)[0].id == campaign.id
        sent.profiles.campaigns.update(
            created.id,
            campaign.id,
            campaign={"name": "c2", "description": "d", "type": "STANDARD", "use_cases": []},
        )
        sent.profiles.campaigns.delete(created.id, campaign.id)
        raw = sent.with_raw_response.profiles.get(created.id)
        assert raw.status_code == 200 and raw.data.id == created.id
        assert sent.for_profile(created.id).profiles.get(created.id).id == created.id
        sent.profiles.delete(created.id)
        with pytest.raises(NotFoundError):
            sent.profiles.get(created.id)


@pytest.fixture
def fake():
    with FakeSent() as server:
        yield server


def test_eight_threads_share_one_client(fake: FakeSent) -> None:
    with Sent(fake.api_key, base_url=fake.base_url) as sent:
        profile = sent.profiles.create(name="Shared")
        pid = profile.id
        assert pid is not None
        results: list[str | None] = []
        errors: list[BaseException] = []

        def work() -> None:
            try:
                for _ in range(10):
                    results.append(sent.profiles.get(pid).id)
            except BaseException as exc:  # pragma: no cover - reported below
                errors.append(exc)

        threads = [threading.Thread(target=work) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert errors == [] and results == [profile.id] * 80


def test_called_from_inside_a_running_loop(fake: FakeSent) -> None:
    with Sent(fake.api_key, base_url=fake.base_url) as sent:

        async def inside() -> str | None:
            return sent.profiles.create(name="From a loop").name

        assert asyncio.run(inside()) == "From a loop"


def test_close_then_use_raises_and_close_is_idempotent(fake: FakeSent) -> None:
    sent = Sent(fake.api_key, base_url=fake.base_url)
    sent.profiles.list()
    sent.close()
    sent.close()
    assert sent.is_closed
    with pytest.raises(sent_sync.ClientClosedError):
        sent.profiles.list()


def test_views_share_the_portal_and_outlive_nothing(fake: FakeSent) -> None:
    with Sent(fake.api_key, base_url=fake.base_url) as sent:
        profile = sent.profiles.create(name="P")
        assert profile.id is not None
        view = sent.for_profile(profile.id).with_options(timeout=5)
        assert view._portal is sent._portal
        assert view.profiles.get(profile.id).id == profile.id


def test_errors_come_through_unchanged(fake: FakeSent) -> None:
    with Sent(fake.api_key, base_url=fake.base_url) as sent, pytest.raises(NotFoundError) as info:
        sent.profiles.get(PROFILE_ID)
    assert info.value.code == "RESOURCE_014"
