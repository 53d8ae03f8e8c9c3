"""The Ads Manager's period comparison and breakdown in Chromium: the previous values and changes
the API answers under each metric (and in the CSV), then a breakdown Meta has to compute first:
its progress, then each row's buckets under it and what the breakdown leaves out, in words."""

from __future__ import annotations

import csv
import io
import re

from browser_helpers import ARTIFACTS, METRICS, as_screen, assert_accessible, open_signed_in
from playwright.sync_api import Page, expect

SHOTS = ARTIFACTS / "console"
CAMPAIGNS = "/api/ads-manager/campaigns"
NOT_COMPARED = {"reach", "frequency"}


def test_compare_shows_each_metrics_change_and_a_breakdown_its_buckets_once_meta_computed_them(
    page: Page, console_server
):
    open_signed_in(page, console_server)
    page.get_by_test_id("compare-menu").locator("select").select_option("previous_period")
    expect(page).to_have_url(re.compile(r"compare=previous_period"))
    expect(page.get_by_test_id("compare-range")).to_be_visible()
    expect(page.get_by_test_id("results")).to_have_attribute("data-state", "idle")
    with console_server.api() as api:
        body = api.get(CAMPAIGNS, params={"compare": "previous_period"}).raise_for_status().json()

    # Under each compared metric: the API's change; spend is neither good nor bad, a cost going
    # up is bad, ROAS going up is good.
    compared = [m for m in METRICS if m not in NOT_COMPARED]
    for row in body["data"]:
        tr = page.locator(f"[data-testid=entity-table] tbody tr[data-id='{row['id']}']")
        for metric in compared:
            change = tr.locator(f"td[data-metric={metric}] [data-testid=change]")
            expected = row["change"][metric]
            expect(change).to_have_attribute("data-change", "" if expected is None else as_screen(expected))
        tones = {
            m: tr.locator(f"td[data-metric={m}] [data-testid=change]").get_attribute("data-tone")
            for m in compared
        }
        assert tones["spend"] == "neutral"
        for metric, good_when_up in (("roas", True), ("cost_per_purchase", False)):
            delta = row["change"][metric]
            if delta:
                assert tones[metric] == ("good" if (delta > 0) == good_when_up else "bad")
    for summary in body["summary"]:
        cell = page.locator(
            f"tfoot tr[data-currency={summary['currency']}] td[data-metric=spend] [data-testid=change]"
        )
        expect(cell).to_have_attribute("data-change", as_screen(summary["change"]["spend"]))

    # The CSV carries each compared metric's previous value and change beside it.
    with page.expect_download() as download:
        page.get_by_role("button", name="Download CSV").click()
    table = list(csv.reader(io.StringIO(download.value.path().read_text(encoding="utf-8-sig"))))
    head, lines = table[0], table[1 : 1 + len(body["data"])]
    before, change = head.index("Spend (before)"), head.index("Spend (change)")
    assert before == head.index("Spend") + 1
    assert [line[before] for line in lines] == [r["previous_metrics"]["spend"] for r in body["data"]]
    assert [line[change] for line in lines] == [
        as_screen(r["change"]["spend"]) if r["change"]["spend"] is not None else "" for r in body["data"]
    ]
    assert_accessible(page, "Ads Manager compared with the previous period")
    page.screenshot(path=str(SHOTS / "50-ads-manager-compare.png"), full_page=True)

    # A breakdown by region: Meta computes it first (the progress shows), then each row opens
    # onto its regions, and the note says website actions are not broken down by region.
    page.get_by_test_id("breakdown-menu").locator("select").select_option("region")
    expect(page.get_by_test_id("breakdown-progress")).to_be_visible()
    page.screenshot(path=str(SHOTS / "51-ads-manager-breakdown-computing.png"), full_page=True)
    assert_accessible(page, "a breakdown being computed")
    expect(page.get_by_test_id("not-broken-down")).to_contain_text("Purchases", timeout=30_000)
    expect(page.get_by_test_id("breakdown-progress")).to_have_count(0)
    with console_server.api() as api:
        params = {"compare": "previous_period", "breakdown": "region"}
        broken = api.get(CAMPAIGNS, params=params).raise_for_status().json()
    row = next(r for r in broken["data"] if r["breakdowns"])
    tr = page.locator(f"[data-testid=entity-table] tbody tr[data-id='{row['id']}']")
    tr.locator(".breakdown-toggle").click()
    buckets = page.locator(f"tr.breakdown-row[data-parent='{row['id']}']")
    expect(buckets).to_have_count(len(row["breakdowns"]))
    shown = buckets.evaluate_all(
        "rows => rows.map(r => [r.dataset.bucket, r.querySelector('td[data-metric=spend]').dataset.value])"
    )
    assert shown == [
        [b["values"]["region"].replace("_", " "), b["metrics"]["spend"]] for b in row["breakdowns"]
    ]
    assert_accessible(page, "Ads Manager broken down by region")
    page.screenshot(path=str(SHOTS / "52-ads-manager-breakdown-region.png"), full_page=True)
