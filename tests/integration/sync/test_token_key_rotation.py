"""Token encryption key rotation: put a new key first, re-encrypt every stored token with it
(`pixecom rotate-token-keys`, also the daily maintenance run), then drop the old key."""

from __future__ import annotations

import pytest
from cryptography.fernet import Fernet
from sync_helpers import delivery_message

from local.command import main
from pixecom.accounts.connect import connect_account
from pixecom.alerts.webhooks import set_webhook
from pixecom.clock import utc_now
from pixecom.crypto import decrypt_token, encrypt_token
from pixecom.db.engine import session_scope
from pixecom.db.login_models import MetaGrant
from pixecom.db.models import AdAccount
from pixecom.domain.enums import SyncOutcome
from pixecom.maintenance.rotate import rotate_token_keys
from pixecom.settings import get_settings
from pixecom.sync.delivery import sync_account_delivery

K1, K2, K3 = (Fernet.generate_key().decode() for _ in range(3))
GRANT_TOKEN = "EAAG-grant-token-never-logged"
WEBHOOK_SECRET = "whsec-never-logged-either"


@pytest.fixture
def keys(monkeypatch):
    def use(*keys: str) -> None:
        monkeypatch.setenv("TOKEN_ENCRYPTION_KEY", ",".join(keys))
        get_settings.cache_clear()

    return use


@pytest.fixture
def stored(keys, make_seller, graph, monkeypatch):
    """Two connected accounts, a Meta grant and a webhook, all encrypted under K1."""
    from pixecom.alerts import webhook_urls

    monkeypatch.setattr(webhook_urls, "resolve_host", lambda host, port: ["93.184.215.14"])  # no DNS in tests
    keys(K1)
    seller = make_seller()
    accounts = [
        connect_account(seller.seller_id, f"act_{n}", f"token-{n}", graph=graph, now=utc_now()).id
        for n in (1001, 1002)
    ]
    with session_scope() as s:
        s.add(
            MetaGrant(
                seller_id=seller.seller_id,
                meta_user_id="10200",
                token_type="USER",
                access_token_encrypted=encrypt_token(GRANT_TOKEN),
            )
        )
        s.add(MetaGrant(seller_id=seller.seller_id, meta_user_id="10201", token_type="USER"))  # erased
        set_webhook(s, seller.seller_id, "https://hooks.example.com/x", WEBHOOK_SECRET, True)
    return accounts


def _clear_tokens() -> list[str]:
    """Every stored token, decrypted with the configured keys (raises if one does not decrypt)."""
    from sqlalchemy import select

    from pixecom.db.automation_models import Webhook

    with session_scope() as s:
        ciphertexts = [
            *s.scalars(select(AdAccount.access_token_encrypted).order_by(AdAccount.meta_account_id)),
            *s.scalars(
                select(MetaGrant.access_token_encrypted).where(MetaGrant.access_token_encrypted.is_not(None))
            ),
            *s.scalars(select(Webhook.secret_encrypted)),
        ]
    return [decrypt_token(c) for c in ciphertexts]


def test_rotating_twice_lets_the_old_keys_go_and_syncs_still_work(keys, stored, graph, capsys, caplog):
    keys(K2, K1)
    first = rotate_token_keys(batch_size=1)  # batches of one: the paging is exercised too
    assert first.reencrypted == 4 and first.unreadable == 0
    assert rotate_token_keys().reencrypted == 0  # a second run finds everything current

    keys(K3, K2)  # K1 is gone already: everything was re-encrypted under K2
    second = rotate_token_keys()
    assert second.as_dict()["tables"] == {
        "ad_accounts": {"reencrypted": 2, "current": 0, "unreadable": 0},
        "meta_grants": {"reencrypted": 1, "current": 0, "unreadable": 0},
        "webhooks": {"reencrypted": 1, "current": 0, "unreadable": 0},
    }

    keys(K3)
    assert _clear_tokens() == ["token-1001", "token-1002", GRANT_TOKEN, WEBHOOK_SECRET]
    reports = [sync_account_delivery(delivery_message(a), graph=graph) for a in stored]
    assert [r.outcome for r in reports] == [SyncOutcome.SUCCEEDED, SyncOutcome.SUCCEEDED]
    logged = capsys.readouterr().out + caplog.text
    assert not any(secret in logged for secret in ("token-1001", "token-1002", GRANT_TOKEN, WEBHOOK_SECRET))


def test_a_token_no_key_decrypts_is_counted_unreadable_and_left_as_it_is(keys, stored):
    keys(K3)  # neither K1 nor K2: nothing decrypts

    report = rotate_token_keys()

    assert report.reencrypted == 0 and report.unreadable == 4
    keys(K1)
    assert _clear_tokens() == ["token-1001", "token-1002", GRANT_TOKEN, WEBHOOK_SECRET]


def test_the_command_prints_how_many_it_re_encrypted_and_never_a_token(keys, stored, capsys):
    keys(K2, K1)

    assert main(["rotate-token-keys"]) == 0

    out = capsys.readouterr().out
    assert '"reencrypted": 4' in out
    assert "token-100" not in out and GRANT_TOKEN not in out
