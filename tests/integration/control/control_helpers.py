"""Bulk status control test helpers: a small Meta scenario, the same objects as rows in Postgres
(with the account token encrypted by the sync's crypto helper), and helpers to drain the
ControlQueue through the worker logic with an injected clock and no real sleeping.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from pixecom.db.engine import session_scope
from pixecom.db.models import Ad, AdAccount, AdSet, Campaign
from pixecom.domain.delivery import map_delivery_status
from pixecom.domain.enums import CampaignStatus, ConnectionStatus
from simulator.scenario import Scenario, parse_scenario


def control_scenario(
    account_id: str = "act_7001",
    token: str = "tok-7001",
    ads: int = 6,
    ads_per_adset: int = 50,
    campaign_prefix: str = "7001",
) -> Scenario:
    """One account, one campaign, enough ad sets for `ads` ACTIVE ads (ids predictable)."""
    adsets = []
    for a in range(0, ads, ads_per_adset):
        adset_ads = [
            {"id": f"{campaign_prefix}3{n:04d}", "name": f"Ad {n:03d}", "status": "ACTIVE"}
            for n in range(a, min(ads, a + ads_per_adset))
        ]
        adsets.append(
            {
                "id": f"{campaign_prefix}2{a:04d}",
                "name": f"Ad set {a // ads_per_adset}",
                "status": "ACTIVE",
                "ads": adset_ads,
            }
        )
    return parse_scenario(
        {
            "ad_accounts": [
                {
                    "id": account_id,
                    "name": f"Shop {account_id}",
                    "currency": "USD",
                    "timezone_name": "UTC",
                    "access_token": token,
                    "campaigns": [
                        {
                            "id": f"{campaign_prefix}10001",
                            "name": "Campaign A",
                            "status": "ACTIVE",
                            "adsets": adsets,
                        }
                    ],
                }
            ],
        }
    )


@dataclass
class Seeded:
    """Local ids of what `seed_scenario` wrote, keyed by Meta id."""

    account_ids: dict[str, uuid.UUID] = field(default_factory=dict)
    campaigns: dict[str, uuid.UUID] = field(default_factory=dict)
    adsets: dict[str, uuid.UUID] = field(default_factory=dict)
    ads: dict[str, uuid.UUID] = field(default_factory=dict)


def _entity_fields(node: Any) -> dict[str, Any]:
    effective = node.effective_status or node.status
    return {
        "meta_id": node.id,
        "name": node.name,
        "status": CampaignStatus(node.status),
        "delivery_status": map_delivery_status(effective, None),
        "effective_status": effective,
    }


def seed_scenario(
    seller_id: uuid.UUID, scenario: Scenario, connection: ConnectionStatus = ConnectionStatus.ACTIVE
) -> Seeded:
    """Write the scenario's accounts, campaigns, ad sets and ads for `seller_id` (as a sync would)."""
    from pixecom.crypto import encrypt_token

    seeded = Seeded()
    with session_scope() as s:
        for spec in scenario.ad_accounts:
            account = AdAccount(
                seller_id=seller_id,
                meta_account_id=spec.id,
                name=spec.name,
                currency=spec.currency,
                timezone_name=spec.timezone_name,
                access_token_encrypted=encrypt_token(spec.access_token or ""),
                connection_status=connection,
            )
            s.add(account)
            s.flush()
            seeded.account_ids[spec.id] = account.id
            for c in spec.campaigns:
                campaign = Campaign(seller_id=seller_id, ad_account_id=account.id, **_entity_fields(c))
                s.add(campaign)
                s.flush()
                seeded.campaigns[c.id] = campaign.id
                for a in c.adsets:
                    adset = AdSet(
                        seller_id=seller_id,
                        ad_account_id=account.id,
                        campaign_id=campaign.id,
                        **_entity_fields(a),
                    )
                    s.add(adset)
                    s.flush()
                    seeded.adsets[a.id] = adset.id
                    for ad in a.ads:
                        row = Ad(
                            seller_id=seller_id,
                            ad_account_id=account.id,
                            campaign_id=campaign.id,
                            adset_id=adset.id,
                            **_entity_fields(ad),
                        )
                        s.add(row)
                        s.flush()
                        seeded.ads[ad.id] = row.id
    return seeded


class FakeClock:
    """A clock tests move by hand; also the GraphClient's `now`, so rate-limit times agree."""

    def __init__(self) -> None:
        self.at = datetime.now(UTC).replace(microsecond=0)
        self.slept: list[float] = []

    def __call__(self) -> datetime:
        return self.at

    def advance(self, seconds: float) -> None:
        self.at += timedelta(seconds=seconds)

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)


def queue_messages(sqs: Any, env_name: str) -> list[dict[str, Any]]:
    """Every message now visible in a queue (removes them), bodies decoded."""
    import os

    url = os.environ[env_name]
    found: list[dict[str, Any]] = []
    while True:
        got = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10).get("Messages", [])
        if not got:
            return found
        for message in got:
            found.append(json.loads(message["Body"]))
            sqs.delete_message(QueueUrl=url, ReceiptHandle=message["ReceiptHandle"])


def queue_depth(sqs: Any, env_name: str) -> dict[str, int]:
    import os

    attrs = sqs.get_queue_attributes(
        QueueUrl=os.environ[env_name],
        AttributeNames=[
            "ApproximateNumberOfMessages",
            "ApproximateNumberOfMessagesDelayed",
            "ApproximateNumberOfMessagesNotVisible",
        ],
    )["Attributes"]
    return {
        "visible": int(attrs["ApproximateNumberOfMessages"]),
        "delayed": int(attrs.get("ApproximateNumberOfMessagesDelayed", 0)),
        "in_flight": int(attrs.get("ApproximateNumberOfMessagesNotVisible", 0)),
    }
