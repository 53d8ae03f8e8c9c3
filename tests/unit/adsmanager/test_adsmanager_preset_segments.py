"""The preset snapshot's segments: each preset is exactly a run of whole segments. Pure."""

from __future__ import annotations

import bisect
from datetime import date, timedelta

import pytest

from pixecom.db.rollups import preset_segments
from pixecom.domain.dates import DatePreset, resolve_date_preset


def _bucket(starts: list[date], day: date) -> int:
    """Postgres width_bucket(day, starts) for sorted dates."""
    return bisect.bisect_right(starts, day)


@pytest.mark.parametrize(
    "today", [date(2026, 11, 20), date(2026, 12, 1), date(2026, 3, 1), date(2027, 1, 31)]
)
def test_every_day_is_in_a_presets_segments_exactly_when_it_is_in_its_range(today: date) -> None:
    starts, spans = preset_segments(today)
    assert starts == sorted(set(starts))
    for name, first, last in spans:
        rng = resolve_date_preset(DatePreset(name), today)
        for offset in range(-70, 3):
            day = today + timedelta(days=offset)
            assert (first <= _bucket(starts, day) <= last) == rng.contains(day), (name, day)
