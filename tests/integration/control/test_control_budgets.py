"""Bulk budget changes (POST /api/ads-manager/budgets) against the Graph simulator over HTTP, real
Postgres and moto SQS: each refusal explained per item before any Graph call, Meta's own message
for what Meta refuses, the per-hour limit never turned into a burst of code 17."""

from __future__ import annotations

import uuid
from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
from control_helpers import seed_scenario
from sqlalchemy import select

from pixecom.control.apply import apply_job
from pixecom.db.engine import session_scope
from pixecom.db.models import AdAccount, AdSet, Campaign, Job
from pixecom.domain.enums import SyncKind
from pixecom.sync.delivery import sync_account_delivery
from pixecom.sync_message import SyncMessage, new_run_id
from simulator.scenario import parse_scenario

URL = "/api/ads-manager/budgets"
MINIMUMS = {
    "min_daily_budget_imp": 100,
    "min_daily_budget_high_freq": 500,
    "min_daily_budget_low_freq": 1000,
    "min_daily_budget_video_views": 100,
}


def _scenario(currency: str = "USD") -> Any:
    big = "1000000" if currency == "USD" else "10000000"
    return parse_scenario(
        {
            "ad_accounts": [
                {
                    "id": "act_7101",
                    "name": "Budget shop",
                    "currency": currency,
                    "timezone_name": "UTC",
                    "access_token": "tok-7101",
                    "minimum_budgets": MINIMUMS,
                    "campaigns": [
                        {
                            "id": "7101101",
                            "name": "CBO",
                            "daily_budget": "10000",
                            "adsets": [
                                {
                                    "id": "7101201",
                                    "name": "Under CBO",
                                    "optimization_goal": "OFFSITE_CONVERSIONS",
                                }
                            ],
                        },
                        {
                            "id": "7101102",
                            "name": "ABO",
                            "adsets": [
                                {
                                    "id": "7101202",
                                    "name": "Clicks",
                                    "optimization_goal": "LINK_CLICKS",
                                    "daily_budget": "5000",
                                },
                                {
                                    "id": "7101203",
                                    "name": "Sales",
                                    "optimization_goal": "OFFSITE_CONVERSIONS",
                                    "daily_budget": "5000",
                                },
                                {
                                    "id": "7101204",
                                    "name": "Lifetime",
                                    "optimization_goal": "OFFSITE_CONVERSIONS",
                                    "lifetime_budget": big,
                                    # 9 days and 23 hours: 10 days for Meta's lifetime minimum.
                                    "created_time": "2026-12-01T10:00:00+00:00",
                                    "end_time": "2026-12-11T09:00:00+00:00",
                                },
                            ],
                        },
                    ],
                }
            ]
        }
    )


class World:
    def __init__(self, api: Any, seller: Any, sim: Any, graph: Any, clock: Any, queue: Any, seeded: Any):
        self.api, self.seller, self.sim, self.graph, self.clock = api, seller, sim, graph, clock
        self.queue, self.seeded = queue, seeded

    def ask(self, level: str, meta_ids: list[str], budget: dict[str, Any], key: str | None = None) -> Any:
        table = self.seeded.adsets if level == "adset" else self.seeded.campaigns
        headers = {**self.seller.headers, **({"Idempotency-Key": key} if key else {})}
        body = {"level": level, "ids": [str(table[m]) for m in meta_ids], "budget": budget}
        return self.api.post(URL, json=body, headers=headers)

    def run(self, level: str, meta_ids: list[str], budget: dict[str, Any]) -> dict[str, Any]:
        """Ask, let the ControlWorker apply it, and return the job as the API shows it."""
        response = self.ask(level, meta_ids, budget)
        assert response.status_code == 202, response.text
        self.work()
        return self.job(response.json()["job_id"])

    def work(self) -> None:
        for body in self.queue():
            apply_job(uuid.UUID(body["job_id"]), graph=self.graph, clock=self.clock)

    def job(self, job_id: str) -> dict[str, Any]:
        return self.api.get(f"/api/jobs/{job_id}", headers=self.seller.headers).json()

    def budget_writes(self) -> int:
        """Budget writes that reached the simulator (batch operations with a budget field)."""
        return sum(n for path, n in self.sim.state.calls.by_path.items() if path.startswith("/7101"))


@pytest.fixture
def world(api, make_seller, sqs, control_queue, simulator, graph_for, clock, request) -> World:
    currency = getattr(request, "param", "USD")
    sim = simulator(_scenario(currency))
    seller = make_seller()
    seeded = seed_scenario(seller.seller_id, _scenario(currency))
    graph = graph_for(sim)
    message = SyncMessage(
        account_id=seeded.account_ids["act_7101"], kind=SyncKind.DELIVERY, run_id=new_run_id("t")
    )
    sync_account_delivery(message, graph=graph, clock=clock)  # budgets and minimums, from Meta
    return World(api, seller, sim, graph, clock, control_queue, seeded)


