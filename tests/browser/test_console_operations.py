"""Rules, alerts and jobs in the browser, against the real server: what the API holds is what
the screen shows, every action goes through the API, and axe finds nothing serious."""

from __future__ import annotations

import re
import time
import uuid
from datetime import date

from browser_helpers import ARTIFACTS, assert_accessible, open_signed_in, tab_until_focused
from playwright.sync_api import Page, expect

SHOTS = ARTIFACTS / "console"


def test_alerts_list_filters_and_acknowledge_with_the_open_count_in_the_navigation(
    page: Page, console_server
):
    SHOTS.mkdir(parents=True, exist_ok=True)
    with console_server.api() as api:
        # Demo data has disapproved ads: wait until the automation after the first sync has opened
        # their alerts (the same count twice, 3 s apart).
        deadline, before = time.monotonic() + 60, None
        while True:
            opened = api.get("/api/alerts", params={"limit": 200}).json()["data"]
            if opened and before is not None and len(opened) == len(before):
                break
            assert time.monotonic() < deadline, "the demo seller's alerts never settled"
            before = opened
            time.sleep(3)
    open_signed_in(page, console_server, "/alerts")
    expect(page.get_by_test_id("nav-alerts")).to_contain_text(str(len(opened)))
    table = page.get_by_test_id("alerts-table")
    expect(table.locator("tbody tr")).to_have_count(len(opened))
    page.screenshot(path=str(SHOTS / "20-alerts.png"), full_page=True)
    assert_accessible(page, "alerts")

    severity = opened[0]["severity"]
    page.get_by_role("group", name="Alert filters").get_by_label(severity, exact=True).check()
    expect(page).to_have_url(re.compile(f"severity={severity}"))
    expect(table.locator(f"tbody tr:not([data-severity={severity}])")).to_have_count(0)

    first = table.locator("tbody tr").first
    alert_id = first.get_attribute("data-id")
    ack = first.get_by_role("button", name=re.compile("^Acknowledge"))
    tab_until_focused(page, ack)  # by keyboard alone
    page.keyboard.press("Enter")
    expect(first).to_contain_text("Acknowledged")
    with console_server.api() as api:
        acked = [
            a for a in api.get("/api/alerts", params={"limit": 200}).json()["data"] if a["id"] == alert_id
        ]
    assert acked[0]["acknowledged_at"] is not None


def test_thresholds_and_the_webhook_are_saved_through_the_api(page: Page, console_server):
    open_signed_in(page, console_server, "/alerts")
    thresholds = page.get_by_role("form", name="Alert thresholds")
    thresholds.get_by_label("ROAS floor (empty: off)").fill("1.5")
    thresholds.get_by_label("Target cost per purchase (empty: off)").fill("2500")
    thresholds.get_by_label("Currency of the target cost").select_option("JPY")
    thresholds.get_by_role("button", name="Save thresholds").click()
    expect(thresholds).to_contain_text("Saved")
    hook = page.get_by_role("form", name="Alert webhook")
    hook.get_by_label("URL (https)").fill("https://127.0.0.1:9/pixecom")
    hook.get_by_label(re.compile("^Signing secret")).fill("a-secret-of-enough-length")
    hook.get_by_role("button", name="Save webhook").click()
    expect(hook.get_by_test_id("webhook-status")).to_be_visible()
    with console_server.api() as api:
        settings = api.get("/api/alerts/settings").json()
        assert settings["roas_floor"] in ("1.5", "1.50", "1.5000")
        assert settings["target_cost_per_purchase"] == {"amount": "2500", "currency": "JPY"}
        api.put("/api/alerts/settings", json={**settings, "target_cost_per_purchase": None})
        assert api.get("/api/alerts/webhook").json()["url"] == "https://127.0.0.1:9/pixecom"
        api.delete("/api/alerts/webhook")


