"""Tokens at rest: encrypted, decryptable only with the configured key(s), rotation-friendly."""

from pathlib import Path

import pytest
from cryptography.fernet import Fernet

from pixecom.crypto import LOCAL_KEY_FILE, TokenDecryptionError, decrypt_token, encrypt_token
from pixecom.settings import Settings


def test_token_round_trips_and_is_not_stored_in_clear():
    settings = Settings(token_encryption_key=Fernet.generate_key().decode())
    ciphertext = encrypt_token("EAAB-secret-token", settings)
    assert b"EAAB-secret-token" not in ciphertext
    assert decrypt_token(ciphertext, settings) == "EAAB-secret-token"


def test_any_long_secret_works_as_a_key():
    settings = Settings(token_encryption_key="a secret from secrets manager that is not a fernet key")
    assert decrypt_token(encrypt_token("t", settings), settings) == "t"


def test_another_key_cannot_decrypt():
    ciphertext = encrypt_token("t", Settings(token_encryption_key="key-one-" + "x" * 30))
    with pytest.raises(TokenDecryptionError):
        decrypt_token(ciphertext, Settings(token_encryption_key="key-two-" + "y" * 30))


def test_rotation_new_key_first_old_key_still_decrypts():
    old, new = "old-key-" + "o" * 30, "new-key-" + "n" * 30
    ciphertext = encrypt_token("t", Settings(token_encryption_key=old))
    assert decrypt_token(ciphertext, Settings(token_encryption_key=f"{new},{old}")) == "t"


def test_local_runs_generate_and_keep_a_key_file(tmp_path: Path):
    settings = Settings(local_state_dir=tmp_path)
    ciphertext = encrypt_token("t", settings)
    key_file = tmp_path / LOCAL_KEY_FILE
    assert key_file.exists() and oct(key_file.stat().st_mode)[-3:] == "600"
    assert decrypt_token(ciphertext, Settings(local_state_dir=tmp_path)) == "t"


def test_outside_local_runs_a_configured_key_is_required(tmp_path: Path):
    with pytest.raises(RuntimeError, match="TOKEN_ENCRYPTION_KEY"):
        encrypt_token("t", Settings(environment="prod", local_state_dir=tmp_path))
