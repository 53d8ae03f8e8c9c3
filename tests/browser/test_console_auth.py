"""Signing in and staying signed in, as a seller sees it in Chromium."""

from __future__ import annotations

import re
import uuid

from browser_helpers import log_in, open_signed_in
from playwright.sync_api import Page, expect


def test_login_refuses_a_wrong_password_in_the_apis_words_and_lets_the_right_one_in(
    page: Page, console_server
):
    page.goto(console_server.base_url + "/")
    expect(page).to_have_url(console_server.base_url + "/login")
    log_in(page, console_server.email, "not-the-password")
    expect(page.get_by_role("alert")).to_have_text("Invalid email or password")
    expect(page).to_have_url(console_server.base_url + "/login")

    log_in(page, console_server.email, console_server.password)

    expect(page).to_have_url(console_server.base_url + "/ads-manager/campaigns")
    expect(page.get_by_test_id("entity-table")).to_be_visible()
    expect(page.get_by_test_id("who")).to_contain_text(console_server.email)


def test_a_throttled_login_shows_the_wait_from_retry_after_and_holds_the_button(page: Page, console_server):
    page.goto(console_server.base_url + "/login")
    email = f"nobody-{uuid.uuid4().hex[:8]}@example.com"
    for _ in range(6):
        log_in(page, email, "wrong-password")
        expect(page.get_by_role("alert")).to_be_visible()
        if "Too many" in page.get_by_role("alert").inner_text():
            break
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("Too many failed logins, try again later")
    expect(alert).to_contain_text("Try again in 14 min")  # Retry-After: the rest of 15 minutes
    expect(page.get_by_role("button", name="Log in")).to_be_disabled()


def test_an_unauthenticated_visit_goes_to_login_and_comes_back_after_it(page: Page, console_server):
    target = "/ads-manager/adsets?status=ACTIVE&sort=name"
    page.goto(console_server.base_url + target)
    expect(page).to_have_url(re.compile(r"/login\?next="))

    log_in(page, console_server.email, console_server.password)

    expect(page).to_have_url(console_server.base_url + target)
    expect(page.get_by_role("tab", name="Ad sets")).to_have_attribute("aria-selected", "true")


def test_register_shows_the_invitation_field_and_password_rule_refuses_a_taken_email_and_signs_in(
    page: Page, console_server
):
    code = f"invite-{uuid.uuid4().hex}"
    console_server.sql(
        "INSERT INTO invitations (id, code_hash, expires_at) "
        f"VALUES (gen_random_uuid(), sha256('{code}'::bytea), now() + interval '1 day')"
    )
    page.goto(console_server.base_url + "/register")
    # Said before any submit: this server signs up by invitation, and the password rule.
    expect(page.get_by_label("Invitation code")).to_be_visible()
    expect(page.get_by_test_id("password-rule")).to_have_text("At least 10 characters.")
    page.get_by_label("Email").fill(f"new-{uuid.uuid4().hex[:8]}@example.com")
    page.get_by_label("Password").fill("a-long-enough-password")
    page.get_by_label("Seller name").fill("Second shop")
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("alert")).to_contain_text("invitation")

    page.get_by_label("Invitation code").fill(code)
    email = page.get_by_label("Email").input_value()
    page.get_by_label("Email").fill(console_server.email)
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("alert")).to_contain_text("Email is already registered")

    page.get_by_label("Email").fill(email)
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_test_id("who")).to_contain_text("Second shop")
    expect(page.get_by_test_id("empty-no-accounts")).to_contain_text("connect your Facebook ad accounts")


def test_an_invitation_link_fills_in_the_code(page: Page, console_server):
    page.goto(console_server.base_url + "/register?invitation=from-the-link")
    expect(page.get_by_label("Invitation code")).to_have_value("from-the-link")


def test_logout_ends_the_session_and_the_ads_manager_asks_for_login_again(page: Page, console_server):
    open_signed_in(page, console_server)
    page.get_by_role("button", name="Log out").click()
    expect(page).to_have_url(console_server.base_url + "/login")

    page.goto(console_server.base_url + "/ads-manager/campaigns")

    expect(page).to_have_url(re.compile(r"/login\?next="))
    page.reload()
    expect(page.get_by_role("button", name="Log in")).to_be_visible()
