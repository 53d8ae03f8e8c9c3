"""Work is never lost or stuck: backfill chunks always reach their total, one fetch per window at a
time (leases), an older answer never overwrites a newer one, a run that ends over Meta's hold-back
line is remembered as throttled, and dispatch queues nothing a run in progress already covers."""

import json
import os
import threading
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from sync_helpers import day, delivery_message, fast_graph_factory, small_scenario, stats_message

from pixecom.accounts.connect import connect_account, replace_token
from pixecom.clock import utc_now
from pixecom.db.engine import session_scope
from pixecom.domain.enums import SyncOutcome
from pixecom.meta.client import GraphClient
from pixecom.settings import get_settings
from pixecom.sync import leases, recording
from pixecom.sync.delivery import sync_account_delivery
from pixecom.sync.dispatch import dispatch_stats
from pixecom.sync.stats import sync_account_stats
from simulator.scenario import UsageSettings
from simulator.testing import ManualClock, SimulatorServer

BLOCK_SECONDS = 900


@pytest.fixture
def clocked(db_url, sqs, monkeypatch):
    """A simulator and Graph clients sharing one manual clock; SQS queues in moto."""
    clock = ManualClock(datetime.now(UTC).replace(microsecond=0))
    scenario = small_scenario(1001, 1002)
    scenario.settings.usage = UsageSettings(block_seconds=BLOCK_SECONDS)
    with SimulatorServer(scenario, now=clock) as sim:
        yield sim, clock


@pytest.fixture
def graph(clocked):
    """Graph clients on the clocked simulator, reading time from the same manual clock."""
    sim, clock = clocked
    return fast_graph_factory(sim.base_url, now=clock)


def take(sqs, env_name):
    """Every message on a queue (deleted as read), as parsed bodies."""
    url, bodies = os.environ[env_name], []
    while messages := sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10).get("Messages", []):
        for m in messages:
            bodies.append(json.loads(m["Body"]))
            sqs.delete_message(QueueUrl=url, ReceiptHandle=m["ReceiptHandle"])
    return bodies


def work(sqs, clock, graph):
    """Run every queued delivery, then stats message, as the workers would; returns stats reports."""
    from pixecom.sync_message import SyncMessage

    for body in take(sqs, "DELIVERY_QUEUE_URL"):
        sync_account_delivery(SyncMessage.model_validate(body), graph=graph, clock=clock)
    return [
        sync_account_stats(SyncMessage.model_validate(body), graph=graph, clock=clock)
        for body in take(sqs, "STATS_QUEUE_URL")
    ]


def chunk_states(db, account_id):
    return [
        r.state
        for r in db.rows(
            "SELECT state FROM backfill_chunks WHERE ad_account_id = :id ORDER BY chunk", id=account_id
        )
    ]


@pytest.fixture
def seller(make_seller):
    return make_seller()


def connect(seller, graph, n=1001, days=40, token=None):
    return connect_account(
        seller.seller_id, f"act_{n}", token or f"token-{n}", backfill_days=days, graph=graph, now=utc_now()
    ).id


def test_a_throttled_backfill_chunk_resumes_once_throttled_until_passes(clocked, sqs, seller, db, graph):
    sim, clock = clocked
    account_id = connect(seller, graph)
    sync_account_delivery(delivery_message(account_id), graph=graph, clock=clock)
    sim.set_usage("act_1001", 100)

    work(sqs, clock, graph)
    assert chunk_states(db, account_id) == ["pending", "pending"]
    assert db.account(account_id).backfill_chunks_done == 0
    assert dispatch_stats(clock()).backfill_chunks == 0  # still throttled: nothing queued

    clock.advance(BLOCK_SECONDS + 1)
    sim.set_usage("act_1001", 0)
    assert dispatch_stats(clock()).backfill_chunks == 2
    work(sqs, clock, graph)
    account = db.account(account_id)
    assert (account.backfill_chunks_done, account.backfill_chunks_total) == (2, 2)
    assert chunk_states(db, account_id) == ["done", "done"]


