"""Meta Graph API: the client (`GraphClient`), its typed errors and rows, and the simulator."""

from pixecom.meta.client import GraphClient
from pixecom.meta.errors import (
    GraphError,
    InvalidRequest,
    PermissionDenied,
    RateLimited,
    TokenInvalid,
    TransientError,
    classify_error,
    redact,
)
from pixecom.meta.models import (
    AdAccountInfo,
    AdNode,
    AdSetNode,
    CampaignNode,
    InsightRow,
    StatusResult,
    UsageReading,
)

__all__ = [
    "AdAccountInfo",
    "AdNode",
    "AdSetNode",
    "CampaignNode",
    "GraphClient",
    "GraphError",
    "InsightRow",
    "InvalidRequest",
    "PermissionDenied",
    "RateLimited",
    "StatusResult",
    "TokenInvalid",
    "TransientError",
    "UsageReading",
    "classify_error",
    "redact",
]
