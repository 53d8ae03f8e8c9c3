"""Monthly range partitions of the per-ad-per-day stats table, and their upkeep.

`ad_stats_daily` is partitioned by `date`, one partition per calendar month
(`ad_stats_daily_y2026m12`), plus a DEFAULT partition so that a write into a month nobody
created a partition for yet is kept, never refused. The daily maintenance creates the months
ahead (moving any rows the default partition holds for them first: a default partition that
holds rows of a new partition's range would make the attach fail) and drops whole months past
the retention (Meta keeps 37 months of insights), with the rollup rows of those days.

Everything here works on the partition tables directly, never through the parent, so the
parent's statement triggers (the rollups and the preset snapshot) do not fire: moving rows
between partitions changes no sum, and a dropped month takes its rollup rows with it here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, text

from pixecom.db.data_changes import log_change_for_everyone

PARENT = "ad_stats_daily"
DEFAULT_PARTITION = f"{PARENT}_default"
# Tables summing the parent per day: their rows of a dropped month go with it.
ROLLUPS_BY_DATE = ("campaign_stats_daily", "adset_stats_daily")


def month_start(day: date) -> date:
    return day.replace(day=1)


def add_months(month: date, months: int) -> date:
    index = month.year * 12 + month.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def partition_name(month: date) -> str:
    return f"{PARENT}_y{month.year:04d}m{month.month:02d}"


@dataclass(frozen=True)
class Partition:
    name: str
    since: date  # first day held
    until: date  # first day not held

    @classmethod
    def of_month(cls, month: date) -> Partition:
        return cls(partition_name(month), month, add_months(month, 1))


def month_partitions(conn: Connection) -> list[Partition]:
    """The parent's monthly partitions (not the default), oldest first, read from the catalog."""
    rows = conn.execute(
        text(
            "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
            "WHERE i.inhparent = CAST(:parent AS regclass) AND c.relname <> :default "
            "ORDER BY c.relname"
        ),
        {"parent": PARENT, "default": DEFAULT_PARTITION},
    ).scalars()
    found = []
    for name in rows:
        year, month = int(name[-7:-3]), int(name[-2:])
        found.append(Partition.of_month(date(year, month, 1)))
    return found


def create_month_partition(conn: Connection, month: date) -> bool:
    """The month's partition, created if missing (rows the default partition holds for it moved
    in first); True when it was created."""
    part = Partition.of_month(month)
    if conn.execute(text("SELECT to_regclass(:name)"), {"name": part.name}).scalar() is not None:
        return False
    bounds = {"since": part.since, "until": part.until}
    conn.execute(text(f"CREATE TABLE {part.name} (LIKE {PARENT} INCLUDING DEFAULTS INCLUDING CONSTRAINTS)"))
    # The default partition is locked by the attach anyway; moving its rows of the month first
    # keeps the attach valid (it refuses while the default holds rows of the new range).
    conn.execute(
        text(
            f"WITH moved AS (DELETE FROM {DEFAULT_PARTITION} WHERE date >= :since AND date < :until "  # noqa: S608
            f"RETURNING *) INSERT INTO {part.name} SELECT * FROM moved"
        ),
        bounds,
    )
    conn.execute(
        text(
            f"ALTER TABLE {PARENT} ATTACH PARTITION {part.name} "
            f"FOR VALUES FROM ('{part.since.isoformat()}') TO ('{part.until.isoformat()}')"
        )
    )
    return True


def ensure_partitions_ahead(conn: Connection, today: date, months_ahead: int) -> list[str]:
    """Partitions for this month and the next `months_ahead`, plus any month the default
    partition holds rows of; returns the names created."""
    this_month = month_start(today)
    wanted = {add_months(this_month, n) for n in range(months_ahead + 1)}
    stray = conn.execute(
        text(f"SELECT DISTINCT date_trunc('month', date)::date FROM {DEFAULT_PARTITION}")  # noqa: S608
    ).scalars()
    wanted.update(stray)
    return [partition_name(m) for m in sorted(wanted) if create_month_partition(conn, m)]


def retention_cutoff(today: date, retention_months: int) -> date:
    """The first day kept: the first of the month `retention_months` before this one."""
    return add_months(month_start(today), -retention_months)


def drop_partitions_before(conn: Connection, cutoff: date) -> list[str]:
    """Drop every monthly partition that ends on or before `cutoff`, the default partition's rows
    before it, and the rollup rows of those days; returns the names dropped."""
    dropped = [p for p in month_partitions(conn) if p.until <= cutoff]
    for part in dropped:
        conn.execute(text(f"DROP TABLE {part.name}"))
    if dropped:  # a dropped partition fires no trigger: kept list bodies must still hear of it
        log_change_for_everyone(conn)
    conn.execute(text(f"DELETE FROM {DEFAULT_PARTITION} WHERE date < :cutoff"), {"cutoff": cutoff})  # noqa: S608
    for rollup in ROLLUPS_BY_DATE:
        conn.execute(text(f"DELETE FROM {rollup} WHERE date < :cutoff"), {"cutoff": cutoff})  # noqa: S608
    return [p.name for p in dropped]


def is_partition(name: str | None) -> bool:
    """A partition of the stats table (Alembic compares the parent only, never its partitions)."""
    return (
        bool(name)
        and str(name).startswith(f"{PARENT}_")
        and (name == DEFAULT_PARTITION or str(name)[len(PARENT) + 1 :].startswith("y"))
    )


def include_in_autogenerate(name: str | None, type_: str, parent_names: Any) -> bool:
    """Alembic's `include_name` hook: leave the partitions (and their indexes) out."""
    if type_ == "table":
        return not is_partition(name)
    if type_ == "index":
        return not is_partition(parent_names.get("table_name"))
    return True
