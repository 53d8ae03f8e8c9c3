"""The team and what each role sees, and budgets edited in the Ads Manager, in the browser
against the real server: every change goes through the API and the API holds what the screen
said; a limited member meets no control their role cannot use (and no refused request)."""

from __future__ import annotations

import re
import uuid
from decimal import Decimal
from typing import Any

import httpx
from browser_helpers import ARTIFACTS, assert_accessible, log_in
from playwright.sync_api import Page, expect

SHOTS = ARTIFACTS / "console"
PASSWORD = "a long enough password 1"


def join_team(server: Any, role: str) -> str:
    """A new member of the demo seller's team with `role` (invited by the owner); their email."""
    email = f"{role}-{uuid.uuid4().hex[:8]}@example.com"
    with server.api() as owner:
        code = owner.post("/api/team/invitations", json={"email": email, "role": role}).raise_for_status()
        body = {"email": email, "password": PASSWORD, "invitation_code": code.json()["code"]}
        httpx.post(server.base_url + "/api/auth/register", json=body).raise_for_status()
    return email


def members(server: Any) -> dict[str, str]:
    with server.api() as owner:
        return {m["email"]: m["role"] for m in owner.get("/api/team/members").json()["data"]}


def test_the_owner_invites_a_member_who_joins_by_the_link_then_changes_their_role_and_removes_them(
    page: Page, console_server
):
    SHOTS.mkdir(parents=True, exist_ok=True)
    buyer = f"buyer-{uuid.uuid4().hex[:8]}@example.com"
    page.goto(console_server.base_url + "/team")
    log_in(page, console_server.email, console_server.password)
    expect(page.locator("main h1")).to_have_text("Team")

    invite = page.get_by_role("form", name="Invite a member")
    for email in ("changed-my-mind@example.com", buyer):
        invite.get_by_label("Email").fill(email)
        invite.get_by_label("Role").select_option(label="Media buyer")
        invite.get_by_role("button", name="Invite").click()
        expect(page.get_by_test_id("new-invitation")).to_contain_text(email)
    pending = page.get_by_test_id("invitations").locator("li")
    expect(pending.filter(has_text=buyer)).to_contain_text("Media buyer")
    code = page.get_by_test_id("invitation-code").inner_text()
    link = page.get_by_test_id("invitation-link").inner_text()
    assert link == f"{console_server.base_url}/register?invitation={code}"
    page.screenshot(path=str(SHOTS / "40-team.png"), full_page=True)
    assert_accessible(page, "team")

    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.get_by_test_id("new-invitation").get_by_role("button", name="Copy link").click()
    expect(page.get_by_role("button", name="Copied")).to_be_visible()
    assert page.evaluate("() => navigator.clipboard.readText()") == link

    page.get_by_role("button", name="Revoke the invitation of changed-my-mind@example.com").click()
    expect(pending.filter(has_text="changed-my-mind@example.com")).to_have_count(0)

    # The invitee opens the link in their own browser and joins: no seller of their own to name.
    invitee = page.context.browser.new_context(viewport={"width": 1440, "height": 900}, locale="en-US")
    joining = invitee.new_page()
    joining.goto(link)
    joining.get_by_label("Email").fill(buyer)
    joining.get_by_label("Password").fill(PASSWORD)
    joining.get_by_role("button", name="Create account").click()
    expect(joining.get_by_test_id("who")).to_contain_text(f"Demo Seller · {buyer}")
    invitee.close()

    page.reload()
    row = page.locator(f"[data-testid=members] tr[data-email='{buyer}']")
    expect(row).to_have_attribute("data-role", "media_buyer")
    expect(pending.filter(has_text=buyer)).to_have_count(0)  # spent
    row.get_by_label(f"Role of {buyer}").select_option(label="Analyst")
    expect(row).to_have_attribute("data-role", "analyst")
    assert members(console_server)[buyer] == "analyst"

    row.get_by_role("button", name=f"Remove {buyer}").click()
    row.get_by_role("button", name=f"Remove {buyer} now").click()
    expect(row).to_have_count(0)
    assert buyer not in members(console_server)


