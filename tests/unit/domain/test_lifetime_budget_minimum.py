"""Meta's lifetime budget minimum: the minimum daily budget for each day of the schedule."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from pixecom.domain.budgets import minimum_lifetime_budget, schedule_days

START = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("end", "days"),
    [
        (datetime(2026, 12, 2, 10, 0, tzinfo=UTC), 1),
        (datetime(2026, 12, 2, 10, 1, tzinfo=UTC), 2),  # a part day counts whole
        (datetime(2026, 12, 11, 9, 0, tzinfo=UTC), 10),
        (None, None),  # no end: no lifetime minimum to check
        (START, None),
    ],
)
def test_schedule_days(end, days) -> None:
    assert schedule_days(START, end) == days


def test_the_minimum_is_the_daily_one_for_each_day() -> None:
    assert minimum_lifetime_budget(1000, 10) == 10000
    assert minimum_lifetime_budget(None, 10) is None and minimum_lifetime_budget(1000, None) is None
