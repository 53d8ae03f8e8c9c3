"""The SQS message body both sync queues carry: one ad account, one kind of work, one window.

Outside `pixecom.sync` because more than the sync sends it (connect, bulk jobs): they import this
module, not the sync package, so the services stay in one import order (docs/architecture.md).
"""

from __future__ import annotations

import uuid
from datetime import date

from pydantic import BaseModel, ConfigDict, model_validator

from pixecom.domain.enums import SyncKind


def new_run_id(prefix: str = "run") -> str:
    """An id naming one dispatch cycle (or one backfill chunk); stored as sync_runs.dispatch_id."""
    return f"{prefix}-{uuid.uuid4().hex}"


class SyncMessage(BaseModel):
    """What a worker needs: whose account, what to sync, which local days, under which run id.

    Stats messages carry a window (days in the account's timezone, both ends included);
    `full_window` marks the daily 28-day restatement, `backfill` a history chunk
    (`chunk` of `chunks` total). Delivery messages carry no window.
    """

    model_config = ConfigDict(frozen=True, extra="ignore")

    account_id: uuid.UUID
    kind: SyncKind
    run_id: str
    since: date | None = None
    until: date | None = None
    full_window: bool = False
    backfill: bool = False
    chunk: int | None = None
    chunks: int | None = None

    @model_validator(mode="after")
    def _window_fits_kind(self) -> SyncMessage:
        if self.kind is SyncKind.STATS:
            if self.since is None or self.until is None:
                raise ValueError("a stats message needs since and until")
            if self.since > self.until:
                raise ValueError("since is after until")
        if self.backfill and (self.chunk is None or self.chunks is None):
            raise ValueError("a backfill message needs chunk and chunks")
        return self

    def to_body(self) -> str:
        """The JSON body sent to SQS."""
        return self.model_dump_json(exclude_none=True)