def test_a_chunk_blocked_by_a_dead_token_resumes_after_the_token_is_replaced(clocked, sqs, seller, db, graph):
    sim, clock = clocked
    account_id = connect(seller, graph)
    sim.expire_token("token-1001")
    work(sqs, clock, graph)
    assert db.account(account_id).connection_status == "NEEDS_REAUTH"
    assert chunk_states(db, account_id) == ["pending", "pending"]
    assert dispatch_stats(clock()).backfill_chunks == 0  # NEEDS_REAUTH accounts are not due

    sim.state.settings.extra_tokens["token-1001-new"] = ["act_1001"]
    replace_token(seller.seller_id, account_id, "token-1001-new", graph=graph, now=utc_now())
    work(sqs, clock, graph)
    assert db.account(account_id).backfill_chunks_done == 2


def test_a_chunk_whose_queueing_failed_is_queued_by_the_next_dispatch(
    clocked, sqs, seller, db, monkeypatch, graph
):
    sim, clock = clocked
    stats_url = os.environ["STATS_QUEUE_URL"]
    monkeypatch.setenv("STATS_QUEUE_URL", stats_url + "-gone")  # the send after the commit fails
    get_settings.cache_clear()
    account_id = connect(seller, graph)
    monkeypatch.setenv("STATS_QUEUE_URL", stats_url)
    get_settings.cache_clear()
    assert chunk_states(db, account_id) == ["pending", "pending"]

    result = dispatch_stats(clock())
    assert result.backfill_chunks == 2
    work(sqs, clock, graph)
    assert db.account(account_id).backfill_chunks_done == 2


def test_a_chunk_delivered_twice_counts_once_and_its_repeat_fetches_nothing(clocked, sqs, seller, db, graph):
    sim, clock = clocked
    account_id = connect(seller, graph)
    work(sqs, clock, graph)
    calls = sim.calls
    chunk = stats_message(account_id, day(9), day(0), backfill=True, chunk=1, chunks=2)
    assert sync_account_stats(chunk, graph=graph, clock=clock).outcome is None
    assert sim.calls == calls and db.account(account_id).backfill_chunks_done == 2


def test_a_successful_run_over_the_hold_back_line_stores_throttled_until(clocked, sqs, seller, db, graph):
    sim, clock = clocked
    account_id = connect(seller, graph, days=1)
    take(sqs, "STATS_QUEUE_URL")
    sync_account_delivery(delivery_message(account_id), graph=graph, clock=clock)
    sim.set_usage("act_1001", 90)  # over 85%: Meta still answers, the client holds back afterwards

    report = sync_account_stats(stats_message(account_id, day(1), day(0)), graph=graph, clock=clock)

    assert report.outcome is SyncOutcome.SUCCEEDED
    until = db.account(account_id).throttled_until
    assert until is not None and until > clock()
    assert dispatch_stats(clock()).messages == 0  # the next dispatch skips it instead of asking Meta


def test_a_run_whose_days_another_run_is_fetching_is_skipped_and_fetches_nothing(
    clocked, sqs, seller, db, graph
):
    sim, clock = clocked
    account_id = connect(seller, graph, days=1)
    take(sqs, "STATS_QUEUE_URL")
    sync_account_delivery(delivery_message(account_id), graph=graph, clock=clock)
    with session_scope() as s:  # a run in progress on the last 28 days
        recording.lock_account(s, account_id)
        leases.acquire(s, account_id, leases.Window(day(27), day(0)), clock())
    calls = sim.calls

    overlapping = sync_account_stats(stats_message(account_id, day(1), day(0)), graph=graph, clock=clock)
    older = sync_account_stats(stats_message(account_id, day(40), day(30)), graph=graph, clock=clock)

    assert overlapping.outcome is None and older.outcome is SyncOutcome.SUCCEEDED
    assert sim.calls > calls and db.runs(account_id)[-1].window_since == day(40)


