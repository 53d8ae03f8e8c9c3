"""The HTTP API: FastAPI app factory, routers, DTOs, error handlers."""
