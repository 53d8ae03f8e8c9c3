"""Insights `breakdowns=` as Meta answers them: bucket values, allowed combinations, refusals, and a
deterministic split of each ad-day over the buckets.

Each ad-day is split over the buckets of the requested dimensions with weights that vary by ad
(a hash of the ad id), so different ads lean to different ages or placements. Every additive
number is split by largest remainder in its own smallest unit (one impression, one cent of the
day's spend as the day states it), so the buckets of an ad-day add up exactly to the ad-day:
broken-down rows always sum to the unbroken row, an `unknown` bucket included.

Meta leaves off-Meta actions (website pixel events: content views, carts, checkouts, purchases
and their values) out of `region` rows, so do we.

Combinations: any one dimension but `platform_position` (Meta refuses it without
`publisher_platform`), `age,gender`, and `publisher_platform` with `platform_position`,
`device_platform` or `impression_device` (and `platform_position` with one of the two device
dimensions). Anything else is refused with Meta's code 100.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from decimal import Decimal
from functools import lru_cache
from itertools import product

from simulator.scenario import InsightDay
from simulator.wire import SimError

# dimension -> (bucket value, base weight); Meta's own spellings, `unknown` buckets included.
BUCKETS: dict[str, tuple[tuple[str, int], ...]] = {
    "age": (("13-17", 1), ("18-24", 14), ("25-34", 30), ("35-44", 24), ("45-54", 15), ("55-64", 9),
            ("65+", 5), ("Unknown", 2)),
    "gender": (("female", 52), ("male", 45), ("unknown", 3)),
    "country": (("US", 40), ("GB", 12), ("DE", 10), ("FR", 8), ("VN", 10), ("TH", 8), ("AU", 7),
                ("unknown", 5)),
    "region": (("California", 20), ("Texas", 15), ("New York", 12), ("Florida", 10), ("England", 10),
               ("Ho Chi Minh City", 9), ("Bangkok", 8), ("Bavaria", 8), ("Unknown", 8)),
    "publisher_platform": (("facebook", 45), ("instagram", 40), ("audience_network", 6),
                           ("messenger", 4), ("threads", 3), ("unknown", 2)),
    "device_platform": (("mobile_app", 70), ("mobile_web", 18), ("desktop", 10), ("unknown", 2)),
    "impression_device": (("iphone", 38), ("android_smartphone", 40), ("ipad", 5), ("android_tablet", 4),
                          ("desktop", 10), ("other", 3)),
}
# platform_position only exists under its publisher_platform.
POSITIONS: dict[str, tuple[tuple[str, int], ...]] = {
    "facebook": (("feed", 50), ("facebook_reels", 18), ("facebook_stories", 14), ("marketplace", 8),
                 ("video_feeds", 6), ("right_hand_column", 4)),
    "instagram": (("feed", 40), ("instagram_stories", 28), ("instagram_reels", 26), ("instagram_explore", 6)),
    "audience_network": (("an_classic", 70), ("rewarded_video", 30)),
    "messenger": (("messenger_inbox", 60), ("messenger_stories", 40)),
    "threads": (("threads_feed", 100),),
    "unknown": (("unknown", 100),),
}
DIMENSIONS = frozenset({*BUCKETS, "platform_position"})
# Meta returns no off-Meta actions (website pixel events) with these breakdowns.
WITHOUT_OFF_META = frozenset({"region"})
OFF_META_ACTIONS = frozenset({"view_content", "add_to_cart", "initiate_checkout", "purchase"})
_DEVICE = ("device_platform", "impression_device")
ALLOWED: frozenset[frozenset[str]] = frozenset(
    {frozenset({d}) for d in BUCKETS}
    | {frozenset({"age", "gender"})}
    | {frozenset({"publisher_platform", "platform_position"})}
    | {frozenset({"publisher_platform", d}) for d in _DEVICE}
    | {frozenset({"publisher_platform", "platform_position", d}) for d in _DEVICE}
)


def check_breakdowns(breakdowns: Sequence[str]) -> tuple[str, ...]:
    """The requested dimensions in Meta's order of the request; an unknown one or a combination
    Meta does not serve is Meta's (#100)."""
    for name in breakdowns:
        if name not in DIMENSIONS:
            raise SimError(100, f"(#100) breakdowns[{breakdowns.index(name)}] must be one of the following "
                           f"values: {', '.join(sorted(DIMENSIONS))}")
    if breakdowns and frozenset(breakdowns) not in ALLOWED:
        raise SimError(100, f"(#100) Current combination of data breakdown columns "
                       f"({', '.join(breakdowns)}) is invalid ", subcode=1504041)
    return tuple(dict.fromkeys(breakdowns))


