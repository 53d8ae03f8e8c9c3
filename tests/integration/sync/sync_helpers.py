"""Helpers for the sync tests: a small hand-written scenario, no-wait Graph clients, DB reads."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
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

TZ = "America/Los_Angeles"


def local_today(tz: str = TZ) -> date:
    return datetime.now(UTC).astimezone(ZoneInfo(tz)).date()


def day(offset: int, tz: str = TZ) -> date:
    """today - offset, in the account's timezone."""
    return local_today(tz) - timedelta(days=offset)


def insight(
    d: date,
    spend: str,
    impressions: int,
    *,
    clicks: int = 0,
    link: int = 0,
    views: int = 0,
    atc: int = 0,
    checkout: int = 0,
    purchases: int = 0,
    value: str = "0",
) -> InsightDay:
    actions = {
        "view_content": views,
        "add_to_cart": atc,
        "initiate_checkout": checkout,
        "purchase": purchases,
    }
    return InsightDay(
        date=d,
        spend=Decimal(spend),
        impressions=impressions,
        reach=max(1, impressions // 2),
        clicks=clicks,
        inline_link_clicks=link,
        actions={k: v for k, v in actions.items() if v},
        action_values={"purchase": Decimal(value)} if purchases else {},
    )


def small_account(n: int, *, tz: str = TZ, currency: str = "USD") -> AdAccountSpec:
    """act_<n>: campaign A (purchase ad set with 2 ads, add-to-cart ad set with 1 learning ad) and a
    paused campaign B (1 link-click ad); three days of explicit insights."""
    p = f"{n}"
    ads_purchase = [
        AdSpec(
            id=f"{p}301",
            name="Mug ad 1",
            link_url="https://www.shop.example.com/p/mug?utm_source=fb",
            insights=[
                insight(
                    day(2, tz),
                    "12.34",
                    1000,
                    clicks=40,
                    link=30,
                    views=20,
                    atc=6,
                    checkout=4,
                    purchases=2,
                    value="45.67",
                ),
                insight(
                    day(1, tz),
                    "20.01",
                    1500,
                    clicks=55,
                    link=41,
                    views=33,
                    atc=9,
                    checkout=5,
                    purchases=3,
                    value="99.99",
                ),
                insight(day(0, tz), "3.50", 300, clicks=7, link=5, views=4),
            ],
        ),
        AdSpec(
            id=f"{p}302",
            name="Mug ad 2",
            link_url="https://shop.example.com/p/mug/",
            insights=[
                insight(
                    day(1, tz),
                    "7.77",
                    700,
                    clicks=20,
                    link=15,
                    views=10,
                    atc=2,
                    checkout=1,
                    purchases=1,
                    value="19.90",
                )
            ],
        ),
    ]
    ads_atc = [
        AdSpec(
            id=f"{p}303",
            name="Tee ad",
            link_url="https://shop.example.com/p/tee",
            insights=[
                insight(day(2, tz), "5.05", 500, clicks=10, link=8, views=6, atc=3),
                insight(day(0, tz), "1.11", 90, clicks=2, link=2, views=1, atc=1),
            ],
        )
    ]
    ads_clicks = [
        AdSpec(
            id=f"{p}304",
            name="Poster ad",
            status="ACTIVE",
            link_url="https://other.example.org/poster",
            insights=[insight(day(2, tz), "2.22", 250, clicks=9, link=6)],
        )
    ]
    campaign_a = CampaignSpec(
        id=f"{p}101",
        name="Campaign A",
        daily_budget="5000",
        spend_cap="1000000",
        advantage_state="advantage_plus_sales",
        adsets=[
            AdSetSpec(
                id=f"{p}201",
                name="Purchases",
                optimization_goal="OFFSITE_CONVERSIONS",
                promoted_object={"pixel_id": "1", "custom_event_type": "PURCHASE"},
                learning_stage="SUCCESS",
                ads=ads_purchase,
            ),
            AdSetSpec(
                id=f"{p}202",
                name="Carts",
                optimization_goal="OFFSITE_CONVERSIONS",
                promoted_object={"pixel_id": "1", "custom_event_type": "ADD_TO_CART"},
                learning_stage="LEARNING",
                ads=ads_atc,
            ),
        ],
    )
    campaign_b = CampaignSpec(
        id=f"{p}102",
        name="Campaign B",
        status="PAUSED",
        lifetime_budget="100000",
        adsets=[
            AdSetSpec(
                id=f"{p}203",
                name="Clicks",
                optimization_goal="LINK_CLICKS",
                bid_strategy="LOWEST_COST_WITH_BID_CAP",
                bid_amount="150",
                attribution_spec=[{"event_type": "CLICK_THROUGH", "window_days": 1}],
                ads=ads_clicks,
            ),
        ],
    )
    return AdAccountSpec(
        id=f"act_{p}",
        name=f"Account {p}",
        currency=currency,
        timezone_name=tz,
        access_token=f"token-{p}",
        campaigns=[campaign_a, campaign_b],
    )


def small_scenario(*numbers: int) -> Scenario:
    return Scenario(
        ad_accounts=[small_account(n) for n in numbers or (1001,)],
        settings=SimulatorSettings(report_polls_to_complete=1),
    )


def fast_graph_factory(base_url: str, now: Callable[[], datetime] | None = None) -> Callable[[str], Any]:
    from pixecom.meta.client import GraphClient

    def make(token: str) -> GraphClient:
        extra: dict[str, Any] = {"clock": now} if now else {}
        return GraphClient(token, base_url=base_url, sleep=lambda _s: None, max_retries=2, **extra)

    return make


@dataclass
class Db:
    """Read helpers over the test database."""

    def scalar(self, sql: str, **params: Any) -> Any:
        from pixecom.db.engine import session_scope

        with session_scope() as s:
            return s.execute(text(sql), params).scalar()

    def rows(self, sql: str, **params: Any) -> list[Any]:
        from pixecom.db.engine import session_scope

        with session_scope() as s:
            return list(s.execute(text(sql), params).all())

    def account(self, account_id: uuid.UUID) -> Any:
        from pixecom.db.engine import session_scope
        from pixecom.db.models import AdAccount

        with session_scope() as s:
            return s.get(AdAccount, account_id)

    def stats(self, account_id: uuid.UUID) -> list[Any]:
        """Every stats row of the account, with its Meta ad id, in a stable order."""
        return self.rows(
            "SELECT a.meta_id, s.* FROM ad_stats_daily s JOIN ads a ON a.id = s.ad_id "
            "WHERE s.ad_account_id = :id ORDER BY a.meta_id, s.date",
            id=account_id,
        )

    def day(self, account_id: uuid.UUID, meta_ad_id: str, d: date) -> Any:
        found = [r for r in self.stats(account_id) if r.meta_id == meta_ad_id and r.date == d]
        return found[0] if found else None

    def runs(self, account_id: uuid.UUID) -> list[Any]:
        return self.rows(
            "SELECT * FROM sync_runs WHERE ad_account_id = :id ORDER BY started_at", id=account_id
        )

    def snapshot(self) -> dict[str, list[Any]]:
        """Every row of the synced tables (sync_runs and account stamps excepted)."""
        tables = ("campaigns", "adsets", "ads", "ad_stats_daily")
        return {t: self.rows(f"SELECT * FROM {t} ORDER BY 1, 2") for t in tables}


def stats_message(account_id: uuid.UUID, since: date, until: date, **extra: Any) -> Any:
    from pixecom.domain.enums import SyncKind
    from pixecom.sync_message import SyncMessage, new_run_id

    return SyncMessage(
        account_id=account_id,
        kind=SyncKind.STATS,
        run_id=new_run_id("test"),
        since=since,
        until=until,
        **extra,
    )


def delivery_message(account_id: uuid.UUID) -> Any:
    from pixecom.domain.enums import SyncKind
    from pixecom.sync_message import SyncMessage, new_run_id

    return SyncMessage(account_id=account_id, kind=SyncKind.DELIVERY, run_id=new_run_id("test"))


def load_handler(name: str) -> Any:
    """functions/<name>/app.py, imported as Lambda would (same loader as the local runner)."""
    from local.runner import load_function

    return load_function(name)


def load_event(relative_path: str) -> dict[str, Any]:
    """A sample event from events/ (what `sam local invoke -e` takes)."""
    import json

    from local.runner import REPO_ROOT

    return json.loads((REPO_ROOT / "events" / relative_path).read_text())


def forget_queued_full_window(account_id: uuid.UUID) -> None:
    """As if the connect-time 28-day run had been queued long ago (dispatch asks for it again)."""
    from pixecom.db.engine import session_scope
    from pixecom.db.models import AdAccount

    with session_scope() as s:
        account = s.get(AdAccount, account_id)
        assert account is not None
        account.full_window_queued_at = None
