"""Every way a bearer token can be wrong answers 401 on a protected endpoint (/api/auth/me)."""

import base64
import json
import os
import time
import uuid
from types import SimpleNamespace

import jwt
import pytest
from auth_helpers import bearer

# One worker for the module: its module-scoped fixture is then built once, not once per worker.
pytestmark = pytest.mark.xdist_group("auth-access-tokens")

ME = "/api/auth/me"


def _claims(user_id, seller_id, **changes):
    now = int(time.time())
    claims = {
        "sub": str(user_id),
        "sid": str(seller_id),
        "iat": now,
        "exp": now + 900,
        "iss": "pixecom",
        "aud": "pixecom-ads-manager",
        "jti": uuid.uuid4().hex,
    }
    for name, value in changes.items():
        if value is None:
            claims.pop(name)
        else:
            claims[name] = value
    return claims


def _sign(claims, key=None, algorithm="HS256"):
    return jwt.encode(claims, key or os.environ["JWT_SECRET"], algorithm=algorithm)


def _b64(data: dict) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


@pytest.fixture(scope="module")
def seller(shared_seller):
    user_id, seller_id = shared_seller("Tamper Test")
    return SimpleNamespace(user_id=user_id, seller_id=seller_id)


@pytest.fixture
def api(shared_api):
    return shared_api


def test_a_correctly_signed_token_is_accepted(api, seller):
    response = api.get(ME, headers=bearer(_sign(_claims(seller.user_id, seller.seller_id))))
    assert response.status_code == 200
    assert response.json()["seller"]["id"] == str(seller.seller_id)


def test_missing_bearer_is_401_with_www_authenticate(api):
    response = api.get(ME)
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert response.json()["error"]["code"] == "unauthorized"


@pytest.mark.parametrize("header", ["Basic dXNlcjpwYXNz", "Bearer", "Bearer ", "token abc"])
def test_other_schemes_or_empty_bearer_are_401(api, header):
    response = api.get(ME, headers={"Authorization": header})
    assert response.status_code == 401


def test_alg_none_is_401(api, seller):
    unsigned = (
        _b64({"alg": "none", "typ": "JWT"}) + "." + _b64(_claims(seller.user_id, seller.seller_id)) + "."
    )
    response = api.get(ME, headers=bearer(unsigned))
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "invalid_token"


@pytest.mark.filterwarnings("ignore::jwt.warnings.InsecureKeyLengthWarning")
def test_another_hmac_algorithm_with_the_right_key_is_401(api, seller):
    token = _sign(_claims(seller.user_id, seller.seller_id), algorithm="HS512")
    assert api.get(ME, headers=bearer(token)).status_code == 401


def test_wrong_key_is_401(api, seller):
    token = _sign(_claims(seller.user_id, seller.seller_id), key="an-attacker-key-" + "y" * 32)
    response = api.get(ME, headers=bearer(token))
    assert response.status_code == 401
    assert response.json()["error"]["message"] == "Invalid token signature"


def test_tampered_payload_with_the_original_signature_is_401(api, seller, shared_seller):
    other_user, other_seller = shared_seller("Victim")
    header, _, signature = _sign(_claims(seller.user_id, seller.seller_id)).split(".")
    forged_payload = _b64(_claims(other_user, other_seller))
    assert api.get(ME, headers=bearer(f"{header}.{forged_payload}.{signature}")).status_code == 401


def test_wrong_audience_is_401(api, seller):
    token = _sign(_claims(seller.user_id, seller.seller_id, aud="some-other-service"))
    response = api.get(ME, headers=bearer(token))
    assert response.status_code == 401
    assert response.json()["error"]["message"] == "Token was not issued for this service"


def test_wrong_issuer_is_401(api, seller):
    token = _sign(_claims(seller.user_id, seller.seller_id, iss="someone-else"))
    assert api.get(ME, headers=bearer(token)).status_code == 401


def test_expired_token_is_401(api, seller):
    past = int(time.time()) - 3600
    token = _sign(_claims(seller.user_id, seller.seller_id, iat=past - 900, exp=past))
    response = api.get(ME, headers=bearer(token))
    assert response.status_code == 401
    assert response.json()["error"]["message"] == "Token has expired"


@pytest.mark.parametrize("token", ["not-a-jwt", "a.b.c", "eyJhbGciOiJIUzI1NiJ9..", "x" * 5000, "ü.ü.ü"])
def test_malformed_token_is_401(api, token):
    response = api.get(ME, headers={"Authorization": f"Bearer {token}".encode()})
    assert response.status_code == 401


@pytest.mark.parametrize("claim", ["sub", "sid", "exp", "iat", "iss", "aud", "jti"])
def test_token_missing_a_required_claim_is_401(api, seller, claim):
    token = _sign(_claims(seller.user_id, seller.seller_id, **{claim: None}))
    assert api.get(ME, headers=bearer(token)).status_code == 401


def test_claims_that_are_not_ids_are_401(api, seller):
    token = _sign(_claims(seller.user_id, seller.seller_id, sid="not-a-uuid"))
    assert api.get(ME, headers=bearer(token)).status_code == 401


def test_a_user_paired_with_another_sellers_sid_sees_nothing(api, shared_seller):
    alice_user, _ = shared_seller("Alice Shop")
    _, bob_seller = shared_seller("Bob Shop")
    # Correctly signed (as if a bug minted it): the user must belong to the seller in the token.
    mixed = _sign(_claims(alice_user, bob_seller))
    response = api.get(ME, headers=bearer(mixed))
    assert response.status_code == 401
    assert "Bob Shop" not in response.text


def test_token_of_a_deleted_user_is_401(api, shared_seller):
    from pixecom.db.engine import session_scope
    from pixecom.db.models import User

    user_id, seller_id = shared_seller("Gone Shop")
    token = _sign(_claims(user_id, seller_id))
    with session_scope() as s:
        s.query(User).filter_by(id=user_id).delete()
    assert api.get(ME, headers=bearer(token)).status_code == 401


def test_rotated_key_old_tokens_verify_until_the_old_key_is_dropped(api, seller, monkeypatch):
    from pixecom.settings import get_settings

    old_key = os.environ["JWT_SECRET"]
    old_token = _sign(_claims(seller.user_id, seller.seller_id), key=old_key)
    monkeypatch.setenv("JWT_SECRET", "the-new-signing-key-" + "z" * 32 + "," + old_key)
    get_settings.cache_clear()
    assert api.get(ME, headers=bearer(old_token)).status_code == 200
    monkeypatch.setenv("JWT_SECRET", "the-new-signing-key-" + "z" * 32)
    get_settings.cache_clear()
    assert api.get(ME, headers=bearer(old_token)).status_code == 401
