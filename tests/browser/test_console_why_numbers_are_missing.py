"""A dash in the Ads Manager says why, in the reader's language: a campaign whose reach Meta
cannot be asked for now (its account is rate limited), the total reach over several accounts,
and a store revenue in a currency without exchange rates show the API's reason as the cell's
tooltip and to screen readers, in English and in Vietnamese."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from browser_helpers import ARTIFACTS, assert_accessible, open_signed_in
from playwright.sync_api import Locator, Page, expect

from pixecom.adsmanager.reach import SEVERAL_ACCOUNTS, THROTTLED

CAMPAIGNS = "/api/ads-manager/campaigns"
WAIT_MS = 30_000  # the machine is shared: Chromium may be slow to repaint

THROTTLED_EN = "Meta's rate limit for this ad account is reached; reach is read again once it resets"
THROTTLED_VI = (
    "tài khoản quảng cáo này đã chạm giới hạn gọi của Meta; số người tiếp cận sẽ được tải lại khi "
    "giới hạn được đặt lại"
)
SEVERAL_EN = (
    "Meta counts unique people per ad account and people reached by several accounts cannot be told "
    "apart, so there is no total across accounts"
)
SEVERAL_VI = (
    "Meta đếm người duy nhất theo từng tài khoản quảng cáo và không phân biệt được người đã được nhiều "
    "tài khoản tiếp cận, nên không có tổng giữa các tài khoản"
)
NO_RATE_EN = "store revenue in VND is not converted to {} (no exchange rate on some day)"
NO_RATE_VI = "doanh thu cửa hàng bằng VND chưa được quy đổi sang {} (thiếu tỷ giá vào một số ngày)"


def test_a_null_reach_and_a_null_store_number_say_why_in_english_and_in_vietnamese(
    page: Page, console_server
):
    # A range no stats run reads (not a preset): its reach is read from Meta on demand, which
    # waits while the account is rate limited.
    today = datetime.now(UTC).date()
    dates = {
        "since": (today - timedelta(days=11)).isoformat(),
        "until": (today - timedelta(days=5)).isoformat(),
    }
    with console_server.api() as api:
        console_server.sql("UPDATE ad_accounts SET throttled_until = now() + interval '10 minutes'")
        order: dict[str, Any] | None = None
        try:
            campaign = next(c for c in _campaigns(api, dates) if c["metrics"]["reach"] is None)
            assert campaign["reach_unavailable"] == THROTTLED
            order = _order_in_a_currency_without_rates(api, campaign, today - timedelta(days=9))
            columns = {"ads_manager_columns": ["spend", "reach", "frequency"]}
            api.patch("/api/preferences", json=columns).raise_for_status()
            fresh = api.get(CAMPAIGNS, params={**dates, "limit": 500}).json()
            row = next(c for c in fresh["data"] if c["id"] == campaign["id"])
            assert row["store"]["null_reason"] == NO_RATE_EN.format(campaign["currency"])
            summary = next(s for s in fresh["summary"] if s["currency"] == campaign["currency"])
            assert (summary["metrics"]["reach"], summary["reach_unavailable"]) == (None, SEVERAL_ACCOUNTS)
            _check_the_screen(page, console_server, campaign, dates)
        finally:
            if order is not None:  # cancelled, it counts for nothing: the other tests' numbers stand
                _send(api, [{**order, "version": 2, "type": "order.cancelled"}])
            api.patch("/api/preferences", json={"ads_manager_columns": None, "locale": None})
            console_server.sql("UPDATE ad_accounts SET throttled_until = NULL")


def _campaigns(api: Any, dates: dict[str, str]) -> list[dict[str, Any]]:
    return list(api.get(CAMPAIGNS, params={**dates, "limit": 500}).json()["data"])


def _order_in_a_currency_without_rates(api: Any, campaign: dict[str, Any], day: date) -> dict[str, Any]:
    """A paid order in dong (no reference rate publishes it) naming an ad of `campaign`, at noon
    UTC of `day`: inside the range in every timezone, and before any test's last 7 days."""
    ads = api.get("/api/ads-manager/ads", params={"campaign_id": campaign["id"], "limit": 1}).json()["data"]
    order = {
        "order_id": f"browser-{uuid.uuid4().hex[:12]}",
        "version": 1,
        "type": "order.paid",
        "sellpage_id": api.get("/api/sellpages").json()["data"][0]["id"],
        "amount": "250000",
        "currency": "VND",
        "ordered_at": datetime.combine(day, time(12), tzinfo=UTC).isoformat(),
        "landing_params": {"ad_id": ads[0]["meta_id"], "utm_source": "facebook"},
    }
    _send(api, [order])
    return order


def _send(api: Any, events: list[dict[str, Any]]) -> None:
    key = api.post("/api/store/keys", json={"name": "browser null reasons"}).raise_for_status().json()["key"]
    sent = api.post("/api/store/orders/batch", json={"events": events}, headers={"X-PixEcom-Store-Key": key})
    assert sent.json()["counts"]["applied"] == len(events), sent.text


def _check_the_screen(
    page: Page, console_server: Any, campaign: dict[str, Any], dates: dict[str, str]
) -> None:
    page.add_init_script("window.localStorage.setItem('pixecom.storeColumns', 'shown')")
    open_signed_in(
        page, console_server, f"/ads-manager/campaigns?since={dates['since']}&until={dates['until']}"
    )
    table = page.get_by_test_id("entity-table")
    row = table.locator(f"tbody tr[data-id='{campaign['id']}']")
    total = table.locator(f"tfoot tr.summary[data-currency='{campaign['currency']}'] td[data-metric=reach]")
    reach, frequency = row.locator("td[data-metric=reach]"), row.locator("td[data-metric=frequency]")
    revenue, currency = row.locator("td[data-store=store_revenue]"), campaign["currency"]
    expect(reach).to_have_attribute("data-value", "null", timeout=WAIT_MS)
    _says(reach, f"No reach: {THROTTLED_EN}.")
    _says(frequency, f"No frequency: {THROTTLED_EN}.")
    _says(total, f"No reach: {SEVERAL_EN}.")
    _says(revenue, f"No store number: {NO_RATE_EN.format(currency)}.")

    page.get_by_test_id("language").select_option("vi")
    _says(reach, f"Không có số người tiếp cận: {THROTTLED_VI}.")
    _says(frequency, f"Không có tần suất: {THROTTLED_VI}.")
    _says(total, f"Không có số người tiếp cận: {SEVERAL_VI}.")
    _says(revenue, f"Không có số liệu cửa hàng: {NO_RATE_VI.format(currency)}.")
    # The notes for screen readers stay inside the table: the page never scrolls sideways.
    assert page.evaluate("() => document.documentElement.scrollWidth - innerWidth") == 0
    (ARTIFACTS / "console").mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "console" / "36-vi-reach-and-store-unknown.png"), full_page=True)
    assert_accessible(page, "Ads Manager in Vietnamese, reach and a store number unknown")


def _says(cell: Locator, note: str) -> None:
    """A dash whose note is `note`: on hover (title) and for screen readers (text beside it)."""
    expect(cell).to_have_attribute("title", note, timeout=WAIT_MS)
    expect(cell.locator(".sr-only")).to_have_text(f" ({note})")
    expect(cell).to_contain_text("—")
