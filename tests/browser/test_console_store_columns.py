"""The store's numbers beside Meta's in the Ads Manager table (one group of columns chosen in the
column menu): orders sent through the real store API show as each row's store revenue and ROAS, a
row the store cannot see shows a dash that says why, and the Store ROAS header sorts the rows as
the API does."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

from browser_helpers import ARTIFACTS, assert_accessible, open_signed_in, wait_for_screen_to_equal_api
from playwright.sync_api import Page, expect

CAMPAIGNS = "/api/ads-manager/campaigns"
WAIT_MS = 30_000  # the machine is shared: Chromium may be slow to repaint


def _order(
    ad_meta_id: str, sellpage_id: str, currency: str, amount: str, kind: str = "paid", **more: Any
) -> dict[str, Any]:
    # Two days ago at noon UTC: inside last_7d in every demo account's timezone.
    ordered_at = (datetime.now(UTC) - timedelta(days=2)).replace(hour=12, minute=0, second=0, microsecond=0)
    return {
        "order_id": f"browser-{uuid.uuid4().hex[:12]}",
        "version": 1,
        "type": f"order.{kind}",
        "sellpage_id": sellpage_id,
        "amount": amount,
        "currency": currency,
        "ordered_at": ordered_at.isoformat(),
        "landing_params": {"ad_id": ad_meta_id, "utm_source": "facebook"},
        **more,
    }


def test_store_roas_and_revenue_are_the_stores_truth_a_dash_says_why_and_the_header_sorts(
    page: Page, console_server
):
    with console_server.api() as api:
        campaigns = api.get(CAMPAIGNS, params={"limit": 500}).json()["data"]
        spending = [c for c in campaigns if Decimal(c["metrics"]["spend"]) > 0]
        unsold = [c for c in campaigns if c["store"]["store_orders"] == 0 and c not in spending[:2]]
        assert len(spending) >= 2 and unsold, (
            "the demo has campaigns that spend and one the store sold nothing for"
        )
        sold, converted, unseen = spending[0], spending[1], unsold[0]
        # One campaign sends its shoppers where the store does not see: it links to no sellpage.
        api.patch(f"/api/campaigns/{unseen['id']}", json={"sellpage_id": None}).raise_for_status()
        try:
            # Read after the unlink: the orders on its sellpage may now count for the other campaign there.
            before = _campaigns(api)
            _send_orders(api, sold, converted)
            _check_the_screen(page, console_server, sold, converted, unseen, before, _campaigns(api))
        finally:
            api.patch(f"/api/campaigns/{unseen['id']}", json={"sellpage_id": unseen["sellpage_id"]})


def _day(iso: str) -> str:
    """A date as the console writes it in English (Intl, medium)."""
    day = date.fromisoformat(iso)
    return f"{day:%b} {day.day}, {day.year}"


def _campaigns(api: Any) -> dict[str, dict[str, Any]]:
    return {c["id"]: c for c in api.get(CAMPAIGNS, params={"limit": 500}).json()["data"]}


def _send_orders(api: Any, sold: dict[str, Any], converted: dict[str, Any]) -> None:
    """Orders through the store API, each naming an ad of its campaign: `converted`'s in another
    currency than the campaign's."""
    sellpage_id = api.get("/api/sellpages").json()["data"][0]["id"]
    ads = api.get("/api/ads-manager/ads", params={"campaign_id": [sold["id"], converted["id"]], "limit": 500})
    ad_of = {a["campaign_id"]: a["meta_id"] for a in ads.json()["data"]}
    key = api.post("/api/store/keys", json={"name": "browser test shop"}).raise_for_status().json()["key"]
    ad, cur = ad_of[sold["id"]], sold["currency"]
    foreign = "USD" if converted["currency"] == "EUR" else "EUR"
    events = [
        _order(ad_of[converted["id"]], sellpage_id, foreign, "20.00"),
        _order(ad, sellpage_id, cur, "60.00"),
        _order(ad, sellpage_id, cur, "40.00", "refunded", refunded_amount="10.00"),
        _order(ad, sellpage_id, cur, "500.00", "cancelled"),  # counts for nothing
    ]
    sent = api.post("/api/store/orders/batch", json={"events": events}, headers={"X-PixEcom-Store-Key": key})
    assert sent.json()["counts"]["applied"] == 4, sent.text


