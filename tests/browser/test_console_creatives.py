"""The Creatives view in Chromium: one row per creative version as the API groups them, its look
(a placeholder where Meta's thumbnail link is gone), its fatigue in words, the video preset's
columns, and a click to the ads using it."""

from __future__ import annotations

import re

from browser_helpers import ARTIFACTS, as_screen, assert_accessible, open_signed_in
from playwright.sync_api import Page, expect

SHOTS = ARTIFACTS / "console"
CREATIVES = "/api/ads-manager/creatives"


def screen_groups(page: Page) -> list[list[str]]:
    return page.eval_on_selector_all(
        "[data-testid=creatives-table] tbody tr",
        "rows => rows.map(r => [r.dataset.key, r.dataset.currency, r.dataset.fatigue,"
        " r.querySelector('td[data-metric=spend]').dataset.value])",
    )


def api_groups(body: dict) -> list[list[str]]:
    return [
        [g["key"], g["currency"], g["fatigue"]["state"], as_screen(g["metrics"]["spend"])]
        for g in body["data"]
    ]


def test_creatives_grouped_as_the_api_says_with_fatigue_video_columns_and_a_click_to_their_ads(
    page: Page, console_server
):
    open_signed_in(page, console_server)
    page.get_by_test_id("creatives-tab").click()
    expect(page).to_have_url(re.compile(r"/ads-manager/creatives"))
    with console_server.api() as api:
        media = api.get(CREATIVES, params={"group_by": "media"}).raise_for_status().json()
        texts = api.get(CREATIVES, params={"group_by": "ad_text"}).raise_for_status().json()
    assert media["data"], "the demo ads have creatives"
    expect(page.locator("[data-testid=creatives-table] tbody tr")).to_have_count(len(media["data"]))
    assert screen_groups(page) == api_groups(media)
    # Without a thumbnail link (expired, or never given), or where it does not load (the
    # simulator's CDN is not reachable), a placeholder says so: never a broken image.
    for g in media["data"]:
        if g["creative"]["thumbnail_url"] is None:
            row = page.locator(f"[data-testid=creatives-table] tbody tr[data-key='{g['key']}']")
            expect(row.get_by_test_id("no-preview")).to_have_count(1)
    page.wait_for_function(
        "() => [...document.querySelectorAll('img.thumb')].every(i => i.complete && i.naturalWidth > 0)"
    )
    first = page.locator("[data-testid=creatives-table] tbody tr").first
    expect(first.get_by_test_id("fatigue").locator(".badge")).to_have_text(
        {"fresh": "Fresh", "watch": "Watch", "fatigued": "Fatigued"}[media["data"][0]["fatigue"]["state"]]
    )
    expect(first.locator(".fatigue-signals li").first).not_to_be_empty()
    assert_accessible(page, "Creatives")
    page.screenshot(path=str(SHOTS / "53-creatives-media.png"), full_page=True)

    try:
        # The video preset: the funnel's columns (hook rate, hold rate, cost per ThruPlay ...).
        chooser = page.get_by_test_id("column-chooser")
        chooser.locator("summary").click()
        chooser.get_by_label("Video", exact=True).check()
        chooser.locator("summary").click()
        for header in ("Hook rate", "Hold rate"):
            expect(
                page.locator("[data-testid=creatives-table] thead th").filter(has_text=header)
            ).to_have_count(1)
        hook = page.locator("[data-testid=creatives-table] tbody tr").first.locator(
            "td[data-metric=hook_rate]"
        )
        expect(hook).to_have_attribute("data-value", as_screen(media["data"][0]["metrics"]["hook_rate"]))
        page.screenshot(path=str(SHOTS / "54-creatives-video-columns.png"), full_page=True)
    finally:
        with console_server.api() as api:
            api.patch("/api/preferences", json={"ads_manager_columns": None}).raise_for_status()

    # Grouped by ad text, then a click to the ads that use the first one.
    page.get_by_test_id("group-by").locator("select").select_option("ad_text")
    expect(page).to_have_url(re.compile(r"group_by=ad_text"))
    expect(page.locator("[data-testid=creatives-table] tbody tr")).to_have_count(len(texts["data"]))
    expect(page.get_by_test_id("results")).to_have_attribute("data-state", "idle")
    assert screen_groups(page) == api_groups(texts)
    group = texts["data"][0]
    page.locator("[data-testid=creatives-table] tbody tr").first.get_by_test_id("creative-ads").click()
    expect(page).to_have_url(re.compile(r"/ads-manager/ads\?.*ad_text_version="))
    expect(page.get_by_test_id("version-filter")).to_contain_text("Ad text")
    with console_server.api() as api:
        ads = (
            api.get("/api/ads-manager/ads", params={"ad_text_version": group["key"]})
            .raise_for_status()
            .json()
        )
    # The row is the ad text in one currency: its ads are those of that currency's accounts.
    assert len([a for a in ads["data"] if a["currency"] == group["currency"]]) == group["ads"]
    expect(page.locator("[data-testid=entity-table] tbody tr")).to_have_count(group["ads"])
    expect(page.get_by_test_id("results")).to_have_attribute("data-state", "idle")
    assert_accessible(page, "the ads using one ad text")
    page.screenshot(path=str(SHOTS / "55-creative-ads.png"), full_page=True)


def test_creatives_page_through_every_group_in_the_apis_order_with_one_summary(page: Page, console_server):
    """The creatives page as the levels' lists: the same pager, each page the API's next one,
    every group once, and the summary (over every page's groups) the same on each page."""
    size = 2
    with console_server.api() as api:
        whole = api.get(CREATIVES, params={"limit": 500}).raise_for_status().json()
    assert len(whole["data"]) > 2 * size, "the demo has groups for three pages"
    open_signed_in(page, console_server)
    page.goto(f"{console_server.base_url}/ads-manager/creatives?limit={size}")
    results, pager = page.get_by_test_id("results"), page.get_by_test_id("pager")
    summary = [[s["currency"], as_screen(s["metrics"]["spend"])] for s in whole["summary"]]

    walked: list[list[str]] = []
    for number in range(1, len(whole["data"]) // size + 2):
        expect(pager).to_contain_text(f"Page {number}")
        expect(results).to_have_attribute("data-state", "idle")
        shown = screen_groups(page)
        assert shown == api_groups(whole)[len(walked) : len(walked) + size]
        assert (
            page.eval_on_selector_all(
                "[data-testid=creatives-table] tfoot tr.summary",
                "rows => rows.map(r => [r.dataset.currency,"
                " r.querySelector('td[data-metric=spend]').dataset.value])",
            )
            == summary
        )
        walked += shown
        if number == 2:
            assert_accessible(page, "Creatives, page 2")
        following = pager.get_by_role("button", name="Next")
        if len(walked) == len(whole["data"]):
            expect(following).to_be_disabled()
            break
        following.click()
    assert walked == api_groups(whole)
    pager.get_by_role("button", name="Previous").click()
    expect(pager).to_contain_text(f"Page {number - 1}")
    expect(results).to_have_attribute("data-state", "idle")
    assert screen_groups(page) == api_groups(whole)[(number - 2) * size : (number - 1) * size]
    page.screenshot(path=str(SHOTS / "56-creatives-pages.png"), full_page=True)
