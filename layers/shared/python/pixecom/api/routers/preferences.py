"""/api/preferences (the signed-in user's console choices, kept on the server so every browser
sees them) and /api/ads-manager/column-presets (the column sets the chooser offers)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from pixecom.accounts.preferences import UnknownColumns, get_preferences, update_preferences
from pixecom.api.deps import CurrentSeller, DbSession
from pixecom.api.errors import InvalidInput
from pixecom.api.permits import SIGNED_IN, requires
from pixecom.api.schemas.errors import error_responses
from pixecom.api.schemas.preferences import (
    ColumnPresetList,
    PreferencesOut,
    PreferencesPatch,
)
from pixecom.domain.column_presets import DEFAULT_PRESET, PRESETS
from pixecom.domain.permissions import Permission

router = APIRouter(tags=["preferences"])


@router.get(
    "/preferences", dependencies=[SIGNED_IN], response_model=PreferencesOut, responses=error_responses(401)
)
def read_preferences(caller: CurrentSeller, db: DbSession) -> dict[str, Any]:
    prefs = get_preferences(db, caller.user_id)
    return {"locale": prefs.locale, "ads_manager_columns": prefs.ads_manager_columns}


@router.patch(
    "/preferences",
    dependencies=[SIGNED_IN],
    response_model=PreferencesOut,
    responses=error_responses(400, 401, 422),
)
def change_preferences(body: PreferencesPatch, caller: CurrentSeller, db: DbSession) -> dict[str, Any]:
    try:
        prefs = update_preferences(db, caller.user_id, body.model_dump(exclude_unset=True))
    except UnknownColumns as exc:
        raise InvalidInput(f"ads_manager_columns: not metrics: {exc}", field="ads_manager_columns") from None
    return {"locale": prefs.locale, "ads_manager_columns": prefs.ads_manager_columns}


@router.get(
    "/ads-manager/column-presets",
    dependencies=[requires(Permission.READ)],
    response_model=ColumnPresetList,
    responses=error_responses(401),
)
def list_column_presets(caller: CurrentSeller) -> dict[str, Any]:
    return {
        "data": [
            {"id": p.id, "label": p.label, "description": p.description, "columns": list(p.columns)}
            for p in PRESETS
        ],
        "default": DEFAULT_PRESET,
    }
