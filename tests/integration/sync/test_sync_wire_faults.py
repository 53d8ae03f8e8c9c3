"""Failures below Meta's error envelope during a dispatch of two accounts, end to end: dispatch,
SQS, the Lambda workers (retries with short backoffs from settings), the simulator over HTTP.

For each kind (connection refused, reset mid-answer, a proxy's HTML 5xx, an answer cut off short
of its Content-Length, a bare 429 with Retry-After) aimed at act_1001 only: act_1001 keeps its
previous rows untouched (no partial write) and shows the error; act_1002, synced by the same
dispatch, succeeds with Meta's new numbers; once the fault clears, the next run of act_1001 writes
exactly Meta's numbers, the same rows act_1002 has."""

from __future__ import annotations

import json
import os
import socket
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from sync_helpers import Db, day, load_handler, small_scenario

from pixecom.accounts.connect import connect_account
from pixecom.clock import utc_now
from pixecom.domain.enums import SyncOutcome
from pixecom.queue import BatchFailed
from pixecom.settings import get_settings
from pixecom.sync.dispatch import dispatch_delivery, dispatch_stats
from pixecom.sync.stats import sync_account_stats
from pixecom.sync_message import SyncMessage
from simulator.testing import ManualClock, SimulatorServer

FAULTED, HEALTHY = 1001, 1002
TRANSIENT_FAULTS = {
    "connection refused": {"connection": "refuse"},
    "reset mid-answer": {"connection": "reset"},
    "proxy HTML 502": {"bare_status": 502},  # 503 and 504 are classified alike (client tests)
    "cut off short of Content-Length": {"connection": "truncate"},
}
# Delivery pages through three edges: the faults that can end a read halfway.
PARTIAL_ANSWERS = ("reset mid-answer", "cut off short of Content-Length")
# What the seller reads in /api/ad-accounts (stats.last_error / delivery.last_error).
SELLER_SEES = {
    "connection refused": "TransientError: Graph transport error (ReadError)",
    "reset mid-answer": "TransientError: Graph transport error (ReadError)",
    "proxy HTML 502": "TransientError: HTTP 502 without a Graph error envelope",
    "cut off short of Content-Length": "TransientError: Graph transport error (RemoteProtocolError)",
}