def _check_the_screen(
    page: Page,
    console_server: Any,
    sold: dict[str, Any],
    converted: dict[str, Any],
    unseen: dict[str, Any],
    before_all: dict[str, dict[str, Any]],
    fresh: dict[str, dict[str, Any]],
) -> None:
    cur, before = sold["currency"], before_all[sold["id"]]["store"]
    # The demo shop has sold already: ours add 60.00 and 40.00 - 10.00 refunded, not the cancelled one.
    revenue_now = Decimal(before["store_revenue"]) + Decimal("90.00")
    expected_roas = (revenue_now / Decimal(sold["metrics"]["spend"])).quantize(Decimal("0.0001"))
    assert fresh[sold["id"]]["store"]["store_revenue"] == str(revenue_now)
    assert Decimal(str(fresh[sold["id"]]["store"]["store_roas"])) == expected_roas

    open_signed_in(page, console_server)
    # The store group is one choice in the column menu, kept in this browser.
    chooser = page.get_by_test_id("column-chooser")
    chooser.locator("summary").click()
    chooser.get_by_label("Store orders, revenue, ROAS and gap vs Meta", exact=True).check()
    chooser.locator("summary").click()
    page.reload()
    expect(chooser.locator("summary")).to_contain_text("Performance + Store", timeout=WAIT_MS)
    row = page.locator(f"[data-testid=entity-table] tbody tr[data-id='{sold['id']}']")
    revenue, roas = row.locator("td[data-store=store_revenue]"), row.locator("td[data-store=store_roas]")
    expect(revenue).to_have_attribute("data-value", str(revenue_now), timeout=WAIT_MS)
    expect(revenue).to_contain_text(f"{revenue_now:,}")
    expect(revenue).to_contain_text({"USD": "$", "EUR": "€"}[cur])
    expect(roas).to_have_attribute("data-value", str(fresh[sold["id"]]["store"]["store_roas"]))
    expect(roas).to_contain_text(f"{expected_roas:.2f}")
    expect(row.locator("td[data-store=store_orders]")).to_have_text(f"{before['store_orders'] + 2:,}")
    # An order in another currency: converted, and the cell names the rates.
    conversion = fresh[converted["id"]]["store"]["conversion"]
    assert conversion and conversion["from"] == ["USD" if converted["currency"] == "EUR" else "EUR"]
    expect(
        page.locator(
            f"[data-testid=entity-table] tbody tr[data-id='{converted['id']}'] td[data-store=store_revenue]"
        )
    ).to_have_attribute(
        "title",
        f"Converted from {conversion['from'][0]} at {conversion['source']} rates of "
        f"{_day(conversion['first_rate_date'])} to {_day(conversion['last_rate_date'])}.",
    )
    # The rows the store does not see: a dash, its reason as the tooltip and for screen readers.
    reason = fresh[unseen["id"]]["store"]["null_reason"]
    assert reason
    dash = page.locator(
        f"[data-testid=entity-table] tbody tr[data-id='{unseen['id']}'] td[data-store=store_roas]"
    )
    expect(dash).to_have_attribute("data-value", "null")
    expect(dash).to_have_attribute("title", f"No store number: {reason}.")
    expect(dash.locator(".sr-only")).to_have_text(f" (No store number: {reason}.)")
    expect(dash).to_contain_text("—")

    header = page.locator(
        "[data-testid=entity-table] thead th", has=page.get_by_role("button", name="Store ROAS", exact=True)
    )
    expect(header).to_have_attribute("aria-sort", "none")
    header.get_by_role("button").click()
    expect(header).to_have_attribute("aria-sort", "descending", timeout=WAIT_MS)
    with console_server.api() as api:
        rows = wait_for_screen_to_equal_api(page, api, CAMPAIGNS, {"sort": "-store_roas"}, timeout=60)
    on_screen = page.eval_on_selector_all(
        "[data-testid=entity-table] tbody tr td[data-store=store_roas]",
        "tds => tds.map(td => td.dataset.value)",
    )
    numbers = [float(v) for v in on_screen if v != "null"]
    assert numbers == sorted(numbers, reverse=True) and len(numbers) >= 2
    assert on_screen[: len(numbers)] == [v for v in on_screen if v != "null"]  # rows without them last
    assert sold["id"] in {r["id"] for r in rows[: len(numbers)]}
    # Wider than the screen now, the table scrolls inside its box; the page itself never sideways.
    assert page.evaluate("() => document.documentElement.scrollWidth - innerWidth") == 0
    (ARTIFACTS / "console").mkdir(parents=True, exist_ok=True)
    page.eval_on_selector(".table-wrap", "wrap => { wrap.scrollLeft = wrap.scrollWidth; }")  # the store group
    page.screenshot(path=str(ARTIFACTS / "console" / "07-ads-manager-store-columns.png"), full_page=True)
    assert_accessible(page, "Ads Manager with the store columns, sorted by store ROAS")
