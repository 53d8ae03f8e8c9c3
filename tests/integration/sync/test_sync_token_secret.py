"""In AWS the token key comes from Secrets Manager (moto here), by the ARN in TOKEN_ENCRYPTION_KEY_ARN."""

import boto3

from pixecom.crypto import decrypt_token, encrypt_token
from pixecom.settings import Settings


def test_token_key_is_read_from_secrets_manager(aws):
    client = boto3.client("secretsmanager", region_name="us-east-1")
    arn = client.create_secret(Name="pixecom/token-key", SecretString="k" * 44)["ARN"]
    settings = Settings(environment="prod", token_encryption_key_arn=arn)
    ciphertext = encrypt_token("EAAB-token", settings)
    assert decrypt_token(ciphertext, Settings(token_encryption_key="k" * 44)) == "EAAB-token"
