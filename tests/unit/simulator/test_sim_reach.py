"""The simulator's reach is Meta's: unique people over exactly the range and level asked."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from simulator.generator import generate_scenario, synthesize_day
from simulator.insights import AdContext, InsightDay, collect, parse_query, render_group
from simulator.scenario import Scenario

# One worker for the module: its module-scoped fixture is then built once, not once per worker.
pytestmark = pytest.mark.xdist_group("sim-reach")

TODAY = date(2026, 12, 6)


@pytest.fixture(scope="module")
def world() -> tuple[list[AdContext], dict[tuple[str, date], InsightDay | None]]:
    scenario: Scenario = generate_scenario(accounts=1, ads=24, days=30, today=TODAY, seed=3)
    account = scenario.ad_accounts[0]
    ads = [AdContext(account, c, s, a) for c in account.campaigns for s in c.adsets for a in s.ads]
    days: dict[tuple[str, date], InsightDay | None] = {}
    for ctx in ads:
        for offset in range(31):
            day = TODAY - timedelta(days=offset)
            days[(ctx.ad.id, day)] = (
                synthesize_day(ctx.ad.profile, ctx.ad.id, day) if ctx.ad.profile else None
            )
    return ads, days


def _rows(world: tuple[list[AdContext], dict], level: str, **params: str) -> list[dict[str, str]]:
    ads, days = world
    query = parse_query(
        {"level": level, "fields": f"{level}_id,reach,impressions,frequency", **params}, TODAY
    )
    return [render_group(query, g) for g in collect(query, ads, lambda ad, day: days.get((ad, day)))]


def _reach(rows: list[dict[str, str]]) -> int:
    return sum(int(r.get("reach", 0)) for r in rows)


def test_one_ad_on_one_day_reaches_exactly_its_daily_reach(world: tuple) -> None:
    ads, days = world
    ad = next(ctx.ad.id for ctx in ads if days.get((ctx.ad.id, TODAY - timedelta(days=2))))
    day = TODAY - timedelta(days=2)
    rows = _rows(world, "ad", time_range=f'{{"since":"{day}","until":"{day}"}}')
    row = next(r for r in rows if r["ad_id"] == ad)
    assert int(row["reach"]) == days[(ad, day)].reach  # type: ignore[union-attr]


@pytest.mark.parametrize("level", ["account", "campaign", "adset", "ad"])
def test_a_ranges_reach_is_below_the_sum_of_its_days_reach(world: tuple, level: str) -> None:
    whole = {r[f"{level}_id"]: int(r["reach"]) for r in _rows(world, level, date_preset="last_30d")}
    daily: dict[str, int] = {}
    for r in _rows(world, level, date_preset="last_30d", time_increment="1"):
        daily[r[f"{level}_id"]] = daily.get(r[f"{level}_id"], 0) + int(r.get("reach", 0))
    assert whole and all(whole[k] <= daily[k] for k in whole)  # equal only for one day of delivery
    assert sum(whole.values()) < sum(daily.values())


def test_a_parents_reach_is_below_the_sum_of_its_childrens(world: tuple) -> None:
    account = _reach(_rows(world, "account", date_preset="last_7d"))
    campaigns = _reach(_rows(world, "campaign", date_preset="last_7d"))
    adsets = _reach(_rows(world, "adset", date_preset="last_7d"))
    ads = _reach(_rows(world, "ad", date_preset="last_7d"))
    assert 0 < account < campaigns < adsets < ads


def test_reach_never_exceeds_impressions_and_frequency_is_their_ratio(world: tuple) -> None:
    for level in ("account", "campaign", "adset", "ad"):
        for r in _rows(world, level, date_preset="last_14d"):
            reach, impressions = int(r["reach"]), int(r["impressions"])
            assert 0 < reach <= impressions
            assert abs(float(r["frequency"]) - impressions / reach) < 1e-5


def test_the_same_query_gets_the_same_reach(world: tuple) -> None:
    assert _rows(world, "adset", date_preset="last_14d") == _rows(world, "adset", date_preset="last_14d")
