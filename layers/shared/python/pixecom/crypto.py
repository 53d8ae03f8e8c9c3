"""Ad-account access tokens at rest: Fernet (AES-128-CBC + HMAC-SHA256), never stored in clear.

The key comes from, in order: Secrets Manager (`TOKEN_ENCRYPTION_KEY_ARN`, in AWS), the env var
`TOKEN_ENCRYPTION_KEY`, or a key generated once into `<PIXECOM_STATE_DIR>/token-encryption.key`
(local runs only). A value may list several keys separated by commas: the first encrypts, all
decrypt, so a key can be rotated without re-encrypting every row first. A value that is not a
Fernet key (any other high-entropy secret) is stretched into one with SHA-256.

Rotation (docs/operations.md): put the new key first, run `pixecom rotate-token-keys` (the daily
maintenance run does it too), which re-encrypts every stored token with the first key
(`reencrypt`); then the old keys can leave the list.
"""

from __future__ import annotations

import base64
import hashlib
from functools import lru_cache
from typing import TYPE_CHECKING

from pixecom.settings import Settings, get_settings

if TYPE_CHECKING:  # cryptography is imported by the first cipher: most requests need none
    from cryptography.fernet import Fernet, MultiFernet

LOCAL_KEY_FILE = "token-encryption.key"


class TokenDecryptionError(RuntimeError):
    """A stored token could not be decrypted with the configured key(s): the key changed."""


def _fernet_for(secret: str) -> Fernet:
    from cryptography.fernet import Fernet

    try:
        return Fernet(secret.encode())
    except ValueError:
        # Not a urlsafe-base64 32-byte key: derive one (the secret itself is random and long).
        return Fernet(base64.urlsafe_b64encode(hashlib.sha256(secret.encode()).digest()))


def _key_material(settings: Settings) -> str:
    if settings.token_encryption_key_arn:
        from pixecom.secret_store import get_secret

        return get_secret(settings.token_encryption_key_arn)
    if settings.token_encryption_key:
        return settings.token_encryption_key
    if settings.environment != "local":
        raise RuntimeError("set TOKEN_ENCRYPTION_KEY_ARN (or TOKEN_ENCRYPTION_KEY) outside local runs")
    return _local_key(settings)


def _local_key(settings: Settings) -> str:
    path = settings.local_state_dir / LOCAL_KEY_FILE
    if path.exists():
        return path.read_text().strip()
    from cryptography.fernet import Fernet

    path.parent.mkdir(parents=True, exist_ok=True)
    key = Fernet.generate_key().decode()
    path.touch(mode=0o600)
    path.write_text(key)
    return key


@lru_cache(maxsize=4)
def _cipher(material: str) -> MultiFernet:
    from cryptography.fernet import MultiFernet

    keys = [part.strip() for part in material.split(",") if part.strip()]
    if not keys:
        raise RuntimeError("the token encryption key is empty")
    return MultiFernet([_fernet_for(key) for key in keys])


def token_cipher(settings: Settings | None = None) -> MultiFernet:
    """The container's cipher (Secrets Manager reads are cached by secret_store)."""
    return _cipher(_key_material(settings or get_settings()))


def is_current(ciphertext: bytes, settings: Settings | None = None) -> bool:
    """True when the first (newest) key alone decrypts `ciphertext`: nothing to re-encrypt."""
    from cryptography.fernet import InvalidToken

    material = _key_material(settings or get_settings())
    try:
        _primary(material).decrypt(bytes(ciphertext))
    except InvalidToken:
        return False
    return True


def reencrypt(ciphertext: bytes, settings: Settings | None = None) -> bytes:
    """`ciphertext` encrypted again with the first key (decrypted with any key of the list)."""
    from cryptography.fernet import InvalidToken

    try:
        return token_cipher(settings).rotate(bytes(ciphertext))
    except InvalidToken:
        raise TokenDecryptionError("stored access token does not decrypt with the configured key") from None


@lru_cache(maxsize=4)
def _primary(material: str) -> Fernet:
    keys = [part.strip() for part in material.split(",") if part.strip()]
    if not keys:
        raise RuntimeError("the token encryption key is empty")
    return _fernet_for(keys[0])


def encrypt_token(token: str, settings: Settings | None = None) -> bytes:
    """Ciphertext for the `access_token_encrypted` column."""
    return token_cipher(settings).encrypt(token.encode())


def decrypt_token(ciphertext: bytes, settings: Settings | None = None) -> str:
    """The clear token, for building a GraphClient; never log the result."""
    from cryptography.fernet import InvalidToken

    try:
        return token_cipher(settings).decrypt(bytes(ciphertext)).decode()
    except InvalidToken:
        raise TokenDecryptionError("stored access token does not decrypt with the configured key") from None
