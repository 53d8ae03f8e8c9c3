"""Deleted ads keep their stats, and every stats run checks our rows against Meta's account totals."""

from decimal import Decimal

import pytest
from sync_helpers import day, delivery_message, stats_message

from pixecom.domain.enums import SyncOutcome
from pixecom.sync.delivery import sync_account_delivery
from pixecom.sync.stats import sync_account_stats


@pytest.fixture
def account(connect, db):
    account_id = connect("act_1001")
    sync_account_delivery(delivery_message(account_id))
    return account_id


def checks(db, account):
    return db.rows("SELECT * FROM stats_reconciliation WHERE ad_account_id = :id ORDER BY date", id=account)


def test_an_ad_deleted_mid_window_keeps_its_history_and_its_late_conversions(account, db, sim):
    sync_account_stats(stats_message(account, day(2), day(0)))
    sim.state.set_status("1001302", "DELETED")
    sync_account_delivery(delivery_message(account))
    sim.set_insight("1001302", day(1), actions={"purchase": 4}, action_values={"purchase": Decimal("80")})
    report = sync_account_stats(stats_message(account, day(2), day(0)))
    assert report.outcome is SyncOutcome.SUCCEEDED and report.rows_deleted == 0
    row = db.day(account, "1001302", day(1))
    assert (row.spend, row.purchases, row.purchase_value) == (Decimal("7.77"), 4, Decimal("80"))
    assert db.scalar("SELECT effective_status FROM ads WHERE meta_id = '1001302'") == "DELETED"


def test_an_archived_ad_keeps_its_rows_through_a_restatement(account, db, sim):
    sync_account_stats(stats_message(account, day(2), day(0)))
    sim.state.set_status("1001303", "ARCHIVED")
    sync_account_stats(stats_message(account, day(2), day(0)))
    assert [r.date for r in db.stats(account) if r.meta_id == "1001303"] == [day(2), day(0)]


def test_every_day_of_the_window_is_checked_and_matches_metas_totals(account, db):
    sync_account_stats(stats_message(account, day(2), day(0)))
    rows = checks(db, account)
    assert [r.date for r in rows] == [day(2), day(1), day(0)]
    assert not any(r.differs for r in rows)
    middle = rows[1]  # 20.01 + 7.77 from the two purchase ads
    assert (middle.meta_spend, middle.our_spend) == (Decimal("27.78"), Decimal("27.78"))
    assert (middle.meta_purchases, middle.our_purchases) == (4, 4)
    assert middle.meta_purchase_value == middle.our_purchase_value == Decimal("119.89")


def test_a_deleted_ads_numbers_still_reconcile(account, db, sim):
    sim.state.set_status("1001301", "DELETED")
    sync_account_stats(stats_message(account, day(2), day(0)))
    assert not any(r.differs for r in checks(db, account))


@pytest.mark.reconciliation_differs
def test_an_injected_discrepancy_is_found_on_its_day_only(account, db, sim):
    sim.inject_discrepancy("act_1001", day(1), spend=Decimal("1.25"), impressions=10)
    report = sync_account_stats(stats_message(account, day(2), day(0)))
    assert report.outcome is SyncOutcome.SUCCEEDED
    differing = [r for r in checks(db, account) if r.differs]
    assert [r.date for r in differing] == [day(1)]
    (row,) = differing
    assert (row.meta_spend - row.our_spend, row.meta_impressions - row.our_impressions) == (
        Decimal("1.25"),
        10,
    )
    assert row.meta_purchases == row.our_purchases


def test_the_last_check_of_a_day_wins(account, db, sim):
    sim.inject_discrepancy("act_1001", day(1), spend=Decimal("1.25"))
    sync_account_stats(stats_message(account, day(2), day(0)))
    sim.reset()
    sync_account_stats(stats_message(account, day(1), day(1)))
    assert not any(r.differs for r in checks(db, account))
    assert len(checks(db, account)) == 3


def test_a_failed_totals_call_skips_the_check_with_a_warning_but_keeps_the_rows(account, db, sim):
    # The ad-level read is the first insights call of the run; the totals read is the second.
    sim.inject_fault("/act_1001/insights", code=100, message="Invalid parameter", every_nth=2, times=1)
    report = sync_account_stats(stats_message(account, day(2), day(0)))
    assert report.outcome is SyncOutcome.SUCCEEDED
    assert len(db.stats(account)) == 7
    assert checks(db, account) == []
    run = db.runs(account)[-1]
    assert "reconciliation skipped" in run.error
