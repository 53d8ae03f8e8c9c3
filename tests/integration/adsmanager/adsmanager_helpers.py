"""Ads Manager test helpers: a small builder that writes accounts, entities and daily stats straight
into the test database, keeps every raw daily row it wrote, and computes expected metrics from
those rows with plain Python sums and the formulas of docs/metrics.md (never via pixecom.domain.metrics).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from pixecom.db.models import Ad, AdAccount, AdSet, AdStatsDaily, Campaign, Sellpage
from pixecom.domain.catalogue import STORED_COUNTERS, SUMMED

# The summed counters' names (the catalogue's: what they are, never how they combine).
COUNTERS = tuple(c.name for c in SUMMED if not c.money)
MONEY = tuple(c.name for c in SUMMED if c.money)


# A first day of stats for the ad that never ran (snapshot tests: an insert under a snapshot).
NEVER_RAN_DAY: dict[str, int | Decimal] = {
    "spend": Decimal(3),
    "impressions": 300,
    "clicks": 3,
    "link_clicks": 2,
    "content_views": 1,
    "add_to_cart": 1,
    "initiate_checkout": 1,
    "purchases": 1,
    "purchase_value": Decimal(40),
    "results": 1,
}


def insert_ad_day(session: Session, ad_name: str, day: date, **counters: int | Decimal) -> None:
    """One ad_stats_daily row for the ad named `ad_name`, written in SQL (the stats triggers see a
    plain INSERT), with `counters` by name (the others 0)."""
    unknown = set(counters) - set(STORED_COUNTERS)
    assert not unknown, unknown
    names = ", ".join(counters)
    values = ", ".join(f":{name}" for name in counters)
    session.execute(
        text(
            "INSERT INTO ad_stats_daily (ad_id, date, seller_id, ad_account_id, campaign_id, adset_id, "  # noqa: S608
            f"{names}) SELECT id, :day, seller_id, ad_account_id, campaign_id, adset_id, {values} "
            "FROM ads WHERE name = :ad"
        ),
        {**counters, "day": day, "ad": ad_name},
    )


SEVEN_DAY_CLICK_ONE_DAY_VIEW = [
    {"event_type": "CLICK_THROUGH", "window_days": 7},
    {"event_type": "VIEW_THROUGH", "window_days": 1},
]
ONE_DAY_CLICK = [{"event_type": "CLICK_THROUGH", "window_days": 1}]


@dataclass
class Entities:
    account: AdAccount
    campaigns: list[Campaign] = field(default_factory=list)
    adsets: list[AdSet] = field(default_factory=list)
    ads: list[Ad] = field(default_factory=list)


@dataclass
class Seeder:
    session: Session
    stats: list[dict[str, Any]] = field(default_factory=list)
    _n: int = 0

    def _next(self) -> int:
        self._n += 1
        return self._n

    def account(self, seller_id: uuid.UUID, currency: str = "USD", tz: str = "UTC") -> AdAccount:
        n = self._next()
        acc = AdAccount(
            seller_id=seller_id,
            meta_account_id=f"act_{n}",
            name=f"Account {n}",
            currency=currency,
            timezone_name=tz,
            access_token_encrypted=b"x",
        )
        self.session.add(acc)
        self.session.flush()
        return acc

    def sellpage(self, seller_id: uuid.UUID, name: str, url: str) -> Sellpage:
        from pixecom.domain.sellpages import url_key

        page = Sellpage(seller_id=seller_id, name=name, url=url, url_key=url_key(url))
        self.session.add(page)
        self.session.flush()
        return page

    def campaign(
        self,
        acc: AdAccount,
        name: str,
        status: str = "ACTIVE",
        delivery: str = "ACTIVE",
        sellpage: Sellpage | None = None,
    ) -> Campaign:
        c = Campaign(
            seller_id=acc.seller_id,
            ad_account_id=acc.id,
            meta_id=f"c{self._next()}",
            name=name,
            status=status,
            delivery_status=delivery,
            effective_status=status,
            sellpage_id=sellpage.id if sellpage else None,
        )
        self.session.add(c)
        self.session.flush()
        return c

    def adset(
        self,
        c: Campaign,
        name: str,
        status: str = "ACTIVE",
        delivery: str = "ACTIVE",
        goal: str | None = "OFFSITE_CONVERSIONS",
        event: str | None = "PURCHASE",
        attribution: list[dict[str, Any]] | None = None,
    ) -> AdSet:
        """An ad set; by default optimised for purchases (result type `purchase`) with Meta's
        default attribution, 7-day click or 1-day view."""
        s = AdSet(
            optimization_goal=goal,
            promoted_event=event,
            attribution_spec=SEVEN_DAY_CLICK_ONE_DAY_VIEW if attribution is None else attribution,
            seller_id=c.seller_id,
            ad_account_id=c.ad_account_id,
            campaign_id=c.id,
            meta_id=f"s{self._next()}",
            name=name,
            status=status,
            delivery_status=delivery,
            effective_status=status,
        )
        self.session.add(s)
        self.session.flush()
        return s

    def ad(self, s: AdSet, name: str, status: str = "ACTIVE", delivery: str = "ACTIVE") -> Ad:
        a = Ad(
            seller_id=s.seller_id,
            ad_account_id=s.ad_account_id,
            campaign_id=s.campaign_id,
            adset_id=s.id,
            meta_id=f"a{self._next()}",
            name=name,
            status=status,
            delivery_status=delivery,
            effective_status=status,
        )
        self.session.add(a)
        self.session.flush()
        return a

    def day(self, ad: Ad, day: date, **values: Any) -> dict[str, Any]:
        row: dict[str, Any] = {
            "ad_id": ad.id,
            "date": day,
            "seller_id": ad.seller_id,
            "ad_account_id": ad.ad_account_id,
            "campaign_id": ad.campaign_id,
            "adset_id": ad.adset_id,
            "spend": Decimal(str(values.pop("spend", "0"))),
            "purchase_value": Decimal(str(values.pop("purchase_value", "0"))),
        }
        # Landing page views: most link clicks load the page (unless the test says otherwise).
        values.setdefault("landing_page_views", int(values.get("link_clicks", 0)) * 9 // 10)
        for name in COUNTERS:
            row[name] = int(values.pop(name, 0))
        assert not values, values
        self.session.add(AdStatsDaily(**row))
        self.stats.append(row)
        return row

    def commit(self) -> None:
        self.session.commit()

    def rows(self, *, since: date, until: date, **match: Any) -> list[dict[str, Any]]:
        """Raw rows written whose keys equal `match` (a value may be a set of allowed values)."""

        def ok(row: dict[str, Any]) -> bool:
            for key, want in match.items():
                if isinstance(want, (set, frozenset)):
                    if row[key] not in want:
                        return False
                elif row[key] != want:
                    return False
            return since <= row["date"] <= until

        return [r for r in self.stats if ok(r)]


# --- independent expectations -------------------------------------------------------------


def _q2(value: Decimal) -> str:
    return str(value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def _q4(value: Decimal) -> float:
    return float(value.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP))


def expected_metrics(rows: Iterable[dict[str, Any]], reach: int | None = None) -> dict[str, Any]:
    """Every API metric from raw daily rows: plain sums, docs/metrics.md's formulas, API rounding.
    `reach`: Meta's for the object and range (never a sum of the rows); None: not known, so null
    where there were impressions (0 without), frequency from it."""
    rows = list(rows)
    t: dict[str, Any] = {name: sum((r[name] for r in rows), 0) for name in COUNTERS}
    for name in MONEY:
        t[name] = sum((r[name] for r in rows), Decimal(0))

    def div(a: Any, b: Any, scale: int = 1) -> Decimal | None:
        return None if b == 0 else Decimal(a) * scale / Decimal(b)

    money = {
        "cpm": div(t["spend"], t["impressions"], 1000),
        "cpc": div(t["spend"], t["link_clicks"]),
        "cpv": div(t["spend"], t["content_views"]),
        "cost_per_add_to_cart": div(t["spend"], t["add_to_cart"]),
        "cost_per_checkout": div(t["spend"], t["initiate_checkout"]),
        "cost_per_purchase": div(t["spend"], t["purchases"]),
        "cost_per_result": div(t["spend"], t["results"]),
        "aov": div(t["purchase_value"], t["purchases"]),
        "cost_per_landing_page_view": div(t["spend"], t["landing_page_views"]),
        "cost_per_thruplay": div(t["spend"], t["thruplays"]),
    }
    ratios = {
        "ctr": div(t["link_clicks"], t["impressions"], 100),
        "ctr_all": div(t["clicks"], t["impressions"], 100),
        "cr": div(t["purchases"], t["content_views"], 100),
        "cr1": div(t["add_to_cart"], t["content_views"], 100),
        "cr2": div(t["initiate_checkout"], t["add_to_cart"], 100),
        "cr3": div(t["purchases"], t["initiate_checkout"], 100),
        "roas": div(t["purchase_value"], t["spend"]),
        "hook_rate": div(t["video_views"], t["impressions"], 100),
        "hold_rate": div(t["thruplays"], t["video_views"], 100),
        "completion_rate": div(t["video_p100"], t["video_views"], 100),
        "avg_watch_time": div(t["video_watch_time"], t["video_plays"]),
    }
    out: dict[str, Any] = {name: t[name] for name in COUNTERS}
    out["spend"], out["purchase_value"] = _q2(t["spend"]), _q2(t["purchase_value"])
    out.update({k: None if v is None else _q2(v) for k, v in money.items()})
    out.update({k: None if v is None else _q4(v) for k, v in ratios.items()})
    out["reach"] = reach if reach is not None or t["impressions"] else 0
    out["frequency"] = _q4(Decimal(t["impressions"]) / reach) if reach else None
    return out


NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


# --- a small world: two timezones, two currencies, a second seller ----------------------------

# 03:00 UTC: still 2026-11-19 in Los Angeles (UTC-8), already 2026-11-20 in Bangkok (UTC+7).
WORLD_NOW = datetime(2026, 11, 20, 3, 0, tzinfo=UTC)
LA_TZ, BKK_TZ = "America/Los_Angeles", "Asia/Bangkok"


@dataclass
class World:
    seed: Seeder
    seller: Any
    other: Any
    la: AdAccount
    bkk: AdAccount
    mug: Sellpage
    tee: Sellpage
    campaigns: dict[str, Campaign]
    adsets: dict[str, AdSet]
    ads: dict[str, Ad]
    other_campaign: Campaign
    other_ad: Ad


def _stats_for(seed: Seeder, ad: Ad, rng: Any, days: Iterable[date]) -> None:
    for day in days:
        # Some days without delivery (no row at all); never the days where the two timezones'
        # presets differ (the 12th and the 19th), so those edges are always exercised.
        if rng.random() < 0.15 and day.day not in (12, 19):
            continue
        impressions = rng.choice([0, 0, rng.randint(1, 50), rng.randint(100, 20000)])
        clicks = rng.randint(0, impressions // 20 + 1) if impressions else 0
        link = rng.randint(0, clicks)
        views = rng.randint(0, link)
        atc = rng.randint(0, views)
        ic = rng.randint(0, atc)
        purchases = rng.randint(0, ic)
        seed.day(
            ad,
            day,
            spend=Decimal(rng.randint(0, 500000)) / 10000 if impressions else Decimal(0),
            impressions=impressions,
            clicks=clicks,
            link_clicks=link,
            content_views=views,
            add_to_cart=atc,
            initiate_checkout=ic,
            purchases=purchases,
            purchase_value=Decimal(rng.randint(100, 90000)) / 100 * purchases,
            results=purchases,
        )


def build_world(seed: Seeder, make_seller: Any) -> World:
    """Two timezones (UTC-8, UTC+7), two currencies, sellpages, entities with and without stats,
    and a second seller."""
    import random
    from datetime import timedelta

    seller, other = make_seller("Seller"), make_seller("Other")
    la = seed.account(seller.seller_id, "USD", LA_TZ)
    bkk = seed.account(seller.seller_id, "EUR", BKK_TZ)
    mug = seed.sellpage(seller.seller_id, "Mug", "https://shop.example/p/mug")
    tee = seed.sellpage(seller.seller_id, "Tee", "https://shop.example/p/tee")
    c = {
        "mug_winter": seed.campaign(la, "Mug Winter", sellpage=mug),
        "tee_promo": seed.campaign(la, "Tee 100% Promo", status="PAUSED", delivery="INACTIVE", sellpage=tee),
        "bkk_mug": seed.campaign(bkk, "Bangkok mug", delivery="LEARNING", sellpage=mug),
        "empty": seed.campaign(bkk, "Empty draft", status="PAUSED", delivery="INACTIVE"),
    }
    s = {
        "mw_broad": seed.adset(c["mug_winter"], "Broad"),
        "mw_lal": seed.adset(c["mug_winter"], "Lookalike", status="PAUSED", delivery="INACTIVE"),
        "tee_main": seed.adset(c["tee_promo"], "Tee main", status="PAUSED", delivery="INACTIVE"),
        "bkk_main": seed.adset(c["bkk_mug"], "BKK main", delivery="LEARNING"),
        "empty_set": seed.adset(c["empty"], "Empty set", status="PAUSED", delivery="INACTIVE"),
    }
    a = {
        "mw_video": seed.ad(s["mw_broad"], "Video A"),
        "mw_image": seed.ad(s["mw_broad"], "Image B", delivery="LIMITED"),
        "mw_lal_ad": seed.ad(s["mw_lal"], "LAL ad", status="PAUSED", delivery="INACTIVE"),
        "tee_ad": seed.ad(s["tee_main"], "Tee ad", status="PAUSED", delivery="INACTIVE"),
        "bkk_1": seed.ad(s["bkk_main"], "BKK one", delivery="LEARNING"),
        "bkk_2": seed.ad(s["bkk_main"], "BKK two", delivery="ERROR"),
        "empty_ad": seed.ad(s["empty_set"], "Never ran", status="PAUSED", delivery="INACTIVE"),
    }
    rng = random.Random(20261120)
    november = [date(2026, 11, 1) + timedelta(days=i) for i in range(20)]
    for key in ("mw_video", "mw_image", "mw_lal_ad", "bkk_1", "bkk_2"):
        _stats_for(seed, a[key], rng, november)
    # The tee campaign stopped long ago: stats only in October.
    _stats_for(seed, a["tee_ad"], rng, [date(2026, 10, 1) + timedelta(days=i) for i in range(10)])
    other_acc = seed.account(other.seller_id, "USD", "UTC")
    oc = seed.campaign(other_acc, "Other seller campaign")
    oad = seed.ad(seed.adset(oc, "Other set"), "Other ad")
    _stats_for(seed, oad, rng, november)
    seed.commit()
    return World(seed, seller, other, la, bkk, mug, tee, c, s, a, oc, oad)


def live_body(call: Any, session: Session, **params: Any) -> dict[str, Any]:
    """A list request (`call`) answered by the live aggregate: the accounts' preset snapshot
    states removed for the request, then restored."""
    from sqlalchemy import text

    saved = session.execute(text("SELECT * FROM ad_preset_stats_state")).all()
    session.execute(text("DELETE FROM ad_preset_stats_state"))
    session.commit()
    body: dict[str, Any] = call(**params)
    for row in saved:
        session.execute(
            text("INSERT INTO ad_preset_stats_state VALUES (:a, :d, :r)"),
            {"a": row.ad_account_id, "d": row.local_day, "r": row.refreshed_at},
        )
    session.commit()
    return body


def meta_only(entries: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows or summary entries without their `store` object (tests/integration/store covers it)."""
    return [{k: v for k, v in entry.items() if k != "store"} for entry in entries]
