"""A new seller, in the browser only and in Vietnamese: registers, connects an ad account with
Facebook (the simulator plays Meta), watches its backfill, chooses the Ads Manager's columns,
pauses an ad, changes a campaign's budget, makes a rule and previews it, acknowledges an alert
and downloads the CSV."""

from __future__ import annotations

import csv
import io
import re
import time
import uuid
from decimal import Decimal

import httpx
from browser_helpers import ARTIFACTS, assert_accessible
from playwright.sync_api import Page, expect

SHOTS = ARTIFACTS / "console"
PASSWORD = "mat-khau-du-dai-123"


def test_a_new_seller_does_everything_in_vietnamese(page: Page, console_server):
    SHOTS.mkdir(parents=True, exist_ok=True)
    code, email = f"invite-{uuid.uuid4().hex}", f"vi-{uuid.uuid4().hex[:8]}@example.com"
    console_server.sql(
        "INSERT INTO invitations (id, code_hash, expires_at) "
        f"VALUES (gen_random_uuid(), sha256('{code}'::bytea), now() + interval '1 day')"
    )
    page.goto(f"{console_server.base_url}/register?invitation={code}")
    page.get_by_test_id("language").select_option("vi")
    expect(page.get_by_test_id("password-rule")).to_have_text("Ít nhất 10 ký tự.")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Mật khẩu", exact=True).fill(PASSWORD)
    page.get_by_label("Tên cửa hàng").fill("Shop Sài Gòn")
    page.get_by_role("button", name="Tạo tài khoản").click()

    # Connect with Facebook: the consent page is the simulated Meta's (in English, as Meta's would be
    # in this browser's language).
    page.get_by_test_id("empty-no-accounts").get_by_role("button", name="Kết nối với Facebook").click()
    page.get_by_role("button", name=re.compile("^Continue as")).click()
    picker = page.get_by_test_id("account-picker")
    expect(picker.get_by_role("heading")).to_have_text("Chọn tài khoản quảng cáo để kết nối")
    for row in picker.locator("[data-testid=picker-row][data-connectable=true]").all():
        if row.get_attribute("data-account") != "act_1004":
            row.get_by_role("checkbox").uncheck()
    picker.get_by_role("button", name="Kết nối 1 tài khoản đã chọn").click()
    backfill = page.get_by_test_id("backfill")
    expect(backfill).to_have_attribute("data-complete", "true", timeout=60_000)
    expect(backfill).to_contain_text("Đã tải xong lịch sử")
    page.screenshot(path=str(SHOTS / "32-vi-connected.png"))

    # The Ads Manager, with the columns this seller chooses.
    page.get_by_role("link", name="Mở Trình quản lý quảng cáo").click()
    page.get_by_role("tab", name="Quảng cáo", exact=True).click()
    table = page.get_by_test_id("entity-table")
    expect(table.locator("tbody tr").first).to_be_visible(timeout=30_000)
    chooser = page.get_by_test_id("column-chooser")
    chooser.locator("summary").click()
    chooser.get_by_label("Phễu", exact=True).check()
    chooser.locator("summary").click()
    expect(table.locator("thead th").filter(has_text="CR3")).to_have_count(1)
    page.screenshot(path=str(SHOTS / "33-vi-ads-manager-funnel.png"), full_page=True)
    assert_accessible(page, "Ads Manager in Vietnamese, new seller")

    # Pause an ad: the job applies it on Meta.
    table.locator("tbody tr").first.get_by_role("checkbox").check()
    page.get_by_test_id("bulk-bar").get_by_role("button", name="Tạm dừng").click()
    expect(page.get_by_test_id("job-panel")).to_have_attribute("data-status", "succeeded", timeout=30_000)
    expect(page.get_by_test_id("job-panel")).to_contain_text("Xong 1/1")

    # Double a campaign's budget inline: a budget job, its item's outcome in words.
    page.get_by_role("tab", name="Chiến dịch", exact=True).click()
    budget = table.locator("tbody tr").first.locator("td.budget")
    doubled = Decimal(budget.get_attribute("data-value") or "0") * 2
    budget.get_by_role("button", name=re.compile("^Sửa ngân sách")).click()
    budget.get_by_role("textbox").fill(str(doubled))
    budget.get_by_role("button", name="Lưu ngân sách").click()
    job = page.get_by_test_id("job-panel")
    expect(job.get_by_role("heading")).to_contain_text("Ngân sách của")
    expect(job).to_have_attribute("data-status", "succeeded", timeout=30_000)
    expect(job.get_by_test_id("job-budget-items").locator("li")).to_contain_text("Đã áp dụng")
    expect(budget).to_have_attribute("data-value", re.compile(f"^{doubled}"))

    # The CSV of what the screen shows, with Vietnamese headers.
    with page.expect_download() as download:
        page.get_by_role("button", name="Tải CSV").click()
    head = next(csv.reader(io.StringIO(download.value.path().read_text(encoding="utf-8-sig"))))
    assert head[:2] == ["Tên", "Tài khoản QC"] and "CR3" in head

    # A rule, previewed before it is enabled.
    page.get_by_role("link", name="Quy tắc").click()
    page.get_by_role("button", name="Quy tắc mới").click()
    form = page.get_by_role("form", name="Quy tắc mới")
    form.get_by_label("Tên").fill("Dừng quảng cáo tốn tiền")
    form.get_by_label("Số liệu của").select_option("last_7d")
    form.get_by_label("Chỉ khi chi tiêu ít nhất").fill("0")
    form.get_by_label("Chỉ số của điều kiện 1").select_option("spend")
    form.get_by_label("Giá trị của điều kiện 1").fill("0")
    form.get_by_role("button", name="Lưu quy tắc").click()
    card = page.get_by_test_id("rule-card")
    card.get_by_role("button", name="Xem trước").click()
    expect(card.get_by_test_id("rule-preview")).to_contain_text("Nếu bật bây giờ")
    page.screenshot(path=str(SHOTS / "34-vi-rule-preview.png"), full_page=True)

    # An alert: a sync of the account evaluates them ("Sync now"); acknowledge one.
    page.get_by_role("link", name="Tài khoản QC").click()
    page.get_by_test_id("account-card").get_by_role("button", name="Đồng bộ ngay").click()
    expect(page.get_by_test_id("account-card")).to_contain_text("Đã xếp lịch đồng bộ")
    with httpx.Client(base_url=console_server.base_url) as api:

        def open_alerts() -> list[object]:  # a fresh login each time: the test server's tokens last 5 s
            token = api.post("/api/auth/login", json={"email": email, "password": PASSWORD}).json()[
                "access_token"
            ]
            return api.get("/api/alerts", headers={"Authorization": f"Bearer {token}"}).json()["data"]

        deadline = time.monotonic() + 60
        while not open_alerts():
            assert time.monotonic() < deadline, "no alert opened for the new seller's account"
            time.sleep(0.5)
    page.get_by_role("link", name=re.compile("^Cảnh báo")).click()
    first = page.get_by_test_id("alerts-table").locator("tbody tr").first
    first.get_by_role("button", name=re.compile("^Xác nhận")).click()
    expect(first).to_contain_text("Đã xác nhận")
    page.screenshot(path=str(SHOTS / "35-vi-alerts.png"), full_page=True)
