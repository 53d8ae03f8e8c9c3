"""What the browser tests do as a seller, and how they read the screen."""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

from playwright.sync_api import Page, expect

from pixecom.domain.column_presets import DEFAULT_PRESET, PRESETS

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "test-artifacts"  # gitignored: screenshots for reviewers and of failures
ACCESS_TOKEN_TTL_SECONDS = 5  # the test server's setting: every test runs across expiries

# The columns a user who never chose sees: the API's default preset.
METRICS = next(p.columns for p in PRESETS if p.id == DEFAULT_PRESET)


def log_in(page: Page, email: str, password: str) -> None:
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()


def open_signed_in(page: Page, server: Any, path: str = "/ads-manager/campaigns") -> None:
    """Visit `path`, log in on the way (the app sends us back there), wait for the page's content."""
    page.goto(server.base_url + path)
    expect(page).to_have_url(re.compile(r"/login"))
    log_in(page, server.email, server.password)
    expect(page).to_have_url(server.base_url + path)
    if path.startswith("/ads-manager"):
        expect(page.get_by_test_id("results")).to_have_attribute("data-state", "idle")
        expect(page.get_by_test_id("entity-table")).to_be_visible()
    else:
        expect(page.locator("main h1")).to_be_visible()


def screen_rows(page: Page) -> list[dict[str, Any]]:
    """Each table row as {id, status, delivery, metrics: {key: raw API value}}."""
    return page.eval_on_selector_all(
        "[data-testid=entity-table] tbody tr",
        """rows => rows.map(r => ({
            id: r.dataset.id,
            name: r.querySelector('.entity-name').textContent,
            status: r.querySelector('td.status').dataset.value,
            delivery: r.querySelector('.badge').dataset.value,
            metrics: Object.fromEntries([...r.querySelectorAll('td[data-metric]')]
                .map(td => [td.dataset.metric, td.dataset.value])),
        }))""",
    )


def screen_summary(page: Page) -> dict[str, dict[str, str]]:
    return page.eval_on_selector_all(
        "[data-testid=entity-table] tfoot tr.summary",
        """rows => Object.fromEntries(rows.map(r => [r.dataset.currency, Object.fromEntries(
            [...r.querySelectorAll('td[data-metric]')]
                .map(td => [td.dataset.metric, td.dataset.value]))]))""",
    )


def as_screen(value: Any) -> str:
    """How the page writes a metric's raw value into data-value (JS String())."""
    if value is None:
        return "null"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def api_view(body: dict[str, Any]) -> tuple[list[dict[str, Any]], dict[str, dict[str, str]]]:
    rows = [
        {
            "id": r["id"],
            "name": r["name"],
            "status": r["status"],
            "delivery": r["delivery_status"],
            "metrics": {k: as_screen(r["metrics"][k]) for k in METRICS},
        }
        for r in body["data"]
    ]
    summary = {s["currency"]: {k: as_screen(s["metrics"][k]) for k in METRICS} for s in body["summary"]}
    return rows, summary


def wait_for_screen_to_equal_api(
    page: Page, api: Any, path: str, params: Any, timeout: float = 10
) -> list[dict[str, Any]]:
    """Poll until the table (rows, in order, and the summary) equals the API's answer; return rows."""
    expected_rows, expected_summary = api_view(api.get(path, params=params).raise_for_status().json())
    deadline = time.monotonic() + timeout
    while True:
        settled = page.get_by_test_id("results").get_attribute("data-state") == "idle"
        rows, summary = screen_rows(page), screen_summary(page)
        if settled and rows == expected_rows and summary == expected_summary:
            return rows
        if time.monotonic() > deadline:
            assert rows == expected_rows
            assert summary == expected_summary
            raise AssertionError("the table never settled")
        page.wait_for_timeout(100)


def choose(page: Page, filter_id: str, *labels: str) -> None:
    """Tick options of one of the multi-select filters, then close it."""
    menu = page.get_by_test_id(filter_id)
    menu.locator("summary").click()
    for label in labels:
        menu.get_by_label(label, exact=True).check()
    menu.locator("summary").click()


AXE_SCRIPT = REPO / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING_IMPACTS = ("serious", "critical")


def assert_accessible(page: Page, screen: str) -> None:
    """axe-core (from the workspace's node_modules) finds no serious or critical violation, on
    the settled screen (a list being refetched is dimmed for a moment: not what a user reads)."""
    page.wait_for_function("() => !document.querySelector('.fetching')", timeout=30_000)
    if not page.evaluate("() => Boolean(window.axe)"):
        page.add_script_tag(path=str(AXE_SCRIPT))
    result = page.evaluate("async () => (await window.axe.run(document)).violations")
    blocking = [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in result
        if v["impact"] in BLOCKING_IMPACTS
    ]
    assert not blocking, f"axe on {screen}:\n" + "\n".join(blocking)


def tab_until_focused(page: Page, target: Any, presses: int = 60) -> None:
    """Reach `target` with the Tab key alone (every control must be reachable by keyboard)."""
    page.locator("body").focus()
    for _ in range(presses):
        page.keyboard.press("Tab")
        if target.evaluate("el => el === document.activeElement"):
            return
    raise AssertionError(f"{target} not reached in {presses} Tab presses")
