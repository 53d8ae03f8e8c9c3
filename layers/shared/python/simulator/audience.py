"""Reach as Meta counts it: unique people over exactly the requested range and level. Pure.

The model of people: each ad set delivers to an audience pool of N people (a deterministic size
from its ads' delivery), its pool is a random part of its campaign's population, and each
campaign's population a random part of the account's. An ad's daily reach r is r people drawn
at random from its ad set's pool, independently across days and ads, so a person is missed by
that ad-day with probability 1 - r/N. Over a range, the people reached are the union:

    ad set (or one ad): U = N x (1 - prod(1 - r/N))      over the ad-days counted
    campaign:           V = C x (1 - prod(1 - U_s/C))    over its ad sets' unions
    account:            A = P x (1 - prod(1 - V_c/P))    over its campaigns' unions

which is the expected size of the union (computed exactly, no people are materialised, so
5,000 ads x 90 days costs a sum of logarithms). It follows that one ad on one day reaches
exactly its daily reach; a range's reach is below the sum of its days' reach; a parent's reach
is below the sum of its children's; reach <= impressions; the same query always gets the same
answer.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field

from simulator.scenario import AdAccountSpec, AdSetSpec, AdSpec, CampaignSpec

# An ad set's pool: this many times its ads' expected daily impressions (over 30 days a pool is
# mostly reached: frequency ~3; over 7 days ~1.7; over one day ~1.3, as for real prospecting).
POOL_DAYS = 10
MIN_POOL = 1_000
CAMPAIGN_OVERLAP = 0.7  # a campaign's population: 70% of its ad sets' pools (they overlap)
ACCOUNT_OVERLAP = 0.8  # an account's population: 80% of its campaigns' populations
_MAX_SHARE = 0.999  # an ad-day never reaches its whole pool (keeps the logarithm finite)


def _expected_daily_impressions(ad: AdSpec) -> float:
    if ad.profile is not None:
        return float(ad.profile.daily_spend * 1000 / ad.profile.cpm) if ad.profile.cpm else 0.0
    return float(max((day.impressions for day in ad.insights), default=0))


def pool_size(adset: AdSetSpec) -> float:
    """The people an ad set can reach: POOL_DAYS days of its ads' expected impressions."""
    return max(float(MIN_POOL), POOL_DAYS * sum(_expected_daily_impressions(ad) for ad in adset.ads))


def population(sizes: Iterable[float], overlap: float) -> float:
    """A parent's people: its children's pools overlap, but never fewer than its largest one."""
    listed = list(sizes)
    return max([overlap * sum(listed), *listed, float(MIN_POOL)])


@dataclass
class AudienceSizes:
    """Pool and population sizes of one account's tree, computed once per id and remembered."""

    account: AdAccountSpec
    _adsets: dict[str, float] = field(default_factory=dict)
    _campaigns: dict[str, float] = field(default_factory=dict)
    _account: float | None = None

    def adset(self, adset: AdSetSpec) -> float:
        size = self._adsets.get(adset.id)
        if size is None:
            size = self._adsets[adset.id] = pool_size(adset)
        return size

    def campaign(self, campaign: CampaignSpec) -> float:
        size = self._campaigns.get(campaign.id)
        if size is None:
            size = population((self.adset(s) for s in campaign.adsets), CAMPAIGN_OVERLAP)
            self._campaigns[campaign.id] = size
        return size

    def whole(self) -> float:
        if self._account is None:
            self._account = population((self.campaign(c) for c in self.account.campaigns), ACCOUNT_OVERLAP)
        return self._account


@dataclass
class PeopleReached:
    """The people of one insights row: per ad set, the log of the chance a pool member was missed
    by every ad-day counted so far; the union is taken when the row is rendered."""

    misses: dict[str, float] = field(default_factory=dict)  # adset id -> sum of log(1 - r/N)
    pools: dict[str, float] = field(default_factory=dict)  # adset id -> N
    campaign_of: dict[str, CampaignSpec] = field(default_factory=dict)  # adset id -> campaign
    extra: int = 0  # reach an injected account-level discrepancy adds as is

    def add(self, sizes: AudienceSizes, campaign: CampaignSpec, adset: AdSetSpec, daily_reach: int) -> None:
        if daily_reach <= 0:
            return
        pool = sizes.adset(adset)
        share = min(daily_reach / pool, _MAX_SHARE)
        self.misses[adset.id] = self.misses.get(adset.id, 0.0) + math.log1p(-share)
        self.pools[adset.id] = pool
        self.campaign_of[adset.id] = campaign

    def count(self, sizes: AudienceSizes) -> int:
        """Unique people reached: ad sets' unions, then campaigns', then the account's."""
        if not self.misses:
            return self.extra
        by_campaign: dict[str, tuple[CampaignSpec, list[float]]] = {}
        for adset_id, missed in self.misses.items():
            campaign = self.campaign_of[adset_id]
            reached = self.pools[adset_id] * -math.expm1(missed)
            by_campaign.setdefault(campaign.id, (campaign, []))[1].append(reached)
        unions = [_union(reached, sizes.campaign(campaign)) for campaign, reached in by_campaign.values()]
        return round(_union(unions, sizes.whole())) + self.extra


def _union(reached: list[float], population_size: float) -> float:
    """People reached by any of independent random parts of a population of `population_size`."""
    if len(reached) == 1:
        return reached[0]
    missed = sum(math.log1p(-min(r / population_size, _MAX_SHARE)) for r in reached)
    return population_size * -math.expm1(missed)


def reach_of(
    sizes: AudienceSizes, ad_days: Iterable[tuple[CampaignSpec, AdSetSpec, int]]
) -> int:
    """The unique reach of some ad-days (campaign, ad set, that day's reach): for tests and tools."""
    people = PeopleReached()
    for campaign, adset, daily in ad_days:
        people.add(sizes, campaign, adset, daily)
    return people.count(sizes)
