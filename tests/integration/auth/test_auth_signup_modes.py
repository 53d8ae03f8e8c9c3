"""Sign-up is a setting: SIGNUP_MODE=open lets anyone register; SIGNUP_MODE=invitation needs a
single-use code from `pixecom invite` (stored hashed, with an expiry)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from auth_helpers import PASSWORD
from sqlalchemy import func, select

from local.command import main
from pixecom.auth.invitations import create_invitation, hash_code
from pixecom.db.engine import session_scope
from pixecom.db.models import Invitation, User
from pixecom.settings import get_settings

REGISTER = "/api/auth/register"


@pytest.fixture
def invitation_only(monkeypatch):
    monkeypatch.setenv("SIGNUP_MODE", "invitation")
    get_settings.cache_clear()


def _body(email: str = "ann@example.com", **extra):
    return {"email": email, "password": PASSWORD, "seller_name": "Ann's Shop", **extra}


def _invite(email: str | None = None, ttl: timedelta | None = None, now: datetime | None = None) -> str:
    with session_scope() as s:
        return create_invitation(s, now=now or datetime.now(UTC), email=email, ttl=ttl).code


def _users() -> int:
    with session_scope() as s:
        return s.scalar(select(func.count()).select_from(User)) or 0


def test_open_sign_up_needs_no_code(api, monkeypatch):
    monkeypatch.setenv("SIGNUP_MODE", "open")
    get_settings.cache_clear()
    assert api.post(REGISTER, json=_body()).status_code == 201


def test_by_invitation_a_registration_without_a_code_is_refused(api, invitation_only):
    response = api.post(REGISTER, json=_body())

    assert response.status_code == 403
    assert response.json() == {
        "error": {
            "code": "invitation_required",
            "message": "Sign-up is by invitation: an invitation_code is required",
            "field": "invitation_code",
        }
    }
    assert _users() == 0


def test_by_invitation_a_code_registers_once(api, invitation_only):
    code = _invite()

    first = api.post(REGISTER, json=_body(invitation_code=code))
    again = api.post(REGISTER, json=_body("bob@example.com", invitation_code=code))

    assert first.status_code == 201
    assert again.status_code == 403 and again.json()["error"]["code"] == "invitation_used"
    assert _users() == 1
    with session_scope() as s:
        invitation = s.scalars(select(Invitation)).one()
    assert invitation.used_at is not None and invitation.code_hash == hash_code(code)


def test_by_invitation_an_expired_or_unknown_code_is_refused(api, invitation_only):
    expired = _invite(ttl=timedelta(days=1), now=datetime.now(UTC) - timedelta(days=2))

    late = api.post(REGISTER, json=_body(invitation_code=expired))
    unknown = api.post(REGISTER, json=_body(invitation_code="no-such-code"))

    assert (late.status_code, late.json()["error"]["code"]) == (403, "invitation_expired")
    assert (unknown.status_code, unknown.json()["error"]["code"]) == (403, "invitation_invalid")
    assert _users() == 0


def test_a_code_bound_to_an_email_registers_only_that_email(api, invitation_only):
    code = _invite(email="Ann@Example.com")

    other = api.post(REGISTER, json=_body("bob@example.com", invitation_code=code))
    ann = api.post(REGISTER, json=_body("ann@example.com", invitation_code=code))

    assert (other.status_code, other.json()["error"]["code"]) == (403, "invitation_invalid")
    assert ann.status_code == 201


def test_a_registration_that_fails_leaves_the_code_unspent(api, invitation_only):
    taken = _invite()
    assert api.post(REGISTER, json=_body(invitation_code=taken)).status_code == 201
    code = _invite()

    clash = api.post(REGISTER, json=_body(invitation_code=code))  # the email is taken
    retry = api.post(REGISTER, json=_body("bob@example.com", invitation_code=code))

    assert clash.status_code == 409 and retry.status_code == 201


def test_the_invite_command_prints_a_code_that_registers(api, invitation_only, capsys):
    assert main(["invite", "--email", "ann@example.com", "--days", "3"]) == 0
    out = capsys.readouterr().out
    code = out.strip().splitlines()[-1]

    assert "for ann@example.com" in out
    with session_scope() as s:
        stored = s.scalars(select(Invitation)).one()
    assert stored.code_hash == hash_code(code) and code.encode() not in stored.code_hash
    assert timedelta(days=2, hours=23) < stored.expires_at - datetime.now(UTC) <= timedelta(days=3)
    assert api.post(REGISTER, json=_body(invitation_code=code)).status_code == 201
