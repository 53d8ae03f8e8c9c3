"""The Ads Manager in Chromium: what the seller sees is what the API answers for the same query."""

from __future__ import annotations

import re

from browser_helpers import ARTIFACTS, choose, open_signed_in, screen_rows, wait_for_screen_to_equal_api
from playwright.sync_api import Page, expect

LIST = "/api/ads-manager/{}"


def test_rows_and_summary_on_screen_equal_the_api_for_the_same_query(page: Page, console_server):
    open_signed_in(page, console_server)
    with console_server.api() as api:
        rows = wait_for_screen_to_equal_api(page, api, LIST.format("campaigns"), {"date_preset": "last_7d"})
        currencies = [s["currency"] for s in api.get(LIST.format("campaigns")).json()["summary"]]

    assert len(rows) > 3
    assert currencies == ["EUR", "USD"]  # one summary row per currency, each in its own money
    expect(page.locator("tfoot tr[data-currency=EUR] td[data-metric=spend]")).to_contain_text("€")
    expect(page.locator("tfoot tr[data-currency=USD] td[data-metric=spend]")).to_contain_text("$")


def test_sorting_by_a_column_header_orders_rows_as_the_api_does(page: Page, console_server):
    open_signed_in(page, console_server)
    page.get_by_role("button", name="ROAS", exact=True).click()  # not "Store ROAS"
    expect(page).to_have_url(re.compile(r"sort=-roas"))
    with console_server.api() as api:
        wait_for_screen_to_equal_api(page, api, LIST.format("campaigns"), {"sort": "-roas"})
        page.get_by_role("button", name="ROAS", exact=True).click()
        wait_for_screen_to_equal_api(page, api, LIST.format("campaigns"), {"sort": "roas"})
        page.locator("th", has_text="Name").get_by_role("button").click()
        wait_for_screen_to_equal_api(page, api, LIST.format("campaigns"), {"sort": "name"})


def test_each_filter_changes_the_rows_as_the_api_says(page: Page, console_server):
    open_signed_in(page, console_server)
    with console_server.api() as api:
        accounts = api.get("/api/ad-accounts").json()["data"]
        sellpages = api.get("/api/sellpages").json()["data"]
        campaigns = api.get(LIST.format("campaigns"), params={"sort": "name", "limit": 500}).json()["data"]
        campaigns_path = LIST.format("campaigns")

        choose(page, "filter-status", "Paused")
        wait_for_screen_to_equal_api(page, api, campaigns_path, {"status": "PAUSED"})
        choose(page, "filter-status", "Active")
        wait_for_screen_to_equal_api(page, api, campaigns_path, {"status": ["PAUSED", "ACTIVE"]})
        page.get_by_role("button", name="Clear filters").click()

        account = accounts[0]
        choose(page, "filter-account", f"{account['name']} ({account['currency']})")
        wait_for_screen_to_equal_api(page, api, campaigns_path, {"ad_account_id": account["id"]})
        page.get_by_role("button", name="Clear filters").click()

        choose(page, "filter-sellpage", sellpages[0]["name"])
        wait_for_screen_to_equal_api(page, api, campaigns_path, {"sellpage_id": sellpages[0]["id"]})
        page.get_by_role("button", name="Clear filters").click()

        picked = campaigns[:2]
        choose(page, "filter-campaign", *[c["name"] for c in picked])
        wait_for_screen_to_equal_api(page, api, campaigns_path, {"campaign_id": [c["id"] for c in picked]})
        page.get_by_role("button", name="Clear filters").click()

        page.get_by_label("Search by name").fill(campaigns[0]["name"][:6])
        wait_for_screen_to_equal_api(page, api, campaigns_path, {"q": campaigns[0]["name"][:6]})
        page.get_by_role("button", name="Clear filters").click()

        page.get_by_test_id("filter-date").select_option("yesterday")
        wait_for_screen_to_equal_api(page, api, campaigns_path, {"date_preset": "yesterday"})
        page.get_by_test_id("filter-date").select_option("custom")
        page.get_by_label("Since").fill("2020-01-01")  # before any data: an earlier since changes nothing
        page.get_by_label("Until").fill(api.get(campaigns_path).json()["date_range"]["until"])
        until = page.get_by_label("Until").input_value()
        page.get_by_label("Since").fill(api.get(campaigns_path).json()["date_range"]["since"])
        since = page.get_by_label("Since").input_value()
        wait_for_screen_to_equal_api(page, api, campaigns_path, {"since": since, "until": until})

        page.get_by_role("tab", name="Ad sets").click()
        choose(page, "filter-delivery", "Learning")
        rows = wait_for_screen_to_equal_api(
            page, api, LIST.format("adsets"), {"since": since, "until": until, "delivery_status": "LEARNING"}
        )
        assert rows and {r["delivery"] for r in rows} == {"LEARNING"}


