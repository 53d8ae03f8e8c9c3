"""GET /api/auth/signup-rules (public): what the register form must say before a submit, i.e.
whether sign-up needs an invitation code and the password rule."""

from __future__ import annotations

from fastapi import APIRouter

from pixecom.api.permits import PUBLIC
from pixecom.api.schemas.signup import SignupRules
from pixecom.auth.passwords import MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH
from pixecom.settings import get_settings

router = APIRouter(prefix="/auth", tags=["auth"])


@router.get("/signup-rules", dependencies=[PUBLIC], response_model=SignupRules)
def signup_rules() -> SignupRules:
    return SignupRules(
        mode=get_settings().signup_mode,
        min_password_length=MIN_PASSWORD_LENGTH,
        max_password_length=MAX_PASSWORD_LENGTH,
    )
