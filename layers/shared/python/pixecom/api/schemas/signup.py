"""Request and response bodies of the signup routes (`api/routers/signup.py`)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from pixecom.api.schemas.base import OutModel


class SignupRules(OutModel):
    mode: Literal["open", "invitation"] = Field(description="invitation: register needs invitation_code")
    min_password_length: int
    max_password_length: int
