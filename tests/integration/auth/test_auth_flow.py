"""The whole session lifecycle over HTTP against real Postgres."""

import pytest
from auth_helpers import PASSWORD, bearer

from pixecom.domain.permissions import Permission

# Through PgBouncer in transaction pooling mode: nothing may rely on session state.
pytestmark = pytest.mark.pooler


def test_full_flow_register_me_refresh_reuse_login_logout(api, register):
    registered = register(email="Ann@Example.com", seller_name="Ann's Shop")
    assert registered["user"]["email"] == "ann@example.com"
    assert registered["user"]["role"] == "owner"
    assert registered["seller"]["name"] == "Ann's Shop"
    assert registered["token_type"] == "bearer"
    assert registered["expires_in"] == 900

    me = api.get("/api/auth/me", headers=bearer(registered["access_token"]))
    assert me.status_code == 200
    assert me.json() == {
        "user": registered["user"],
        "seller": registered["seller"],
        "permissions": [p.value for p in Permission],  # an owner may do everything
        "ad_account_ids": None,
    }

    first = registered["refresh_token"]
    rotated = api.post("/api/auth/refresh", json={"refresh_token": first})
    assert rotated.status_code == 200
    second = rotated.json()["refresh_token"]
    assert second != first
    assert api.get("/api/auth/me", headers=bearer(rotated.json()["access_token"])).status_code == 200

    third = api.post("/api/auth/refresh", json={"refresh_token": second}).json()["refresh_token"]
    # `first` is no longer the token just before the current one: its reuse revokes the family.
    reused = api.post("/api/auth/refresh", json={"refresh_token": first})
    assert reused.status_code == 401
    assert reused.json()["error"]["code"] == "invalid_refresh_token"
    # Reuse revoked the whole family: the newest token is dead too.
    assert api.post("/api/auth/refresh", json={"refresh_token": third}).status_code == 401

    login = api.post("/api/auth/login", json={"email": "ann@example.com", "password": PASSWORD})
    assert login.status_code == 200
    fresh = login.json()["refresh_token"]
    assert api.post("/api/auth/logout", json={"refresh_token": fresh}).status_code == 204
    assert api.post("/api/auth/refresh", json={"refresh_token": fresh}).status_code == 401


def test_duplicate_email_is_409_whatever_the_case_or_spacing(api, register):
    register(email="bob@example.com")
    response = api.post(
        "/api/auth/register",
        json={"email": "  BOB@Example.COM ", "password": PASSWORD, "seller_name": "Other"},
    )
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "email_taken"


def test_wrong_password_and_unknown_email_answer_the_same_401(api, register):
    register(email="carol@example.com")
    wrong = api.post("/api/auth/login", json={"email": "carol@example.com", "password": "not-her-password"})
    unknown = api.post("/api/auth/login", json={"email": "nobody@example.com", "password": PASSWORD})
    assert wrong.status_code == unknown.status_code == 401
    assert (
        wrong.json()
        == unknown.json()
        == {"error": {"code": "invalid_credentials", "message": "Invalid email or password"}}
    )


def test_login_accepts_the_email_in_any_case_and_records_last_login(api, register, session):
    from pixecom.db.models import User

    register(email="dan@example.com")
    response = api.post("/api/auth/login", json={"email": " DAN@example.com", "password": PASSWORD})
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"access_token", "refresh_token", "token_type", "expires_in"}
    user = session.query(User).filter_by(email="dan@example.com").one()
    assert user.last_login_at is not None


def test_inactive_user_cannot_log_in(api, register, session):
    from pixecom.db.models import User

    register(email="eve@example.com")
    session.query(User).filter_by(email="eve@example.com").update({"is_active": False})
    session.commit()
    response = api.post("/api/auth/login", json={"email": "eve@example.com", "password": PASSWORD})
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "invalid_credentials"


