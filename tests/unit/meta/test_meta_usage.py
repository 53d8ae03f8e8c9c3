"""Usage headers -> one UsageReading: the worst percentage, the longest announced wait."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from pixecom.meta.usage import business_ids, parse_usage

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


def dumps(value: object) -> str:
    return json.dumps(value, separators=(",", ":"))


def test_no_usage_headers_give_no_reading() -> None:
    assert parse_usage({"content-type": "application/json"}, NOW) is None


def test_app_usage_takes_the_highest_of_its_counters() -> None:
    reading = parse_usage(
        {"X-App-Usage": dumps({"call_count": 28, "total_time": 41, "total_cputime": 25})}, NOW
    )
    assert reading is not None
    assert reading.max_pct == 41
    assert reading.reset_at is None


def test_ad_account_usage_reset_time_is_in_seconds() -> None:
    headers = {
        "x-ad-account-usage": dumps(
            {"acc_id_util_pct": 9.67, "reset_time_duration": 100, "ads_api_access_tier": "standard_access"}
        )
    }
    reading = parse_usage(headers, NOW)
    assert reading is not None
    assert reading.max_pct == 9.67
    assert reading.reset_at == NOW + timedelta(seconds=100)


def test_business_use_case_usage_regain_time_is_in_minutes_and_all_objects_count() -> None:
    headers = {
        "X-Business-Use-Case-Usage": dumps(
            {
                "66782684": [
                    {
                        "type": "ads_management",
                        "call_count": 95,
                        "total_cputime": 20,
                        "total_time": 20,
                        "estimated_time_to_regain_access": 0,
                    }
                ],
                "1015": [
                    {
                        "type": "ads_insights",
                        "call_count": 97,
                        "total_cputime": 23,
                        "total_time": 23,
                        "estimated_time_to_regain_access": 3,
                    }
                ],
            }
        )
    }
    reading = parse_usage(headers, NOW)
    assert reading is not None
    assert reading.max_pct == 97
    assert reading.reset_at == NOW + timedelta(minutes=3)
    assert business_ids(headers) == ["66782684", "1015"]


def test_all_headers_combine_into_one_reading() -> None:
    headers = {
        "x-app-usage": dumps({"call_count": 10, "total_time": 5, "total_cputime": 5}),
        "x-ad-account-usage": dumps({"acc_id_util_pct": 30, "reset_time_duration": 240}),
        "x-business-use-case-usage": dumps({"1": [{"call_count": 20, "estimated_time_to_regain_access": 2}]}),
        "x-fb-ads-insights-throttle": dumps({"app_id_util_pct": 12.5, "acc_id_util_pct": 88.5}),
    }
    reading = parse_usage(headers, NOW)
    assert reading is not None
    assert reading.max_pct == 88.5
    assert reading.reset_at == NOW + timedelta(seconds=240)
    assert set(reading.raw) == {
        "x-app-usage",
        "x-ad-account-usage",
        "x-business-use-case-usage",
        "x-fb-ads-insights-throttle",
    }


def test_batch_item_header_lists_are_read_too() -> None:
    headers = [
        {"name": "Content-Type", "value": "text/javascript"},
        {
            "name": "X-Business-Use-Case-Usage",
            "value": dumps({"1001": [{"call_count": 91, "estimated_time_to_regain_access": 0}]}),
        },
    ]
    reading = parse_usage(headers, NOW)
    assert reading is not None
    assert reading.max_pct == 91
    assert business_ids(headers) == ["1001"]


def test_an_unreadable_header_is_ignored() -> None:
    headers = {"x-app-usage": "{not json", "x-ad-account-usage": dumps({"acc_id_util_pct": 4})}
    reading = parse_usage(headers, NOW)
    assert reading is not None
    assert reading.max_pct == 4
