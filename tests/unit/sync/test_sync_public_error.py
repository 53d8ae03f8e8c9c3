"""What a seller reads about a failed sync is chosen by the exception's type, never its text."""

from datetime import UTC, datetime

from pixecom.crypto import TokenDecryptionError
from pixecom.meta.errors import RateLimited, TransientError
from pixecom.sync.recording import GENERIC_SYNC_ERROR, public_error


def test_meta_errors_are_shown_as_they_are():
    assert public_error(TransientError("Service temporarily unavailable")) == (
        "TransientError: Service temporarily unavailable"
    )


def test_a_token_that_no_longer_decrypts_is_shown():
    assert public_error(TokenDecryptionError("stored token cannot be decrypted")).startswith(
        "TokenDecryptionError: "
    )


def test_anything_else_is_generic_even_when_its_message_looks_like_a_meta_error():
    assert public_error(RuntimeError("TransientError: db-host.internal:5432 refused")) == GENERIC_SYNC_ERROR


def test_a_subclass_of_a_meta_error_counts_as_one():
    class Quota(RateLimited):
        pass

    until = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
    assert public_error(Quota("quota", until=until)).startswith("Quota: quota")
