"""Meta statuses -> our closed vocabularies (docs/metrics.md, status vocabularies): pure.

The raw `effective_status` is always stored next to the mapped value, so the mapping can be
lossy; an unknown value never breaks a sync.
"""

from __future__ import annotations

from pixecom.domain.enums import CampaignStatus, DeliveryStatus

_INACTIVE = frozenset({"PAUSED", "CAMPAIGN_PAUSED", "ADSET_PAUSED", "ARCHIVED", "DELETED"})
_ERROR = frozenset({"DISAPPROVED", "WITH_ISSUES", "PENDING_BILLING_INFO"})
# Listed for documentation: these and anything unknown map to NOT_DELIVERING.
_NOT_DELIVERING = frozenset({"IN_PROCESS", "PENDING_REVIEW", "PREAPPROVED"})

# learning_stage_info.status values that mean "learning limited". FAIL is what fixtures show;
# LEARNING_LIMITED appears in one third-party test (unconfirmed by Meta's reference).
_LIMITED_LEARNING = frozenset({"FAIL", "LEARNING_LIMITED"})


# Effective statuses that follow from the configured statuses of an object and its parents; any
# other (DISAPPROVED, PENDING_REVIEW, WITH_ISSUES, ...) is Meta's own verdict and stays.
_DERIVED = frozenset({"ACTIVE", "PAUSED", "ARCHIVED", "DELETED", "CAMPAIGN_PAUSED", "ADSET_PAUSED"})


class UnknownEntityStatus(ValueError):
    """A `status` / `configured_status` outside Meta's documented ACTIVE/PAUSED/ARCHIVED/DELETED."""


def _norm(value: str | None) -> str:
    return (value or "").strip().upper()


def map_delivery_status(effective_status: str, learning_stage: str | None) -> DeliveryStatus:
    """Our delivery status from Meta's effective_status and the ad set's learning stage.

    ACTIVE + LEARNING -> LEARNING; ACTIVE + FAIL/LEARNING_LIMITED -> LIMITED; ACTIVE otherwise
    (SUCCESS, none) -> ACTIVE. Paused/archived/deleted -> INACTIVE; DISAPPROVED, WITH_ISSUES,
    PENDING_BILLING_INFO -> ERROR; IN_PROCESS, PENDING_REVIEW, PREAPPROVED and any value we do not
    know -> NOT_DELIVERING (it is not spending as far as we can tell; the raw value is kept).
    """
    status = _norm(effective_status)
    if status == "ACTIVE":
        stage = _norm(learning_stage)
        if stage == "LEARNING":
            return DeliveryStatus.LEARNING
        if stage in _LIMITED_LEARNING:
            return DeliveryStatus.LIMITED
        return DeliveryStatus.ACTIVE
    if status in _INACTIVE:
        return DeliveryStatus.INACTIVE
    if status in _ERROR:
        return DeliveryStatus.ERROR
    return DeliveryStatus.NOT_DELIVERING


def map_entity_status(status: str) -> CampaignStatus:
    """Meta's user-controlled `status` (ACTIVE, PAUSED, ARCHIVED, DELETED) as a CampaignStatus.

    Raises UnknownEntityStatus for anything else: the vocabulary is closed in Meta's SDK, so a new
    value is a change we want to notice rather than store as a guess.
    """
    try:
        return CampaignStatus(_norm(status))
    except ValueError:
        raise UnknownEntityStatus(f"unknown entity status {status!r}") from None


def effective_status_after(
    status: str, current_effective: str, campaign_status: str | None, adset_status: str | None
) -> str:
    """The effective_status Meta gives an object after its own or a parent's status changed.

    Not ACTIVE itself -> its own status. ACTIVE: a review verdict it had (DISAPPROVED, ...) stays;
    else CAMPAIGN_PAUSED / ADSET_PAUSED while a parent is not ACTIVE; else ACTIVE. Parents are None
    above the object's level (a campaign has none; an ad set has no ad set).
    """
    own = _norm(status)
    if own != "ACTIVE":
        return own
    current = _norm(current_effective)
    if current not in _DERIVED:
        return current
    if campaign_status is not None and _norm(campaign_status) != "ACTIVE":
        return "CAMPAIGN_PAUSED"
    if adset_status is not None and _norm(adset_status) != "ACTIVE":
        return "ADSET_PAUSED"
    return "ACTIVE"
