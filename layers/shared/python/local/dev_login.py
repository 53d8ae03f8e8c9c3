"""Facebook Login for `make dev`: the simulator plays Meta with a dev app and one Facebook user
who can reach every demo account (one of them is left unconnected, for trying "connect"), and
the API is pointed at it (META_* and GRAPH_APP_SECRET, unless already set).

Walkthrough (README "Connect with Facebook"): in the console, "Connect with Facebook" opens the
simulator's consent page (approve, cancel, or untick a permission), which redirects to the
console's own /meta/callback on the port `make dev` serves it; that page posts code and state to
/api/meta/callback and lets the seller pick accounts (POST /api/meta/connections/{id}/accounts).
"""

from __future__ import annotations

import os

from pixecom.settings import get_settings
from simulator.login_spec import AppSpec, DialogKnobs, LoginSpec, MetaUserSpec
from simulator.scenario import Scenario

DEV_APP_ID = "1384"
DEV_APP_SECRET = "pixecom-dev-app-secret"  # the simulator's app, never a real Meta secret
DEV_META_USER = "10001"
ALL_TASKS = ["MANAGE", "ADVERTISE", "ANALYZE"]


def dev_redirect_uri(console_url: str) -> str:
    """The console's callback page, where the simulated Meta sends the browser back."""
    return console_url.rstrip("/") + "/meta/callback"


def add_dev_login(scenario: Scenario, console_url: str) -> Scenario:
    """Give a scenario without a `login` section the dev app (redirecting to the console at
    `console_url`), a consent page a person clicks, and a user who reaches every account."""
    if scenario.login is None:
        scenario.login = LoginSpec(
            apps=[
                AppSpec(id=DEV_APP_ID, secret=DEV_APP_SECRET, redirect_uris=[dev_redirect_uri(console_url)])
            ],
            dialog=DialogKnobs(interactive=True),
            users=[
                MetaUserSpec(
                    id=DEV_META_USER,
                    name="Demo Facebook user",
                    ad_accounts={account.id: ALL_TASKS for account in scenario.ad_accounts},
                )
            ],
        )
    return scenario


def point_login_at(simulator_base_url: str, scenario: Scenario) -> None:
    """Our app settings for the simulator's dev app (variables already set are kept)."""
    app = scenario.login.apps[0] if scenario.login and scenario.login.apps else None
    if app is None or not app.redirect_uris:
        return
    defaults = {
        "META_APP_ID": app.id,
        "GRAPH_APP_SECRET": app.secret,
        "META_REDIRECT_URI": app.redirect_uris[0],
        "META_DIALOG_BASE_URL": simulator_base_url,
    }
    for name, value in defaults.items():
        os.environ.setdefault(name, value)
    get_settings.cache_clear()
