"""Sessions in the browser with 5-second access tokens: renewals nobody sees, two tabs, expiry.

Each expiry is the server's clock moved past the tokens' life (`expire_access_tokens`), the
same 401 and renewal as waiting 6 s, without the wait."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from browser_helpers import choose, log_in, open_signed_in, screen_rows
from playwright.sync_api import BrowserContext, Page, expect


@pytest.fixture(autouse=True)
def wall_clock_after(console_server) -> Iterator[None]:
    """The server's clock back to the wall clock after each test (the next test's dates)."""
    yield
    console_server.reset_clock()


def test_the_seller_keeps_working_across_several_token_expiries_without_seeing_the_login_page(
    page: Page, console_server
):
    open_signed_in(page, console_server)
    logins = []
    page.on("framenavigated", lambda frame: "/login" in frame.url and logins.append(frame.url))
    for step in range(3):
        console_server.expire_access_tokens()  # the access token has expired again
        if step == 0:
            page.get_by_role("tab", name="Ad sets").click()
        elif step == 1:
            choose(page, "filter-status", "Active")
        else:
            page.reload()
        expect(page.get_by_test_id("results")).to_have_attribute("data-state", "idle")
        assert screen_rows(page), f"no rows after expiry {step + 1}"
    assert logins == []
    expect(page).to_have_url(re.compile(r"/ads-manager/adsets\?status=ACTIVE$"))


def test_two_tabs_of_one_session_keep_working_together_and_logout_in_one_ends_both(
    context: BrowserContext, console_server
):
    first = context.new_page()
    open_signed_in(first, console_server)
    second = context.new_page()
    second.goto(console_server.base_url + "/ad-accounts")  # the session is restored from the cookie
    expect(second.get_by_test_id("account-card").first).to_be_visible()

    for _ in range(2):
        console_server.expire_access_tokens()
        # Both tabs meet an expired token at the same moment and renew it together.
        first.get_by_role("tab", name="Ads").click()
        second.reload()
        expect(first.get_by_test_id("results")).to_have_attribute("data-state", "idle")
        expect(second.get_by_test_id("account-card").first).to_be_visible()
        assert "/login" not in first.url and "/login" not in second.url
        first.get_by_role("tab", name="Campaigns").click()

    second.get_by_role("button", name="Log out").click()
    expect(second).to_have_url(console_server.base_url + "/login")
    expect(first).to_have_url(re.compile(r"/login\?next="))


def test_a_session_that_cannot_be_renewed_goes_to_login_and_back_to_the_same_page(page: Page, console_server):
    target = "/ads-manager/adsets?status=ACTIVE&sort=name"
    open_signed_in(page, console_server, target)
    console_server.sql("UPDATE refresh_tokens SET revoked_at = now() WHERE revoked_at IS NULL")
    console_server.expire_access_tokens()

    page.get_by_role("tab", name="Ads").click()  # needs the API: the refresh is refused

    expect(page).to_have_url(re.compile(r"/login\?next="))
    log_in(page, console_server.email, console_server.password)
    expect(page).to_have_url(console_server.base_url + target.replace("adsets", "ads"))
    expect(page.get_by_test_id("entity-table")).to_be_visible()
