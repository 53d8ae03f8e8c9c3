"""GET /api/health: the API is up and can reach its database."""

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from sqlalchemy import text

from pixecom.api.permits import PUBLIC
from pixecom.api.schemas.health import Health
from pixecom.db.engine import get_engine
from pixecom.observability import logger

router = APIRouter(tags=["health"])


def database_reachable() -> bool:
    try:
        with get_engine().connect() as conn:
            conn.execute(text("SELECT 1"))
        return True
    except Exception as exc:  # any failure means "unavailable"; the reason goes to the log only
        logger.warning("database health check failed", extra={"error_type": type(exc).__name__})
        return False


@router.get("/health", dependencies=[PUBLIC], response_model=Health, responses={503: {"model": Health}})
def health() -> JSONResponse:
    if database_reachable():
        return JSONResponse(Health(status="ok", database="ok").model_dump())
    return JSONResponse(Health(status="degraded", database="unavailable").model_dump(), status_code=503)
