"""Facebook Login for `make dev`: the simulator plays Meta with a dev app and one Facebook user
who can reach every demo account (one of them is left unconnected, for trying "connect"), and
the API is pointed at it (META_* and GRAPH_APP_SECRET, unless already set).

Walkthrough (README "Connect with Facebook"): POST /api/meta/connect, open the authorize_url
(the simulator approves and redirects to DEV_REDIRECT_URI with code and state), POST those to
/api/meta/callback, then POST /api/meta/connections/{id}/accounts.
"""

from __future__ import annotations

import os

from pixecom.settings import get_settings
from pixecom.simulator.login_spec import AppSpec, LoginSpec, MetaUserSpec
from pixecom.simulator.scenario import Scenario

DEV_APP_ID = "1384"
DEV_APP_SECRET = "pixecom-dev-app-secret"  # the simulator's app, never a real Meta secret
DEV_REDIRECT_URI = "http://localhost:3000/meta/callback"
DEV_META_USER = "10001"
ALL_TASKS = ["MANAGE", "ADVERTISE", "ANALYZE"]


def add_dev_login(scenario: Scenario) -> Scenario:
    """Give a scenario without a `login` section the dev app and a user who reaches every account."""
    if scenario.login is None:
        scenario.login = LoginSpec(
            apps=[AppSpec(id=DEV_APP_ID, secret=DEV_APP_SECRET, redirect_uris=[DEV_REDIRECT_URI])],
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
    if app is None:
        return
    defaults = {
        "META_APP_ID": app.id,
        "GRAPH_APP_SECRET": app.secret,
        "META_REDIRECT_URI": app.redirect_uris[0] if app.redirect_uris else DEV_REDIRECT_URI,
        "META_DIALOG_BASE_URL": simulator_base_url,
    }
    for name, value in defaults.items():
        os.environ.setdefault(name, value)
    get_settings.cache_clear()