def _items(job: dict[str, Any]) -> dict[str, tuple[str, str | None, str | None, str | None]]:
    return {i["name"]: (i["outcome"], i["from_budget"], i["to_budget"], i["error"]) for i in job["items"]}


def test_a_daily_amount_reaches_meta_and_shows_at_once_on_the_rows(world):
    job = world.run(
        "adset", ["7101202", "7101203"], {"type": "daily", "amount": {"amount": "60.00", "currency": "USD"}}
    )

    assert job["status"] == "succeeded" and job["kind"] == "budget_change"
    applied = ("applied", "50.00", "60.00", None)
    assert _items(job) == {"Clicks": applied, "Sales": applied}
    assert [world.sim.state.entries[m].node.daily_budget for m in ("7101202", "7101203")] == ["6000", "6000"]
    with session_scope() as s:
        budgets = s.scalars(select(AdSet.daily_budget).where(AdSet.meta_id.in_(["7101202", "7101203"]))).all()
    assert budgets == [Decimal(60), Decimal(60)]


def test_a_percent_change_on_a_campaign_budget_and_the_audit_names_the_actor(world):
    job = world.run("campaign", ["7101101"], {"type": "daily", "percent": "12.5"})

    assert _items(job) == {"CBO": ("applied", "100.00", "112.50", None)}
    assert world.sim.state.entries["7101101"].node.daily_budget == "11250"
    audit = world.api.get(f"/api/audit?job_id={job['id']}", headers=world.seller.headers).json()["data"]
    change = next(e for e in audit if e["action"] == "budget_change")
    assert (change["from_status"], change["to_status"], change["outcome"]) == ("100", "112.5", "applied")
    assert change["user_id"] == str(world.seller.user_id)
    assert {e["action"] for e in audit} == {"budget_change_requested", "budget_change"}


def test_each_refusal_is_explained_per_item_and_never_sent_to_meta(world):
    writes_before = world.budget_writes()

    job = world.run(
        "adset",
        ["7101201", "7101204", "7101203", "7101202"],
        {"type": "daily", "amount": {"amount": "7.00", "currency": "USD"}},
    )

    items = _items(job)
    assert items["Under CBO"][0] == "failed" and "Advantage campaign budget" in str(items["Under CBO"][3])
    assert items["Under CBO"][3].startswith("Its campaign 'CBO' uses Advantage campaign budget")
    assert (
        items["Lifetime"][3]
        == "It has a lifetime budget; Meta does not switch a budget between daily and lifetime"
    )
    assert items["Sales"][:3] == ("failed", "50.00", "7.00")
    assert items["Sales"][3] == (
        "7.00 USD is below Meta's minimum daily budget of 10.00 USD for ad sets optimising for "
        "OFFSITE_CONVERSIONS (min_daily_budget_low_freq)"
    )
    assert items["Clicks"] == ("applied", "50.00", "7.00", None)  # its minimum (high frequency) is 5.00
    assert job["status"] == "partially_failed"
    assert world.budget_writes() - writes_before == 1  # only Clicks went to Meta


def test_a_lifetime_budget_below_the_daily_minimum_for_each_scheduled_day_is_refused_before_meta(world):
    # The synced schedule (Meta's start_time .. end_time) holds 10 days; OFFSITE_CONVERSIONS'
    # minimum is 10.00 USD a day: 100.00 USD for the schedule.
    below = world.run(
        "adset", ["7101204"], {"type": "lifetime", "amount": {"amount": "99.99", "currency": "USD"}}
    )
    assert world.budget_writes() == 0
    at = world.run(
        "adset", ["7101204"], {"type": "lifetime", "amount": {"amount": "100.00", "currency": "USD"}}
    )

    assert _items(below)["Lifetime"][3] == (
        "99.99 USD is below Meta's minimum lifetime budget of 100.00 USD for this 10-day schedule: the "
        "minimum daily budget of 10.00 USD for ad sets optimising for OFFSITE_CONVERSIONS "
        "(min_daily_budget_low_freq), for each day"
    )
    assert _items(at)["Lifetime"] == ("applied", "10000.00", "100.00", None)
    assert world.sim.state.entries["7101204"].node.lifetime_budget == "10000"


def test_a_campaign_without_a_campaign_budget_and_another_currency_are_refused(world):
    on_abo = world.run("campaign", ["7101102"], {"type": "daily", "percent": "10"})
    in_eur = world.run(
        "adset", ["7101202"], {"type": "daily", "amount": {"amount": "60.00", "currency": "EUR"}}
    )

    assert _items(on_abo)["ABO"][3] == (
        "This campaign has no campaign budget: its ad sets hold the budgets, change them there"
    )
    assert _items(in_eur)["Clicks"][3] == "The amount is in EUR but the ad account bills in USD"
    assert world.budget_writes() == 0


