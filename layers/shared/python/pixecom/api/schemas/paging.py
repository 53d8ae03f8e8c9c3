"""The paging block every list response carries: `{"data": [...], "paging": {"next_cursor"}}`."""

from pydantic import BaseModel


class Paging(BaseModel):
    next_cursor: str | None = None