def test_a_rule_is_made_with_the_form_previewed_enabled_and_disabled(page: Page, console_server):
    name = f"Pause spenders {uuid.uuid4().hex[:6]}"
    open_signed_in(page, console_server, "/rules")
    page.get_by_role("button", name="New rule").click()
    form = page.get_by_role("form", name="New rule")
    form.get_by_label("Name").fill(name)
    form.get_by_label("Applies to").select_option("ad")
    form.get_by_label("Numbers of").select_option("last_7d")
    form.get_by_label("Only when spend is at least").fill("0")
    form.get_by_label("Condition 1 metric").select_option("spend")
    form.get_by_label("Condition 1 comparison").select_option("gt")
    form.get_by_label("Condition 1 value").fill("1")
    assert_accessible(page, "rule form")
    form.get_by_role("button", name="Save rule").click()

    card = page.locator(f"[data-testid=rule-card][data-rule='{name}']")
    expect(card).to_have_attribute("data-enabled", "false")
    with console_server.api() as api:
        rule = next(r for r in api.get("/api/rules").json()["data"] if r["name"] == name)
        expected = api.post(f"/api/rules/{rule['id']}/preview").json()["entities"]
    started = time.monotonic()
    card.get_by_role("button", name="Preview").click()
    preview = card.get_by_test_id("rule-preview")
    expect(preview).to_be_visible()
    expect(preview.locator("tbody tr")).to_have_count(len(expected))
    print(
        f"\nconsole timing: opening a rule preview {time.monotonic() - started:.2f} s ({len(expected)} rows)"
    )
    page.screenshot(path=str(SHOTS / "21-rule-preview.png"), full_page=True)
    assert_accessible(page, "rule preview")

    card.get_by_role("button", name="Enable").click()
    expect(card).to_have_attribute("data-enabled", "true")
    card.get_by_role("button", name="Disable").click()
    expect(card).to_have_attribute("data-enabled", "false")
    card.get_by_role("button", name="Runs").click()
    expect(card).to_contain_text("This rule has not acted yet")


def test_a_money_condition_in_a_chosen_currency_applies_converted_and_the_preview_says_so(
    page: Page, console_server
):
    name = f"Spend in yen {uuid.uuid4().hex[:6]}"
    open_signed_in(page, console_server, "/rules")
    page.get_by_role("button", name="New rule").click()
    form = page.get_by_role("form", name="New rule")
    form.get_by_label("Name").fill(name)
    form.get_by_label("Numbers of").select_option("last_7d")
    form.get_by_label("Only when spend is at least").fill("0")
    form.get_by_label("Condition 1 metric").select_option("spend")
    form.get_by_label("Condition 1 comparison").select_option("gt")
    form.get_by_label("Condition 1 value").fill("150")
    form.get_by_label("Condition 1 currency").select_option("JPY")  # neither connected account's
    form.get_by_role("button", name="Save rule").click()

    card = page.locator(f"[data-testid=rule-card][data-rule='{name}']")
    expect(card).to_contain_text("Spend > ¥150")
    with console_server.api() as api:
        rule = next(r for r in api.get("/api/rules").json()["data"] if r["name"] == name)
        expected = api.post(f"/api/rules/{rule['id']}/preview").json()
    assert rule["conditions"][0]["value"] == {"amount": "150", "currency": "JPY"}
    assert expected["entities"] and not expected["skipped_accounts"]

    card.get_by_role("button", name="Preview").click()
    rows = card.get_by_test_id("rule-preview").locator("tbody tr")
    expect(rows).to_have_count(len(expected["entities"]))
    for i, entity in enumerate(expected["entities"]):
        row = rows.nth(i)
        expect(row).to_have_attribute("data-currency", entity["currency"])
        note = next(n for n in entity["conversions"] if n["threshold"] == "spend")
        rate_date = date.fromisoformat(note["rate_date"])
        # In words: the yen amount, what it became in the account's currency, and the dated rate.
        expect(row.get_by_test_id("conversions")).to_contain_text(
            f"Spend {note['from']} applied as {note['to']} "
            f"(ECB rate of {rate_date:%b} {rate_date.day}, {rate_date.year})"
        )
    symbols = {"USD": "$", "EUR": "€"}
    first = expected["entities"][0]
    expect(rows.first.locator("td[data-metric=spend]")).to_contain_text(symbols[first["currency"]])
    page.screenshot(path=str(SHOTS / "23-rule-preview-converted.png"), full_page=True)
    assert_accessible(page, "rule preview with conversions")


