"""SQLAlchemy 2.0 models: the one schema. Changes go through Alembic migrations only.

Every tenant-owned row carries `seller_id`; every tenant query filters on it.
Money is NUMERIC (Decimal), never float. Meta ids are strings.

The tables live in cohesive modules beside this one (`account_models`: tenants, auth, ad accounts,
sellpages; `entity_models`: Meta entities, stats, sync runs, jobs, audit; then rollups, sync
state, login, automation, reconciliation). This module gathers them: importing it registers every
table on `Base.metadata` (Alembic and the schema tests compare against it, and a flush resolves
each foreign key against it), and `from pixecom.db.models import Campaign` keeps working.

The model modules use evaluated annotations (no `from __future__ import annotations`): SQLAlchemy
then reads `Mapped[...]` as objects instead of evaluating each string at class creation, which
took 40-50 ms of a cold start's CPU over the ~390 columns.
"""

from pixecom.db import (  # noqa: F401 (registers their tables)
    automation_models,
    breakdown_models,
    creative_models,
    login_models,
    preference_models,
    rate_models,
    reach_models,
    reconciliation_models,
    replica_models,
    rollup_models,
    store_models,
    sync_models,
)
from pixecom.db.account_models import (
    AdAccount,
    Invitation,
    LoginAttempt,
    MemberAdAccount,
    RefreshToken,
    Seller,
    Sellpage,
    User,
)
from pixecom.db.base import MONEY, NAMING, Base, created_at_col, seller_fk, str_enum, uuid_pk
from pixecom.db.entity_models import (
    Ad,
    AdSet,
    AdStatsDaily,
    AuditLog,
    Campaign,
    Job,
    JobItem,
    SyncRun,
)

__all__ = [
    "MONEY",
    "NAMING",
    "Ad",
    "AdAccount",
    "AdSet",
    "AdStatsDaily",
    "AuditLog",
    "Base",
    "Campaign",
    "Invitation",
    "Job",
    "JobItem",
    "LoginAttempt",
    "MemberAdAccount",
    "RefreshToken",
    "Seller",
    "Sellpage",
    "SyncRun",
    "User",
    "created_at_col",
    "seller_fk",
    "str_enum",
    "uuid_pk",
]
