"""Reach values as the API shows them: frequency from Meta's pair, spliced into `metrics`."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, date, datetime, timedelta

from pixecom.adsmanager.reach import CACHE_SETTLED, CACHE_TODAY, Reach, ReachKey, fresh, splice, with_reason

NOW = datetime(2026, 12, 6, 12, 0, tzinfo=UTC)
TODAY = date(2026, 12, 6)


def _key(until: date) -> ReachKey:
    return ReachKey(uuid.uuid4(), "campaign", "1202", date(2026, 11, 29), until)


def test_frequency_is_impressions_over_reach_to_four_decimals_half_up() -> None:
    assert str(Reach(3, 10).frequency) == "3.3333"
    assert str(Reach(8, 5).frequency) == "0.6250"
    assert str(Reach(16000, 10001).frequency) == "0.6251"  # 0.6250625 rounds up


def test_frequency_is_null_when_reach_is_null_or_zero() -> None:
    assert Reach(None, reason="x").frequency is None
    assert Reach(0).frequency is None


def test_reach_and_frequency_are_added_to_a_metrics_object() -> None:
    metrics = json.loads(splice('{"spend":"1.00","impressions":10}', Reach(4, 10)))
    assert metrics == {"spend": "1.00", "impressions": 10, "reach": 4, "frequency": 2.5}
    assert json.loads(splice("{}", Reach(None, reason="r"))) == {"reach": None, "frequency": None}


def test_a_rows_reason_is_added_beside_its_other_fields() -> None:
    assert json.loads(with_reason('{"budget":null}', Reach(None, reason="why"))) == {
        "budget": None,
        "reach_unavailable": "why",
    }
    assert json.loads(with_reason("{}", Reach(3))) == {"reach_unavailable": None}


def test_a_cached_range_holding_today_ages_faster_than_a_settled_one() -> None:
    read = NOW - CACHE_TODAY - timedelta(seconds=1)
    assert not fresh(Reach(1, fetched_at=read), _key(TODAY), TODAY, NOW)
    assert fresh(Reach(1, fetched_at=read), _key(TODAY - timedelta(days=1)), TODAY, NOW)
    assert not fresh(Reach(1, fetched_at=NOW - CACHE_SETTLED), _key(TODAY - timedelta(days=1)), TODAY, NOW)
