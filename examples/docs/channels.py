"""Channels: add an SMS market, follow its status, add numbers and campaigns, upload documents."""

from __future__ import annotations

import asyncio
import json
import tempfile
from pathlib import Path

from sent_async import AsyncSent, SentValidationError
from sent_async.testing import FakeSent
from sent_async.webhooks import ChannelActivated, generate_secret, parse_event, sign


async def markets(sent: AsyncSent, server: FakeSent) -> str:
    # --8<-- [start:market]
    types = await sent.channels.number_types("sms", "US")  # what the country offers
    print("US offers", [t.extra.get("type") for t in types.number_types])

    market = await sent.channels.sms.create(
        country="US",
        number_type="TEN_DLC",
        numbers=[{"area_code": "212", "quantity": 1}],
        compliance={
            "brand": {"inherit": True},  # the organization's registered brand
            "campaign": {
                "description": "Order and delivery updates.",
                "message_flow": "Customers opt in at checkout by ticking an SMS box.",
            },
        },
        idempotency_key="market-us-10dlc",  # a replay lands on the same market
    )
    print(market.country, market.number_type, market.status)  # US TEN_DLC PROVISIONING
    # --8<-- [end:market]

    await server.state.markets.advance()  # FakeSent: the registry takes the campaign
    # --8<-- [start:status]
    market = await sent.channels.sms.get("US", "TEN_DLC")
    print("now", market.status, market.reason_code)  # now PENDING_REVIEW None

    if market.compliance and market.compliance.requirements:  # ACTION_NEEDED: you owe these
        print("still owed:", market.compliance.requirements)
    market = await sent.channels.sms.update(  # omitted keys stay as they are
        "US", "TEN_DLC", compliance={"brand": {"contact_phone": "+12125550123"}}
    )
    # --8<-- [end:status]
    campaigns = await sent.channels.sms.campaigns.list()
    return str(campaigns[0].id)


async def numbers_and_campaigns(sent: AsyncSent, campaign_id: str) -> None:
    # --8<-- [start:numbers]
    market = await sent.channels.numbers.add(
        "sms", "US", "TEN_DLC", numbers=[{"area_code": "646", "quantity": 2}],
        campaign_id=campaign_id,  # US TEN_DLC numbers belong to a campaign
    )  # fmt: skip
    print([f"{n.area_code}: {n.status}" for n in market.numbers])

    market = await sent.channels.sms.campaigns.create(
        {
            "description": "Appointment reminders.",
            "message_flow": "Customers opt in when booking online.",
            "extra": {"sample_messages": ["Your appointment is tomorrow at 10:00."]},
        },
        idempotency_key="campaign-reminders",  # each new campaign is charged
    )
    for campaign in await sent.channels.sms.campaigns.list():
        print("campaign", campaign.status, campaign.description)
    # --8<-- [end:numbers]


async def documents(sent: AsyncSent, folder: Path) -> None:
    (folder / "registration.pdf").write_bytes(b"%PDF-1.4 ...")
    # --8<-- [start:documents]
    market = await sent.channels.sms.create(
        country="GB",
        number_type="ALPHANUMERIC",
        sender_value="Acme",
        documents={"business_registration": folder / "registration.pdf"},  # or bytes, or a file
    )
    documents = market.compliance.documents if market.compliance else []
    print("filed:", [d.file_name for d in documents or []])

    try:
        await sent.channels.sms.create(
            country="FR", number_type="ALPHANUMERIC", documents={"kbis": bytes(11 * 2**20)}
        )
    except SentValidationError as exc:  # refused before anything is sent
        print("refused:", exc)
    # --8<-- [end:documents]


async def events(server: FakeSent) -> None:
    await server.state.markets.advance()
    secret = generate_secret()
    record = server.events[-1]
    body = json.dumps(record).encode()
    headers = sign(body, secret, webhook_id="wh_1")
    # --8<-- [start:events]
    event = parse_event(body, headers, secret)
    if isinstance(event, ChannelActivated):  # also ChannelSubmitted, ...Deactivated, ...Removed
        country, number_type = event.market
        print(f"{country}/{number_type} is {event.status}: sends as {event.payload.sender_value}")
    # --8<-- [end:events]


async def main() -> None:
    async with FakeSent() as server, server.client() as sent:
        campaign_id = await markets(sent, server)
        await numbers_and_campaigns(sent, campaign_id)
        with tempfile.TemporaryDirectory() as folder:
            await documents(sent, Path(folder))
        await events(server)
        overview = await sent.channels.list()
        print("channels of", overview.customer_id, [str(m.status) for m in overview.sms])


if __name__ == "__main__":
    asyncio.run(main())
