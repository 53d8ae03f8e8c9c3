"""A generated PixEcom store beside a generated Meta: the order events a real shop would send for
the ads of a scenario, matching Meta's purchases only partly, as real stores do.

Per ad and day, the store's own orders from Meta's clicks are Meta's purchases give or take: the
pixel misses some (ad blockers, iOS), Meta claims some the store never saw (view-through, modelled
conversions). Some orders stay unpaid, some are cancelled, some refunded partly or fully; the
shops also sell through other channels (Google, e-mail, TikTok) whose orders carry no Meta ids.
Most ads carry Meta's dynamic URL parameters; a few were set up without them. Deterministic:
the same scenario and dates give the same events, so a demo restart sends duplicates only.
"""

from __future__ import annotations

import hashlib
import random
import struct
from collections.abc import Iterator, Mapping
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from zoneinfo import ZoneInfo

from pixecom.domain.currency import minor_units
from simulator.generator import synthesize_day
from simulator.scenario import AdAccountSpec, AdSpec, InsightDay, Scenario

OTHER_CHANNELS = ("google", "email", "tiktok")


def _rng(*key: object) -> random.Random:
    digest = hashlib.blake2b(":".join(map(str, key)).encode(), digest_size=8).digest()
    return random.Random(struct.unpack("<Q", digest)[0])  # noqa: S311 - simulation, not security


def _day_of(ad: AdSpec, day: date) -> InsightDay | None:
    if ad.profile is not None:
        return synthesize_day(ad.profile, ad.id, day)
    return next((d for d in ad.insights if d.date == day), None)


def _money(value: Decimal, decimals: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def _lifecycle(
    rng: random.Random, base: Mapping[str, object], amount: Decimal, decimals: int
) -> list[dict[str, object]]:
    """An order's events: created, then mostly paid, then sometimes refunded or cancelled."""
    order = {**base, "amount": str(amount)}
    events: list[dict[str, object]] = [{**order, "version": 1, "type": "order.created"}]
    roll = rng.random()
    if roll < 0.04:  # abandoned at payment
        return events
    if roll < 0.07:
        return [*events, {**order, "version": 2, "type": "order.cancelled"}]
    events.append({**order, "version": 2, "type": "order.paid"})
    if roll < 0.11:  # partly refunded (one item of a bundle, a damaged parcel)
        part = _money(amount * Decimal(rng.uniform(0.2, 0.5)), decimals)
        events.append({**order, "version": 3, "type": "order.refunded", "refunded_amount": str(part)})
    elif roll < 0.14:  # fully refunded
        events.append({**order, "version": 3, "type": "order.refunded", "refunded_amount": str(amount)})
    return events


def _ordered_at(rng: random.Random, day: date, zone: ZoneInfo) -> str:
    local = datetime.combine(day, time(0), zone) + timedelta(seconds=rng.randrange(86_400))
    return local.isoformat()


def _ads(account: AdAccountSpec) -> Iterator[tuple[str, str, AdSpec]]:
    for campaign in account.campaigns:
        for adset in campaign.adsets:
            for ad in adset.ads:
                yield campaign.id, adset.id, ad


def store_events(scenario: Scenario, since: date, until: date, seed: int = 0) -> list[dict[str, object]]:
    """Every order event of the scenario's shops over [since, until], in each order's version order."""
    events: list[dict[str, object]] = []
    for account in scenario.ad_accounts:
        zone = ZoneInfo(account.timezone_name)
        decimals = minor_units(account.currency)
        shops: dict[str, Decimal] = {}  # sellpage URL -> a typical order value
        for campaign_id, adset_id, ad in _ads(account):
            if not ad.link_url:
                continue
            page = ad.link_url.split("?")[0]
            tagged = _rng(seed, "tagged", ad.id).random() < 0.9  # URL parameters set on this ad
            day = since
            while day <= until:
                meta = _day_of(ad, day)
                if meta is not None and meta.actions.get("purchase"):
                    purchases = meta.actions["purchase"]
                    value = meta.action_values.get("purchase", Decimal(0))
                    aov = value / purchases if purchases else Decimal(0)
                    shops.setdefault(page, aov)
                    rng = _rng(seed, ad.id, day.toordinal())
                    store_count = max(0, round(purchases * rng.uniform(0.75, 1.2)))
                    for n in range(store_count):
                        params: dict[str, str] = {
                            "utm_source": "facebook",
                            "utm_medium": "paid",
                            "fbclid": f"IwAR{rng.getrandbits(48):x}",
                        }
                        if tagged:
                            params |= {"campaign_id": campaign_id, "adset_id": adset_id, "ad_id": ad.id}
                        base = {
                            "order_id": f"{ad.id}-{day:%Y%m%d}-{n}",
                            "sellpage_url": page,
                            "currency": account.currency,
                            "ordered_at": _ordered_at(rng, day, zone),
                            "landing_params": params,
                        }
                        amount = _money(aov * Decimal(rng.uniform(0.7, 1.3)), decimals)
                        events += _lifecycle(rng, base, amount, decimals)
                day += timedelta(days=1)
        events += _other_channels(seed, account, shops, since, until, zone, decimals)
    return events


def _other_channels(
    seed: int,
    account: AdAccountSpec,
    shops: dict[str, Decimal],
    since: date,
    until: date,
    zone: ZoneInfo,
    decimals: int,
) -> list[dict[str, object]]:
    """Orders from channels other than Meta: no Meta ids, a utm_source of their own."""
    events: list[dict[str, object]] = []
    for page, aov in sorted(shops.items()):
        day = since
        while day <= until:
            rng = _rng(seed, "other", account.id, page, day.toordinal())
            shop = hashlib.blake2b(page.encode(), digest_size=4).hexdigest()
            for n in range(rng.randint(0, 4)):
                base = {
                    "order_id": f"{account.id}-{shop}-{day:%Y%m%d}-{n}",
                    "sellpage_url": page,
                    "currency": account.currency,
                    "ordered_at": _ordered_at(rng, day, zone),
                    "landing_params": {"utm_source": rng.choice(OTHER_CHANNELS)},
                }
                events += _lifecycle(
                    rng, base, _money(aov * Decimal(rng.uniform(0.7, 1.3)), decimals), decimals
                )
            day += timedelta(days=1)
    return events
