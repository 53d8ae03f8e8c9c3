"""argon2id hashing: policy, verify, rehash on parameter change, unusable hashes."""

import pytest

from pixecom.auth.passwords import (
    MAX_PASSWORD_LENGTH,
    PasswordPolicyError,
    dummy_verify,
    hash_password,
    verify_password,
)
from pixecom.settings import Settings

CHEAP = Settings(argon2_time_cost=1, argon2_memory_kib=256, argon2_parallelism=1)
CHEAP_BUT_NEWER = Settings(argon2_time_cost=2, argon2_memory_kib=512, argon2_parallelism=1)


def test_hash_is_argon2id_with_the_configured_parameters():
    hashed = hash_password("a long enough password", CHEAP)
    assert hashed.startswith("$argon2id$v=19$m=256,t=1,p=1$")


def test_same_password_hashes_differently_each_time():
    assert hash_password("a long enough password", CHEAP) != hash_password("a long enough password", CHEAP)


def test_verify_accepts_the_password_and_needs_no_rehash():
    hashed = hash_password("a long enough password", CHEAP)
    assert verify_password("a long enough password", hashed, CHEAP) == (True, False)


def test_verify_rejects_a_wrong_password():
    hashed = hash_password("a long enough password", CHEAP)
    assert verify_password("a long enough passwort", hashed, CHEAP) == (False, False)


def test_changed_parameters_ask_for_a_rehash():
    hashed = hash_password("a long enough password", CHEAP)
    assert verify_password("a long enough password", hashed, CHEAP_BUT_NEWER) == (True, True)


@pytest.mark.parametrize("stored", ["!", "", "$argon2id$garbage", "plaintext-password"])
def test_unusable_stored_hashes_never_match(stored):
    assert verify_password("plaintext-password", stored, CHEAP) == (False, False)


def test_passwords_under_ten_characters_are_refused():
    with pytest.raises(PasswordPolicyError, match="at least 10"):
        hash_password("123456789", CHEAP)


def test_overlong_passwords_are_refused_before_hashing():
    with pytest.raises(PasswordPolicyError, match="at most"):
        hash_password("p" * (MAX_PASSWORD_LENGTH + 1), CHEAP)


def test_overlong_password_never_verifies():
    hashed = hash_password("p" * MAX_PASSWORD_LENGTH, CHEAP)
    assert verify_password("p" * (MAX_PASSWORD_LENGTH + 1), hashed, CHEAP) == (False, False)


def test_dummy_verify_checks_against_a_hash_of_the_configured_cost(monkeypatch):
    from argon2 import PasswordHasher

    verified = []
    real_verify = PasswordHasher.verify

    def spy(self, hash, password):
        verified.append(hash)
        return real_verify(self, hash, password)

    monkeypatch.setattr(PasswordHasher, "verify", spy)
    dummy_verify(CHEAP)  # a wrong password against a random hash: the mismatch is swallowed
    assert len(verified) == 1
    assert verified[0].startswith("$argon2id$v=19$m=256,t=1,p=1$")  # so it costs a real verify
