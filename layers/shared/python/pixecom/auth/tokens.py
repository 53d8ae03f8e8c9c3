"""Access tokens: short-lived HS256 JWTs naming the user (`sub`), their seller (`sid`) and the
user's token version (`ver`, absent = 0): a token older than the member's current version is
refused at the next request (pixecom.auth.members), so a removal or a demotion holds at once.

Decoding pins the algorithm and requires exp, iat, iss, aud, sub, sid and jti, so `alg: none`,
a wrong key, a wrong audience or issuer, an expired or malformed token all fail the same way.
Rotating the key: put the new key first in the secret ("new,old"); tokens signed with the old
key keep validating until they expire (15 minutes), then drop the old key.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import jwt

from pixecom.settings import Settings, get_settings

ALGORITHM = "HS256"
REQUIRED_CLAIMS = ["exp", "iat", "iss", "aud", "sub", "sid", "jti"]


class InvalidAccessToken(Exception):
    """The token cannot be trusted; the message is safe to show (no token content)."""


@dataclass(frozen=True)
class AccessClaims:
    user_id: uuid.UUID
    seller_id: uuid.UUID
    token_id: str
    expires_at: datetime
    version: int = 0


def signing_keys(settings: Settings) -> list[str]:
    """The current key first, then older ones still accepted for verification."""
    if settings.jwt_secret:
        raw = settings.jwt_secret
    elif settings.jwt_secret_arn:
        from pixecom.secret_store import get_secret

        raw = get_secret(settings.jwt_secret_arn)
    else:
        from pixecom.secret_store import local_secret_file

        raw = local_secret_file(settings.local_state_dir / "jwt-signing-key", nbytes=48)
    keys = [k.strip() for k in raw.split(",") if k.strip()]
    if not keys:
        raise RuntimeError("JWT signing key is empty")
    return keys


def issue_access_token(
    user_id: uuid.UUID,
    seller_id: uuid.UUID,
    *,
    now: datetime,
    settings: Settings | None = None,
    version: int = 0,
) -> str:
    settings = settings or get_settings()
    claims = {
        "sub": str(user_id),
        "sid": str(seller_id),
        "iat": int(now.timestamp()),
        "exp": int((now + timedelta(seconds=settings.access_token_ttl_seconds)).timestamp()),
        "iss": settings.jwt_issuer,
        "aud": settings.jwt_audience,
        "jti": uuid.uuid4().hex,
        "ver": version,
    }
    return jwt.encode(claims, signing_keys(settings)[0], algorithm=ALGORITHM)


def decode_access_token(token: str, *, now: datetime, settings: Settings | None = None) -> AccessClaims:
    settings = settings or get_settings()
    # Expiry is checked against `now` below (the caller's clock); PyJWT reads the wall clock for
    # exp and iat, so neither is its to check (our tokens' exp bounds them; iat is informative).
    options = {"require": REQUIRED_CLAIMS, "verify_exp": False, "verify_iat": False}
    for key in signing_keys(settings):
        try:
            claims = jwt.decode(
                token,
                key,
                algorithms=[ALGORITHM],
                audience=settings.jwt_audience,
                issuer=settings.jwt_issuer,
                options=options,  # type: ignore[arg-type]
            )
            break
        except jwt.InvalidSignatureError:
            continue
        except jwt.PyJWTError as exc:
            raise InvalidAccessToken(_reason(exc)) from None
    else:
        raise InvalidAccessToken("Invalid token signature")
    if claims["exp"] <= int(now.timestamp()):
        raise InvalidAccessToken("Token has expired")
    try:
        return AccessClaims(
            user_id=uuid.UUID(claims["sub"]),
            seller_id=uuid.UUID(claims["sid"]),
            token_id=str(claims["jti"]),
            expires_at=datetime.fromtimestamp(claims["exp"], UTC),
            version=_version(claims.get("ver", 0)),
        )
    except (ValueError, TypeError, AttributeError):
        raise InvalidAccessToken("Malformed token claims") from None


def _version(raw: object) -> int:
    if type(raw) is not int or raw < 0:
        raise ValueError("ver")
    return raw


def _reason(exc: jwt.PyJWTError) -> str:
    if isinstance(exc, jwt.ExpiredSignatureError):
        return "Token has expired"
    if isinstance(exc, jwt.InvalidAudienceError | jwt.InvalidIssuerError):
        return "Token was not issued for this service"
    return "Invalid token"
