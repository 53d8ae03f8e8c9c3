"""Request and response bodies of /api/auth. Requests forbid unknown fields and bound every length."""

from __future__ import annotations

import uuid
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from pixecom.api.schemas.base import OutModel
from pixecom.auth.invitations import MAX_CODE_LENGTH
from pixecom.auth.passwords import MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH
from pixecom.auth.refresh import MAX_TOKEN_LENGTH
from pixecom.auth.service import MAX_EMAIL_LENGTH, is_valid_email
from pixecom.domain.enums import UserRole
from pixecom.domain.permissions import Permission


def _email(value: str) -> str:
    if not is_valid_email(value):
        raise ValueError("not a valid email address")
    return value


# Trimmed and lower-cased before it is checked, so " Ann@Example.COM " is ann@example.com.
NewEmail = Annotated[
    str,
    StringConstraints(strip_whitespace=True, to_lower=True, min_length=3, max_length=MAX_EMAIL_LENGTH),
    AfterValidator(_email),
]
# Login takes any string: an unknown or odd email answers 401 like a wrong password.
LoginEmail = Annotated[str, StringConstraints(min_length=1, max_length=MAX_EMAIL_LENGTH)]
NewPassword = Annotated[str, Field(min_length=MIN_PASSWORD_LENGTH, max_length=MAX_PASSWORD_LENGTH)]
Password = Annotated[str, Field(min_length=1, max_length=MAX_PASSWORD_LENGTH)]
OpaqueToken = Annotated[str, Field(min_length=1, max_length=MAX_TOKEN_LENGTH)]
InvitationCode = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_CODE_LENGTH)
]
SellerName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]


class _Request(BaseModel):
    model_config = ConfigDict(extra="forbid")


class RegisterRequest(_Request):
    email: NewEmail
    password: NewPassword
    seller_name: SellerName | None = Field(
        default=None, description="The new seller's name; not needed with a team invitation's code"
    )
    invitation_code: InvitationCode | None = Field(
        default=None,
        description="A single-use code: a team invitation's (joins that team with its role) or one "
        "from `pixecom invite` (a new seller); required when sign-up is by invitation",
    )


class AcceptInvitationRequest(_Request):
    """An existing user who is in no team (e.g. removed from one) joins with an invitation."""

    invitation_code: InvitationCode
    email: LoginEmail
    password: Password


class LoginRequest(_Request):
    email: LoginEmail
    password: Password


class RefreshRequest(_Request):
    refresh_token: OpaqueToken


class LogoutRequest(_Request):
    refresh_token: OpaqueToken


class UserOut(OutModel):
    id: uuid.UUID
    email: str
    role: UserRole


class SellerOut(OutModel):
    id: uuid.UUID
    name: str


class TokenResponse(OutModel):
    access_token: str
    refresh_token: str | None = Field(
        description="null for browser clients (X-PixEcom-Client: 1): theirs is only in the HttpOnly cookie"
    )
    token_type: Literal["bearer"] = "bearer"
    expires_in: int = Field(description="Seconds until the access token expires")


class RegisterResponse(TokenResponse):
    user: UserOut
    seller: SellerOut


class MeResponse(OutModel):
    user: UserOut
    seller: SellerOut
    permissions: list[Permission] = Field(description="What the caller's role may do (GET /api/team/roles)")
    ad_account_ids: list[uuid.UUID] | None = Field(
        description="null: every ad account of the seller; else the only ones the caller sees"
    )
