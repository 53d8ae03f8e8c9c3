"""The FastAPI app: the same object uvicorn serves locally and Mangum wraps in the API Lambda."""

from __future__ import annotations

import importlib
import pkgutil

from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware

from pixecom import __version__
from pixecom.api import routers as routers_pkg
from pixecom.api.errors import InvalidInput, install_error_handlers
from pixecom.api.limits import BodySizeLimit, find_nul_input
from pixecom.api.openapi import install_openapi, operation_id
from pixecom.api.sessions import release_sessions_early
from pixecom.api.strict import refuse_unknown_query_parameters
from pixecom.settings import Settings, get_settings


def _api_routers() -> list[APIRouter]:
    """Every module in pixecom/api/routers/ exposes `router`; all are mounted under /api."""
    names = sorted(m.name for m in pkgutil.iter_modules(routers_pkg.__path__))
    return [importlib.import_module(f"{routers_pkg.__name__}.{name}").router for name in names]


async def refuse_nul_characters(request: Request) -> None:
    """Every route's first dependency: NUL in the query or JSON body is a 422, never a DB error."""
    where = find_nul_input(request.url.query.encode(), await request.body())
    if where is None and any("\x00" in value for value in request.headers.values()):
        where = "headers"
    if where is not None:
        raise InvalidInput(f"{where}: text may not contain NUL (\\u0000) characters", field=where)


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    app = FastAPI(
        dependencies=[Depends(refuse_nul_characters), Depends(refuse_unknown_query_parameters)],
        title="PixEcom Ads Manager API",
        version=__version__,
        description="Auth, ad accounts, sellpages, Ads Manager reads and bulk status control.",
        generate_unique_id_function=operation_id,
    )
    install_error_handlers(app)
    install_openapi(app)
    # Locally the app answers CORS itself; in AWS the HTTP API's CorsConfiguration does, with the
    # same origins. Credentials: the browser client's refresh cookie (pixecom.api.browser_sessions).
    if settings.environment == "local":
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"],
            allow_headers=["Authorization", "Content-Type", "Idempotency-Key", "X-PixEcom-Client"],
            expose_headers=["Retry-After", "Content-Disposition"],
            allow_credentials=True,
            max_age=600,
        )
    app.add_middleware(BodySizeLimit)
    for router in _api_routers():
        release_sessions_early(router)
        app.include_router(router, prefix="/api")
    return app
