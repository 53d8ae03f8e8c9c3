"""Seeded generator of realistic sellers, and the lazy day synthesis behind `DeliveryProfile`.

Insights are not materialised: each ad carries a `DeliveryProfile` and a day is synthesised on
demand from a RNG seeded by (profile seed, ad id, date), so 2,000 ads x 28 days costs nothing
up front and every read of the same day gives the same numbers.
"""

from __future__ import annotations

import hashlib
import math
import random
import struct
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal

from simulator.creatives import assign_creatives
from simulator.scenario import (
    AdAccountSpec,
    AdSetSpec,
    AdSpec,
    CampaignSpec,
    DeliveryProfile,
    InsightDay,
    Scenario,
    VideoProfile,
)


@dataclass(frozen=True)
class _AccountTemplate:
    name: str
    currency: str
    timezone_name: str
    money_scale: int  # how many currency units buy what 1 USD buys
    money_decimals: int


_ACCOUNTS = (
    _AccountTemplate("Mugs US", "USD", "America/Los_Angeles", 1, 2),
    _AccountTemplate("Bangkok Home EU", "EUR", "Asia/Bangkok", 1, 2),
    _AccountTemplate("Tokyo Gadgets", "JPY", "Asia/Tokyo", 150, 0),
    _AccountTemplate("Siam Style", "THB", "Asia/Bangkok", 35, 2),
    _AccountTemplate("London Prints", "GBP", "Europe/London", 1, 2),
    _AccountTemplate("NYC Apparel", "USD", "America/New_York", 1, 2),
)
_SHOPS = ("https://shop.example.com/p/", "https://mugs.example.net/products/")
_PRODUCTS = ("mug", "tee", "poster", "lamp", "socks", "cap", "tote", "hoodie", "phone-case", "candle")
# (optimization_goal, promoted_object, weight): results differ from purchases for the non-PURCHASE ones.
_GOALS: tuple[tuple[str, dict[str, str] | None, int], ...] = (
    ("OFFSITE_CONVERSIONS", {"custom_event_type": "PURCHASE"}, 70),
    ("OFFSITE_CONVERSIONS", {"custom_event_type": "ADD_TO_CART"}, 10),
    ("OFFSITE_CONVERSIONS", {"custom_event_type": "CONTENT_VIEW"}, 10),
    ("LINK_CLICKS", None, 10),
)
# Kinds live at three levels; random choice per object, weights per level.
CAMPAIGN_KINDS = (("active", 95), ("paused", 5))
ADSET_KINDS = (("normal", 77), ("learning", 10), ("learning_limited", 8), ("paused", 5))
# Meta's newer effective statuses take a little of "active"'s share, placed right after it so the
# other kinds keep their draws (a generated scenario only changes where an ad now has one).
AD_KINDS = (("active", 76), ("with_issues", 1), ("in_process", 1), ("pending_billing_info", 1),
            ("preapproved", 1), ("paused", 10), ("disapproved", 6), ("pending_review", 4))
# Ad kinds that do not deliver (their profile is still drawn, so the random stream is the same).
_NOT_DELIVERING = frozenset({"pending_review", "in_process", "pending_billing_info", "preapproved"})
# The first ads of the first account follow this plan (campaign, ad set, ad kind), so every
# status a seller can meet exists in any scenario of 8 ads or more.
_PLAN = (("active", "normal", "active"), ("active", "normal", "paused"),
         ("active", "normal", "disapproved"), ("active", "normal", "pending_review"),
         ("active", "learning", "active"), ("active", "learning_limited", "active"),
         ("active", "paused", "active"), ("paused", "normal", "active"))


@dataclass(frozen=True)
class _Kinds:
    campaign: str
    adset: str
    ad: str


