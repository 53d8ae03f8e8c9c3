"""The template's scheduled functions, for the local scheduler (`pixecom dev`).

EventBridge runs each function with a `Schedule` event on its `rate(...)` or `cron(...)`. Locally
`LocalScheduler` runs the stats and delivery dispatchers with their workers on its own interval
(`run_once`); every other scheduled function (the alerts sweep, the token health check, the
maintenance) runs from here, on the schedule the template gives it, so `make dev` runs the whole
system as AWS would.

Only the expressions the template uses are understood: `rate(N minute[s]|hour[s]|day[s])` and a
daily `cron(M H * * ? *)` (UTC, as EventBridge's cron). Anything else is refused by name, so a
new schedule cannot be silently skipped.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from local.template import REPO_ROOT, read_template, resources_of_type

# Run by LocalScheduler's own sync tick, each with its worker right after it.
SYNC_DISPATCHERS = frozenset({"stats_dispatch", "delivery_dispatch"})

_RATE = re.compile(r"^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$")
_DAILY_CRON = re.compile(r"^cron\((\d{1,2}) (\d{1,2}) \* \* \? \*\)$")
_UNIT_SECONDS = {"minute": 60, "hour": 3600, "day": 86400}


class ScheduleError(ValueError):
    """A schedule expression the local scheduler does not understand."""


@dataclass(frozen=True)
class Schedule:
    """Every `every` (a rate), or once a day at `at` (hour, minute) UTC (a daily cron)."""

    expression: str
    every: timedelta | None = None
    at: tuple[int, int] | None = None

    def next_after(self, moment: datetime) -> datetime:
        """The first time after `moment` (aware, UTC) this schedule fires."""
        if self.every is not None:
            return moment + self.every
        assert self.at is not None
        hour, minute = self.at
        today = moment.replace(hour=hour, minute=minute, second=0, microsecond=0)
        return today if today > moment else today + timedelta(days=1)


def parse_schedule(expression: str) -> Schedule:
    if rate := _RATE.match(expression):
        count, unit = int(rate.group(1)), rate.group(2).rstrip("s")
        return Schedule(expression, every=timedelta(seconds=count * _UNIT_SECONDS[unit]))
    if cron := _DAILY_CRON.match(expression):
        minute, hour = int(cron.group(1)), int(cron.group(2))
        if minute < 60 and hour < 24:
            return Schedule(expression, at=(hour, minute))
    raise ScheduleError(f"the local scheduler cannot run {expression!r} (rate(...) or a daily cron only)")


@dataclass(frozen=True)
class ScheduledFunction:
    name: str  # its folder under functions/, as `local.runner.invoke` names it
    rule: str  # the event's name in the template (the EventBridge rule locally)
    schedule: Schedule


def scheduled_functions(template: Mapping[str, Any] | None = None) -> list[ScheduledFunction]:
    """Every function of the template with a `Schedule` event, but the sync dispatchers."""
    template = template if template is not None else read_template(REPO_ROOT / "template.yaml")
    found = []
    for resource in resources_of_type(template, "AWS::Serverless::Function").values():
        props = resource.get("Properties", {})
        name = str(props.get("CodeUri", "")).rstrip("/").rsplit("/", 1)[-1]
        for rule, event in props.get("Events", {}).items():
            if event.get("Type") == "Schedule" and name not in SYNC_DISPATCHERS:
                expression = event["Properties"]["Schedule"]
                found.append(ScheduledFunction(name, rule, parse_schedule(expression)))
    return sorted(found, key=lambda f: f.name)
