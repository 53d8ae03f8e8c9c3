"""Token encryption key rotation: every encrypted column re-encrypted with the newest key.

Columns: ad accounts' access tokens, Meta grants' tokens (NULL once erased) and alert webhooks'
signing secrets. Rows go in batches by primary key, each batch locked (`FOR UPDATE`) in its own
transaction so a token replaced meanwhile (a reconnect) is never overwritten with an older one.
A row the newest key already decrypts is left alone, so a second run re-encrypts nothing; a row
no key decrypts is counted as unreadable and left for the seller to reconnect (the sync marks its
account NEEDS_REAUTH). Clear tokens stay in memory only: nothing here logs or returns one.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import InstrumentedAttribute

from pixecom.crypto import TokenDecryptionError, is_current, reencrypt
from pixecom.db.automation_models import Webhook
from pixecom.db.engine import session_scope
from pixecom.db.login_models import MetaGrant
from pixecom.db.models import AdAccount
from pixecom.observability import logger

BATCH_SIZE = 200

# (table name in the report, primary key column, ciphertext column)
ENCRYPTED_COLUMNS: tuple[tuple[str, InstrumentedAttribute[Any], InstrumentedAttribute[Any]], ...] = (
    ("ad_accounts", AdAccount.id, AdAccount.access_token_encrypted),
    ("meta_grants", MetaGrant.id, MetaGrant.access_token_encrypted),
    ("webhooks", Webhook.seller_id, Webhook.secret_encrypted),
)


@dataclass
class ColumnRotation:
    reencrypted: int = 0
    current: int = 0  # already under the newest key
    unreadable: int = 0  # no key of the list decrypts it


@dataclass
class RotationReport:
    tables: dict[str, ColumnRotation] = field(default_factory=dict)

    @property
    def reencrypted(self) -> int:
        return sum(t.reencrypted for t in self.tables.values())

    @property
    def unreadable(self) -> int:
        return sum(t.unreadable for t in self.tables.values())

    def as_dict(self) -> dict[str, Any]:
        return {
            "reencrypted": self.reencrypted,
            "unreadable": self.unreadable,
            "tables": {name: asdict(t) for name, t in self.tables.items()},
        }


def rotate_token_keys(batch_size: int = BATCH_SIZE) -> RotationReport:
    """Re-encrypt every stored token with the newest key; counts per table."""
    report = RotationReport()
    for name, key, column in ENCRYPTED_COLUMNS:
        report.tables[name] = _rotate_column(key, column, batch_size)
    logger.info("token keys rotated", extra=report.as_dict())
    return report


def _rotate_column(
    key: InstrumentedAttribute[Any], column: InstrumentedAttribute[Any], batch_size: int
) -> ColumnRotation:
    counts = ColumnRotation()
    model = key.class_
    after: Any = None
    while True:
        with session_scope() as session:
            query = select(model).where(column.is_not(None)).order_by(key).limit(batch_size).with_for_update()
            if after is not None:
                query = query.where(key > after)
            rows = session.scalars(query).all()
            for row in rows:
                _rotate_row(row, column.key, counts)
            if len(rows) < batch_size:
                return counts
            after = getattr(rows[-1], key.key)


def _rotate_row(row: Any, attribute: str, counts: ColumnRotation) -> None:
    ciphertext = bytes(getattr(row, attribute))
    if is_current(ciphertext):
        counts.current += 1
        return
    try:
        setattr(row, attribute, reencrypt(ciphertext))
    except TokenDecryptionError:
        counts.unreadable += 1
        return
    counts.reencrypted += 1
