"""Conformance to the contract: every operation has its SDK call and every call an operation;
for each of the 60 operations the request the SDK puts on the wire and FakeSent's answer are
validated against spec/sent-v3.openapi.json with openapi-core, and likewise for the operations
of the supplement spec/sent-current.openapi.json (its ``x-sdk-call`` names the call).
"""

from __future__ import annotations

import datetime
import inspect
import json
import re
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import attrs
import pytest
from openapi_core import OpenAPI
from openapi_core.testing import MockRequest, MockResponse

from sent_async import AsyncSent, models
from sent_async._converter import inputs, wire
from sent_async.testing import FakeSent

from .support import FAST_RETRY

ROOT = Path(__file__).resolve().parent.parent
SPEC = json.loads((ROOT / "spec" / "sent-v3.openapi.json").read_text())
API = OpenAPI.from_dict(SPEC)
CURRENT_PATH = ROOT / "spec" / "sent-current.openapi.json"
CURRENT = json.loads(CURRENT_PATH.read_text())
CURRENT_API = OpenAPI.from_dict(CURRENT, base_uri=CURRENT_PATH.as_uri())
SDK_ONLY = {"messages.send_many", "contacts.create_many"}
"""SDK conveniences with no operation of their own (they call one operation many times)."""


def _endpoint_rows() -> list[tuple[str, str, str, str]]:
    """(method, path, operationId, call path such as 'voice.calls.participants.add')."""
    rows = []
    for line in (ROOT / "spec" / "ENDPOINTS.md").read_text().splitlines():
        cells = [c.strip() for c in line.split("|")]
        if len(cells) > 5 and cells[1] in {"GET", "POST", "PUT", "PATCH", "DELETE"}:
            call = re.match(r"`client\.([a-z_.]+)\(", cells[4])
            assert call, line
            rows.append((cells[1], cells[2].strip("`"), cells[3].strip("`"), call.group(1)))
    return rows


ROWS = _endpoint_rows()
OPERATIONS = {
    op["operationId"]: (method.upper(), path, op)
    for path, item in SPEC["paths"].items()
    for method, op in item.items()
}


CURRENT_OPERATIONS = {
    op["operationId"]: (method.upper(), path, op)
    for path, item in CURRENT["paths"].items()
    for method, op in item.items()
}
CURRENT_ROWS = [
    (op_id, op["x-sdk-call"].removeprefix("client."))
    for op_id, (_, _, op) in CURRENT_OPERATIONS.items()
    if not op["x-sdk-call"].startswith("client.channels.")  # wired below (SUP_ROWS)
]
QUERY_ARGS = {"compliance_requirements_retrieve": {"country": "US", "type": "TEN_DLC"}}
"""Keyword arguments of calls whose operation has no request body example."""


def _resolve(root: object, call: str) -> Any:
    target = root
    for part in call.split("."):
        target = getattr(target, part)
    return target


def test_endpoint_table_matches_the_contract():
    assert len(ROWS) == len(OPERATIONS) == 60
    for method, path, op_id, _ in ROWS:
        assert OPERATIONS[op_id][:2] == (method, path)


@pytest.mark.parametrize(("op_id", "call"), [(r[2], r[3]) for r in ROWS] + CURRENT_ROWS)
def test_every_operation_has_an_sdk_method(op_id: str, call: str):
    sent = AsyncSent("sk_test", base_url="http://127.0.0.1:1")
    method = _resolve(sent, call)
    assert callable(method), f"{op_id}: client.{call} is missing"
    sync = _resolve(__import__("sent_sync").Sent("sk_test", base_url="http://127.0.0.1:1"), call)
    assert callable(sync), f"{op_id}: sent_sync client.{call} is missing"


def _sdk_calls(obj: object, prefix: str = "", seen: set[type] | None = None) -> set[str]:
    """Every public method reachable from the client through its resource properties."""
    seen = seen if seen is not None else set()
    if type(obj) in seen:
        return set()
    seen.add(type(obj))
    found = set()
    for name, member in inspect.getmembers(type(obj)):
        if name.startswith("_") or name in {"bulk", "with_raw_response"}:
            continue
        if isinstance(member, property | type(AsyncSent.profiles)):  # cached_property
            value = getattr(obj, name)
            if type(value).__name__.startswith("Async") and prefix + name:
                found |= _sdk_calls(value, f"{prefix}{name}.", seen)
        elif callable(member) and prefix:
            found.add(prefix + name)
    return found