def test_a_preview_names_the_accounts_a_rule_cannot_apply_to(page: Page, console_server):
    name = f"Spend in dong {uuid.uuid4().hex[:6]}"
    with console_server.api() as api:
        api.post(
            "/api/rules",
            json={
                "name": name,
                "level": "ad",
                "window": "last_7d",
                "conditions": [{"metric": "roas", "op": "lt", "value": "1"}],
                "min_spend": {"amount": "500000", "currency": "VND"},  # the ECB publishes no VND rate
                "action": {"type": "pause"},
                "enabled": False,
            },
        ).raise_for_status()
        accounts = {a["id"]: a for a in api.get("/api/ad-accounts").json()["data"]}
    open_signed_in(page, console_server, "/rules")
    card = page.locator(f"[data-testid=rule-card][data-rule='{name}']")
    card.get_by_role("button", name="Preview").click()
    skipped = card.get_by_test_id("rule-skipped").locator("li")
    expect(skipped).to_have_count(len(accounts))
    for account in accounts.values():
        expect(card.get_by_test_id("rule-skipped")).to_contain_text(
            f"Not applied to {account['name']} ({account['currency']}): there is no exchange rate "
            f"from VND to {account['currency']}"
        )


def test_jobs_list_bulk_jobs_with_their_items_and_metas_messages(page: Page, console_server):
    with console_server.api() as api:
        ads = api.get("/api/ads-manager/ads", params={"limit": 2, "status": "ACTIVE"}).json()["data"]
        job = api.post(
            "/api/ads-manager/status",
            json={"level": "ad", "ids": [a["id"] for a in ads], "status": "ACTIVE"},
            headers={"Idempotency-Key": uuid.uuid4().hex},
        ).json()
    open_signed_in(page, console_server, "/jobs")
    row = page.locator(f"[data-testid=jobs-table] tr[data-id='{job['job_id']}']")
    expect(row.get_by_test_id("job-by")).to_have_text("You (bulk)")
    row.get_by_role("button", name="Items").click()
    items = page.get_by_test_id("job-items").locator("li")
    expect(items).to_have_count(len(ads))
    page.screenshot(path=str(SHOTS / "22-jobs.png"), full_page=True)
    assert_accessible(page, "jobs")


def test_send_a_test_shows_how_the_webhook_answered(page: Page, console_server):
    open_signed_in(page, console_server, "/alerts")
    hook = page.get_by_role("form", name="Alert webhook")
    hook.get_by_label("URL (https)").fill("http://127.0.0.1:9/nobody-listens")
    hook.get_by_label(re.compile("^Signing secret")).fill("a-secret-of-enough-length")
    hook.get_by_role("button", name="Save webhook").click()
    try:
        hook.get_by_role("button", name="Send a test").click()
        expect(hook.get_by_test_id("webhook-test")).to_contain_text("could not reach the webhook")
        expect(hook.get_by_test_id("webhook-status")).to_have_attribute("data-status", "failing")
        expect(hook.get_by_test_id("webhook-status")).to_contain_text("failing")
    finally:
        with console_server.api() as api:
            api.delete("/api/alerts/webhook")


def test_a_rule_made_job_names_its_rule(page: Page, console_server):
    name = f"Stop one ad {uuid.uuid4().hex[:6]}"
    with console_server.api() as api:
        ad = api.get("/api/ads-manager/ads", params={"status": "ACTIVE", "date_preset": "last_7d"}).json()[
            "data"
        ][0]
        rule = api.post(
            "/api/rules",
            json={
                "name": name,
                "level": "ad",
                "scope": {"name_contains": ad["name"]},
                "window": "last_7d",
                "conditions": [{"metric": "spend", "op": "gte", "value": {"amount": "0", "currency": "USD"}}],
                "min_spend": {"amount": "0", "currency": "USD"},
                "action": {"type": "pause"},
                "enabled": True,
            },
        ).json()
        try:
            api.post(f"/api/ad-accounts/{ad['ad_account_id']}/sync").raise_for_status()  # evaluated after it
            deadline = time.monotonic() + 60
            while not (
                runs := [r for r in api.get(f"/api/rules/{rule['id']}/runs").json()["data"] if r["job_id"]]
            ):
                assert time.monotonic() < deadline, "the rule never acted"
                time.sleep(1)
            open_signed_in(page, console_server, "/jobs")
            row = page.locator(f"[data-testid=jobs-table] tr[data-id='{runs[0]['job_id']}']")
            expect(row.get_by_test_id("job-by")).to_have_text(f"Rule “{name}”")
        finally:
            api.post(f"/api/rules/{rule['id']}/disable")
            api.post(
                "/api/ads-manager/status",
                json={"level": "ad", "ids": [ad["id"]], "status": "ACTIVE"},
                headers={"Idempotency-Key": uuid.uuid4().hex},
            )
