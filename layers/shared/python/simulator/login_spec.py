"""The `login` key of a scenario: our Meta app(s), Facebook users with their ad-account tasks,
token lifetimes and the dialog's knobs (what the next person at the consent screen does)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

DAY = 86_400


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class AppSpec(_Model):
    id: str = "1384"
    secret: str = "sim-app-secret"
    name: str = "PixEcom (simulated)"
    redirect_uris: list[str] = Field(default_factory=list)  # "Valid OAuth Redirect URIs"
    require_app_secret: bool = False  # Advanced -> "Require App Secret"
    config_ids: dict[str, list[str]] = Field(default_factory=dict)  # Login for Business configs


class MetaUserSpec(_Model):
    id: str  # app-scoped user id
    name: str = "Sim User"
    ad_accounts: dict[str, list[str]] = Field(default_factory=dict)  # "act_1" -> user_tasks


class DialogKnobs(_Model):
    """What happens at the next dialog: approve (granting all but `decline`) or deny."""

    outcome: Literal["approve", "deny"] = "approve"
    user_id: str | None = None  # who is logged in on "facebook.com" (default: the first user)
    decline: list[str] = Field(default_factory=list)  # permissions the user unticks
    assets: list[str] | None = None  # ad accounts the user selects (default: all of theirs)
    # A consent page a person clicks (make dev, the browser tests) instead of deciding at once.
    interactive: bool = False


class LoginSpec(_Model):
    apps: list[AppSpec] = Field(default_factory=lambda: [AppSpec()])
    users: list[MetaUserSpec] = Field(default_factory=list)
    short_lived_seconds: int = 2 * 3600  # "expire in hours"
    long_lived_seconds: int = 60 * DAY
    data_access_seconds: int = 90 * DAY
    code_ttl_seconds: int = 600  # Meta states none [U]; RFC 6749's 10 minutes
    omit_expires_in: bool = False  # e.g. BISU tokens: no expires_in in the exchange answer
    # Whether fb_exchange_token on a long-lived token extends its 60 days is unconfirmed [U]:
    # the safe reading is that it does not (the new token keeps the old expiry).
    long_lived_exchange_extends: bool = False
    # The error after data_access_expires_at was not found [U]: default 190 without subcode.
    data_access_error_code: int = 190
    data_access_error_subcode: int | None = None
    dialog: DialogKnobs = Field(default_factory=DialogKnobs)