def test_every_sdk_method_has_an_operation():
    sent = AsyncSent("sk_test", base_url="http://127.0.0.1:1")
    calls = _sdk_calls(sent)
    assert (
        calls - {r[3] for r in ROWS} - {c for _, c in CURRENT_ROWS + SUP_ROWS} - SDK_ONLY == set()
    )


# -- the wire, both ways, for every operation -------------------------------------------------
@attrs.define
class World:
    """Lazily creates, through the SDK, whatever an operation's path ids refer to."""

    sent: AsyncSent
    cache: dict[str, str] = attrs.Factory(dict)

    async def get(self, what: str) -> str:
        if what not in self.cache:
            self.cache[what] = await getattr(self, "_" + what)()
        return self.cache[what]

    async def _profile(self) -> str:
        return str((await self.sent.profiles.create(**example("profiles_create"))).id)

    async def _campaign(self) -> str:
        profile = await self.get("profile")
        campaign = await self.sent.profiles.campaigns.create(
            profile, **example("profiles_campaigns_create")
        )
        return str(campaign.id)

    async def _sender_profile(self) -> str:
        created = await self.sent.sender_profiles.create(**example("sender_profiles_create"))
        return str(created.id)

    async def _contact(self) -> str:
        return str((await self.sent.contacts.create(**example("contacts_create"))).id)

    async def _template(self) -> str:
        return str((await self.sent.templates.create(**example("templates_create"))).id)

    async def _webhook(self) -> str:
        return str((await self.sent.webhooks.create(**example("webhooks_create"))).id)

    async def _user(self) -> str:
        return str((await self.sent.users.invite(**example("users_invite"))).id)

    async def _message(self) -> str:
        result = await self.sent.messages.send(**example("messages_send"))
        return str(result.recipients[0].message_id)

    async def _conversation(self) -> str:
        await self.get("message")
        page = await self.sent.conversations.list()
        return str(page.items[0].id)

    async def _call(self) -> str:
        page = await self.sent.voice.calls.list()
        return str(page.items[0].id)

    async def _participant(self) -> str:
        call = await self.get("call")
        await self.sent.voice.calls.participants.add(
            call, **example("voice_calls_participants_add")
        )
        return str((await self.sent.voice.calls.participants.list(call))[-1].id)

    async def _number(self) -> str:
        created = await self.sent.channels.voice.create(**example("channels_voice_create"))
        return str(created.number)

    async def _phone(self) -> str:
        return "+14155550123"


PATH_IDS = {
    "profileId": "profile",
    "campaignId": "campaign",
    "contactId": "contact",
    "userId": "user",
    "participantId": "participant",
    "number": "number",
    "phoneNumber": "phone",
}
ID_BY_PREFIX = {
    "/v3/contacts/": "contact",
    "/v3/templates/": "template",
    "/v3/webhooks/": "webhook",
    "/v3/messages/": "message",
    "/v3/voice/calls/": "call",
    "/v3/conversations/": "conversation",
    "/v3/sender-profiles/": "sender_profile",
}


def example(op_id: str) -> dict[str, Any]:
    """The contract's request example as SDK keyword arguments (snake_case, nested dicts)."""
    _, _, op = OPERATIONS.get(op_id) or CURRENT_OPERATIONS[op_id]
    content = op.get("requestBody", {}).get("content", {}).get("application/json")
    if not content:
        return {}
    model = getattr(models, content["schema"]["$ref"].rsplit("/", 1)[1])
    plain: dict[str, Any] = inputs.unstructure(wire.structure(content["example"], model))
    if "scheduled_at" in plain:  # the contract's example date has passed: schedule an hour out
        plain["scheduled_at"] = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(
            hours=1
        )
    return plain


