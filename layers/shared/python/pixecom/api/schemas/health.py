"""Request and response bodies of the health routes (`api/routers/health.py`)."""

from __future__ import annotations

from typing import Literal

from pixecom.api.schemas.base import OutModel


class Health(OutModel):
    status: Literal["ok", "degraded"]
    database: Literal["ok", "unavailable"]
