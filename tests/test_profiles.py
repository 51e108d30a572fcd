"""Every profile call through the async client against FakeSent, over real sockets."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

import pytest

from sent_async import AsyncSent, NotFoundError, SentValidationError
from sent_async.models import (
    BrandCampaign,
    BrandComplianceInput,
    BrandContactInput,
    BrandInput,
    ProfileDetail,
    TcrVertical,
)
from sent_async.testing import FakeSent

from .support import PROFILE_ID

pytestmark = pytest.mark.anyio

BRAND = {
    "contact": {"name": "John Smith", "business_name": "Acme Corp", "email": "j@acme.example"},
    "business": {"legal_name": "Acme Corporation LLC", "country": "US"},
    "compliance": {
        "brand_relationship": "SMALL_ACCOUNT",
        "vertical": "PROFESSIONAL",
        "destination_countries": [{"id": "US", "is_main": True}],
    },
}
CAMPAIGN = {
    "name": "Reminders",
    "description": "Appointment reminders",
    "type": "STANDARD",
    "use_cases": [{"messaging_use_case_us": "ACCOUNT_NOTIFICATION", "sample_messages": ["Hi"]}],
    "volume": "1500",
}


async def test_create_get_list_update_delete(client: AsyncSent, server: FakeSent) -> None:
    created = await client.profiles.create(
        name="Sales", short_name="SALES", brand=BRAND, description="Sales team"
    )
    assert created.id is not None
    assert isinstance(created, ProfileDetail)
    assert created.brand is not None and created.brand.compliance is not None
    assert created.brand.compliance.vertical is TcrVertical.PROFESSIONAL
    assert created.brand.compliance.destination_countries[0].is_main is True
    assert isinstance(created.created_at, datetime.datetime)
    assert created.id is not None

    # the wire carries camelCase where Sent wants it, and nothing that was not given
    sent = server.requests[-1].json()
    assert sent["brand"]["compliance"]["destinationCountries"] == [{"id": "US", "isMain": True}]
    assert sent["brand"]["contact"]["businessName"] == "Acme Corp"
    assert "icon" not in sent and "payment_details" not in sent

    fetched = await client.profiles.get(created.id)
    assert fetched == created
    listed = await client.profiles.list()
    assert [p.id for p in listed.profiles] == [created.id]

    updated = await client.profiles.update(created.id, description=None, name="Sales EU")
    assert (updated.name, updated.description, updated.short_name) == ("Sales EU", None, "SALES")
    patch = server.requests[-1].json()
    assert patch == {"name": "Sales EU", "description": None}  # null clears; omitted stays

    await client.profiles.delete(created.id)
    assert server.requests[-1].json() == {"sandbox": False}
    with pytest.raises(NotFoundError) as info:
        await client.profiles.get(created.id)
    assert info.value.code == "RESOURCE_014"
    assert info.value.status_code == 404
    assert info.value.request_id and info.value.request_id.startswith("req_")


async def test_attrs_inputs_equal_dict_inputs(client: AsyncSent, server: FakeSent) -> None:
    brand = BrandInput(
        contact=BrandContactInput(
            name="John Smith", business_name="Acme Corp", email="j@acme.example"
        ),
        compliance=BrandComplianceInput(
            brand_relationship="SMALL_ACCOUNT", vertical=TcrVertical.PROFESSIONAL
        ),
    )
    await client.profiles.create(name="A", brand=brand)
    as_model = server.requests[-1].json()
    await client.profiles.create(
        name="A",
        brand={
            "contact": {
                "name": "John Smith",
                "business_name": "Acme Corp",
                "email": "j@acme.example",
            },
            "compliance": {"brand_relationship": "SMALL_ACCOUNT", "vertical": "PROFESSIONAL"},
        },
    )
    assert server.requests[-1].json() == as_model


async def test_complete(client: AsyncSent) -> None:
    profile = await client.profiles.create(
        name="Ops", short_name="OPS", description="d", brand=BRAND
    )
    assert profile.id is not None
    result = await client.profiles.complete(profile.id, web_hook_url="https://hooks.example/cb")
    assert result.status == "submitted"
    assert (await client.profiles.get(profile.id)).status == "pending_review"


async def test_complete_wire_name(client: AsyncSent, server: FakeSent) -> None:
    profile = await client.profiles.create(
        name="Ops", short_name="OPS", description="d", brand=BRAND
    )
    assert profile.id is not None
    await client.profiles.complete(profile.id, web_hook_url="https://hooks.example/cb")
    assert server.requests[-1].json() == {"webHookUrl": "https://hooks.example/cb"}


async def test_campaigns(client: AsyncSent, server: FakeSent) -> None:
    profile = await client.profiles.create(name="Ops", brand=BRAND)
    assert profile.id is not None
    campaign = await client.profiles.campaigns.create(profile.id, campaign=CAMPAIGN)
    assert campaign.id is not None
    assert isinstance(campaign, BrandCampaign) and campaign.name == "Reminders"
    assert server.requests[-1].json()["campaign"]["useCases"][0]["messagingUseCaseUs"] == (
        "ACCOUNT_NOTIFICATION"
    )
    assert [c.id for c in await client.profiles.campaigns.list(profile.id)] == [campaign.id]
    changed = await client.profiles.campaigns.update(
        profile.id, campaign.id, campaign={**CAMPAIGN, "name": "Reminders v2"}
    )
    assert changed.id is not None
    assert changed.name == "Reminders v2" and changed.id == campaign.id
    await client.profiles.campaigns.delete(profile.id, campaign.id)
    assert await client.profiles.campaigns.list(profile.id) == []


async def test_for_profile_scopes_every_request(client: AsyncSent, server: FakeSent) -> None:
    profile = await client.profiles.create(name="Child")
    assert profile.id is not None
    scoped = client.for_profile(profile.id)
    await scoped.profiles.list()
    assert server.requests[-1].headers["x-profile-id"] == profile.id
    await client.profiles.list()
    assert "x-profile-id" not in server.requests[-1].headers  # the parent is not changed
    assert scoped._core is client._core  # one session and pool


async def test_for_profile_unknown_profile_is_404(client: AsyncSent) -> None:
    with pytest.raises(NotFoundError):
        await client.for_profile(PROFILE_ID).profiles.list()


async def test_sandbox_create_stores_nothing(client: AsyncSent) -> None:
    await client.profiles.create(name="Dry run", sandbox=True)
    assert (await client.profiles.list()).profiles == []


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"brand": BRAND, "inherit_tcr_brand": True}, "inherit_tcr_brand"),
        (
            {
                "payment_details": {
                    "card_number": "4242424242424242",
                    "cvc": "123",
                    "expiry": "12/30",
                    "zip_code": "94104",
                },
                "billing_model": "organization",
            },
            "payment_details",
        ),
        ({"short_name": "x"}, "short_name"),
    ],
)
async def test_profile_rules_checked_before_sending(
    client: AsyncSent, server: FakeSent, kwargs: dict[str, object], message: str
) -> None:
    with pytest.raises(SentValidationError, match=message) as info:
        await client.profiles.create(name="Bad", **kwargs)  # type: ignore[arg-type]
    assert "4242" not in str(info.value)
    assert server.requests == []


async def test_payment_details_allowed_with_profile_billing(
    client: AsyncSent, server: FakeSent
) -> None:
    card = {"card_number": "4242424242424242", "cvc": "123", "expiry": "12/30", "zip_code": "94104"}
    await client.profiles.create(
        name="Billed", billing_model="profile_and_organization", payment_details=card
    )
    assert server.requests[-1].json()["payment_details"] == card


async def test_sentdm_sharing_fields_are_accepted_with_a_warning_and_not_sent(
    client: AsyncSent, server: FakeSent
) -> None:
    """Sent ignores them since Aug 2026 (docs/migration.md); sentdm code passing them runs."""
    with pytest.warns(DeprecationWarning, match="allow_contact_sharing, inherit_templates"):
        created = await client.profiles.create(
            name="Shared", allow_contact_sharing=True, inherit_templates=False
        )
    assert server.requests[-1].json() == {"name": "Shared"}
    with pytest.warns(DeprecationWarning, match="ignored by Sent since Aug 2026") as record:
        await client.profiles.update(
            str(created.id),
            description="d",
            inherit_contacts=True,
            sending_phone_number_profile_id=PROFILE_ID,
            sending_whatsapp_number_profile_id=None,
        )
    assert server.requests[-1].json() == {"description": "d"}
    assert "sending_whatsapp_number_profile_id" in str(record[0].message)
    assert record[0].filename == __file__  # points at the caller's line


@pytest.fixture
def server_sync() -> Iterator[FakeSent]:
    with FakeSent() as fake:
        yield fake


def test_sentdm_sharing_fields_through_the_sync_client(server_sync: FakeSent) -> None:
    import sent_sync

    with sent_sync.Sent(server_sync.api_key, base_url=server_sync.base_url) as sent:
        with pytest.warns(DeprecationWarning, match="allow_template_sharing") as record:
            sent.profiles.create(name="Sync", allow_template_sharing=True)
        assert server_sync.requests[-1].json() == {"name": "Sync"}
        assert record[0].filename == __file__
        assert len([w for w in record if "allow_template_sharing" in str(w.message)]) == 1