def test_drill_down_from_campaign_to_ad_sets_to_ads_and_back_by_the_breadcrumb(page: Page, console_server):
    open_signed_in(page, console_server)
    with console_server.api() as api:
        campaign = screen_rows(page)[0]
        page.get_by_role("button", name=campaign["name"], exact=True).click()
        expect(page).to_have_url(re.compile(rf"/ads-manager/adsets\?campaign_id={campaign['id']}$"))
        breadcrumb = page.get_by_role("navigation", name="Breadcrumb")
        expect(breadcrumb).to_have_text(re.compile(rf"All campaigns\s*›\s*{re.escape(campaign['name'])}"))
        adsets = wait_for_screen_to_equal_api(
            page, api, LIST.format("adsets"), {"campaign_id": campaign["id"]}
        )

        page.get_by_role("button", name=adsets[0]["name"], exact=True).click()
        expect(page).to_have_url(re.compile(r"/ads-manager/ads\?"))
        expect(breadcrumb).to_contain_text(adsets[0]["name"])
        wait_for_screen_to_equal_api(
            page, api, LIST.format("ads"), {"campaign_id": campaign["id"], "adset_id": adsets[0]["id"]}
        )

        breadcrumb.get_by_role("link", name=campaign["name"]).click()
        expect(page.get_by_role("tab", name="Ad sets")).to_have_attribute("aria-selected", "true")
        wait_for_screen_to_equal_api(page, api, LIST.format("adsets"), {"campaign_id": campaign["id"]})
        breadcrumb.get_by_role("link", name="All campaigns").click()
        expect(page).to_have_url(console_server.base_url + "/ads-manager/campaigns")
        wait_for_screen_to_equal_api(page, api, LIST.format("campaigns"), {})


def test_the_daily_chart_draws_one_point_per_day_of_the_range(page: Page, console_server):
    open_signed_in(page, console_server)
    campaign = screen_rows(page)[0]
    page.get_by_role("button", name=f"Daily chart of {campaign['name']}").click()
    chart = page.get_by_test_id("daily-chart")
    expect(chart).to_contain_text(campaign["name"])
    with console_server.api() as api:
        daily = api.get(f"/api/ads-manager/campaigns/{campaign['id']}/daily").json()
    expect(chart.locator("g.point")).to_have_count(len(daily["data"]))
    for series in ("spend", "value", "roas"):
        expect(chart.locator(f"path.series.{series}")).to_have_attribute("d", re.compile(r"^M"))


def test_bulk_pause_ends_with_the_ads_paused_on_meta_shown_in_the_table_and_failures_in_metas_words(
    page: Page, console_server
):
    open_signed_in(page, console_server, "/ads-manager/ads?status=ACTIVE&sort=name")
    rows = screen_rows(page)[:3]
    with console_server.api() as api:
        ads = {a["id"]: a for a in api.get(LIST.format("ads"), params={"limit": 500}).json()["data"]}
        accounts = {a["id"]: a["meta_account_id"] for a in api.get("/api/ad-accounts").json()["data"]}
    refused = ads[rows[2]["id"]]
    console_server.reject_status_change(refused["meta_id"], "(#100) This ad is under review")
    for row in rows:
        page.get_by_label(f"Select {row['name']}", exact=True).check()
    expect(page.get_by_test_id("bulk-bar")).to_contain_text("3 selected")

    page.get_by_test_id("bulk-bar").get_by_role("button", name="Pause").click()

    job = page.get_by_test_id("job-panel")
    expect(job).to_have_attribute("data-status", "partially_failed", timeout=20_000)
    expect(job).to_contain_text("3 of 3 done · 2 applied · 1 failed")
    expect(page.get_by_test_id("job-failures")).to_contain_text(f"{rows[2]['name']}: ")
    expect(page.get_by_test_id("job-failures")).to_contain_text("This ad is under review")
    meta_status = {
        row["id"]: console_server.graph_status(
            accounts[ads[row["id"]]["ad_account_id"]], ads[row["id"]]["meta_id"]
        )
        for row in rows
    }
    assert list(meta_status.values()) == ["PAUSED", "PAUSED", "ACTIVE"]
    with console_server.api() as api:
        # The table (filtered on ACTIVE) no longer lists the paused two; unfiltered, they show Paused.
        wait_for_screen_to_equal_api(page, api, LIST.format("ads"), {"status": "ACTIVE", "sort": "name"})
    page.get_by_role("button", name="Clear filters").click()
    for row, status in zip(rows, ("Paused", "Paused", "Active"), strict=True):
        expect(page.locator(f"tr[data-id='{row['id']}'] td.status")).to_have_text(status)


def test_a_chosen_reporting_currency_adds_the_converted_total_under_the_per_currency_totals(
    page: Page, console_server
):
    open_signed_in(page, console_server)
    with console_server.api() as api:
        chosen_before = api.get("/api/reporting-currency").json()["currency"]  # the demo seller's: USD
    try:
        page.get_by_role("link", name="Ad accounts", exact=True).click()
        form = page.get_by_role("form", name="Reporting currency")
        form.get_by_label("Currency").select_option("GBP")  # neither account's: both are converted
        form.get_by_role("button", name="Save currency").click()
        expect(form).to_contain_text("Saved")
        with console_server.api() as api:
            assert api.get("/api/reporting-currency").json()["currency"] == "GBP"

        page.get_by_role("link", name="Ads Manager", exact=True).click()
        total = page.get_by_test_id("converted-total")
        expect(total).to_have_attribute("data-currency", "GBP")
        with console_server.api() as api:
            expected = api.get(LIST.format("campaigns"), params={"date_preset": "last_7d"}).json()[
                "converted_total"
            ]
        assert [r["currency"] for r in expected["rates"]] == ["EUR", "USD"] and expected["left_out"] == []
        expect(total).to_have_attribute("data-spend", expected["spend"])
        expect(total).to_have_attribute("data-purchase-value", expected["purchase_value"])
        expect(total).to_contain_text("Total in GBP, converted:")
        expect(total).to_contain_text("£")
        expect(total).to_contain_text("Converted at ECB reference rates of")
        expect(total).to_contain_text("(EUR, USD)")
        expect(total).not_to_contain_text("Left out")
        (ARTIFACTS / "console").mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "console" / "06-converted-total.png"), full_page=True)
    finally:
        with console_server.api() as api:
            api.put("/api/reporting-currency", json={"currency": chosen_before or "USD"}).raise_for_status()
