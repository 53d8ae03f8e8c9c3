"""Dispatch: one SQS message (moto) per ACTIVE, not throttled account and kind, with the right window."""

import json
from datetime import UTC, date, datetime, timedelta

import pytest
from sync_helpers import day, forget_queued_full_window

from pixecom.db.engine import session_scope
from pixecom.db.models import AdAccount
from pixecom.domain.enums import ConnectionStatus
from pixecom.sync.dispatch import dispatch_delivery, dispatch_stats


def received(sqs, env_name):
    import os

    url = os.environ[env_name]
    bodies = []
    while True:
        messages = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10).get("Messages", [])
        if not messages:
            return bodies
        for m in messages:
            bodies.append(json.loads(m["Body"]))
            sqs.delete_message(QueueUrl=url, ReceiptHandle=m["ReceiptHandle"])


@pytest.fixture
def accounts(connect, sqs):
    ids = [connect(f"act_{n}") for n in (1001, 1002, 1003)]
    received(sqs, "STATS_QUEUE_URL")  # what connecting queued
    received(sqs, "DELIVERY_QUEUE_URL")
    for account_id in ids:
        forget_queued_full_window(account_id)
    return ids


def set_account(account_id, **values):
    with session_scope() as s:
        account = s.get(AdAccount, account_id)
        for key, value in values.items():
            setattr(account, key, value)


def test_each_syncable_account_gets_one_message_per_kind(accounts, sqs):
    now = datetime.now(UTC)
    set_account(accounts[0], connection_status=ConnectionStatus.NEEDS_REAUTH)
    set_account(accounts[1], throttled_until=now + timedelta(minutes=5))
    stats, delivery = dispatch_stats(now), dispatch_delivery(now)
    assert (stats.messages, delivery.messages) == (1, 1)
    [stats_body] = received(sqs, "STATS_QUEUE_URL")
    [delivery_body] = received(sqs, "DELIVERY_QUEUE_URL")
    assert stats_body["account_id"] == delivery_body["account_id"] == str(accounts[2])
    assert stats_body["run_id"] == stats.run_id and delivery_body["kind"] == "delivery"


def test_an_expired_throttle_makes_the_account_due_again(accounts, sqs):
    now = datetime.now(UTC)
    set_account(accounts[1], throttled_until=now - timedelta(seconds=1))
    assert dispatch_stats(now).messages == 3


def test_first_stats_run_of_the_account_day_covers_28_days_then_two(accounts, sqs):
    now = datetime.now(UTC)
    dispatch_stats(now)
    first = received(sqs, "STATS_QUEUE_URL")[0]
    assert (first["since"], first["until"], first["full_window"]) == (
        day(27).isoformat(),
        day(0).isoformat(),
        True,
    )
    for account_id in accounts:
        set_account(account_id, last_full_window_on=day(0))
    dispatch_stats(now)
    later = received(sqs, "STATS_QUEUE_URL")[0]
    assert (later["since"], later["until"], later.get("full_window", False)) == (
        day(1).isoformat(),
        day(0).isoformat(),
        False,
    )


def test_windows_follow_each_accounts_own_timezone(accounts, sqs):
    set_account(accounts[0], timezone_name="Asia/Tokyo", last_full_window_on=date(2026, 11, 26))
    set_account(accounts[1], timezone_name="America/Los_Angeles", last_full_window_on=date(2026, 11, 25))
    set_account(accounts[2], connection_status=ConnectionStatus.DISABLED)
    dispatch_stats(datetime(2026, 11, 25, 20, 0, tzinfo=UTC))  # 05:00 on the 26th in Tokyo, noon in LA
    windows = {b["account_id"]: (b["since"], b["until"]) for b in received(sqs, "STATS_QUEUE_URL")}
    assert windows == {
        str(accounts[0]): ("2026-11-25", "2026-11-26"),
        str(accounts[1]): ("2026-11-24", "2026-11-25"),
    }


def test_connecting_queues_an_immediate_sync_and_the_backfill_chunks(connect, sqs, db):
    account_id = connect("act_1001", backfill_days=90)
    stats = received(sqs, "STATS_QUEUE_URL")
    delivery = received(sqs, "DELIVERY_QUEUE_URL")
    assert [b["account_id"] for b in delivery] == [str(account_id)]
    backfill = sorted((b for b in stats if b.get("backfill")), key=lambda b: b["since"])
    # The newest chunk (30 days) covers the 28-day window: no separate 28-day run beside it.
    assert len(stats) == len(backfill) == 3
    assert backfill[0]["since"] == day(89).isoformat() and backfill[-1]["until"] == day(0).isoformat()
    assert {b["chunks"] for b in backfill} == {3}
    account = db.account(account_id)
    assert (account.backfill_since, account.backfill_chunks_total, account.backfill_chunks_done) == (
        day(89),
        3,
        0,
    )


def test_the_apps_graph_budget_defers_what_a_cycle_cannot_afford(accounts, sqs, monkeypatch):
    from pixecom.settings import get_settings

    monkeypatch.setenv("GRAPH_APP_CALLS_PER_HOUR", "32")  # 8 calls a 15-minute cycle: two accounts of 4
    get_settings.cache_clear()
    result = dispatch_stats(datetime.now(UTC))
    assert (result.messages, result.deferred) == (2, 1)
    assert len(received(sqs, "STATS_QUEUE_URL")) == 2


def test_an_accounts_expected_calls_are_its_last_regular_stats_runs(accounts, sqs):
    from pixecom.db.models import SyncRun
    from pixecom.domain.enums import SyncKind, SyncOutcome
    from pixecom.sync.dispatch import expected_calls

    now = datetime.now(UTC)
    with session_scope() as s:
        seller_id = s.get(AdAccount, accounts[0]).seller_id
        for minutes, calls, backfill in ((30, 9, False), (15, 6, False), (5, 40, True)):
            s.add(
                SyncRun(
                    seller_id=seller_id,
                    ad_account_id=accounts[0],
                    kind=SyncKind.STATS,
                    started_at=now - timedelta(minutes=minutes),
                    finished_at=now,
                    is_backfill=backfill,
                    outcome=SyncOutcome.SUCCEEDED,
                    graph_calls=calls,
                )
            )
    assert expected_calls(accounts)[accounts[0]] == 6  # the latest regular run, not the backfill
