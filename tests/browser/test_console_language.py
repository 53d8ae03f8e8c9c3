"""Vietnamese and English: the switch changes every text and the number formats, is saved for the
user (another browser opens in it), error messages follow the API's codes; a first visit and a
normal load log no console error and no failed request; the filter bar fits 1366 px."""

from __future__ import annotations

import re

from browser_helpers import ARTIFACTS, assert_accessible, log_in, open_signed_in
from playwright.sync_api import Browser, Page, expect

SHOTS = ARTIFACTS / "console"


def test_the_language_switch_is_saved_for_the_user_and_formats_for_the_locale(
    page: Page, browser: Browser, console_server
):
    SHOTS.mkdir(parents=True, exist_ok=True)
    try:
        open_signed_in(page, console_server)
        page.get_by_test_id("language").select_option("vi")
        expect(page.get_by_role("tab", name="Chiến dịch")).to_be_visible()
        expect(page.get_by_role("link", name="Cảnh báo")).to_be_visible()
        expect(page.locator("html")).to_have_attribute("lang", "vi")
        spend = page.locator("tfoot tr[data-currency=USD] td[data-metric=spend]")
        expect(spend).to_have_text(re.compile(r"^[\d.]+,\d{2}\s?US\$$"))  # vi-VN: 1.076,45 US$
        page.screenshot(path=str(SHOTS / "30-ads-manager-vietnamese.png"), full_page=True)
        assert_accessible(page, "Ads Manager in Vietnamese")

        other = browser.new_context(locale="en-US")
        try:
            second = other.new_page()
            second.goto(console_server.base_url + "/login")
            expect(
                second.get_by_role("button", name="Log in")
            ).to_be_visible()  # not signed in: the browser's
            log_in(second, console_server.email, console_server.password)
            expect(second.get_by_role("tab", name="Chiến dịch")).to_be_visible()  # signed in: the user's
        finally:
            other.close()
    finally:
        with console_server.api() as api:
            api.patch("/api/preferences", json={"locale": None}).raise_for_status()


def test_error_messages_are_chosen_by_the_api_code_in_the_chosen_language(page: Page, console_server):
    page.goto(console_server.base_url + "/login")
    page.get_by_test_id("language").select_option("vi")
    page.get_by_label("Email").fill("nobody@example.com")
    page.get_by_label("Mật khẩu").fill("not-the-password")
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_role("alert")).to_have_text("Email hoặc mật khẩu không đúng")
    page.screenshot(path=str(SHOTS / "31-login-vietnamese-error.png"))


def test_a_first_visit_and_a_normal_load_log_no_console_error_nor_failed_request(page: Page, console_server):
    problems: list[str] = []
    page.on(
        "console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None
    )
    # A request the browser cancels because the user moved on (ERR_ABORTED) is no failure.
    page.on(
        "requestfailed",
        lambda r: problems.append(f"failed: {r.url}") if r.failure != "net::ERR_ABORTED" else None,
    )
    page.on("response", lambda r: problems.append(f"{r.status}: {r.url}") if r.status >= 400 else None)
    open_signed_in(page, console_server)
    page.wait_for_load_state("networkidle")  # a reload cancels what is still in flight (a failed request)
    page.reload()
    expect(page.get_by_test_id("results")).to_have_attribute("data-state", "idle")
    for name in ("Rules", "Alerts", "Jobs", "Ad accounts"):
        page.get_by_role("link", name=re.compile(f"^{name}")).click()
        expect(page.locator("main h1")).to_be_visible()
    assert problems == []


def test_a_custom_date_range_keeps_the_filter_bar_on_one_line_at_1366_pixels(page: Page, console_server):
    page.set_viewport_size({"width": 1366, "height": 768})
    open_signed_in(page, console_server, "/ads-manager/campaigns?since=2026-11-01&until=2026-11-20")
    bar = page.locator(".filters")
    tops = bar.evaluate("b => [...b.children].map(c => Math.round(c.getBoundingClientRect().top))")
    assert max(tops) - min(tops) < 10, tops  # one line (controls differ by a few pixels in height)
