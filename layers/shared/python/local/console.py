"""The built console (console/dist) served beside /api by the local app only, never by the Lambda.

Same origin as the API, so the browser's refresh cookie (Path=/api/auth) works locally. Client
routes such as /ads-manager/campaigns answer index.html (the app routes in the browser); a
missing asset is a 404; /api paths never reach here unless no API route matched (JSON 404).
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse, HTMLResponse, Response
from starlette.exceptions import HTTPException

NOT_BUILT = """<!doctype html><meta charset="utf-8"><title>PixEcom</title>
<body style="font-family:system-ui;margin:40px">
<h1>The console is not built</h1>
<p>Run <code>make dev</code> (it builds it), or <code>npm ci &amp;&amp; npm run build -w console</code>
from the repository root. The API is at <a href="/docs">/docs</a>.</p></body>"""


def console_response(dist: Path, path: str) -> Response:
    """What GET /<path> answers: a file of the build, index.html for client routes, or a 404."""
    if path == "api" or path.startswith("api/"):
        raise HTTPException(status_code=404, detail="Not Found")
    root = dist.resolve()
    if path:
        candidate = (root / path).resolve()
        if candidate.is_relative_to(root) and candidate.is_file():
            # Vite names assets by content hash: they never change, so browsers may keep them.
            immutable = candidate.parent == root / "assets"
            headers = {"Cache-Control": "public, max-age=31536000, immutable" if immutable else "no-cache"}
            return FileResponse(candidate, headers=headers)
        if "." in path.rsplit("/", 1)[-1]:
            raise HTTPException(status_code=404, detail="Not Found")
    index = root / "index.html"
    if not index.is_file():
        return HTMLResponse(NOT_BUILT, status_code=503)
    return FileResponse(index, headers={"Cache-Control": "no-cache"})


def allow_console_origin(base_url: str) -> None:
    """Add the console's own origin to CORS_ORIGINS (the allowed origins of cookie-mode auth)."""
    import os

    from pixecom.settings import get_settings

    origins = [*get_settings().cors_origins, base_url.rstrip("/")]
    if "://127.0.0.1:" in base_url:
        origins.append(base_url.rstrip("/").replace("://127.0.0.1:", "://localhost:"))
    os.environ["CORS_ORIGINS"] = ",".join(dict.fromkeys(origins))
    get_settings.cache_clear()


def mount_console(app: FastAPI, dist: Path) -> None:
    """Add the catch-all console route; call after every /api router is mounted."""

    def console(path: str) -> Response:
        return console_response(dist, path)

    app.add_api_route("/{path:path}", console, methods=["GET", "HEAD"], include_in_schema=False)