def test_an_analyst_meets_no_control_their_role_cannot_use_and_no_refused_request(page: Page, console_server):
    analyst = join_team(console_server, "analyst")
    refused: list[str] = []
    page.on("response", lambda r: refused.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.on("console", lambda m: refused.append(f"console: {m.text}") if m.type == "error" else None)
    page.goto(console_server.base_url + "/ads-manager/campaigns")
    log_in(page, analyst, PASSWORD)
    expect(page.get_by_test_id("results")).to_have_attribute("data-state", "idle")
    table = page.get_by_test_id("entity-table")
    expect(table.locator("tbody tr").first).to_be_visible()
    note = page.get_by_test_id("read-only-note")
    expect(note).to_have_text(
        "Your role (Analyst) may see campaigns, ad sets and ads (pausing and budgets) but not change them."
    )
    expect(table.get_by_role("checkbox")).to_have_count(0)  # no selection: no pause/activate
    expect(table.locator("td.budget").first).to_contain_text("per day")  # the budget, not its editor
    expect(table.get_by_role("button", name=re.compile("^Edit budget"))).to_have_count(0)
    page.screenshot(path=str(SHOTS / "41-analyst-ads-manager.png"), full_page=True)

    page.get_by_role("link", name="Rules").click()
    expect(page.locator("main h1")).to_have_text("Rules")
    expect(page.get_by_test_id("read-only-note")).to_contain_text("rules")
    for name in ("New rule", "Create your first rule", "Edit", "Enable", "Disable", "Preview"):
        expect(page.get_by_role("button", name=name, exact=True)).to_have_count(0)

    page.get_by_role("link", name=re.compile("^Alerts")).click()
    expect(page.get_by_test_id("alerts-table")).to_be_visible()
    expect(page.get_by_role("button", name=re.compile("^Acknowledge"))).to_have_count(0)
    expect(page.get_by_role("form", name="Alert webhook")).to_have_count(0)
    thresholds = page.get_by_role("form", name="Alert thresholds")
    expect(thresholds.get_by_role("button", name="Save thresholds")).to_have_count(0)
    expect(thresholds.get_by_role("textbox").first).to_be_disabled()

    page.get_by_role("link", name="Ad accounts").click()
    expect(page.get_by_test_id("account-card").first).to_be_visible()
    expect(page.get_by_role("button", name="Connect with Facebook")).to_have_count(0)
    expect(page.get_by_role("button", name="Sync now")).to_have_count(0)
    expect(page.get_by_test_id("reporting-currency")).to_be_disabled()

    page.get_by_role("link", name="Team").click()
    expect(page.get_by_test_id("members").locator(f"tr[data-email='{analyst}']")).to_contain_text("(you)")
    expect(page.get_by_role("form", name="Invite a member")).to_have_count(0)
    expect(page.get_by_test_id("members").get_by_role("combobox")).to_have_count(0)
    expect(page.get_by_role("button", name=re.compile("^Remove"))).to_have_count(0)
    page.screenshot(path=str(SHOTS / "42-analyst-team.png"), full_page=True)
    assert_accessible(page, "team as an analyst")
    assert refused == []


def test_a_campaign_budget_is_edited_inline_as_a_job_and_a_refusal_says_why(page: Page, console_server):
    with console_server.api() as api:
        rows = api.get("/api/ads-manager/campaigns", params={"limit": 50, "status": "ACTIVE"}).json()["data"]
    row = next(r for r in rows if r["budget"] and r["currency"] == "USD")
    page.goto(console_server.base_url + "/ads-manager/campaigns")
    log_in(page, console_server.email, console_server.password)
    expect(page.get_by_test_id("results")).to_have_attribute("data-state", "idle")
    cell = page.locator(f"[data-testid=entity-table] tr[data-id='{row['id']}'] td.budget")
    shown = f"${Decimal(row['budget']['amount']):,.2f}"
    expect(cell).to_have_text(f"{shown}per day")

    new = Decimal(row["budget"]["amount"]) + 7
    cell.get_by_role("button", name=f"Edit budget of {row['name']}").click()
    editor = cell.get_by_label(f"New daily budget of {row['name']} in USD")
    expect(editor).to_be_focused()
    editor.fill(str(new))
    editor.press("Enter")
    job = page.get_by_test_id("job-panel")
    expect(job).to_have_attribute("data-status", "succeeded", timeout=30_000)
    expect(job.get_by_test_id("job-budget-items")).to_contain_text(f"{shown} → ${new:,.2f}")
    expect(cell).to_have_text(f"${new:,.2f}per day")
    page.screenshot(path=str(SHOTS / "43-budget-edited.png"), full_page=True)

    cell.get_by_role("button", name=f"Edit budget of {row['name']}").click()
    cell.get_by_role("textbox").fill("1")
    cell.get_by_role("button", name="Save budget").click()
    expect(job).to_have_attribute("data-status", "failed", timeout=30_000)
    expect(job.get_by_test_id("job-budget-items")).to_contain_text(
        "$1.00 is below Meta's minimum daily budget of $10.00"
    )
    assert_accessible(page, "ads manager with a budget job")
    with console_server.api() as api:
        after = api.get("/api/ads-manager/campaigns", params={"campaign_id": [row["id"]]}).json()["data"][0]
    assert Decimal(after["budget"]["amount"]) == new