def test_what_meta_refuses_fails_that_item_with_metas_own_message(world):
    world.sim.inject_fault(object_id="7101203", code=100, message="(#100) The ad set is in review")

    job = world.run(
        "adset", ["7101202", "7101203"], {"type": "daily", "amount": {"amount": "55.00", "currency": "USD"}}
    )

    assert _items(job)["Sales"] == ("failed", "50.00", "55.00", "(#100) The ad set is in review")
    assert _items(job)["Clicks"][0] == "applied"


def test_a_fifth_change_within_the_hour_is_refused_with_when_it_may_retry(world, now_api):
    for amount in ("51.00", "52.00", "53.00", "54.00"):
        job = world.run(
            "adset", ["7101202"], {"type": "daily", "amount": {"amount": amount, "currency": "USD"}}
        )
        assert job["status"] == "succeeded"
    writes = world.budget_writes()

    fifth = world.run(
        "adset", ["7101202"], {"type": "daily", "amount": {"amount": "55.00", "currency": "USD"}}
    )

    outcome, _, _, error = _items(fifth)["Clicks"]
    first_change = world.clock()  # the FakeClock stamped all four
    assert outcome == "failed" and error.startswith("Meta allows 4 budget changes per ad set per hour")
    assert error.endswith((first_change + timedelta(hours=1)).strftime("from %Y-%m-%d %H:%M UTC"))
    assert world.budget_writes() == writes  # no fifth write: Meta never answered code 17

    now_api(first_change + timedelta(hours=1, minutes=1))
    world.clock.advance(3660)
    world.sim.state.advance(3660)
    later = world.run(
        "adset", ["7101202"], {"type": "daily", "amount": {"amount": "55.00", "currency": "USD"}}
    )
    assert _items(later)["Clicks"][0] == "applied"


def test_metas_code_17_makes_the_job_wait_an_hour_without_throttling_the_account(world):
    for amount in ("5100", "5200", "5300", "5400"):  # changed four times in Meta's own UI
        world.sim.state.budget_limits.record("7101202", world.sim.state.now())
        world.sim.state.update_object("7101202", budgets={"daily_budget": amount})

    response = world.ask(
        "adset", ["7101202"], {"type": "daily", "amount": {"amount": "60.00", "currency": "USD"}}
    )
    world.work()

    job_id = response.json()["job_id"]
    assert _items(world.job(job_id))["Clicks"][0] == "pending"
    with session_scope() as s:
        job = s.get_one(Job, uuid.UUID(job_id))
        account = s.scalars(select(AdAccount).where(AdAccount.meta_account_id == "act_7101")).one()
        assert job.not_before is not None and job.not_before >= world.clock() + timedelta(minutes=59)
        assert account.throttled_until is None  # the stats and delivery syncs go on
    assert world.sim.state.budget_limits.blocked_until["7101202"] > world.sim.state.now()

    world.clock.advance(3660)
    world.sim.state.advance(3660)
    apply_job(uuid.UUID(job_id), graph=world.graph, clock=world.clock)  # the deferred message arrives
    assert _items(world.job(job_id))["Clicks"][0] == "applied"


def test_the_same_idempotency_key_replays_and_refuses_another_body(world):
    body = {"type": "daily", "amount": {"amount": "60.00", "currency": "USD"}}
    first = world.ask("adset", ["7101202"], body, key="budget-1")
    again = world.ask("adset", ["7101202"], body, key="budget-1")
    other = world.ask(
        "adset", ["7101202"], {**body, "amount": {"amount": "61.00", "currency": "USD"}}, key="budget-1"
    )

    assert first.status_code == again.status_code == 202
    assert again.json()["job_id"] == first.json()["job_id"] and again.headers["Idempotent-Replayed"] == "true"
    assert other.status_code == 422


@pytest.mark.parametrize("world", ["VND"], indirect=True)
def test_whole_unit_currencies_send_whole_units(world):
    job = world.run(
        "campaign", ["7101101"], {"type": "daily", "amount": {"amount": "250000", "currency": "VND"}}
    )
    fractional = world.run(
        "campaign", ["7101101"], {"type": "daily", "amount": {"amount": "250000.5", "currency": "VND"}}
    )

    assert _items(job)["CBO"][:3] == ("applied", "10000", "250000")
    assert world.sim.state.entries["7101101"].node.daily_budget == "250000"
    assert _items(fractional)["CBO"][3] == "VND budgets are set in steps of 1"