def buckets(breakdowns: Sequence[str]) -> list[tuple[tuple[str, ...], int]]:
    """Every bucket of the combination (values in the order of `breakdowns`) and its base weight."""
    axes: list[list[tuple[dict[str, str], int]]] = []
    for name in breakdowns:
        if name == "platform_position":
            continue  # expanded under publisher_platform
        if name == "publisher_platform" and "platform_position" in breakdowns:
            axes.append([({name: p, "platform_position": pos}, w * pw)
                         for p, w in BUCKETS[name] for pos, pw in POSITIONS[p]])
        else:
            axes.append([({name: value}, w) for value, w in BUCKETS[name]])
    out = []
    for combo in product(*axes):
        values: dict[str, str] = {}
        weight = 1
        for part, w in combo:
            values.update(part)
            weight *= w
        out.append((tuple(values[n] for n in breakdowns), weight))
    return out


def _lean(ad_id: str, key: tuple[str, ...]) -> int:
    """A per-ad factor 50..149 for one bucket: ads differ, the same ad always leans the same way."""
    digest = hashlib.blake2b(f"{ad_id}|{'|'.join(key)}".encode(), digest_size=2).digest()
    return 50 + int.from_bytes(digest, "big") % 100


@lru_cache(maxsize=65_536)
def _ad_weights(ad_id: str, breakdowns: tuple[str, ...]) -> tuple[list[tuple[str, ...]], list[int]]:
    """The buckets and this ad's weights over them (the same every day)."""
    keyed = buckets(breakdowns)
    return [key for key, _ in keyed], [w * _lean(ad_id, key) for key, w in keyed]


def _allocate(total: int, weights: Sequence[int]) -> list[int]:
    """`total` split in proportion to `weights` by largest remainder: the parts sum to `total`."""
    whole = sum(weights)
    if total == 0 or whole == 0:
        return [0] * len(weights)
    shares = [total * w // whole for w in weights]
    order = sorted(range(len(weights)), key=lambda i: (-(total * weights[i] % whole), i))
    for i in order[: total - sum(shares)]:
        shares[i] += 1
    return shares


def _allocate_money(total: Decimal, weights: Sequence[int]) -> list[Decimal]:
    quantum = Decimal(1).scaleb(min(total.as_tuple().exponent, 0))  # type: ignore[arg-type]
    units = int(total / quantum)
    return [Decimal(part) * quantum for part in _allocate(units, weights)]


def split_day(ad_id: str, day: InsightDay, breakdowns: Sequence[str]
              ) -> list[tuple[tuple[str, ...], InsightDay]]:
    """The ad-day split over the buckets of `breakdowns`; buckets without delivery left out (Meta
    returns no row for them). The parts add up exactly to `day`, but for the off-Meta actions
    Meta leaves out of some breakdowns (`region`)."""
    keys, weights = _ad_weights(ad_id, tuple(breakdowns))
    n = len(keys)
    spend = _allocate_money(day.spend, weights)
    counts = {name: _allocate(getattr(day, name), weights)
              for name in ("impressions", "clicks", "inline_link_clicks")}
    reach = _allocate(day.reach, weights) if day.reach is not None else [None] * n
    on_meta = WITHOUT_OFF_META.isdisjoint(breakdowns)
    actions = {name: _allocate(count, weights) for name, count in day.actions.items()
               if on_meta or name not in OFF_META_ACTIONS}
    values = {name: _allocate_money(value, weights) for name, value in day.action_values.items()
              if on_meta or name not in OFF_META_ACTIONS}
    video = {name: _allocate(count, weights) for name, count in day.video.items()}
    out = []
    for i, key in enumerate(keys):
        part = InsightDay.model_construct(  # values already typed: no validation (thousands per report)
            date=day.date, spend=spend[i], reach=reach[i], impressions=counts["impressions"][i],
            clicks=counts["clicks"][i], inline_link_clicks=counts["inline_link_clicks"][i],
            actions={name: parts[i] for name, parts in actions.items() if parts[i]},
            action_values={name: parts[i] for name, parts in values.items() if parts[i]},
            video={name: parts[i] for name, parts in video.items() if parts[i]},
        )
        if not part.is_empty() or part.action_values:  # every split amount lands in some row
            out.append((key, part))
    return out
