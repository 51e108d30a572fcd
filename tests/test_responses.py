"""Whatever a response holds, a call returns a model or raises an SDK error (docs/errors.md).

Never a raw Python exception (a body nested 100,000 levels deep), never a silent None (an
empty 2xx for a call that returns a model), never a model of all-None fields (``data`` of the
wrong JSON type). The last test throws arbitrary JSON at the reader of every response type the
resources use.
"""

from __future__ import annotations

import ast
import inspect
import json
import pkgutil
import typing
from typing import Any

import pytest
from aiohttp import web
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import sent_async.resources
from sent_async import (
    APIResponseValidationError,
    AsyncSent,
    InternalServerError,
    SentError,
)
from sent_async._transport import envelope as _envelope
from sent_async.testing import FAST_RETRY

from .support import PROFILE_ID, envelope, reply

pytestmark = pytest.mark.anyio

CONTACT_ID = "550e8400-e29b-41d4-a716-446655440000"


def make(base_url: str) -> AsyncSent:
    return AsyncSent("sk_test_responses", base_url=base_url, retry=FAST_RETRY)


def nested(depth: int) -> bytes:
    return b"[" * depth + b"]" * depth


def _decodes(payload: bytes) -> bool:
    """Whether this interpreter's json reads it: 3.13 reads 5,000 levels, 3.11 does not."""
    try:
        json.loads(payload)
    except RecursionError:
        return False
    return True


def json_reply(status: int, payload: bytes) -> Any:
    def step(_: web.Request) -> web.Response:
        return web.Response(status=status, body=payload, content_type="application/json")

    return step


# -- bodies nested too deep ------------------------------------------------------------------
DEPTHS = [100_000, 5_000, 900]  # past json's limit; past redact's and cattrs's; just under


@pytest.mark.parametrize("depth", DEPTHS)
@pytest.mark.parametrize("where", ["body", "data", "meta"])
async def test_a_deeply_nested_2xx_is_a_validation_error(scripted, depth, where):
    deep = nested(depth)
    payload = {
        "body": deep,
        "data": b'{"success": true, "data": ' + deep + b', "meta": {}}',
        "meta": b'{"success": true, "data": {"id": "x"}, "meta": ' + deep + b"}",
    }[where]
    srv = await scripted(json_reply(200, payload))
    async with make(srv.base_url) as sent:
        if where == "meta" and _decodes(payload):  # a bad ``meta`` is ignored
            assert (await sent.profiles.get(PROFILE_ID)).id == "x"
            return
        with pytest.raises(APIResponseValidationError) as info:
            await sent.profiles.get(PROFILE_ID)
    assert info.value.status_code == 200


@pytest.mark.parametrize("depth", DEPTHS)
@pytest.mark.parametrize("where", ["body", "error"])
async def test_a_deeply_nested_5xx_is_the_status_error_and_retried(scripted, depth, where):
    deep = nested(depth)
    payload = {
        "body": deep,
        "error": b'{"success": false, "error": {"code": "X", "details": {"a": ' + deep + b"}}}",
    }[where]
    srv = await scripted(json_reply(503, payload))
    async with make(srv.base_url) as sent:
        with pytest.raises(InternalServerError) as info:
            await sent.profiles.get(PROFILE_ID)
    assert info.value.status_code == 503 and info.value.attempts == 3
    assert len(str(info.value)) < 2000


# -- empty bodies ----------------------------------------------------------------------------
@pytest.mark.parametrize("status", [200, 201, 204])
async def test_an_empty_2xx_for_a_call_that_returns_a_model_raises(scripted, status):
    srv = await scripted(json_reply(status, b""))
    async with make(srv.base_url) as sent:
        with pytest.raises(APIResponseValidationError, match=r"no body; expected Contact") as info:
            await sent.contacts.get(CONTACT_ID)
    assert info.value.status_code == status


