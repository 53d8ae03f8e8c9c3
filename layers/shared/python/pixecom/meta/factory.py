"""The one Graph seam: a `GraphFactory` opens a GraphClient for an access token.

Code that talks to Meta takes `graph: GraphFactory = default_graph`; tests pass a factory aimed at
the simulator (and with retries that do not really wait). There is no module-level factory to swap.
"""

from __future__ import annotations

from collections.abc import Callable

from pixecom.meta.client import GraphClient
from pixecom.settings import get_settings

GraphFactory = Callable[[str], GraphClient]


def default_graph(access_token: str) -> GraphClient:
    """A Graph client for the token, configured from settings (base URL, version, app secret)."""
    return GraphClient.from_settings(access_token, get_settings())
