"""Every route of the app declares exactly one permission mark (pixecom.api.permits), checked on
the live app so a route added without one fails here, by name, before any database test runs."""

from __future__ import annotations

from fastapi.routing import APIRoute, iter_route_contexts

from pixecom.api.app import create_app
from pixecom.api.permits import declared_marks


def test_every_route_declares_exactly_one_permission():
    undeclared = [
        f"{sorted(route.methods or ())} {route.path_format}: {declared_marks(route)}"
        for route in iter_route_contexts(create_app().routes)
        if isinstance(route.original_route, APIRoute) and len(declared_marks(route)) != 1
    ]
    assert undeclared == [], f"declare one of requires(...), SIGNED_IN, PUBLIC on: {undeclared}"