@dataclass
class World:
    sim: SimulatorServer
    clock: ManualClock
    ids: dict[int, uuid.UUID]
    sqs: Any
    context: Any

    def take(self, env_name: str) -> list[dict[str, Any]]:
        """Every message on a queue (deleted as read), as SQS records for a worker's event."""
        url, records = os.environ[env_name], []
        while found := self.sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10).get("Messages", []):
            for m in found:
                records.append({"messageId": m["MessageId"], "body": m["Body"], "eventSource": "aws:sqs"})
                self.sqs.delete_message(QueueUrl=url, ReceiptHandle=m["ReceiptHandle"])
        return records

    def work(self, worker: str, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Run the worker on the records as one SQS batch; the records it failed (SQS retries them)."""
        if not records:
            return []
        try:
            response = load_handler(worker).handler({"Records": records}, self.context)
        except BatchFailed:  # every record failed: the invocation fails, all come back
            return records
        failed = {f["itemIdentifier"] for f in response["batchItemFailures"]}
        return [r for r in records if r["messageId"] in failed]

    def drain(self) -> None:
        """Everything queued, delivery first, as the workers would run it; nothing may fail."""
        assert self.work("delivery_worker", self.take("DELIVERY_QUEUE_URL")) == []
        assert self.work("stats_worker", self.take("STATS_QUEUE_URL")) == []

    def account_of(self, record: dict[str, Any]) -> int:
        account_id = uuid.UUID(json.loads(record["body"])["account_id"])
        return next(n for n, i in self.ids.items() if i == account_id)

    def meta_changes_numbers(self) -> None:
        """Meta restates today for both accounts: new numbers on one ad, a row gone on another."""
        for n in self.ids:
            self.sim.set_insight(
                f"{n}301", day(0), replace=True, spend=Decimal("9.87"), impressions=987, clicks=9
            )
            self.sim.remove_insight(f"{n}303", day(0))


@pytest.fixture
def world(
    db_url: str, sqs: Any, monkeypatch: pytest.MonkeyPatch, make_seller: Any, lambda_context: Any
) -> Iterator[World]:
    """Two connected accounts, fully synced, on a simulator the Lambda workers reach via settings."""
    clock = ManualClock(datetime.now(UTC).replace(microsecond=0))
    with SimulatorServer(small_scenario(FAULTED, HEALTHY), now=clock) as sim:
        monkeypatch.setenv("GRAPH_BASE_URL", sim.base_url)
        monkeypatch.setenv("GRAPH_MAX_RETRIES", "2")
        monkeypatch.setenv("GRAPH_BACKOFF_BASE_SECONDS", "0.002")
        get_settings.cache_clear()
        seller = make_seller()
        ids = {
            n: connect_account(seller.seller_id, f"act_{n}", f"token-{n}", backfill_days=3, now=utc_now()).id
            for n in (FAULTED, HEALTHY)
        }
        world = World(sim, clock, ids, sqs, lambda_context)
        world.drain()
        yield world
    get_settings.cache_clear()


def rows(db: Db, account_id: uuid.UUID) -> list[tuple[Any, ...]]:
    """The account's stats rows without ids: (ad by its scenario suffix, date, counters...)."""
    return [
        (
            r.meta_id[4:],
            r.date,
            r.spend,
            r.impressions,
            r.clicks,
            r.link_clicks,
            r.purchases,
            r.purchase_value,
        )
        for r in db.stats(account_id)
    ]


def meta_numbers_today(db: Db, account_id: uuid.UUID, n: int) -> tuple[Any, Any]:
    """(ad n301's spend and impressions today, whether ad n303 still has a row today)."""
    changed = db.day(account_id, f"{n}301", day(0))
    return (changed.spend, changed.impressions), db.day(account_id, f"{n}303", day(0)) is not None


@pytest.mark.parametrize("kind", TRANSIENT_FAULTS)
def test_stats_fault_stays_with_its_account_and_the_next_run_writes_metas_numbers(
    world: World, db: Db, kind: str
) -> None:
    before = rows(db, world.ids[FAULTED])
    world.meta_changes_numbers()
    world.sim.inject_fault(account_id=f"act_{FAULTED}", **TRANSIENT_FAULTS[kind])

    assert dispatch_stats(now=utc_now()).accounts == 2
    failed = world.work("stats_worker", world.take("STATS_QUEUE_URL"))

    assert [world.account_of(r) for r in failed] == [FAULTED]  # SQS will deliver it again
    assert rows(db, world.ids[FAULTED]) == before  # nothing half-written
    faulted, healthy = db.account(world.ids[FAULTED]), db.account(world.ids[HEALTHY])
    assert faulted.last_stats_error.startswith(SELLER_SEES[kind])
    assert faulted.connection_status == "ACTIVE" and faulted.throttled_until is None
    assert db.runs(world.ids[FAULTED])[-1].outcome == "failed"
    assert healthy.last_stats_error is None and db.runs(world.ids[HEALTHY])[-1].outcome == "succeeded"
    assert meta_numbers_today(db, world.ids[HEALTHY], HEALTHY) == ((Decimal("9.87"), 987), False)

    world.sim.clear_faults()
    assert world.work("stats_worker", failed) == []  # SQS's redelivery, after the fault cleared

    assert meta_numbers_today(db, world.ids[FAULTED], FAULTED) == ((Decimal("9.87"), 987), False)
    assert rows(db, world.ids[FAULTED]) == rows(db, world.ids[HEALTHY])
    assert db.account(world.ids[FAULTED]).last_stats_error is None


def test_meta_unreachable_fails_every_run_for_a_retry_and_the_retry_converges(
    world: World, db: Db, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A real ECONNREFUSED (nothing listens) is per host, not per account: every run fails."""
    before = {n: rows(db, i) for n, i in world.ids.items()}
    world.meta_changes_numbers()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    monkeypatch.setenv("GRAPH_BASE_URL", f"http://127.0.0.1:{closed_port}")
    get_settings.cache_clear()

    dispatch_stats(now=utc_now())
    failed = world.work("stats_worker", world.take("STATS_QUEUE_URL"))

    assert sorted(world.account_of(r) for r in failed) == [FAULTED, HEALTHY]
    assert {n: rows(db, i) for n, i in world.ids.items()} == before
    error = db.account(world.ids[FAULTED]).last_stats_error
    assert error.startswith("TransientError: Graph transport error (ConnectError)")

    monkeypatch.setenv("GRAPH_BASE_URL", world.sim.base_url)
    get_settings.cache_clear()
    assert world.work("stats_worker", failed) == []
    for n, account_id in world.ids.items():
        assert meta_numbers_today(db, account_id, n) == ((Decimal("9.87"), 987), False)
    assert rows(db, world.ids[FAULTED]) == rows(db, world.ids[HEALTHY])


def test_a_short_fault_is_absorbed_by_the_runs_own_retries(world: World, db: Db) -> None:
    world.meta_changes_numbers()
    world.sim.inject_fault(account_id=f"act_{FAULTED}", connection="reset", times=2)  # < 1 + 2 retries
    dispatch_stats(now=utc_now())
    assert world.work("stats_worker", world.take("STATS_QUEUE_URL")) == []
    assert rows(db, world.ids[FAULTED]) == rows(db, world.ids[HEALTHY])
    assert meta_numbers_today(db, world.ids[FAULTED], FAULTED) == ((Decimal("9.87"), 987), False)


def test_a_fault_window_fails_the_run_inside_it_and_the_run_after_it_converges(world: World, db: Db) -> None:
    world.meta_changes_numbers()
    world.sim.inject_fault(account_id=f"act_{FAULTED}", bare_status=503, for_seconds=300)
    dispatch_stats(now=utc_now())
    failed = world.work("stats_worker", world.take("STATS_QUEUE_URL"))
    assert [world.account_of(r) for r in failed] == [FAULTED]
    world.clock.advance(300)  # the window is over on Meta's side; the fault is still registered
    assert world.work("stats_worker", failed) == []
    assert rows(db, world.ids[FAULTED]) == rows(db, world.ids[HEALTHY])


def test_a_bare_429_throttles_its_account_until_retry_after_then_the_next_dispatch_converges(
    world: World, db: Db
) -> None:
    before = rows(db, world.ids[FAULTED])
    world.meta_changes_numbers()
    world.sim.inject_fault(account_id=f"act_{FAULTED}", bare_status=429, retry_after=120, times=1)
    started = datetime.now(UTC)

    dispatch_stats(now=utc_now())
    assert world.work("stats_worker", world.take("STATS_QUEUE_URL")) == []  # consumed, not retried

    faulted = db.account(world.ids[FAULTED])
    assert (
        started + timedelta(seconds=120)
        <= faulted.throttled_until
        <= datetime.now(UTC) + timedelta(seconds=120)
    )
    assert faulted.connection_status == "ACTIVE"
    assert faulted.last_stats_error.startswith("RateLimited: HTTP 429 without a Graph error envelope")
    assert db.runs(world.ids[FAULTED])[-1].outcome == "throttled"
    assert rows(db, world.ids[FAULTED]) == before
    assert meta_numbers_today(db, world.ids[HEALTHY], HEALTHY) == ((Decimal("9.87"), 987), False)

    assert dispatch_stats(now=utc_now()).accounts == 1  # the throttled account waits its Retry-After
    world.work("stats_worker", world.take("STATS_QUEUE_URL"))
    later = faulted.throttled_until + timedelta(seconds=1)
    assert dispatch_stats(later).accounts == 2
    for record in world.take("STATS_QUEUE_URL"):  # the workers, once the Retry-After has passed
        report = sync_account_stats(SyncMessage.model_validate_json(record["body"]), clock=lambda: later)
        assert report.outcome is SyncOutcome.SUCCEEDED
    assert rows(db, world.ids[FAULTED]) == rows(db, world.ids[HEALTHY])
    assert db.account(world.ids[FAULTED]).last_stats_error is None


def entities(db: Db, account_id: uuid.UUID) -> list[tuple[str, str, str]]:
    """(table, Meta id without the account prefix, status) of every campaign, ad set and ad."""
    return [
        (table, r.meta_id[4:], r.status)
        for table in ("campaigns", "adsets", "ads")
        for r in db.rows(
            f"SELECT meta_id, status FROM {table} WHERE ad_account_id = :id ORDER BY meta_id", id=account_id
        )
    ]


@pytest.mark.parametrize("kind", PARTIAL_ANSWERS)
def test_delivery_fault_stays_with_its_account_and_the_next_run_brings_metas_statuses(
    world: World, db: Db, kind: str
) -> None:
    before = entities(db, world.ids[FAULTED])
    for n in world.ids:  # paused in Ads Manager, directly at Meta
        world.sim.state.update_object(f"{n}101", status="PAUSED")
        world.sim.state.update_object(f"{n}303", status="PAUSED")
    world.sim.inject_fault(account_id=f"act_{FAULTED}", **TRANSIENT_FAULTS[kind])

    assert dispatch_delivery(now=utc_now()).accounts == 2
    failed = world.work("delivery_worker", world.take("DELIVERY_QUEUE_URL"))

    assert [world.account_of(r) for r in failed] == [FAULTED]
    assert entities(db, world.ids[FAULTED]) == before
    assert db.account(world.ids[FAULTED]).last_delivery_error.startswith(SELLER_SEES[kind])
    healthy = entities(db, world.ids[HEALTHY])
    assert ("campaigns", "101", "PAUSED") in healthy and ("ads", "303", "PAUSED") in healthy

    world.sim.clear_faults()
    assert world.work("delivery_worker", failed) == []
    assert entities(db, world.ids[FAULTED]) == healthy
    assert db.account(world.ids[FAULTED]).last_delivery_error is None
