"""Alerts and rules test helpers: a scenario whose numbers decide each rule and alert, synced
through the real sync (simulator over HTTP -> Postgres), and small readers of the results.

Account act_5001 (Asia/Bangkok, USD), insights relative to the account's local today:
- Campaign "Stop" (no campaign budget), ad set "Prospecting" (daily budget 10000):
  ads "Burner 1" today 50.00 / 0 purchases, "Burner 2" 45.00 / 0, "Small" 30.00 / 0,
  "Winner" 60.00 / 2 purchases (value 150.00).
- Campaign "Scale" (no campaign budget), ad set "Scaler" (daily budget 20000): ad "Steady",
  each of the last 3 days 40.00 spend, 2 purchases, value 160.00 (ROAS 4).
- Campaign "CBO" (campaign daily budget 50000), ad set "CBO set" (no budget): ad "CBO ad",
  each of the last 3 days 30.00 spend, 3 purchases, value 150.00 (ROAS 5).
- Campaign "Issues": ad set "Limited" (learning FAIL) with ad "Rejected" (DISAPPROVED), no stats.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import text

from simulator.scenario import (
    AdAccountSpec,
    AdSetSpec,
    AdSpec,
    CampaignSpec,
    InsightDay,
    Scenario,
    SimulatorSettings,
)

TZ = "Asia/Bangkok"


def day(offset: int) -> date:
    return datetime.now(UTC).astimezone(ZoneInfo(TZ)).date() - timedelta(days=offset)


def insight(d: date, spend: str, purchases: int = 0, value: str = "0") -> InsightDay:
    return InsightDay(
        date=d,
        spend=Decimal(spend),
        impressions=1000,
        reach=500,
        clicks=40,
        inline_link_clicks=30,
        actions={"view_content": 20, **({"purchase": purchases} if purchases else {})},
        action_values={"purchase": Decimal(value)} if purchases else {},
    )


def _ad(meta_id: str, name: str, insights: list[InsightDay]) -> AdSpec:
    return AdSpec(id=meta_id, name=name, link_url="https://shop.example.com/p/x", insights=insights)


def account_spec(n: int = 5001) -> AdAccountSpec:
    p = str(n)
    stop = CampaignSpec(
        id=f"{p}101",
        name="Stop",
        adsets=[
            AdSetSpec(
                id=f"{p}201",
                name="Prospecting",
                daily_budget="10000",
                ads=[
                    _ad(f"{p}301", "Burner 1", [insight(day(0), "50.00")]),
                    _ad(f"{p}302", "Burner 2", [insight(day(0), "45.00")]),
                    _ad(f"{p}303", "Small", [insight(day(0), "30.00")]),
                    _ad(f"{p}304", "Winner", [insight(day(0), "60.00", 2, "150.00")]),
                ],
            )
        ],
    )
    scale = CampaignSpec(
        id=f"{p}102",
        name="Scale",
        adsets=[
            AdSetSpec(
                id=f"{p}202",
                name="Scaler",
                daily_budget="20000",
                ads=[_ad(f"{p}305", "Steady", [insight(day(d), "40.00", 2, "160.00") for d in (1, 2, 3)])],
            )
        ],
    )
    cbo = CampaignSpec(
        id=f"{p}103",
        name="CBO",
        daily_budget="50000",
        adsets=[
            AdSetSpec(
                id=f"{p}203",
                name="CBO set",
                ads=[_ad(f"{p}306", "CBO ad", [insight(day(d), "30.00", 3, "150.00") for d in (1, 2, 3)])],
            )
        ],
    )
    issues = CampaignSpec(
        id=f"{p}104",
        name="Issues",
        adsets=[
            AdSetSpec(
                id=f"{p}204",
                name="Limited",
                learning_stage="FAIL",
                ads=[AdSpec(id=f"{p}307", name="Rejected", effective_status="DISAPPROVED")],
            )
        ],
    )
    return AdAccountSpec(
        id=f"act_{p}",
        name=f"Shop {p}",
        currency="USD",
        timezone_name=TZ,
        access_token=f"token-{p}",
        campaigns=[stop, scale, cbo, issues],
    )


def scenario(*numbers: int) -> Scenario:
    return Scenario(
        ad_accounts=[account_spec(n) for n in numbers or (5001,)],
        settings=SimulatorSettings(report_polls_to_complete=1),
    )


def fast_graph_factory(base_url: str) -> Callable[[str], Any]:
    from pixecom.meta.client import GraphClient

    return lambda token: GraphClient(token, base_url=base_url, sleep=lambda _s: None, max_retries=2)


def sync_message(account_id: uuid.UUID, kind: str) -> Any:
    from pixecom.domain.enums import SyncKind
    from pixecom.sync_message import SyncMessage, new_run_id

    if kind == "delivery":
        return SyncMessage(account_id=account_id, kind=SyncKind.DELIVERY, run_id=new_run_id("test"))
    return SyncMessage(
        account_id=account_id, kind=SyncKind.STATS, run_id=new_run_id("test"), since=day(6), until=day(0)
    )


def rows(sql: str, **params: Any) -> list[Any]:
    from pixecom.db.engine import session_scope

    with session_scope() as s:
        return list(s.execute(text(sql), params).all())


def ids_by_name(table: str, account_id: uuid.UUID) -> dict[str, uuid.UUID]:
    return {
        r.name: r.id for r in rows(f"SELECT id, name FROM {table} WHERE ad_account_id = :a", a=account_id)
    }  # noqa: S608


def usd(amount: str) -> dict[str, str]:
    """A money amount of the API in US dollars (the test accounts' currency)."""
    return {"amount": amount, "currency": "USD"}