def test_refresh_for_a_deactivated_user_is_refused(api, register, session):
    from pixecom.db.models import User

    tokens = register(email="fay@example.com")
    session.query(User).filter_by(email="fay@example.com").update({"is_active": False})
    session.commit()
    assert api.post("/api/auth/refresh", json={"refresh_token": tokens["refresh_token"]}).status_code == 401


def test_logout_with_an_unknown_token_is_still_204(api):
    response = api.post("/api/auth/logout", json={"refresh_token": "not-a-token-we-issued"})
    assert response.status_code == 204
    assert response.content == b""


def test_unknown_refresh_token_is_401(api):
    response = api.post("/api/auth/refresh", json={"refresh_token": "x" * 43})
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "invalid_refresh_token"


def test_database_keeps_only_hashes_of_passwords_and_refresh_tokens(api, register, session):
    import hashlib

    from pixecom.db.models import RefreshToken, User

    tokens = register(email="gil@example.com")
    user = session.query(User).filter_by(email="gil@example.com").one()
    assert user.password_hash.startswith("$argon2id$")
    assert PASSWORD not in user.password_hash
    stored = session.query(RefreshToken).filter_by(user_id=user.id).one()
    assert stored.token_hash == hashlib.sha256(tokens["refresh_token"].encode()).digest()
    assert tokens["refresh_token"].encode() not in stored.token_hash


def test_login_rehashes_a_password_stored_with_old_parameters(api, register, session, monkeypatch):
    from pixecom.db.models import User
    from pixecom.settings import get_settings

    register(email="hal@example.com")  # hashed with the cheap test parameters
    old_hash = session.query(User.password_hash).filter_by(email="hal@example.com").scalar()
    assert "m=256,t=1,p=1" in old_hash
    session.rollback()  # hand the one pooled connection back to the app
    for name in ("ARGON2_TIME_COST", "ARGON2_MEMORY_KIB", "ARGON2_PARALLELISM"):
        monkeypatch.delenv(name)  # back to the production cost
    get_settings.cache_clear()
    assert (
        api.post("/api/auth/login", json={"email": "hal@example.com", "password": PASSWORD}).status_code
        == 200
    )
    session.expire_all()
    new_hash = session.query(User.password_hash).filter_by(email="hal@example.com").scalar()
    assert "m=65536,t=3,p=4" in new_hash
    session.rollback()
    assert (
        api.post("/api/auth/login", json={"email": "hal@example.com", "password": PASSWORD}).status_code
        == 200
    )


def test_nothing_secret_reaches_the_logs(api, register, caplog):
    import io
    import logging

    from pixecom.observability import logger

    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logger.registered_formatter)
    target = logging.getLogger(logger.name)  # the stdlib logger behind Powertools
    target.addHandler(handler)
    caplog.set_level(logging.DEBUG)
    try:
        tokens = register(email="ivy@example.com")
        api.post("/api/auth/login", json={"email": "ivy@example.com", "password": "wrong-password-1"})
        second = api.post("/api/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
        api.post("/api/auth/refresh", json={"refresh_token": second.json()["refresh_token"]})
        api.post("/api/auth/refresh", json={"refresh_token": tokens["refresh_token"]})  # reuse: logged
        api.get("/api/auth/me", headers=bearer(tokens["access_token"]))
    finally:
        target.removeHandler(handler)
    logs = stream.getvalue() + caplog.text
    assert "family revoked" in logs
    for secret in (
        PASSWORD,
        "wrong-password-1",
        tokens["refresh_token"],
        tokens["access_token"],
        "$argon2id$",
    ):
        assert secret not in logs


def test_token_responses_are_not_cacheable(api, register):
    register(email="jo@example.com")
    login = api.post("/api/auth/login", json={"email": "jo@example.com", "password": PASSWORD})
    renewed = api.post("/api/auth/refresh", json={"refresh_token": login.json()["refresh_token"]})
    assert login.headers["cache-control"] == renewed.headers["cache-control"] == "no-store"
