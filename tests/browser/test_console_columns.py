"""The Ads Manager's column chooser (the API's presets, the choice saved on the server for the
user), the result type of each row, the reason a row does not deliver, and the CSV of the screen."""

from __future__ import annotations

import csv
import io
import time

from browser_helpers import ARTIFACTS, assert_accessible, open_signed_in, screen_rows, tab_until_focused
from playwright.sync_api import Browser, Page, expect

SHOTS = ARTIFACTS / "console"


def header_metrics(page: Page) -> list[str]:
    return page.eval_on_selector_all(
        "[data-testid=entity-table] tbody tr:first-child td[data-metric]",
        "tds => tds.map(td => td.dataset.metric)",
    )


def test_a_preset_chosen_in_one_browser_is_the_columns_in_another(
    page: Page, browser: Browser, console_server
):
    with console_server.api() as api:
        presets = api.get("/api/ads-manager/column-presets").json()
    funnel = next(p for p in presets["data"] if p["id"] == "engagement")
    try:
        open_signed_in(page, console_server)
        chooser = page.get_by_test_id("column-chooser")
        chooser.locator("summary").click()
        assert_accessible(page, "column chooser")
        chooser.get_by_label(funnel["label"], exact=True).check()
        expect(chooser.locator("summary")).to_contain_text(funnel["label"])
        expect(page.locator("[data-testid=entity-table] thead th").filter(has_text="CR3")).to_have_count(1)
        assert header_metrics(page) == funnel["columns"]
        chooser.get_by_label("Impressions", exact=True).check()  # one more, by hand
        # The other browser reads what the server saved: wait until the save has landed.
        with console_server.api() as api:
            deadline = time.monotonic() + 15
            while "impressions" not in (api.get("/api/preferences").json()["ads_manager_columns"] or []):
                assert time.monotonic() < deadline, "the chosen columns were never saved"
                time.sleep(0.1)
        expect(chooser.locator("summary")).to_contain_text("Custom")
        page.screenshot(path=str(SHOTS / "06-ads-manager-column-chooser.png"), full_page=True)

        other = browser.new_context(viewport={"width": 1366, "height": 800})
        try:
            second = other.new_page()
            open_signed_in(second, console_server)
            # The saved columns arrive with the user's preferences, just after the first paint.
            second_head = second.locator("[data-testid=entity-table] thead th")
            expect(second_head.filter(has_text="CR3")).to_have_count(1)
            expect(second_head.filter(has_text="Impressions")).to_have_count(1)
            assert header_metrics(second) == [*funnel["columns"], "impressions"]
        finally:
            other.close()
    finally:
        with console_server.api() as api:
            api.patch("/api/preferences", json={"ads_manager_columns": None}).raise_for_status()


def test_each_row_says_what_results_count_and_why_it_does_not_deliver(page: Page, console_server):
    open_signed_in(page, console_server, "/ads-manager/ads?date_preset=last_30d")
    with console_server.api() as api:
        ads = api.get("/api/ads-manager/ads", params={"date_preset": "last_30d", "limit": 50}).json()["data"]
    by_id = {a["id"]: a for a in ads}
    cells = page.eval_on_selector_all(
        "[data-testid=entity-table] tbody tr",
        "rows => rows.map(r => [r.dataset.id, r.querySelector('.result-type').textContent])",
    )
    words = {"purchase": "Purchases", "add_to_cart": "Add to cart", "link_click": "Link clicks"}
    for row_id, text in cells:
        kind = by_id[row_id]["result_type"]
        if kind in words:
            assert text == words[kind]
    disapproved = [a for a in ads if a["effective_status"] == "DISAPPROVED"]
    assert disapproved, "the demo data has disapproved ads"
    row = page.locator(f"[data-testid=entity-table] tr[data-id='{disapproved[0]['id']}']")
    expect(row.get_by_test_id("why-not-delivering")).to_have_text("Disapproved by Meta's ad review")


def test_the_csv_button_downloads_what_the_screen_shows(page: Page, console_server):
    open_signed_in(page, console_server)
    rows = screen_rows(page)
    button = page.get_by_role("button", name="Download CSV")
    tab_until_focused(page, button)  # by keyboard alone
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    text = download.value.path().read_text(encoding="utf-8-sig")
    table = list(csv.reader(io.StringIO(text)))
    head, body = table[0], table[1:]
    assert head[:6] == ["Name", "Ad account", "Delivery", "Status", "Result type", "Currency"]
    assert [line[0] for line in body[: len(rows)]] == [r["name"] for r in rows]
    spend = head.index("Spend")
    assert [line[spend] for line in body[: len(rows)]] == [r["metrics"]["spend"] for r in rows]
    assert all(line[0].startswith("Total ") for line in body[len(rows) :])
