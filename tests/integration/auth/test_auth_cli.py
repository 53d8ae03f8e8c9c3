"""`pixecom create-user` against real Postgres; the created user can log in over HTTP."""

from auth_helpers import PASSWORD


def _run(*argv):
    from local.command import main

    return main(["create-user", *argv])


def test_create_user_reads_the_password_from_env_and_can_log_in(api, monkeypatch, capsys):
    monkeypatch.setenv("PIXECOM_NEW_USER_PASSWORD", PASSWORD)
    assert _run("--email", " Ops@PixEcom.io ", "--seller-name", "PixEcom Internal") == 0
    out = capsys.readouterr().out
    assert "created owner ops@pixecom.io" in out
    assert PASSWORD not in out
    response = api.post("/api/auth/login", json={"email": "ops@pixecom.io", "password": PASSWORD})
    assert response.status_code == 200


def test_create_user_asks_twice_and_refuses_a_mismatch(db_url, monkeypatch, capsys):
    monkeypatch.delenv("PIXECOM_NEW_USER_PASSWORD", raising=False)
    answers = iter(["first-password-1", "other-password-2"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    assert _run("--email", "a@pixecom.io", "--seller-name", "Internal") == 2
    assert "do not match" in capsys.readouterr().err


def test_create_user_refuses_a_short_password(db_url, monkeypatch, capsys):
    monkeypatch.setenv("PIXECOM_NEW_USER_PASSWORD", "short")
    assert _run("--email", "b@pixecom.io", "--seller-name", "Internal") == 2
    assert "at least 10 characters" in capsys.readouterr().err


def test_create_user_member_joins_the_existing_seller(api, monkeypatch, session):
    from pixecom.db.models import User

    monkeypatch.setenv("PIXECOM_NEW_USER_PASSWORD", PASSWORD)
    assert _run("--email", "owner@pixecom.io", "--seller-name", "Team") == 0
    assert _run("--email", "member@pixecom.io", "--seller-name", "Team", "--role", "admin") == 0
    users = {u.email: u for u in session.query(User).all()}
    assert users["member@pixecom.io"].seller_id == users["owner@pixecom.io"].seller_id
    assert users["member@pixecom.io"].role.value == "admin"


def test_create_user_refuses_a_taken_email(db_url, monkeypatch, capsys):
    monkeypatch.setenv("PIXECOM_NEW_USER_PASSWORD", PASSWORD)
    assert _run("--email", "dup@pixecom.io", "--seller-name", "One") == 0
    assert _run("--email", "DUP@pixecom.io", "--seller-name", "Two") == 2
    assert "already registered" in capsys.readouterr().err
