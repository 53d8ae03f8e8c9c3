"""The simulator's Facebook Login consent page, for a person at a browser (`interactive` knob):
who is logging in, the app, each requested permission as a checkbox (untick to decline), and
"Continue" / "Cancel". The form posts back to the dialog, which then redirects like Meta does."""

from __future__ import annotations

from html import escape

from simulator.login_spec import AppSpec, DialogKnobs

PERMISSION_WORDS = {
    "ads_read": "Read your ads' performance",
    "ads_management": "Manage your ads (pause, activate, change budgets)",
    "business_management": "Access your business assets",
    "public_profile": "Your public profile",
}


def consent_page(app: AppSpec, user_name: str, scopes: list[str], params: dict[str, str], action: str) -> str:
    """The HTML page; `params` (the dialog's query) travel back as hidden fields."""
    hidden = "".join(
        f'<input type="hidden" name="{escape(k)}" value="{escape(v)}">' for k, v in params.items()
    )
    boxes = "".join(
        f'<li><label><input type="checkbox" name="grant" value="{escape(s)}" checked> '
        f"{escape(PERMISSION_WORDS.get(s, s))} <code>{escape(s)}</code></label></li>"
        for s in scopes
    )
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Log in with Facebook</title>
<style>body{{font:15px system-ui,sans-serif;background:#f0f2f5;margin:0}}
main{{max-width:460px;margin:48px auto;background:#fff;border-radius:8px;padding:24px;
box-shadow:0 1px 3px #0003}}h1{{font-size:20px}}ul{{list-style:none;padding:0}}li{{margin:8px 0}}
button{{font:inherit;padding:8px 16px;border-radius:6px;border:1px solid #bbb;margin-right:8px}}
.primary{{background:#1257c7;color:#fff;border-color:#1257c7}}code{{color:#555}}</style></head>
<body><main><h1>{escape(app.name)} is requesting access</h1>
<p>Logged in to Facebook as <strong>{escape(user_name)}</strong> (simulated Meta).</p>
<form method="post" action="{escape(action)}">{hidden}
<fieldset><legend>Permissions (untick one to decline it)</legend><ul>{boxes}</ul></fieldset>
<p><button class="primary" type="submit" name="choice" value="approve">
Continue as {escape(user_name)}</button>
<button type="submit" name="choice" value="deny">Cancel</button></p>
</form></main></body></html>"""


def chosen_knobs(current: DialogKnobs, scopes: list[str], choice: str, granted: list[str]) -> DialogKnobs:
    """The person's answer on the page as the dialog's knobs for this one login."""
    return current.model_copy(
        update={
            "outcome": "approve" if choice == "approve" else "deny",
            "decline": [s for s in scopes if s not in granted],
        }
    )
