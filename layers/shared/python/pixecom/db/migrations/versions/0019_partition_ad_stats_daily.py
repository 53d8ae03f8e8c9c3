"""ad_stats_daily partitioned by month (declarative RANGE partitions on `date`)

The table is rebuilt as a partitioned one from what the catalog says it is at this point, not
from a column list written here: its columns, defaults and checks (`LIKE`), then, once the old
table is gone and the new one carries its name, its constraints, indexes and triggers re-created
from their own definitions (`pg_get_constraintdef`, `pg_indexes`, `pg_get_triggerdef`). So the
rollup and preset-snapshot triggers keep whatever functions they call, and any counter column
added before this revision moves with the rest.

Rows are copied with the triggers not yet on the new table: the rollups and the snapshot already
hold the sums of exactly these rows. One partition per month the data spans, the 37 months before
this one (what a backfill may write), this month and the next two, and a DEFAULT partition so a write into any other month is kept (the daily maintenance
moves such rows into their month's partition when it creates it).

Revision ID: 0019
Revises: 0017
Create Date: 2026-12-06 10:30:00
"""

from collections.abc import Sequence
from datetime import date

from alembic import op
from sqlalchemy import Connection, text

revision: str = "0019"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLE = "ad_stats_daily"
REBUILT = "ad_stats_daily_rebuilt"
MONTHS_AHEAD = 2
# Meta keeps 37 months of insights: a backfill may write any of them, each into its partition.
MONTHS_BACK = 37


def _definitions(conn: Connection) -> tuple[list[str], list[str], list[str]]:
    """The table's constraints (but checks, which LIKE copies), the indexes no constraint owns,
    and its user triggers, each as the statement that re-creates it."""
    constraints = [
        f"ALTER TABLE {TABLE} ADD CONSTRAINT {name} {definition}"
        for name, definition in conn.execute(
            text(
                "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
                "WHERE conrelid = CAST(:t AS regclass) AND contype <> 'c' "
                "ORDER BY contype = 'p' DESC, conname"
            ),
            {"t": TABLE},
        )
    ]
    indexes = list(
        conn.execute(
            text(
                "SELECT pg_get_indexdef(i.indexrelid) FROM pg_index i "
                "WHERE i.indrelid = CAST(:t AS regclass) "
                "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid) "
                "ORDER BY i.indexrelid"
            ),
            {"t": TABLE},
        ).scalars()
    )
    triggers = list(
        conn.execute(
            text(
                "SELECT pg_get_triggerdef(oid) FROM pg_trigger "
                "WHERE tgrelid = CAST(:t AS regclass) AND NOT tgisinternal ORDER BY tgname"
            ),
            {"t": TABLE},
        ).scalars()
    )
    return constraints, indexes, triggers


def _add_months(month: date, months: int) -> date:
    index = month.year * 12 + month.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _months(conn: Connection) -> list[date]:
    """Every month the rows span, and MONTHS_BACK before this month through MONTHS_AHEAD after."""
    this_month = date.today().replace(day=1)
    first = conn.execute(text(f"SELECT min(date) FROM {TABLE}")).scalar()  # noqa: S608
    last = conn.execute(text(f"SELECT max(date) FROM {TABLE}")).scalar()  # noqa: S608
    start = _add_months(this_month, -MONTHS_BACK)
    start = min(first.replace(day=1), start) if first else start
    end = _add_months(this_month, MONTHS_AHEAD)
    end = max(last.replace(day=1), end) if last else end
    months, month = [], start
    while month <= end:
        months.append(month)
        month = _add_months(month, 1)
    return months


def _rebuild(partitioned: bool) -> None:
    conn = op.get_bind()
    constraints, indexes, triggers = _definitions(conn)
    months = _months(conn) if partitioned else []
    clause = " PARTITION BY RANGE (date)" if partitioned else ""
    conn.execute(
        text(
            f"CREATE TABLE {REBUILT} (LIKE {TABLE} INCLUDING DEFAULTS INCLUDING CONSTRAINTS "
            f"INCLUDING STORAGE INCLUDING COMMENTS){clause}"
        )
    )
    for month in months:
        name = f"{TABLE}_y{month.year:04d}m{month.month:02d}"
        conn.execute(
            text(
                f"CREATE TABLE {name} PARTITION OF {REBUILT} "
                f"FOR VALUES FROM ('{month.isoformat()}') TO ('{_add_months(month, 1).isoformat()}')"
            )
        )
    if partitioned:
        conn.execute(text(f"CREATE TABLE {TABLE}_default PARTITION OF {REBUILT} DEFAULT"))
    conn.execute(text(f"INSERT INTO {REBUILT} SELECT * FROM {TABLE}"))  # noqa: S608
    conn.execute(text(f"DROP TABLE {TABLE}"))  # its indexes, constraints and triggers with it
    conn.execute(text(f"ALTER TABLE {REBUILT} RENAME TO {TABLE}"))
    for statement in (*constraints, *indexes, *triggers):
        conn.execute(text(statement))
    conn.execute(text(f"ANALYZE {TABLE}"))


def upgrade() -> None:
    _rebuild(partitioned=True)


def downgrade() -> None:
    # The partitions go with the partitioned table when the rebuild drops it.
    _rebuild(partitioned=False)