def test_dispatch_queues_nothing_a_run_in_progress_covers(clocked, sqs, seller, db, graph):
    sim, clock = clocked
    account_id = connect(seller, graph, days=1)
    take(sqs, "STATS_QUEUE_URL")
    with session_scope() as s:
        recording.lock_account(s, account_id)
        leases.acquire(s, account_id, leases.Window(day(29), day(0)), clock())
    result = dispatch_stats(clock())
    assert (result.messages, result.covered) == (0, 1)
    assert take(sqs, "STATS_QUEUE_URL") == []


def test_a_new_accounts_28_day_window_is_not_queued_again_by_the_next_dispatch(
    clocked, sqs, seller, db, graph
):
    sim, clock = clocked
    connect(seller, graph, days=3)
    queued = [b for b in take(sqs, "STATS_QUEUE_URL") if b.get("full_window")]
    assert len(queued) == 1  # the connect-time run

    result = dispatch_stats(datetime.now(UTC))
    assert (result.messages, result.covered) == (0, 1)


class PausingClient(GraphClient):
    """The real client over HTTP, which holds its insights answer until the test lets it go."""

    fetched = threading.Event()
    release = threading.Event()

    def get_daily_insights(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        rows = super().get_daily_insights(*args, **kwargs)
        type(self).fetched.set()
        assert type(self).release.wait(30)
        return rows


def test_a_slow_answer_overtaken_by_a_newer_run_never_overwrites_its_numbers(clocked, sqs, seller, db, graph):
    sim, clock = clocked
    account_id = connect(seller, graph, days=1)
    take(sqs, "STATS_QUEUE_URL")
    sync_account_delivery(delivery_message(account_id), graph=graph, clock=clock)
    PausingClient.fetched.clear()
    PausingClient.release.clear()

    def slow(token):
        return PausingClient(token, base_url=sim.base_url, sleep=lambda _s: None, max_retries=2, clock=clock)

    reports = []
    old_run = threading.Thread(
        target=lambda: reports.append(
            sync_account_stats(stats_message(account_id, day(1), day(0)), graph=slow, clock=clock)
        )
    )
    old_run.start()
    assert PausingClient.fetched.wait(30)  # the old run holds Meta's old numbers
    sim.set_insight("1001301", day(0), spend=Decimal("99.99"))
    clock.advance(leases.LEASE_SECONDS + 1)  # it outlived its lease: a newer run takes the days
    newer = sync_account_stats(stats_message(account_id, day(1), day(0)), graph=graph, clock=clock)
    PausingClient.release.set()
    old_run.join(30)

    assert newer.outcome is SyncOutcome.SUCCEEDED and reports[0].outcome is None
    assert db.day(account_id, "1001301", day(0)).spend == Decimal("99.99")


def test_a_run_beside_a_slow_one_is_skipped_and_the_next_run_stores_the_newer_numbers(
    clocked, sqs, seller, db, graph
):
    sim, clock = clocked
    account_id = connect(seller, graph, days=1)
    take(sqs, "STATS_QUEUE_URL")
    sync_account_delivery(delivery_message(account_id), graph=graph, clock=clock)
    PausingClient.fetched.clear()
    PausingClient.release.clear()

    def slow(token):
        return PausingClient(token, base_url=sim.base_url, sleep=lambda _s: None, max_retries=2, clock=clock)

    old_run = threading.Thread(
        target=lambda: sync_account_stats(stats_message(account_id, day(1), day(0)), graph=slow, clock=clock)
    )
    old_run.start()
    assert PausingClient.fetched.wait(30)
    sim.set_insight("1001301", day(0), spend=Decimal("42.00"))
    skipped = sync_account_stats(stats_message(account_id, day(1), day(0)), graph=graph, clock=clock)
    PausingClient.release.set()
    old_run.join(30)
    assert skipped.outcome is None  # it did not fetch beside the slow run...
    assert db.day(account_id, "1001301", day(0)).spend == Decimal("3.50")

    later = sync_account_stats(
        stats_message(account_id, day(1), day(0)), graph=graph, clock=clock
    )  # ...the next one does
    assert later.outcome is SyncOutcome.SUCCEEDED
    assert db.day(account_id, "1001301", day(0)).spend == Decimal("42.00")