def test_another_sellers_ids_are_not_found(world, make_seller):
    stranger = make_seller()
    body = {
        "level": "adset",
        "ids": [str(world.seeded.adsets["7101202"])],
        "budget": {"type": "daily", "percent": "5"},
    }

    response = world.api.post(URL, json=body, headers=stranger.headers)

    assert response.status_code == 404


def test_a_member_changes_budgets_only_with_ads_write_and_only_in_their_accounts(world, make_member):
    seller_id = world.seller.seller_id
    analyst = make_member(seller_id, "analyst")
    elsewhere = make_member(seller_id, "media_buyer", ad_account_ids=[])
    here = make_member(seller_id, "media_buyer", ad_account_ids=[world.seeded.account_ids["act_7101"]])
    body = {
        "level": "adset",
        "ids": [str(world.seeded.adsets["7101202"])],
        "budget": {"type": "daily", "percent": "5"},
    }

    answers = [world.api.post(URL, json=body, headers=m.headers) for m in (analyst, elsewhere, here)]

    assert [(r.status_code, r.json().get("error", {}).get("code")) for r in answers] == [
        (403, "forbidden"),
        (404, "not_found"),
        (202, None),
    ]
    with session_scope() as session:
        jobs = session.scalars(select(Job).where(Job.seller_id == seller_id)).all()
        assert [j.user_id for j in jobs] == [here.user_id]


def test_a_budget_request_needs_exactly_one_of_amount_and_percent(world):
    both = world.ask(
        "adset", ["7101202"], {"type": "daily", "percent": "5", "amount": {"amount": "1", "currency": "USD"}}
    )
    neither = world.ask("adset", ["7101202"], {"type": "daily"})

    assert both.status_code == neither.status_code == 422
    assert "give either amount or percent" in both.json()["error"]["message"]


@pytest.fixture
def now_api(api, world):
    """Move the API's clock to `at`; the seller's access token is issued again at that time."""
    from pixecom.api.deps import get_now
    from pixecom.auth.tokens import issue_access_token

    def freeze(at):
        api.app.dependency_overrides[get_now] = lambda: at
        token = issue_access_token(world.seller.user_id, world.seller.seller_id, now=at)
        world.seller.headers["Authorization"] = f"Bearer {token}"

    yield freeze
    api.app.dependency_overrides.pop(get_now, None)


def test_budgets_are_on_the_campaign_rows_after_the_sync(world):
    with session_scope() as s:
        cbo = s.scalars(select(Campaign).where(Campaign.meta_id == "7101101")).one()
        assert (cbo.daily_budget, cbo.bid_strategy) == (Decimal(100), "LOWEST_COST_WITHOUT_CAP")


def _rows(world: World, level: str) -> dict[str, dict[str, Any]]:
    body = world.api.get(f"/api/ads-manager/{level}?date_preset=today", headers=world.seller.headers).json()
    return {row["name"]: row for row in body["data"]}


def test_list_rows_carry_where_the_budget_lives_its_amount_and_the_bid(world):
    campaigns, adsets = _rows(world, "campaigns"), _rows(world, "adsets")

    assert campaigns["CBO"]["budget"] == {
        "type": "daily",
        "amount": "100.00",
        "level": "campaign",
        "remaining": "100.00",
    }
    assert campaigns["ABO"]["budget"] is None  # its ad sets hold the budgets
    assert (campaigns["CBO"]["bid_strategy"], campaigns["CBO"]["objective"]) == (
        "LOWEST_COST_WITHOUT_CAP",
        "OUTCOME_SALES",
    )
    assert adsets["Under CBO"]["budget"]["level"] == "campaign"
    assert adsets["Clicks"]["budget"] == {
        "type": "daily",
        "amount": "50.00",
        "level": "adset",
        "remaining": "50.00",
    }
    assert adsets["Lifetime"]["budget"]["type"] == "lifetime"
    assert (adsets["Clicks"]["campaign_name"], adsets["Clicks"]["ad_account_name"]) == ("ABO", "Budget shop")


def test_the_csv_carries_the_budget_and_names(world):
    response = world.api.get(
        "/api/ads-manager/adsets/export.csv?date_preset=today&csv_header=machine",
        headers=world.seller.headers,
    )

    lines = response.text.splitlines()
    header = lines[0].split(",")
    clicks = dict(zip(header, next(line for line in lines if ",Clicks," in line).split(","), strict=False))
    assert (clicks["budget_type"], clicks["budget_amount"], clicks["budget_level"]) == (
        "daily",
        "50.00",
        "adset",
    )
    assert (clicks["campaign_name"], clicks["bid_strategy"]) == ("ABO", "LOWEST_COST_WITHOUT_CAP")
