"""What routing reads to a replica needs (migration 0020; pixecom.db.reader).

`seller_write_marks`: when each seller last connected or removed an ad account, or added,
removed or changed what it sees of an entity (name, statuses, budgets, sellpage), per account
(statement triggers on `ad_accounts`, `campaigns`, `adsets`, `ads`). Read on
the primary before a lag-tolerant read: a seller who just wrote reads the primary. No foreign
keys: a mark outliving its account is harmless, and keeping it costs no lock on the account.
"""

import uuid
from datetime import datetime

from sqlalchemy import DateTime
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.orm import Mapped, mapped_column

from pixecom.db.base import Base


class SellerWriteMark(Base):
    __tablename__ = "seller_write_marks"

    seller_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    ad_account_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    written_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
