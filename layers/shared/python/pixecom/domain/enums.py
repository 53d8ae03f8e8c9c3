"""The closed vocabularies of the product. Values are what the API and the database store."""

from enum import StrEnum


class CampaignStatus(StrEnum):
    """User-controlled status (Meta's `status` / `configured_status`)."""

    ACTIVE = "ACTIVE"
    PAUSED = "PAUSED"
    ARCHIVED = "ARCHIVED"
    DELETED = "DELETED"


class DeliveryStatus(StrEnum):
    """Meta-controlled delivery, mapped from `effective_status` and the learning stage."""

    ACTIVE = "ACTIVE"
    INACTIVE = "INACTIVE"
    LEARNING = "LEARNING"
    ERROR = "ERROR"
    LIMITED = "LIMITED"
    NOT_DELIVERING = "NOT_DELIVERING"


class ConnectionStatus(StrEnum):
    ACTIVE = "ACTIVE"
    NEEDS_REAUTH = "NEEDS_REAUTH"
    DISABLED = "DISABLED"


class SyncKind(StrEnum):
    STATS = "stats"
    DELIVERY = "delivery"


class SyncOutcome(StrEnum):
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    THROTTLED = "throttled"
    NEEDS_REAUTH = "needs_reauth"


class EntityLevel(StrEnum):
    CAMPAIGN = "campaign"
    ADSET = "adset"
    AD = "ad"


class JobStatus(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    PARTIALLY_FAILED = "partially_failed"
    FAILED = "failed"


class JobItemOutcome(StrEnum):
    PENDING = "pending"
    APPLIED = "applied"
    FAILED = "failed"
    SKIPPED = "skipped"


class UserRole(StrEnum):
    """A member's role in their seller's team (pixecom.domain.permissions: what each may do)."""

    OWNER = "owner"
    ADMIN = "admin"
    MEDIA_BUYER = "media_buyer"
    ANALYST = "analyst"
