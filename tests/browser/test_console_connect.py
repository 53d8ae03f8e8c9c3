"""Connect with Facebook in the browser: a new seller registers, clicks the button, answers the
simulator's consent page, comes back to /meta/callback, picks accounts and watches the backfill;
cancel, a declined permission and a spent login each say what happened and how to start again."""

from __future__ import annotations

import re
import uuid

from browser_helpers import ARTIFACTS, assert_accessible, tab_until_focused
from playwright.sync_api import Page, expect

SHOTS = ARTIFACTS / "console"


def register_new_seller(page: Page, server, shop: str) -> None:
    code = f"invite-{uuid.uuid4().hex}"
    server.sql(
        "INSERT INTO invitations (id, code_hash, expires_at) "
        f"VALUES (gen_random_uuid(), sha256('{code}'::bytea), now() + interval '1 day')"
    )
    page.goto(f"{server.base_url}/register?invitation={code}")
    page.get_by_label("Email").fill(f"new-{uuid.uuid4().hex[:8]}@example.com")
    page.get_by_label("Password", exact=True).fill("a-long-enough-password")
    page.get_by_label("Seller name").fill(shop)
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_test_id("who")).to_contain_text(shop)


def open_consent_page(page: Page, button) -> None:
    button.click()
    expect(page.get_by_role("heading", name=re.compile("is requesting access"))).to_be_visible()


def test_a_new_seller_connects_with_facebook_picks_an_account_and_watches_its_backfill(
    page: Page, console_server
):
    SHOTS.mkdir(parents=True, exist_ok=True)
    register_new_seller(page, console_server, "Connect shop")
    empty = page.get_by_test_id("empty-no-accounts")
    expect(empty).to_contain_text("No ad account is connected yet")
    page.screenshot(path=str(SHOTS / "10-new-seller-empty-ads-manager.png"))
    assert_accessible(page, "Ads Manager, no account")

    button = empty.get_by_role("button", name="Connect with Facebook")
    tab_until_focused(page, button)
    open_consent_page(page, button)
    page.screenshot(path=str(SHOTS / "11-facebook-consent-simulated.png"))
    page.get_by_role("button", name=re.compile("^Continue as")).click()

    expect(page).to_have_url(re.compile(r"/meta/callback\?connection="))  # code and state gone from the URL
    picker = page.get_by_test_id("account-picker")
    rows = picker.get_by_test_id("picker-row")
    expect(rows).to_have_count(4)
    free = picker.locator("[data-account=act_1003]")
    expect(free).to_have_attribute("data-connectable", "true")
    expect(free).to_contain_text("Can pause, activate and change budgets")
    other = picker.locator("[data-account=act_1004]")  # the Vietnamese seller's, unless taken already
    if other.get_attribute("data-connectable") == "true":
        other.get_by_role("checkbox").uncheck()
    taken = picker.locator("[data-testid=picker-row][data-connectable=false]")
    expect(taken.first.get_by_test_id("reason")).to_have_text(
        "Another PixEcom seller has connected this account."
    )
    expect(taken.first.get_by_role("checkbox")).to_be_disabled()
    page.screenshot(path=str(SHOTS / "12-connect-account-picker.png"), full_page=True)
    assert_accessible(page, "account picker")

    picker.get_by_role("button", name="Connect 1 selected").click()
    progress = page.get_by_test_id("backfill")
    expect(progress).to_have_count(1)
    expect(progress).to_have_attribute("data-complete", "true", timeout=60_000)
    expect(progress).to_contain_text("History loaded")
    page.screenshot(path=str(SHOTS / "13-connect-backfill-done.png"))

    page.get_by_role("link", name="See ad accounts").click()
    card = page.get_by_test_id("account-card")
    expect(card).to_have_count(1)
    expect(card.get_by_test_id("token-health")).to_contain_text("Facebook login")
    expect(card.get_by_test_id("token-health")).to_have_attribute("data-state", "ok")
    assert_accessible(page, "ad accounts")


def test_cancel_on_facebook_says_so_and_offers_to_start_again(page: Page, console_server):
    register_new_seller(page, console_server, "Cancel shop")
    page.get_by_role("link", name="Ad accounts").click()
    open_consent_page(
        page, page.locator("main .page-title").get_by_role("button", name="Connect with Facebook")
    )
    page.get_by_role("button", name="Cancel").click()

    failure = page.get_by_test_id("callback-error")
    expect(failure).to_have_attribute("data-code", "login_denied")
    expect(failure).to_contain_text("cancelled")
    expect(page).to_have_url(console_server.base_url + "/meta/callback")
    page.screenshot(path=str(SHOTS / "14-connect-cancelled.png"))
    assert_accessible(page, "callback error")
    open_consent_page(page, failure.get_by_role("button", name="Start again"))


def test_a_declined_permission_is_named_and_a_spent_login_link_cannot_be_used_twice(
    page: Page, console_server
):
    register_new_seller(page, console_server, "Decline shop")
    open_consent_page(
        page, page.get_by_test_id("empty-no-accounts").get_by_role("button", name="Connect with Facebook")
    )
    page.get_by_role("checkbox", name=re.compile("ads_management")).uncheck()
    returned: list[str] = []
    page.on("framenavigated", lambda frame: returned.append(frame.url) if "code=" in frame.url else None)
    page.get_by_role("button", name=re.compile("^Continue as")).click()

    picker = page.get_by_test_id("account-picker")
    expect(picker.get_by_role("status")).to_contain_text("You declined ads_management")
    expect(picker.get_by_role("button", name="Connect again with every permission")).to_be_visible()

    page.goto(returned[0])  # Meta's redirect again (back button, a reload before the URL was replaced)
    failure = page.get_by_test_id("callback-error")
    expect(failure).to_have_attribute("data-code", "state_used")
    expect(failure.get_by_role("button", name="Start again")).to_be_visible()
