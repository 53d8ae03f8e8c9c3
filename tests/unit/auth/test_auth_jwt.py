"""Access-token issue/decode without the API: claims, pinning, rotation, clock."""

import uuid
from datetime import UTC, datetime, timedelta

import jwt
import pytest

from pixecom.auth.tokens import InvalidAccessToken, decode_access_token, issue_access_token
from pixecom.settings import Settings

KEY = "unit-test-key-" + "k" * 40
SETTINGS = Settings(jwt_secret=KEY)
NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
USER, SELLER = uuid.uuid4(), uuid.uuid4()


def test_token_carries_user_seller_and_expires_in_15_minutes():
    token = issue_access_token(USER, SELLER, now=NOW, settings=SETTINGS)
    claims = decode_access_token(token, now=NOW + timedelta(minutes=14), settings=SETTINGS)
    assert (claims.user_id, claims.seller_id) == (USER, SELLER)
    assert claims.expires_at == NOW + timedelta(minutes=15)


def test_raw_claims_have_every_required_field():
    token = issue_access_token(USER, SELLER, now=NOW, settings=SETTINGS)
    raw = jwt.decode(token, options={"verify_signature": False})
    assert set(raw) == {"sub", "sid", "iat", "exp", "iss", "aud", "jti", "ver"}
    assert jwt.get_unverified_header(token)["alg"] == "HS256"


def test_each_token_has_its_own_jti():
    a = issue_access_token(USER, SELLER, now=NOW, settings=SETTINGS)
    b = issue_access_token(USER, SELLER, now=NOW, settings=SETTINGS)
    assert (
        decode_access_token(a, now=NOW, settings=SETTINGS).token_id
        != decode_access_token(b, now=NOW, settings=SETTINGS).token_id
    )


def test_token_is_expired_at_exp():
    token = issue_access_token(USER, SELLER, now=NOW, settings=SETTINGS)
    with pytest.raises(InvalidAccessToken, match="expired"):
        decode_access_token(token, now=NOW + timedelta(minutes=15), settings=SETTINGS)


def test_validity_follows_the_callers_clock_not_the_wall_clock():
    later = datetime.now(UTC) + timedelta(days=400)  # a clock set ahead, as tests and replays do
    token = issue_access_token(USER, SELLER, now=later, settings=SETTINGS)
    assert decode_access_token(token, now=later, settings=SETTINGS).user_id == USER


def test_token_signed_with_another_key_is_refused():
    token = issue_access_token(USER, SELLER, now=NOW, settings=Settings(jwt_secret="other-" + "o" * 40))
    with pytest.raises(InvalidAccessToken, match="signature"):
        decode_access_token(token, now=NOW, settings=SETTINGS)


def test_rotation_new_key_signs_and_old_key_still_verifies():
    old = issue_access_token(USER, SELLER, now=NOW, settings=SETTINGS)
    rotated = Settings(jwt_secret="brand-new-" + "n" * 40 + "," + KEY)
    assert decode_access_token(old, now=NOW, settings=rotated).user_id == USER
    new = issue_access_token(USER, SELLER, now=NOW, settings=rotated)
    with pytest.raises(InvalidAccessToken):
        decode_access_token(new, now=NOW, settings=SETTINGS)


def test_audience_of_another_deployment_is_refused():
    token = issue_access_token(USER, SELLER, now=NOW, settings=Settings(jwt_secret=KEY, jwt_audience="x"))
    with pytest.raises(InvalidAccessToken, match="not issued for this service"):
        decode_access_token(token, now=NOW, settings=SETTINGS)


def test_unsigned_token_is_refused():
    token = jwt.encode(
        {
            "sub": str(USER),
            "sid": str(SELLER),
            "iat": 1,
            "exp": 2**40,
            "iss": "pixecom",
            "aud": "pixecom-ads-manager",
            "jti": "j",
        },
        key="",
        algorithm="none",
    )
    with pytest.raises(InvalidAccessToken):
        decode_access_token(token, now=NOW, settings=SETTINGS)
