"""Users through both clients against FakeSent: invite, get, list, change role, remove."""

from __future__ import annotations

import pytest

import sent_sync
from sent_async import (
    AsyncSent,
    BadRequestError,
    ConflictError,
    NotFoundError,
    SentValidationError,
)
from sent_async.models import ProfileDetail, User, UserList
from sent_async.testing import FakeSent

from .support import FAST_RETRY, PROFILE_ID
from .test_templates import BAD_IDS, check_contract, raw_call

pytestmark = pytest.mark.anyio


async def test_invite_get_list_update_role_remove(client: AsyncSent, server: FakeSent) -> None:
    user = await client.users.invite(email="ada@acme.example", name="Ada", role="developer")
    assert isinstance(user, User) and user.id is not None
    assert (user.email, user.name, user.role, user.status) == (
        "ada@acme.example",
        "Ada",
        "developer",
        "invited",
    )
    assert user.customer_id == server.organization_id and user.invited_at is not None
    request = server.requests[-1]
    assert (request.method, request.path) == ("POST", "/v3/users")
    assert request.json() == {"email": "ada@acme.example", "name": "Ada", "role": "developer"}
    assert request.headers["idempotency-key"]

    assert await client.users.get(user.id) == user
    listed = await client.users.list()
    assert isinstance(listed, UserList) and [u.id for u in listed.users] == [user.id]
    assert listed.pagination is not None and listed.pagination.has_more is False

    changed = await client.users.update_role(user.id, role="billing", idempotency_key="role-1")
    assert (changed.role, changed.id) == ("billing", user.id)
    request = server.requests[-1]
    assert (request.method, request.path) == ("PATCH", f"/v3/users/{user.id}")
    assert request.json() == {"role": "billing"}
    assert request.headers["idempotency-key"] == "role-1"

    await client.users.delete(user.id)
    request = server.requests[-1]
    assert (request.method, request.path, request.json()) == (
        "DELETE",
        f"/v3/users/{user.id}",
        {"sandbox": False},
    )
    with pytest.raises(NotFoundError) as info:
        await client.users.get(user.id)
    assert info.value.code == "RESOURCE_006"
    assert (await client.users.list()).users == []


async def test_duplicate_invite_is_a_conflict(client: AsyncSent, server: FakeSent) -> None:
    await client.users.invite(email="ada@acme.example", role="admin")
    server.requests.clear()
    with pytest.raises(ConflictError) as info:
        await client.users.invite(email="ADA@acme.example", role="admin")
    assert info.value.code == "RESOURCE_007"
    assert len(server.requests) == 1  # a 409 other than CONFLICT_001 is not retried


async def test_fake_requires_email_and_role(client: AsyncSent) -> None:
    with pytest.raises(BadRequestError) as info:
        await client.users.invite(role="admin")
    assert info.value.code == "VALIDATION_004"
    with pytest.raises(BadRequestError):
        await client.users.invite(email="not-an-email", role="admin")


async def test_sandbox_writes_store_nothing(client: AsyncSent, server: FakeSent) -> None:
    dry = await client.users.invite(email="dry@acme.example", role="admin", sandbox=True)
    assert dry.id is not None and server.requests[-1].json()["sandbox"] is True
    assert (await client.users.list()).users == []
    user = await client.users.invite(email="ada@acme.example", role="admin")
    assert user.id is not None
    assert (await client.users.update_role(user.id, role="billing", sandbox=True)).role == (
        "billing"
    )
    await client.users.delete(user.id, sandbox=True)
    assert server.requests[-1].json() == {"sandbox": True}
    assert (await client.users.get(user.id)).role == "admin"


async def test_users_belong_to_their_scope(client: AsyncSent, server: FakeSent) -> None:
    server.state.profiles.by_id[PROFILE_ID] = ProfileDetail(id=PROFILE_ID, name="Child")
    child = client.for_profile(PROFILE_ID)
    member = await child.users.invite(email="ops@acme.example", role="developer")
    assert member.id is not None and member.customer_id == PROFILE_ID
    assert [u.id for u in (await child.users.list()).users] == [member.id]
    assert (await client.users.list()).users == []
    with pytest.raises(NotFoundError):
        await client.users.get(member.id)


@pytest.mark.parametrize("bad", BAD_IDS)
async def test_bad_user_ids_send_nothing(client: AsyncSent, server: FakeSent, bad: str) -> None:
    for call in (
        client.users.get(bad),
        client.users.update_role(bad, role="admin"),
        client.users.delete(bad),
    ):
        with pytest.raises(SentValidationError, match="user_id"):
            await call
    assert server.requests == []


async def test_bad_idempotency_key_sends_nothing(client: AsyncSent, server: FakeSent) -> None:
    with pytest.raises(SentValidationError, match="idempotency_key"):
        await client.users.invite(email="a@acme.example", role="admin", idempotency_key="a b")
    assert server.requests == []


async def test_responses_match_the_contract(server: FakeSent) -> None:
    invite = {"email": "ada@acme.example", "name": "Ada", "role": "admin"}
    status, doc = await raw_call(server, "POST", "/v3/users", invite)
    check_contract("/v3/users", "post", status, doc)
    uid = doc["data"]["id"]
    item = "/v3/users/{userId}"
    check_contract("/v3/users", "get", *await raw_call(server, "GET", "/v3/users"))
    check_contract(item, "get", *await raw_call(server, "GET", f"/v3/users/{uid}"))
    role = {"role": "developer"}
    check_contract(item, "patch", *await raw_call(server, "PATCH", f"/v3/users/{uid}", role))
    check_contract(item, "delete", *await raw_call(server, "DELETE", f"/v3/users/{uid}", {}))


def test_sync_client_every_call() -> None:
    with (
        FakeSent() as server,
        sent_sync.Sent(server.api_key, base_url=server.base_url, retry=FAST_RETRY) as sent,
    ):
        user = sent.users.invite(email="sync@acme.example", role="developer")
        assert user.id is not None
        assert server.requests[-1].json() == {"email": "sync@acme.example", "role": "developer"}
        assert sent.users.get(user.id) == user
        assert [u.id for u in sent.users.list().users] == [user.id]
        assert sent.users.update_role(user.id, role="admin").role == "admin"
        sent.users.delete(user.id)
        assert server.requests[-1].json() == {"sandbox": False}
        with pytest.raises(sent_sync.NotFoundError):
            sent.users.get(user.id)
        with pytest.raises(sent_sync.SentValidationError):
            sent.users.delete("../me")
