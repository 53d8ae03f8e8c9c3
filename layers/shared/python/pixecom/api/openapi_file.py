"""`python -m pixecom.api.openapi_file [PATH]` (what `make openapi` runs): write the app's
OpenAPI document, exactly as committed in openapi/openapi.json (stdout without PATH)."""

from __future__ import annotations

import sys
from pathlib import Path

from pixecom.api.app import create_app
from pixecom.api.openapi import render


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    text = render(create_app().openapi())
    if args:
        Path(args[0]).parent.mkdir(parents=True, exist_ok=True)
        Path(args[0]).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