def _path_ids(path: str) -> list[str]:
    out = []
    for name in re.findall(r"\{(\w+)\}", path):
        if name in PATH_IDS:
            out.append(PATH_IDS[name])
        else:
            prefix = next(p for p in ID_BY_PREFIX if path.startswith(p))
            out.append(ID_BY_PREFIX[prefix])
    return out


def _api_for(method: str, path: str) -> Any:
    """The supplement's validator for its own operations, the main contract's for the rest."""
    for op_method, op_path, _ in CURRENT_OPERATIONS.values():
        if op_method == method and re.fullmatch(re.sub(r"\{\w+\}", "[^/]+", op_path), path):
            return CURRENT_API
    return API


def _validate(exchange: Any, op_path: str | None = None) -> None:
    req = exchange.request
    api = _api_for(req.method, req.path)
    request = MockRequest(
        "https://api.sent.dm",
        req.method.lower(),
        req.path,
        args=dict(req.query),
        data=req.body or None,
        headers=dict(req.headers),
        content_type=req.headers.get("content-type", "application/json"),
    )
    api.validate_request(request)
    if exchange.status != 204:
        api.validate_response(
            request,
            MockResponse(
                exchange.body, status_code=exchange.status, content_type=exchange.content_type
            ),
        )


@pytest.fixture
async def world() -> AsyncIterator[tuple[FakeSent, World]]:
    async with FakeSent() as server, server.client(retry=FAST_RETRY) as sent:
        yield server, World(sent)


@pytest.mark.anyio
@pytest.mark.parametrize(("op_id", "call"), [(r[2], r[3]) for r in ROWS] + CURRENT_ROWS)
async def test_operation_on_the_wire(world: tuple[FakeSent, World], op_id: str, call: str):
    server, w = world
    method, path, _ = OPERATIONS.get(op_id) or CURRENT_OPERATIONS[op_id]
    args = [await w.get(kind) for kind in _path_ids(path)]
    fn: Callable[..., Any] = _resolve(w.sent, call)
    params = inspect.signature(fn).parameters
    kwargs = {k: v for k, v in example(op_id).items() if k in params} | QUERY_ARGS.get(op_id, {})
    start = len(server.exchanges)
    await fn(*args, **kwargs)  # a coroutine, or a pager (awaiting it fetches the first page)
    mine = server.exchanges[start:]
    assert mine, f"{op_id}: nothing reached the server"
    last = mine[-1]
    assert (
        last.request.method,
        bool(re.fullmatch(re.sub(r"\{\w+\}", "[^/]+", path), last.request.path)),
    ) == (method, True)
    assert 200 <= last.status < 300, f"{op_id}: {last.status} {last.body[:300]!r}"
    for exchange in server.exchanges:  # the setup's exchanges too: all of FakeSent's answers
        _validate(exchange)


DELETES = [(r[2], r[3]) for r in ROWS if r[0] == "DELETE"]


@pytest.mark.anyio
@pytest.mark.parametrize(("op_id", "call"), DELETES)
async def test_a_delete_sends_a_body_exactly_when_the_contract_has_one(
    world: tuple[FakeSent, World], op_id: str, call: str
):
    """A contract-validating server (Prism) refuses a body on a DELETE that declares none.

    openapi-core does not check that, so this does: body and Content-Type, both ways.
    """
    server, w = world
    _, path, op = OPERATIONS[op_id]
    args = [await w.get(kind) for kind in _path_ids(path)]
    fn: Callable[..., Any] = _resolve(w.sent, call)
    start = len(server.exchanges)
    await fn(*args)
    request = server.exchanges[start:][-1].request
    declared = "requestBody" in op
    assert (bool(request.body), "content-type" in request.headers) == (declared, declared)


