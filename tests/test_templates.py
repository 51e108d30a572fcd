"""Templates through both clients against FakeSent: wire names, paging, review rules."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import aiohttp
import jsonschema  # type: ignore[import-untyped]  # no stubs in the venv
import pytest

import sent_sync
from sent_async import (
    AsyncSent,
    BadRequestError,
    ConflictError,
    NotFoundError,
    SentValidationError,
)
from sent_async.models import (
    ProfileDetail,
    Template,
    TemplateBodyContentInput,
    TemplateBodyInput,
    TemplateDefinitionInput,
    TemplateVariableInput,
    TemplateVariablePropsInput,
)
from sent_async.testing import FakeSent

from .support import FAST_RETRY, PROFILE_ID

pytestmark = pytest.mark.anyio

SPEC = json.loads((Path(__file__).parent.parent / "spec" / "sent-v3.openapi.json").read_text())
NAME_VAR = {
    "name": "name",
    "type": "text",
    "props": {
        "media_type": "text",
        "sample": "Ada",
        "url": "https://acme.example/u",
        "variable_type": "text",
        "short_url": "https://sent.dm/s/abc",
    },
}
DEFINITION: dict[str, Any] = {
    "definition_version": "1.0",
    "body": {
        "multi_channel": {"template": "Hi {{name}}, order {{order}} shipped.", "type": "text"},
        "sms": {"template": "Hi {{name}}", "variables": [NAME_VAR]},
    },
    "header": {"template": "Order update", "static_resource": False},
    "footer": {"template": "Reply STOP to opt out"},
    "authentication_config": {"add_security_recommendation": True, "code_expiration_minutes": 5},
    "buttons": [
        {
            "type": "url",
            "props": {
                "active_for": 10,
                "country_code": "US",
                "offer_code": "WELCOME10",
                "phone_number": "+14155550123",
                "quick_reply_type": "CUSTOM",
                "text": "Track {{tracking}}",
                "url": "https://acme.example/t",
                "url_type": "STATIC",
                "variables": [],
                "otp_type": "COPY_CODE",
                "package_name": "com.acme.app",
            },
        }
    ],
}
SMS_ONLY = {"body": {"sms": {"template": "Hello"}}}


async def raw_call(
    server: FakeSent, method: str, path: str, body: Any = None, headers: Any = None
) -> tuple[int, Any]:
    """Call FakeSent without the SDK and return the status and JSON (for schema checks)."""
    async with (
        aiohttp.ClientSession() as session,
        session.request(
            method,
            server.base_url + path,
            json=body,
            headers={"x-api-key": server.api_key, **(headers or {})},
        ) as resp,
    ):
        return resp.status, (await resp.json() if resp.status != 204 else None)


def check_contract(route: str, method: str, status: int, doc: Any) -> None:
    """Fail unless ``doc`` is what the contract promises for this operation and status."""
    response = SPEC["paths"][route][method]["responses"][str(status)]
    if status == 204:
        assert doc is None and "content" not in response
        return
    schema = response["content"]["application/json"]["schema"]
    validator = jsonschema.Draft202012Validator(
        {**schema, "components": SPEC["components"]},
        format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER,
    )
    validator.validate(doc)


def template_gets(server: FakeSent) -> list[dict[str, str]]:
    return [
        dict(r.query) for r in server.requests if (r.method, r.path) == ("GET", "/v3/templates")
    ]


async def test_create_get_list_update_delete(client: AsyncSent, server: FakeSent) -> None:
    created = await client.templates.create(
        definition=DEFINITION, category="UTILITY", language="en_US", creation_source="api"
    )
    assert isinstance(created, Template) and created.id is not None
    assert created.customer_id == server.organization_id
    assert (created.status, created.category, created.language) == ("DRAFT", "UTILITY", "en_US")
    assert created.channels == ["sms", "whatsapp", "rcs"]
    assert created.variables == ["name", "order", "tracking"]

    sent = server.requests[-1]
    assert sent.method == "POST" and sent.headers["idempotency-key"]
    wire = sent.json()
    assert set(wire) == {"definition", "category", "language", "creation_source"}
    definition = wire["definition"]
    assert definition["definitionVersion"] == "1.0"
    assert definition["body"]["multiChannel"]["template"].startswith("Hi {{name}}")
    assert definition["body"]["sms"]["variables"][0]["props"] == {
        "mediaType": "text",
        "sample": "Ada",
        "url": "https://acme.example/u",
        "variableType": "text",
        "shortUrl": "https://sent.dm/s/abc",
    }
    assert definition["authenticationConfig"] == {
        "addSecurityRecommendation": True,
        "codeExpirationMinutes": 5,
    }
    props = definition["buttons"][0]["props"]
    assert {"activeFor", "countryCode", "offerCode", "phoneNumber", "quickReplyType"} <= set(props)
    assert {"urlType", "otpType", "packageName"} <= set(props)
    assert definition["header"] == {"template": "Order update", "static_resource": False}
    text = sent.body.decode()
    for snake in ("multi_channel", "definition_version", "media_type", "active_for", "url_type"):
        assert snake not in text

    assert await client.templates.get(created.id) == created
    page = await client.templates.list()
    assert [t.id for t in page.items] == [created.id]

    updated = await client.templates.update(created.id, name="order_shipped", category="MARKETING")
    assert (updated.name, updated.category, updated.id) == (
        "order_shipped",
        "MARKETING",
        created.id,
    )
    assert server.requests[-1].method == "PUT"
    assert server.requests[-1].json() == {"name": "order_shipped", "category": "MARKETING"}

    await client.templates.delete(created.id, delete_from_meta=True)
    assert server.requests[-1].method == "DELETE"
    assert server.requests[-1].json() == {"delete_from_meta": True, "sandbox": False}
    with pytest.raises(NotFoundError) as info:
        await client.templates.get(created.id)
    assert info.value.code == "RESOURCE_002"


async def test_attrs_definition_equals_dict(client: AsyncSent, server: FakeSent) -> None:
    variable = TemplateVariableInput(
        name="name",
        type="text",
        props=TemplateVariablePropsInput(
            media_type="text", sample="Ada", url="https://acme.example/u", variable_type="text"
        ),
    )
    definition = TemplateDefinitionInput(
        body=TemplateBodyInput(
            multi_channel=TemplateBodyContentInput(template="Hi {{name}}", variables=[variable])
        ),
        definition_version="1.0",
    )
    await client.templates.create(definition=definition)
    as_model = server.requests[-1].json()
    await client.templates.create(
        definition={
            "definition_version": "1.0",
            "body": {"multi_channel": {"template": "Hi {{name}}", "variables": [NAME_VAR]}},
        }
    )
    as_dict = server.requests[-1].json()
    as_dict["definition"]["body"]["multiChannel"]["variables"][0]["props"].pop("shortUrl")
    assert as_dict == as_model
    assert as_model["definition"]["body"]["multiChannel"]["variables"][0]["props"] == {
        "mediaType": "text",
        "sample": "Ada",
        "url": "https://acme.example/u",
        "variableType": "text",
    }


async def test_pagination_across_pages(client: AsyncSent, server: FakeSent) -> None:
    ids = [(await client.templates.create(definition=SMS_ONLY)).id for _ in range(7)]
    server.requests.clear()

    first = await client.templates.list(page_size=3)
    assert [t.id for t in first.items] == ids[:3]
    assert first.has_next_page and first.pagination is not None
    assert (first.pagination.total_count, first.pagination.total_pages) == (7, 3)
    assert template_gets(server) == [{"page": "1", "page_size": "3"}]

    server.requests.clear()
    seen = [t.id async for t in client.templates.list(page_size=3)]
    assert seen == ids
    assert template_gets(server) == [{"page": str(n), "page_size": "3"} for n in (1, 2, 3)]

    last = await client.templates.list(page_size=3, page=3)
    assert [t.id for t in last.items] == ids[6:] and not last.has_next_page
    assert await last.next_page() is None


async def test_list_filters(client: AsyncSent, server: FakeSent) -> None:
    a = await client.templates.create(definition=SMS_ONLY, category="MARKETING")
    b = await client.templates.create(definition=SMS_ONLY, submit_for_review=True)
    assert a.id is not None and b.id is not None
    await client.templates.update(a.id, name="Spring sale")

    page = await client.templates.list(search="spring", category="MARKETING", page_size=5)
    assert [t.id for t in page.items] == [a.id]
    assert server.requests[-1].query == {
        "page": "1",
        "page_size": "5",
        "search": "spring",
        "category": "MARKETING",
    }
    assert [t.id for t in (await client.templates.list(status="PENDING")).items] == [b.id]
    assert (await client.templates.list(status="APPROVED")).items == []
    await client.templates.list(is_welcome_playground=False)
    assert server.requests[-1].query["is_welcome_playground"] == "false"


async def test_in_review_is_frozen(client: AsyncSent, server: FakeSent) -> None:
    pending = await client.templates.create(definition=SMS_ONLY, submit_for_review=True)
    assert pending.id is not None and pending.status == "PENDING"
    for change in (
        {"category": "MARKETING"},
        {"language": "fr_FR"},
        {"definition": SMS_ONLY},
        {"submit_for_review": True},
    ):
        with pytest.raises(ConflictError) as info:
            await client.templates.update(pending.id, **change)
        assert info.value.code == "CONFLICT_006"
    assert (await client.templates.update(pending.id, name="renamed")).name == "renamed"

    assert await server.review_templates() == 1
    approved = await client.templates.get(pending.id)
    assert (approved.status, approved.is_published) == ("APPROVED", True)
    event = server.events[-1]
    assert event["field"] == "templates" and "event" not in event
    assert event["payload"]["status"] == "APPROVED"
    assert event["payload"]["template_id"] == pending.id
    assert (await client.templates.update(pending.id, category="MARKETING")).category == (
        "MARKETING"
    )


async def test_sandbox_writes_store_nothing(client: AsyncSent, server: FakeSent) -> None:
    dry = await client.templates.create(definition=SMS_ONLY, sandbox=True)
    assert dry.id is not None and server.requests[-1].json()["sandbox"] is True
    assert (await client.templates.list()).items == []
    real = await client.templates.create(definition=SMS_ONLY)
    assert real.id is not None
    await client.templates.delete(real.id, sandbox=True)
    assert server.requests[-1].json() == {"sandbox": True}
    assert (await client.templates.get(real.id)).id == real.id


async def test_fake_refuses_unknown_category(client: AsyncSent) -> None:
    with pytest.raises(BadRequestError) as info:
        await client.templates.create(definition=SMS_ONLY, category="PROMO")
    assert info.value.code == "VALIDATION_006"


async def test_profile_scoping(client: AsyncSent, server: FakeSent) -> None:
    other = "880e8400-e29b-41d4-a716-446655440003"
    for pid in (PROFILE_ID, other):
        server.state.profiles.by_id[pid] = ProfileDetail(id=pid, name=pid[:4])
    mine = await client.for_profile(PROFILE_ID).templates.create(definition=SMS_ONLY)
    assert mine.id is not None and mine.customer_id == PROFILE_ID
    assert server.requests[-1].headers["x-profile-id"] == PROFILE_ID
    assert [t.id for t in (await client.templates.list()).items] == [mine.id]  # org sees all
    assert (await client.for_profile(other).templates.list()).items == []
    with pytest.raises(NotFoundError):
        await client.for_profile(other).templates.get(mine.id)


BAD_IDS = ["", "not-a-uuid", "../templates", PROFILE_ID + "/x", PROFILE_ID[:-1], " " + PROFILE_ID]


@pytest.mark.parametrize("bad", BAD_IDS)
async def test_bad_template_ids_send_nothing(client: AsyncSent, server: FakeSent, bad: str):
    for call in (
        client.templates.get(bad),
        client.templates.update(bad, name="x"),
        client.templates.delete(bad),
    ):
        with pytest.raises(SentValidationError, match="template_id"):
            await call
    assert server.requests == []


@pytest.mark.parametrize(
    "kwargs", [{"page": 0}, {"page": -1}, {"page_size": 0}, {"page": "2"}, {"page_size": True}]
)
async def test_bad_paging_sends_nothing(
    client: AsyncSent, server: FakeSent, kwargs: dict[str, Any]
) -> None:
    with pytest.raises(SentValidationError):
        client.templates.list(**kwargs)
    assert server.requests == []


async def test_bad_nested_definition_sends_nothing(client: AsyncSent, server: FakeSent) -> None:
    with pytest.raises(SentValidationError):
        await client.templates.create(definition={"header": {"template": "no body"}})
    assert server.requests == []


async def test_responses_match_the_contract(server: FakeSent) -> None:
    status, doc = await raw_call(server, "POST", "/v3/templates", {"definition": SMS_ONLY})
    check_contract("/v3/templates", "post", status, doc)
    tid = doc["data"]["id"]
    for _ in range(2):
        await raw_call(server, "POST", "/v3/templates", {"definition": SMS_ONLY})
    check_contract("/v3/templates", "get", *await raw_call(server, "GET", "/v3/templates"))
    status, doc = await raw_call(server, "GET", "/v3/templates?page=2&page_size=2")
    check_contract("/v3/templates", "get", status, doc)
    assert doc["data"]["pagination"]["has_more"] is False and len(doc["data"]["templates"]) == 1
    item = "/v3/templates/{id}"
    check_contract(item, "get", *await raw_call(server, "GET", f"/v3/templates/{tid}"))
    put = {"name": "n", "definition": copy.deepcopy(SMS_ONLY)}
    check_contract(item, "put", *await raw_call(server, "PUT", f"/v3/templates/{tid}", put))
    check_contract(item, "delete", *await raw_call(server, "DELETE", f"/v3/templates/{tid}", {}))
    status, doc = await raw_call(server, "GET", f"/v3/templates/{tid}")
    assert (status, doc["error"]["code"]) == (404, "RESOURCE_002")


def test_sync_client_every_call_and_paging() -> None:
    with (
        FakeSent() as server,
        sent_sync.Sent(server.api_key, base_url=server.base_url, retry=FAST_RETRY) as sent,
    ):
        created = sent.templates.create(definition=DEFINITION, category="UTILITY")
        assert created.id is not None
        assert server.requests[-1].json()["definition"]["body"]["multiChannel"]
        assert sent.templates.get(created.id) == created
        assert sent.templates.update(created.id, name="sync").name == "sync"
        ids = [created.id] + [sent.templates.create(definition=SMS_ONLY).id for _ in range(6)]

        server.requests.clear()
        first = sent.templates.list(page_size=3)
        assert [t.id for t in first.items] == ids[:3] and first.has_next_page
        assert [t.id for t in first] == ids  # iterating fetches pages 2 and 3, once each
        assert template_gets(server) == [{"page": str(n), "page_size": "3"} for n in (1, 2, 3)]

        sent.templates.delete(created.id)
        assert server.requests[-1].json() == {"sandbox": False}
        with pytest.raises(sent_sync.NotFoundError):
            sent.templates.get(created.id)
        with pytest.raises(sent_sync.SentValidationError):
            sent.templates.get("nope")
        with pytest.raises(sent_sync.SentValidationError):
            sent.templates.list(page=0)
