"""The closed vocabularies of alerts and automated rules (values are what the API and DB store)."""

from enum import StrEnum


class AlertKind(StrEnum):
    ACCOUNT_NEEDS_RECONNECT = "account_needs_reconnect"
    TOKEN_EXPIRING = "token_expiring"
    ACCOUNT_THROTTLED = "account_throttled"
    STATS_STALE = "stats_stale"
    AD_DELIVERY_ERROR = "ad_delivery_error"
    ADSET_LIMITED = "adset_limited"
    SPEND_WITHOUT_PURCHASE = "spend_without_purchase"
    COST_PER_PURCHASE_HIGH = "cost_per_purchase_high"
    ROAS_LOW = "roas_low"
    SPEND_SPIKE = "spend_spike"
    CREATIVE_FATIGUE = "creative_fatigue"


class AlertSeverity(StrEnum):
    INFO = "info"
    WARNING = "warning"
    CRITICAL = "critical"


class AlertStatus(StrEnum):
    OPEN = "open"
    RESOLVED = "resolved"


class AlertEntityLevel(StrEnum):
    ACCOUNT = "account"
    CAMPAIGN = "campaign"
    ADSET = "adset"
    AD = "ad"


class WebhookDeliveryState(StrEnum):
    PENDING = "pending"
    DELIVERED = "delivered"
    FAILED = "failed"


class RuleWindow(StrEnum):
    """Days a rule's condition reads, in the ad account's timezone (last_Nd ends yesterday)."""

    TODAY = "today"
    YESTERDAY = "yesterday"
    LAST_3D = "last_3d"
    LAST_7D = "last_7d"


class RuleActionType(StrEnum):
    PAUSE = "pause"
    ACTIVATE = "activate"
    CHANGE_BUDGET = "change_budget"


class ConditionOp(StrEnum):
    GT = "gt"
    GTE = "gte"
    LT = "lt"
    LTE = "lte"
    EQ = "eq"


class RuleActionOutcome(StrEnum):
    """One entity's action: a status change handed to a control job, or a budget write's result."""

    QUEUED = "queued"
    APPLIED = "applied"
    FAILED = "failed"
