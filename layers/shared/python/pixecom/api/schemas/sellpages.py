"""Request and response bodies of the sellpages routes (`api/routers/sellpages.py`)."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from pixecom.api.schemas.base import OutModel
from pixecom.sellpages import service


class SellpageCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(max_length=service.MAX_NAME)
    url: str = Field(max_length=service.MAX_URL)


class SellpageUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str | None = Field(default=None, max_length=service.MAX_NAME)
    url: str | None = Field(default=None, max_length=service.MAX_URL)


class CampaignUpdate(BaseModel):
    """`sellpage_id`: a sellpage of yours sets it by hand; null returns it to automatic matching."""

    model_config = ConfigDict(extra="forbid")
    sellpage_id: uuid.UUID | None


class SellpageOut(OutModel):
    id: uuid.UUID
    name: str
    url: str
    url_key: str = Field(description="the normalized host + path campaigns are matched on")
    created_at: datetime | None


class SellpageList(OutModel):
    data: list[SellpageOut]


class CampaignSellpageOut(OutModel):
    id: uuid.UUID
    sellpage_id: uuid.UUID | None
    sellpage_set_manually: bool = Field(description="false: the sellpage follows automatic matching")