# -- the supplement (spec/sent-current.openapi.json): the Aug 2026 endpoints --------------------
SUP, SUP_API = CURRENT, CURRENT_API
SUP_OPS = {
    op["operationId"]: (method.upper(), path, op)
    for path, item in SUP["paths"].items()
    for method, op in item.items()
}
SUP_ROUTES = [(m, re.compile(re.sub(r"\{\w+\}", "[^/]+", p) + "$")) for m, p, _ in SUP_OPS.values()]
WIRED_ABOVE = {
    "sender_profiles_create", "sender_profiles_list", "sender_profiles_retrieve",
    "sender_profiles_update", "sender_profiles_delete", "compliance_requirements_retrieve",
    "messages_cancel",
}  # fmt: skip
"""Supplement operations covered by test_operation_on_the_wire (CURRENT_ROWS): the channel
calls below need a market set up first, so they have a test of their own."""
SUP_ROWS = [
    (op_id, op["x-sdk-call"].removeprefix("client."))
    for op_id, (_, _, op) in SUP_OPS.items()
    if op_id not in WIRED_ABOVE
]
SUP_ARGS = {"channel": "sms", "country": "US", "type": "TEN_DLC"}
"""Path values; ``mms`` for number types, since ``sms/US/compliance`` also matches a market
(the supplement's ``x-path-overlap``)."""


def _sup_api_for(method: str, path: str) -> Any:
    """The contract an exchange belongs to: the supplement when one of its paths matches."""
    hit = any(m == method and r.match(path) for m, r in SUP_ROUTES)
    return SUP_API if hit else API


def sup_example(op_id: str) -> dict[str, Any]:
    """The supplement's JSON request example as SDK keyword arguments."""
    content = SUP_OPS[op_id][2].get("requestBody", {}).get("content", {}).get("application/json")
    if not content:
        return {}
    model = getattr(models, content["schema"]["$ref"].rsplit("/", 1)[1])
    plain: dict[str, Any] = inputs.unstructure(wire.structure(content["example"], model))
    return plain


@pytest.mark.anyio
@pytest.mark.parametrize(("op_id", "call"), SUP_ROWS)
async def test_supplement_operation_on_the_wire(
    world: tuple[FakeSent, World], op_id: str, call: str
):
    server, w = world
    method, path, _ = SUP_OPS[op_id]
    campaigns = []
    if "{type}" in path or "campaigns" in path:  # a US TEN_DLC market with its first campaign
        await w.sent.channels.sms.create(**sup_example("channels_sms_create"))
        campaigns = await w.sent.channels.sms.campaigns.list()
    names = re.findall(r"\{(\w+)\}", path)
    args: list[Any] = [SUP_ARGS[n] for n in names if n in SUP_ARGS]
    if path.endswith("/compliance"):
        args[0] = "mms"
    if "campaignId" in names:
        args.append(str(campaigns[0].id))
    fn: Callable[..., Any] = _resolve(w.sent, call)
    params = inspect.signature(fn).parameters
    kwargs = sup_example(op_id)
    if "campaign_id" in kwargs:  # the example's campaign is not FakeSent's
        kwargs["campaign_id"] = str(campaigns[0].id)
    whole = next((p for p in ("campaign", "changes") if p in params), None)
    await (fn(*args, kwargs) if whole else fn(*args, **kwargs))
    last = server.exchanges[-1]
    assert (last.request.method, _sup_api_for(method, last.request.path)) == (method, SUP_API)
    assert 200 <= last.status < 300, f"{op_id}: {last.status} {last.body[:300]!r}"
    for exchange in server.exchanges:
        _validate(exchange)


def test_every_supplement_call_exists_in_both_clients():
    sync = __import__("sent_sync").Sent("sk_test", base_url="http://127.0.0.1:1")
    for _, call in SUP_ROWS:
        assert callable(_resolve(AsyncSent("sk_test", base_url="http://127.0.0.1:1"), call))
        assert callable(_resolve(sync, call)), call


@pytest.mark.anyio
async def test_the_multipart_market_create_conforms(world: tuple[FakeSent, World]):
    server, w = world
    await w.sent.channels.sms.create(
        country="GB",
        number_type="ALPHANUMERIC",
        sender_value="Acme",  # no sandbox: openapi-core reads form text, never as a boolean
        documents={"business_registration": ("registration.pdf", b"%PDF-1.4")},
    )
    assert server.exchanges[-1].request.headers["content-type"].startswith("multipart/form-data")
    _validate(server.exchanges[-1])
