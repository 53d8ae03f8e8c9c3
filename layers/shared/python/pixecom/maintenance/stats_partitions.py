"""The stats table's monthly partitions: the months ahead created, whole months past the
retention dropped (`pixecom.db.partitions`), in one transaction."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime

from pixecom.db import partitions
from pixecom.db.engine import session_scope
from pixecom.settings import get_settings


@dataclass(frozen=True)
class PartitionChanges:
    created: list[str]
    dropped: list[str]

    def as_dict(self) -> dict[str, list[str]]:
        return asdict(self)


def maintain_stats_partitions(
    now: datetime, retention_months: int | None = None, months_ahead: int | None = None
) -> PartitionChanges:
    """Create this month's and the next months' partitions; drop the months wholly before the
    retention. Dates are UTC days: a month boundary a few hours off in an account's timezone
    only decides which partition a row lands in, never whether it is kept."""
    settings = get_settings()
    keep = retention_months if retention_months is not None else settings.stats_retention_months
    ahead = months_ahead if months_ahead is not None else settings.stats_partition_months_ahead
    today = now.date()
    with session_scope() as session:
        conn = session.connection()
        created = partitions.ensure_partitions_ahead(conn, today, ahead)
        dropped = partitions.drop_partitions_before(conn, partitions.retention_cutoff(today, keep))
    return PartitionChanges(created=created, dropped=dropped)
