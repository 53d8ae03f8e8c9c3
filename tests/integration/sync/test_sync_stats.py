"""Stats sync against the simulator over HTTP and a real Postgres: Meta's answer is the truth."""

from decimal import Decimal

import pytest
from sqlalchemy import event
from sync_helpers import day, delivery_message, stats_message

from pixecom.domain.enums import SyncOutcome
from pixecom.sync.delivery import sync_account_delivery
from pixecom.sync.stats import sync_account_stats

# Through PgBouncer in transaction pooling mode: nothing may rely on session state.
pytestmark = pytest.mark.pooler


@pytest.fixture
def account(connect, db, graph):
    account_id = connect("act_1001")
    sync_account_delivery(delivery_message(account_id), graph=graph)
    return account_id


def test_stats_sync_writes_each_ad_day_meta_returns(account, db, graph):
    report = sync_account_stats(stats_message(account, day(2), day(0)), graph=graph)
    assert report.outcome is SyncOutcome.SUCCEEDED
    rows = db.stats(account)
    assert [(r.meta_id, r.date) for r in rows] == [
        ("1001301", day(2)),
        ("1001301", day(1)),
        ("1001301", day(0)),
        ("1001302", day(1)),
        ("1001303", day(2)),
        ("1001303", day(0)),
        ("1001304", day(2)),
    ]
    first = db.day(account, "1001301", day(2))
    assert (first.spend, first.impressions, first.clicks, first.link_clicks) == (
        Decimal("12.34"),
        1000,
        40,
        30,
    )
    assert (first.content_views, first.add_to_cart, first.initiate_checkout) == (20, 6, 4)
    assert (first.purchases, first.purchase_value, first.results) == (2, Decimal("45.67"), 2)


def test_two_stats_syncs_in_a_row_leave_the_database_identical(account, db, graph):
    sync_account_stats(stats_message(account, day(2), day(0)), graph=graph)
    before = db.snapshot()
    second = sync_account_stats(stats_message(account, day(2), day(0)), graph=graph)
    assert db.snapshot() == before
    assert (second.rows_written, second.rows_deleted) == (0, 0)


def test_resync_after_late_conversions_replaces_the_day(account, db, sim, graph):
    sync_account_stats(stats_message(account, day(1), day(0)), graph=graph)
    sim.set_insight("1001301", day(1), actions={"purchase": 5}, action_values={"purchase": Decimal("180.05")})
    report = sync_account_stats(stats_message(account, day(1), day(0)), graph=graph)
    row = db.day(account, "1001301", day(1))
    assert (row.purchases, row.purchase_value, row.results) == (5, Decimal("180.05"), 5)
    assert report.rows_written == 1


def test_ad_missing_from_a_days_insights_loses_that_row(account, db, sim, graph):
    sync_account_stats(stats_message(account, day(1), day(0)), graph=graph)
    sim.remove_insight("1001302", day(1))
    report = sync_account_stats(stats_message(account, day(1), day(0)), graph=graph)
    assert db.day(account, "1001302", day(1)) is None
    assert report.rows_deleted == 1
    assert db.day(account, "1001301", day(1)) is not None


def test_rows_outside_the_window_are_left_alone(account, db, sim, graph):
    sync_account_stats(stats_message(account, day(2), day(0)), graph=graph)
    sim.remove_insight("1001301", day(2))
    sync_account_stats(stats_message(account, day(1), day(0)), graph=graph)
    assert db.day(account, "1001301", day(2)).spend == Decimal("12.34")


def test_results_count_the_ad_sets_optimization_event(account, db, graph):
    sync_account_stats(stats_message(account, day(2), day(0)), graph=graph)
    carts = db.day(account, "1001303", day(2))
    assert (carts.add_to_cart, carts.purchases, carts.results) == (3, 0, 3)
    clicks = db.day(account, "1001304", day(2))
    assert (clicks.link_clicks, clicks.results) == (6, 6)


# The reach reads of a run (pixecom.sync.reach): the window's days at 3 levels (3 calls), then the
# 5 preset ranges at 4 levels: the two under 8 days in one call each (8), the three of 8 days or
# more through report runs (start, one poll here, one page: 12 x 3 = 36).
REACH_READ_CALLS = 3 + 8 + 36


def test_successful_run_is_recorded_with_rows_calls_and_duration(account, db, graph):
    sync_account_stats(stats_message(account, day(2), day(0)), graph=graph)
    run = [r for r in db.runs(account) if r.kind == "stats"][-1]
    assert run.outcome == "succeeded"
    # ad rows, account totals, reach
    assert (run.rows_written, run.rows_deleted, run.graph_calls) == (7, 0, 2 + REACH_READ_CALLS)
    assert run.duration_ms is not None and run.finished_at >= run.started_at
    assert (run.window_since, run.window_until) == (day(2), day(0))
    assert db.account(account).last_stats_success_at == run.finished_at


