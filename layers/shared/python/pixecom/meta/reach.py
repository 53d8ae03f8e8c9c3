"""Meta's reach for exact ranges: one insights read per (level, range), rows of unique people.

Reach is unique people over exactly the range and level asked, so it is read as Meta answers it
(`time_range` without `time_increment`, or `time_increment=1` for each day's own reach) and never
summed. Small reads are synchronous; big ones (as the daily ad reads: `InsightsPolicy`) go
through a report run. A report run that fails is not split into smaller ranges, as the daily
read does: two halves' reach cannot be added; the caller records the range as not read.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from pixecom.meta.errors import TransientError
from pixecom.meta.insights import EVERY_AD_STATUS, run_report, should_go_async
from pixecom.meta.normalize import to_int
from pixecom.meta.params import act_id
from pixecom.meta.transport import GraphTransport

# The id field of each level's rows (an account's rows carry `account_id`, without `act_`).
ID_FIELDS = {"account": "account_id", "campaign": "campaign_id", "adset": "adset_id", "ad": "ad_id"}
LEVELS = tuple(ID_FIELDS)


@dataclass(frozen=True)
class ReachRow:
    """Meta's unique people for one object over [since, until], and the impressions of the same
    answer (frequency = impressions / reach, as Meta computes it)."""

    level: str
    object_id: str  # Meta's id; `act_<id>` for the account
    since: date
    until: date
    reach: int
    impressions: int


def reach_params(
    level: str, since: date, until: date, *, daily: bool = False, object_ids: Sequence[str] = ()
) -> dict[str, Any]:
    """The insights query of one level's reach over a range (each day's own with `daily`)."""
    filtering: list[dict[str, Any]] = list(EVERY_AD_STATUS)
    if object_ids:
        filtering.append({"field": f"{level}.id", "operator": "IN", "value": list(object_ids)})
    params: dict[str, Any] = {
        "level": level,
        "fields": f"{ID_FIELDS[level]},reach,impressions,date_start,date_stop",
        "time_range": {"since": since.isoformat(), "until": until.isoformat()},
        "filtering": filtering,
        "use_unified_attribution_setting": True,  # as every insights read (reach does not depend on it)
    }
    if daily:
        params["time_increment"] = 1
    return params


def read_reach(
    client: GraphTransport,
    account: str,
    level: str,
    since: date,
    until: date,
    *,
    daily: bool = False,
    object_ids: Sequence[str] = (),
    estimated_ads: int | None = None,
    allow_async: bool = True,
) -> list[ReachRow]:
    """Meta's reach of every object of `level` (those of `object_ids`, when given) with delivery
    over [since, until] (each day with `daily`). Raises TransientError when Meta wants a report
    run and `allow_async` is False (an interactive read does not wait minutes for one)."""
    account = act_id(account)
    client.ensure_not_throttled(account)
    params = reach_params(level, since, until, daily=daily, object_ids=object_ids)
    policy = getattr(client, "insights_policy", None)
    big = policy is not None and should_go_async(policy, since, until, estimated_ads)
    if not big or not allow_async:
        try:
            raws = list(
                client.iter_pages(
                    f"{account}/insights", params, account_id=account, shrink_on_too_much_data=False
                )
            )
            return [_row(level, raw) for raw in raws]
        except TransientError as exc:
            if not (exc.too_much_data and allow_async and policy is not None):
                raise
    assert policy is not None
    run_id = run_report(client, policy, account, params)
    return [
        _row(level, raw)
        for raw in client.iter_pages(f"{run_id}/insights", {"limit": client.page_size}, account_id=account)
    ]


def _row(level: str, raw: dict[str, Any]) -> ReachRow:
    object_id = str(raw.get(ID_FIELDS[level]) or "")
    if level == "account":
        object_id = act_id(object_id)
    return ReachRow(
        level=level,
        object_id=object_id,
        since=date.fromisoformat(str(raw["date_start"])),
        until=date.fromisoformat(str(raw["date_stop"])),
        reach=to_int(raw.get("reach")),
        impressions=to_int(raw.get("impressions")),
    )
