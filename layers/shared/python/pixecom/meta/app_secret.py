"""Our Meta app's secret: `GRAPH_APP_SECRET_ARN` (Secrets Manager, in AWS) or `GRAPH_APP_SECRET`
(local runs and tests). Used for `appsecret_proof`, the code exchange, the app token of
`debug_token`, and checking `signed_request` callbacks. Never logged."""

from __future__ import annotations

from pixecom.settings import Settings


def app_secret(settings: Settings) -> str | None:
    """The app secret, or None when no app is configured (then no proof is sent).

    The template always creates the secret (with a placeholder until the operator stores the
    real one), so the ARN counts only once META_APP_ID is set too."""
    if settings.graph_app_secret_arn and settings.meta_app_id:
        from pixecom.secret_store import get_secret

        return get_secret(settings.graph_app_secret_arn)
    return settings.graph_app_secret


def app_token(settings: Settings) -> str | None:
    """`{app_id}|{app_secret}`: the app access token `debug_token` needs; None without an app."""
    secret = app_secret(settings)
    if not (settings.meta_app_id and secret):
        return None
    return f"{settings.meta_app_id}|{secret}"