def test_unknown_ads_get_their_entities_synced_before_their_stats(connect, db, graph):
    account_id = connect("act_1001")  # no delivery sync yet: insights name ads we do not know
    report = sync_account_stats(stats_message(account_id, day(2), day(0)), graph=graph)
    assert report.outcome is SyncOutcome.SUCCEEDED
    assert len(db.stats(account_id)) == 7
    assert db.scalar("SELECT count(*) FROM ads WHERE ad_account_id = :id", id=account_id) == 4
    # insights, 3 entity edges, insights again (new result actions), the account totals, reach
    assert report.graph_calls == 6 + REACH_READ_CALLS


def test_worker_dying_mid_write_keeps_previous_data_and_the_retry_completes_it(account, db, sim, graph):
    from pixecom.db.engine import get_engine

    sync_account_stats(stats_message(account, day(1), day(0)), graph=graph)
    before = db.snapshot()
    sim.set_insight("1001301", day(1), spend=Decimal("25.00"))
    sim.remove_insight("1001302", day(1))

    def die_after_upsert(conn, cursor, statement, *args):
        if statement.lstrip().startswith("DELETE FROM ad_stats_daily"):
            raise RuntimeError("worker killed mid-write")

    engine = get_engine()
    event.listen(engine, "before_cursor_execute", die_after_upsert)
    message = stats_message(account, day(1), day(0))
    with pytest.raises(RuntimeError, match="mid-write"):
        sync_account_stats(message, graph=graph)
    event.remove(engine, "before_cursor_execute", die_after_upsert)
    assert db.snapshot() == before
    failed_run = db.runs(account)[-1]
    assert (failed_run.outcome, failed_run.error) == ("failed", "RuntimeError: worker killed mid-write")
    # The seller sees a generic message: internal errors can name hosts and tables.
    assert db.account(account).last_stats_error == "Internal error while syncing; the sync will be retried"

    assert sync_account_stats(message, graph=graph).outcome is SyncOutcome.SUCCEEDED
    assert db.day(account, "1001301", day(1)).spend == Decimal("25.00")
    assert db.day(account, "1001302", day(1)) is None


def test_full_window_run_stamps_the_day_it_covered(account, db, graph):
    sync_account_stats(stats_message(account, day(27), day(0), full_window=True), graph=graph)
    assert db.account(account).last_full_window_on == day(0)


def test_backfill_chunk_counts_once_even_when_delivered_twice(connect, db, graph):
    account_id = connect("act_1001", backfill_days=3)
    assert db.account(account_id).backfill_chunks_total == 1
    message = stats_message(account_id, day(2), day(0), backfill=True, chunk=1, chunks=1)
    sync_account_stats(message, graph=graph)
    sync_account_stats(message, graph=graph)
    assert db.account(account_id).backfill_chunks_done == 1
    assert len(db.stats(account_id)) == 7


def test_ads_manager_snapshot_stays_exact_without_a_rebuild_until_the_local_day_moves_on(
    account, db, sim, graph
):
    def state():
        return db.rows(
            "SELECT local_day, refreshed_at FROM ad_preset_stats_state WHERE ad_account_id = :id", id=account
        )

    sync_account_stats(stats_message(account, day(1), day(0)), graph=graph)
    [first] = state()
    assert first.local_day == day(0)
    sync_account_stats(stats_message(account, day(1), day(0)), graph=graph)
    assert state() == [first]  # nothing changed: the snapshot stays as it was
    sim.set_insight("1001301", day(1), spend=Decimal("30.00"))
    sync_account_stats(stats_message(account, day(1), day(0)), graph=graph)
    # The changed day reaches the snapshot through the stats trigger, without a rebuild.
    assert state() == [first]
    assert db.scalar(
        "SELECT spend FROM ad_preset_stats p JOIN ads a ON a.id = p.ad_id "
        "WHERE a.meta_id = '1001301' AND p.preset = 'yesterday'"
    ) == Decimal("30.00")


def test_runs_older_than_two_weeks_are_pruned_when_the_account_syncs(account, db, graph):
    from datetime import UTC, datetime, timedelta

    from pixecom.db.engine import session_scope
    from pixecom.db.models import SyncRun

    old = datetime.now(UTC) - timedelta(days=15)
    with session_scope() as s:
        seller_id = db.account(account).seller_id
        s.add(
            SyncRun(
                seller_id=seller_id, ad_account_id=account, kind="stats", started_at=old, outcome="succeeded"
            )
        )
        s.add(
            SyncRun(
                seller_id=seller_id, ad_account_id=account, kind="delivery", started_at=old, outcome="failed"
            )
        )
    sync_account_stats(stats_message(account, day(1), day(0)), graph=graph)
    kinds_and_ages = {
        (r.kind, r.started_at < datetime.now(UTC) - timedelta(days=14)) for r in db.runs(account)
    }
    assert ("stats", True) not in kinds_and_ages  # pruned
    assert ("delivery", True) in kinds_and_ages  # only the synced kind is pruned
