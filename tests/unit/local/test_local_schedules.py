"""The template's schedules as the local scheduler reads them."""

from datetime import UTC, datetime, timedelta

import pytest

from local.schedules import ScheduleError, parse_schedule, scheduled_functions


def test_a_rate_fires_every_interval_after_a_moment():
    moment = datetime(2026, 12, 1, 10, 7, tzinfo=UTC)

    assert parse_schedule("rate(5 minutes)").next_after(moment) == moment + timedelta(minutes=5)
    assert parse_schedule("rate(1 hour)").next_after(moment) == moment + timedelta(hours=1)
    assert parse_schedule("rate(2 days)").next_after(moment) == moment + timedelta(days=2)


def test_a_daily_cron_fires_at_its_time_today_or_else_tomorrow():
    schedule = parse_schedule("cron(30 3 * * ? *)")

    assert schedule.next_after(datetime(2026, 12, 1, 1, 0, tzinfo=UTC)) == datetime(
        2026, 12, 1, 3, 30, tzinfo=UTC
    )
    assert schedule.next_after(datetime(2026, 12, 1, 3, 30, tzinfo=UTC)) == datetime(
        2026, 12, 2, 3, 30, tzinfo=UTC
    )
    assert schedule.next_after(datetime(2026, 12, 1, 22, 0, tzinfo=UTC)) == datetime(
        2026, 12, 2, 3, 30, tzinfo=UTC
    )


@pytest.mark.parametrize(
    "expression", ["cron(0 3 ? * MON *)", "cron(0/5 * * * ? *)", "rate(5 weeks)", "at(2026)"]
)
def test_a_schedule_the_local_scheduler_cannot_run_is_refused_by_name(expression):
    with pytest.raises(ScheduleError, match="cannot run"):
        parse_schedule(expression)


def test_the_templates_timed_functions_are_every_scheduled_one_but_the_sync_dispatchers():
    found = {f.name: f.schedule.expression for f in scheduled_functions()}

    assert found == {
        "alerts_sweep": "rate(5 minutes)",
        "exchange_rates": "cron(30 16 * * ? *)",
        "maintenance": "cron(30 3 * * ? *)",
        "token_health": "cron(0 3 * * ? *)",
    }
