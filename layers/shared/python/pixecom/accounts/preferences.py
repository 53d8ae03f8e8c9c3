"""A user's console preferences: read them (defaults when never saved) and change some of them."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy.orm import Session

from pixecom.db.preference_models import UserPreference
from pixecom.domain.column_presets import unknown_columns

LOCALES = ("en", "vi")


class UnknownColumns(ValueError):
    def __init__(self, names: list[str]) -> None:
        super().__init__(", ".join(names))
        self.names = names


@dataclass(frozen=True)
class Preferences:
    locale: str | None  # None: the browser's language decides
    ads_manager_columns: list[str] | None  # None: the default preset


def get_preferences(session: Session, user_id: uuid.UUID) -> Preferences:
    row = session.get(UserPreference, user_id)
    if row is None:
        return Preferences(locale=None, ads_manager_columns=None)
    return Preferences(locale=row.locale, ads_manager_columns=row.ads_manager_columns)


def update_preferences(session: Session, user_id: uuid.UUID, changes: dict[str, object]) -> Preferences:
    """Set the given fields (`locale`, `ads_manager_columns`; None resets one to its default)."""
    columns = changes.get("ads_manager_columns")
    if isinstance(columns, list):
        unknown = unknown_columns([str(c) for c in columns])
        if unknown:
            raise UnknownColumns(unknown)
    row = session.get(UserPreference, user_id)
    if row is None:
        row = UserPreference(user_id=user_id)
        session.add(row)
    if "locale" in changes:
        row.locale = changes["locale"]  # type: ignore[assignment]
    if "ads_manager_columns" in changes:
        row.ads_manager_columns = list(dict.fromkeys(columns)) if isinstance(columns, list) else None
    session.flush()
    return Preferences(locale=row.locale, ads_manager_columns=row.ads_manager_columns)
