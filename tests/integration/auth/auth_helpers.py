"""Shared values for the auth integration tests (a module, not conftest, so it imports by name)."""

PASSWORD = "correct horse battery"


def bearer(access_token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {access_token}"}
