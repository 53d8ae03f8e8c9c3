"""The insights query of a level's reach: exactly the range, each day's own only when asked."""

from __future__ import annotations

from datetime import date

from pixecom.meta.reach import reach_params

SINCE, UNTIL = date(2026, 11, 29), date(2026, 12, 5)


def test_a_ranges_reach_is_asked_without_time_increment() -> None:
    params = reach_params("adset", SINCE, UNTIL)
    assert params["level"] == "adset" and "time_increment" not in params
    assert params["time_range"] == {"since": "2026-11-29", "until": "2026-12-05"}
    assert params["fields"] == "adset_id,reach,impressions,date_start,date_stop"


def test_each_days_reach_is_asked_with_time_increment_1() -> None:
    assert reach_params("campaign", SINCE, UNTIL, daily=True)["time_increment"] == 1


def test_deleted_ads_count_and_ids_narrow_the_read() -> None:
    filtering = reach_params("ad", SINCE, UNTIL, object_ids=["1", "2"])["filtering"]
    assert filtering[0]["field"] == "ad.effective_status" and "DELETED" in filtering[0]["value"]
    assert filtering[1] == {"field": "ad.id", "operator": "IN", "value": ["1", "2"]}
