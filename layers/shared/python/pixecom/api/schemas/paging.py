"""The paging block every list response carries: `{"data": [...], "paging": {"next_cursor"}}`."""

from pydantic import Field

from pixecom.api.schemas.base import OutModel


class Paging(OutModel):
    next_cursor: str | None = Field(default=None, description="pass as `cursor` for the next page")