@pytest.mark.parametrize("status", [200, 204])
async def test_an_empty_2xx_for_a_call_that_returns_nothing_is_fine(scripted, status):
    srv = await scripted(json_reply(status, b""))
    async with make(srv.base_url) as sent:
        await sent.contacts.delete(CONTACT_ID)  # returns None, as it is typed to
    assert len(srv.seen) == 1


# -- data of the wrong JSON type -------------------------------------------------------------
@pytest.mark.parametrize("data", [[], ["x"], "text", 7, True])
async def test_data_of_the_wrong_json_type_names_the_path(scripted, data):
    srv = await scripted(reply(202, envelope(data)))
    async with make(srv.base_url) as sent:
        with pytest.raises(APIResponseValidationError, match=r"@ data\b") as info:
            await sent.messages.send(to="+14155550100", text="hi")
    assert "MessageSendResult" in str(info.value)


@pytest.mark.parametrize("value", [[], "text", 3])
async def test_a_nested_object_of_the_wrong_json_type_names_its_path(scripted, value):
    data = {"id": "m1", "recipients": [value]}
    srv = await scripted(reply(202, envelope(data)))
    async with make(srv.base_url) as sent:
        with pytest.raises(APIResponseValidationError, match=r"@ data\.recipients\b"):
            await sent.messages.send(to="+14155550100", text="hi")


# -- every response type the resources read, against arbitrary JSON --------------------------
def response_types() -> list[Any]:
    """Every ``into=`` of every resource module, evaluated in that module's namespace.

    Read from the source (``request(..., into=X)`` and ``AsyncPager(t, path, X, ...)`` call
    sites), so a new method's model is covered without a list to keep up to date.
    """
    found: dict[str, Any] = {}
    for info in pkgutil.iter_modules(sent_async.resources.__path__):
        module = __import__(f"sent_async.resources.{info.name}", fromlist=["_"])
        for node in ast.walk(ast.parse(inspect.getsource(module))):
            if not isinstance(node, ast.Call):
                continue
            given = [kw.value for kw in node.keywords if kw.arg == "into"]
            if isinstance(node.func, ast.Name) and node.func.id == "AsyncPager":
                given += node.args[2:3]  # AsyncPager(transport, path, into, ...)
            for expr in given:
                text = ast.unparse(expr)
                if text not in ("into", "None"):  # a helper passing its own parameter on
                    found[text] = eval(text, vars(module))  # noqa: S307 - our own source
    return [found[k] for k in sorted(found)]


TYPES = response_types()
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner),
    max_leaves=12,
)


def model_of(tp: Any) -> Any:
    return typing.get_args(tp)[0] if typing.get_origin(tp) is list else tp


def shaped(tp: Any) -> st.SearchStrategy[Any]:
    """Objects with the model's own wire keys holding arbitrary JSON (right and wrong types)."""
    import attrs

    cls = model_of(tp)
    keys = [f.metadata.get("wire", f.name) for f in attrs.fields(cls)]
    obj = st.fixed_dictionaries({}, optional={k: JSON for k in keys})
    return st.lists(obj, max_size=3) if typing.get_origin(tp) is list else obj


def test_the_response_types_are_found():
    names = {getattr(model_of(t), "__name__", "") for t in TYPES}
    assert {"Contact", "MessageSendResult", "ProfileDetail", "ContactsPage"} <= names
    assert len(TYPES) >= 30


@pytest.mark.parametrize("into", TYPES, ids=[repr(t).rsplit(".", 1)[-1] for t in TYPES])
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_any_json_gives_a_model_or_an_sdk_error(into, data):
    value = data.draw(JSON | shaped(into))
    doc = data.draw(st.sampled_from(["envelope", "bare"]))
    body = {"success": True, "data": value, "meta": {}} if doc == "envelope" else value
    raw = json.dumps(body).encode()
    try:
        result = _envelope.read(200, raw, _envelope.decode(raw), into, {"method": "GET"})
    except SentError:
        return
    if typing.get_origin(into) is list:
        assert isinstance(result, list)
        assert all(isinstance(item, model_of(into)) for item in result)
    else:
        assert isinstance(result, into)
