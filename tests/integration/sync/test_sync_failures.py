"""The failure policy: transient -> retried; rate limited -> throttled; bad token -> NEEDS_REAUTH;
and one account's trouble never reaches another's data or runs."""

import json
from datetime import UTC, datetime, timedelta

import pytest
from sync_helpers import (
    day,
    delivery_message,
    fast_graph_factory,
    load_event,
    load_handler,
    small_scenario,
    stats_message,
)

from pixecom.accounts.connect import connect_account
from pixecom.clock import utc_now
from pixecom.domain.enums import SyncOutcome
from pixecom.meta.errors import TransientError
from pixecom.settings import get_settings
from pixecom.sync.delivery import sync_account_delivery
from pixecom.sync.dispatch import due_accounts
from pixecom.sync.stats import sync_account_stats
from simulator.scenario import UsageSettings
from simulator.testing import ManualClock, SimulatorServer

BLOCK_SECONDS = 900


@pytest.fixture
def clocked(db_url, monkeypatch):
    """A simulator and Graph clients sharing one manual clock, so header times are exact."""
    clock = ManualClock(datetime.now(UTC).replace(microsecond=0))
    scenario = small_scenario(1001, 1002, 1003)
    scenario.settings.usage = UsageSettings(block_seconds=BLOCK_SECONDS)
    with SimulatorServer(scenario, now=clock) as sim:
        # Lambda handlers use the default Graph factory: aim it at the simulator, without retries.
        monkeypatch.setenv("GRAPH_BASE_URL", sim.base_url)
        monkeypatch.setenv("GRAPH_MAX_RETRIES", "0")
        get_settings.cache_clear()
        yield sim, clock
        get_settings.cache_clear()


@pytest.fixture
def graph(clocked):
    """Graph clients on the clocked simulator, reading time from the same manual clock."""
    sim, clock = clocked
    return fast_graph_factory(sim.base_url, now=clock)


@pytest.fixture
def three_accounts(clocked, make_seller, graph):
    seller = make_seller()
    ids = {
        n: connect_account(seller.seller_id, f"act_{n}", f"token-{n}", graph=graph, now=utc_now()).id
        for n in (1001, 1002, 1003)
    }
    for account_id in ids.values():
        sync_account_delivery(delivery_message(account_id), graph=graph)
    return ids


def test_expired_token_and_rate_limit_stay_with_their_accounts_while_the_third_syncs_fully(
    clocked, three_accounts, db, graph
):
    sim, clock = clocked
    sim.expire_token("token-1001")
    sim.set_usage("act_1002", 100)
    ids = three_accounts

    reports = {n: sync_account_stats(stats_message(ids[n], day(2), day(0)), graph=graph) for n in ids}

    assert reports[1001].outcome is SyncOutcome.NEEDS_REAUTH
    assert reports[1002].outcome is SyncOutcome.THROTTLED
    assert reports[1003].outcome is SyncOutcome.SUCCEEDED
    expired, throttled, healthy = (db.account(ids[n]) for n in (1001, 1002, 1003))
    assert expired.connection_status == "NEEDS_REAUTH" and "190" in expired.connection_error
    assert throttled.connection_status == "ACTIVE"
    assert throttled.throttled_until == clock() + timedelta(seconds=BLOCK_SECONDS)
    assert [r.outcome for r in db.runs(ids[1002]) if r.kind == "stats"] == ["throttled"]
    assert db.stats(ids[1001]) == [] and db.stats(ids[1002]) == []
    assert len(db.stats(ids[1003])) == 7
    assert healthy.last_stats_error is None and healthy.throttled_until is None


def test_dispatch_skips_accounts_needing_reauth_or_throttled(clocked, three_accounts, graph):
    sim, clock = clocked
    sim.expire_token("token-1001")
    sim.set_usage("act_1002", 100)
    for n in (1001, 1002):
        sync_account_stats(stats_message(three_accounts[n], day(1), day(0)), graph=graph)
    assert [c.account_id for c in due_accounts(clock())] == [three_accounts[1003]]
    later = clock() + timedelta(seconds=BLOCK_SECONDS)
    assert {c.account_id for c in due_accounts(later)} == {three_accounts[1002], three_accounts[1003]}


def test_transient_error_fails_the_message_for_a_retry_and_records_the_run(
    clocked, three_accounts, db, graph
):
    sim, _ = clocked
    account_id = three_accounts[1003]
    sim.inject_fault("/act_1003/insights", code=2, is_transient=True, times=20)
    with pytest.raises(TransientError):
        sync_account_stats(stats_message(account_id, day(1), day(0)), graph=graph)
    run = db.runs(account_id)[-1]
    assert (run.kind, run.outcome) == ("stats", "failed")
    assert db.account(account_id).last_stats_error.startswith("TransientError")
    sim.clear_faults()
    assert (
        sync_account_stats(stats_message(account_id, day(1), day(0)), graph=graph).outcome
        is SyncOutcome.SUCCEEDED
    )
    assert db.account(account_id).last_stats_error is None


def test_worker_reports_only_the_failed_message_of_a_partial_batch(
    clocked, three_accounts, db, lambda_context
):
    sim, _ = clocked
    sim.inject_fault("/act_1001/insights", code=2, is_transient=True, times=20)
    event = load_event("sqs/stats_worker.json")
    template = event["Records"][0]
    records = []
    for n, message_id in ((1001, "msg-broken"), (1003, "msg-fine")):
        body = json.loads(template["body"])
        body.update(account_id=str(three_accounts[n]), since=day(1).isoformat(), until=day(0).isoformat())
        records.append({**template, "messageId": message_id, "body": json.dumps(body)})
    event["Records"] = records

    response = load_handler("stats_worker").handler(event, lambda_context)

    assert response == {"batchItemFailures": [{"itemIdentifier": "msg-broken"}]}
    assert len(db.stats(three_accounts[1003])) == 4  # the ad-days of days 1 and 0
    assert db.stats(three_accounts[1001]) == []


def test_token_that_no_longer_decrypts_needs_reauth(clocked, three_accounts, db, monkeypatch, graph):
    from pixecom.settings import get_settings

    monkeypatch.setenv("TOKEN_ENCRYPTION_KEY", "a-different-key-than-the-one-that-encrypted-it")
    get_settings.cache_clear()
    report = sync_account_stats(stats_message(three_accounts[1003], day(1), day(0)), graph=graph)
    assert report.outcome is SyncOutcome.NEEDS_REAUTH
    assert db.account(three_accounts[1003]).connection_status == "NEEDS_REAUTH"
