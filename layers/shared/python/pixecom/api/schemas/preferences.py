"""Request and response bodies of the preferences routes (`api/routers/preferences.py`)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from pixecom.api.schemas.base import OutModel
from pixecom.domain.column_presets import MAX_COLUMNS

Locale = Literal["en", "vi"]


class PreferencesOut(OutModel):
    locale: Locale | None = Field(description="The console's language; null: the browser's decides")
    ads_manager_columns: list[str] | None = Field(
        description="Metric names of the Ads Manager's columns, in order; null: the default preset's"
    )


class PreferencesPatch(BaseModel):
    """Only the fields sent change; null resets one to its default."""

    model_config = ConfigDict(extra="forbid")
    locale: Locale | None = None
    ads_manager_columns: list[str] | None = Field(default=None, min_length=1, max_length=MAX_COLUMNS)


class ColumnPresetOut(OutModel):
    id: str
    label: str
    description: str
    columns: list[str] = Field(description="Metric names (fields of Metrics), in order")


class ColumnPresetList(OutModel):
    data: list[ColumnPresetOut]
    default: str = Field(description="The preset a user who never chose sees")