def generate_scenario(accounts: int = 3, ads: int = 30, days: int = 28, seed: int = 1,
                      today: date | None = None, *, ads_per_account: int | None = None,
                      ad_counts: list[int] | None = None) -> Scenario:
    """Build a deterministic scenario: `ads` in total (or `ads_per_account`, or each account's own
    count from `ad_counts`, which then sets the number of accounts), `days` of history."""
    today = today or datetime.now(UTC).date()
    rng = random.Random(seed)  # noqa: S311 - simulation, not security
    if ad_counts is not None:
        counts = list(ad_counts)
    elif ads_per_account is not None:
        counts = [ads_per_account] * accounts
    else:
        counts = [ads // accounts + (1 if i < ads % accounts else 0) for i in range(accounts)]
    ids = _Ids()
    built = [_account(i, count, days, today, rng, ids) for i, count in enumerate(counts)]
    return Scenario(ad_accounts=built)


class _Ids:
    """Meta-looking numeric ids, unique across the whole scenario."""

    def __init__(self) -> None:
        self.n = 0

    def next(self, prefix: int) -> str:
        self.n += 1
        return f"{prefix}{self.n:010d}"


def _account(index: int, ad_count: int, days: int, today: date, rng: random.Random,
             ids: _Ids) -> AdAccountSpec:
    template = _ACCOUNTS[index % len(_ACCOUNTS)]
    number = 1001 + index
    campaigns: list[CampaignSpec] = []
    adset: AdSetSpec | None = None
    room = 0  # ads the current ad set still takes
    for made in range(ad_count):
        planned = _PLAN[made] if index == 0 and made < len(_PLAN) else None
        fresh_campaign = not campaigns or (room == 0 and rng.random() < 0.4) or (
            planned is not None and _kind_of(campaigns[-1]) != planned[0])
        if fresh_campaign:
            kind = planned[0] if planned else _pick(rng, CAMPAIGN_KINDS)
            campaigns.append(_campaign(kind, template, ids, rng))
        if fresh_campaign or adset is None or room == 0 or (planned and _kind_of(adset) != planned[1]):
            kind = planned[1] if planned else _pick(rng, ADSET_KINDS)
            adset = _adset(campaigns[-1], kind, ids, rng)
            campaigns[-1].adsets.append(adset)
            room = rng.randint(2, 5)
        kinds = _Kinds(_kind_of(campaigns[-1]), _kind_of(adset),
                       planned[2] if planned else _pick(rng, AD_KINDS))
        adset.ads.append(_ad(kinds, campaigns[-1], template, ids, rng, today, days))
        room -= 1
    account = AdAccountSpec(id=f"act_{number}", name=template.name, currency=template.currency,
                            timezone_name=template.timezone_name, account_status=1,
                            access_token=f"token-{number}", campaigns=campaigns)
    assign_creatives(account)
    return account


def _pick(rng: random.Random, kinds: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([k for k, _ in kinds], weights=[w for _, w in kinds])[0]


def _kind_of(node: CampaignSpec | AdSetSpec) -> str:
    if node.status == "PAUSED":
        return "paused"
    if isinstance(node, AdSetSpec) and node.learning_stage == "LEARNING":
        return "learning"
    if isinstance(node, AdSetSpec) and node.learning_stage == "FAIL":
        return "learning_limited"
    return "normal" if isinstance(node, AdSetSpec) else "active"


def _campaign(kind: str, template: _AccountTemplate, ids: _Ids, rng: random.Random) -> CampaignSpec:
    product = rng.choice(_PRODUCTS)
    budget = rng.choice((30, 50, 80, 120, 200)) * template.money_scale * 10**template.money_decimals
    status = "PAUSED" if kind == "paused" else "ACTIVE"
    return CampaignSpec(id=ids.next(1202), name=f"{product.title()} launch {ids.n}", status=status,
                        effective_status=status, objective="OUTCOME_SALES", daily_budget=str(budget))


def _adset(campaign: CampaignSpec, kind: str, ids: _Ids, rng: random.Random) -> AdSetSpec:
    goal, promoted, _ = rng.choices(_GOALS, weights=[g[2] for g in _GOALS])[0]
    status = "PAUSED" if kind == "paused" else "ACTIVE"
    effective = "CAMPAIGN_PAUSED" if campaign.status == "PAUSED" and status == "ACTIVE" else status
    stage = {"learning": "LEARNING", "learning_limited": "FAIL"}.get(kind, "SUCCESS")
    # Traffic ad sets count 1-day clicks (a common choice); the rest keep Meta's default.
    attribution = [{"event_type": "CLICK_THROUGH", "window_days": 1}] if goal == "LINK_CLICKS" else None
    return AdSetSpec(id=ids.next(1203), name=f"{campaign.name} / set {len(campaign.adsets) + 1}",
                     status=status, effective_status=effective, optimization_goal=goal,
                     promoted_object=dict(promoted) if promoted else None, learning_stage=stage,
                     attribution_spec=attribution)


def _ad(kinds: _Kinds, campaign: CampaignSpec, template: _AccountTemplate, ids: _Ids,
        rng: random.Random, today: date, days: int) -> AdSpec:
    ad_id = ids.next(1204)
    product = campaign.name.split(" ")[0].lower()
    status, effective, issues = _ad_statuses(kinds)
    profile = None if kinds.ad == "pending_review" else _profile(kinds, template, rng, today, days)
    if kinds.ad in _NOT_DELIVERING:
        profile = None
    return AdSpec(id=ad_id, name=f"{product.title()} creative {ids.n}", status=status,
                  effective_status=effective, link_url=f"{rng.choice(_SHOPS)}{product}?utm_source=fb",
                  creative_id=ids.next(1205), issues_info=issues, profile=profile)


def _ad_statuses(kinds: _Kinds) -> tuple[str, str, list[dict[str, object]] | None]:
    if kinds.ad == "paused":
        return "PAUSED", "PAUSED", None
    if kinds.campaign == "paused":
        return "ACTIVE", "CAMPAIGN_PAUSED", None
    if kinds.adset == "paused":
        return "ACTIVE", "ADSET_PAUSED", None
    if kinds.ad == "disapproved":
        issue = {"error_code": 1487213, "error_message": "Ad rejected: prohibited content",
                 "error_summary": "Ad disapproved", "error_type": "HARD_ERROR", "level": "AD"}
        return "ACTIVE", "DISAPPROVED", [issue]
    if kinds.ad == "pending_review":
        return "ACTIVE", "PENDING_REVIEW", None
    if kinds.ad in META_REASONS:
        return "ACTIVE", kinds.ad.upper(), [dict(META_REASONS[kinds.ad])]
    if kinds.ad in ("in_process", "preapproved"):
        return "ACTIVE", kinds.ad.upper(), None
    return "ACTIVE", "ACTIVE", None


# What Meta says in `issues_info` for an ad in these effective statuses.
META_REASONS: dict[str, dict[str, object]] = {
    "with_issues": {"error_code": 1815869, "error_summary": "Ad delivery limited",
                    "error_message": "This ad's destination URL could not be reached. Check the link.",
                    "error_type": "SOFT_ERROR", "level": "AD"},
    "pending_billing_info": {"error_code": 1359101, "error_summary": "Payment method needed",
                             "error_message": "Add a valid payment method to the ad account to run ads.",
                             "error_type": "HARD_ERROR", "level": "AD"},
}


def _profile(kinds: _Kinds, template: _AccountTemplate, rng: random.Random, today: date,
             days: int) -> DeliveryProfile:
    start = today - timedelta(days=days - 1)
    end: date | None = None
    if kinds.adset == "learning":
        start = today - timedelta(days=min(days - 1, rng.randint(0, 3)))
    if "paused" in (kinds.ad, kinds.adset, kinds.campaign) or kinds.ad == "disapproved":
        end = today - timedelta(days=rng.randint(1, max(1, days // 2)))
    quality = rng.lognormvariate(0, 0.5)  # drives the ROAS spread between ads
    scale = Decimal(template.money_scale)
    return DeliveryProfile(
        start=start, end=end, seed=rng.randrange(1 << 30),
        daily_spend=_money(Decimal(rng.uniform(5, 120)) * scale, template.money_decimals),
        cpm=_money(Decimal(rng.uniform(6, 25)) * scale, 2), ctr=rng.uniform(0.006, 0.03),
        link_ratio=rng.uniform(0.55, 0.85), view_content_rate=rng.uniform(0.5, 0.9),
        add_to_cart_rate=min(0.6, rng.uniform(0.05, 0.2) * quality),
        initiate_checkout_rate=rng.uniform(0.35, 0.7),
        purchase_rate=min(0.9, rng.uniform(0.3, 0.6) * quality),
        aov=_money(Decimal(rng.uniform(18, 70)) * scale, template.money_decimals),
        money_decimals=template.money_decimals)


def _money(value: Decimal, decimals: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


class _DayNoise:
    """Uniform numbers derived from a hash of (seed, ad, day): as deterministic as a seeded
    RNG and several times cheaper than building a Mersenne Twister per ad-day."""

    def __init__(self, key: str) -> None:
        digest = hashlib.blake2b(key.encode(), digest_size=64).digest()
        self._values = [v / 4294967296 for v in struct.unpack("<16I", digest)]
        self._next = 0

    def uniform(self, low: float, high: float) -> float:
        value = self._values[self._next % 16]
        self._next += 1
        return low + (high - low) * value

    def gauss(self, mean: float, sigma: float) -> float:
        u1, u2 = max(self.uniform(0, 1), 1e-12), self.uniform(0, 1)
        return mean + sigma * math.sqrt(-2 * math.log(u1)) * math.cos(2 * math.pi * u2)


def synthesize_day(profile: DeliveryProfile, ad_id: str, day: date) -> InsightDay | None:
    """The profile's numbers for one day (None outside its delivery dates). Deterministic."""
    if day < profile.start or (profile.end is not None and day > profile.end):
        return None
    noise = _DayNoise(f"{profile.seed}:{ad_id}:{day.toordinal()}")
    spend = _money(profile.daily_spend * Decimal(noise.uniform(0.6, 1.4)), profile.money_decimals)
    impressions = int(spend * 1000 / profile.cpm)
    clicks = _draw(noise, impressions, profile.ctr)
    link_clicks = _draw(noise, clicks, profile.link_ratio)
    content_views = _draw(noise, link_clicks, profile.view_content_rate)
    add_to_cart = _draw(noise, content_views, profile.add_to_cart_rate)
    checkouts = _draw(noise, add_to_cart, profile.initiate_checkout_rate)
    purchases = _draw(noise, checkouts, profile.purchase_rate)
    value = _money(profile.aov * purchases * Decimal(noise.uniform(0.8, 1.2)), profile.money_decimals)
    # People who clicked and whose landing page loaded: between the content views (the page's
    # pixel fired) and the link clicks. Drawn last, so the other counts keep their draws.
    landing_page_views = content_views + _draw(noise, link_clicks - content_views, 0.6)
    actions = {"view_content": content_views, "add_to_cart": add_to_cart,
               "initiate_checkout": checkouts, "purchase": purchases,
               "landing_page_view": landing_page_views}
    reach = int(impressions / noise.uniform(1.05, 1.5))
    video = _video(noise, impressions, profile.video) if profile.video is not None else {}
    if video.get("video_view"):
        actions["video_view"] = video.pop("video_view")
    return InsightDay.model_construct(
        date=day, spend=spend, impressions=impressions,
        reach=reach, clicks=clicks, inline_link_clicks=link_clicks,
        actions={k: v for k, v in actions.items() if v},
        action_values={"purchase": value} if purchases else {}, video=video)


def _video(noise: _DayNoise, impressions: int, v: VideoProfile) -> dict[str, int]:
    """One day of a video ad's plays, each step no more than the one before it:
    p100 <= p95 <= p75 <= p50 <= p25 <= 3-second plays <= plays started <= impressions, and
    30-second plays <= ThruPlays, with p100 <= ThruPlays <= 3-second plays."""
    hooked = _draw(noise, impressions, v.hook)
    started = min(impressions, round(hooked * v.started))
    p25 = _draw(noise, hooked, v.p25)
    p50 = _draw(noise, p25, v.p50)
    p75 = _draw(noise, p50, v.p75)
    p95 = _draw(noise, p75, v.p95)
    p100 = _draw(noise, p95, v.p100)
    thruplays = p100 + _draw(noise, hooked - p100, v.thruplay)
    seconds = round(started * v.seconds * noise.uniform(0.9, 1.1))
    return {"video_view": hooked, "video_play_actions": started, "video_p25_watched_actions": p25,
            "video_p50_watched_actions": p50, "video_p75_watched_actions": p75,
            "video_p95_watched_actions": p95, "video_p100_watched_actions": p100,
            "video_thruplay_watched_actions": thruplays,
            "video_30_sec_watched_actions": _draw(noise, thruplays, v.thirty),
            "video_watch_seconds": seconds}


def _draw(noise: _DayNoise, n: int, rate: float) -> int:
    """Roughly Binomial(n, rate) without n draws: the mean with binomial-sized noise."""
    mean = n * rate
    return max(0, min(n, round(noise.gauss(mean, (mean * (1 - rate)) ** 0.5))))
