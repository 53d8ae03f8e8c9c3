"""DeliveryDispatchFunction: every 5 minutes (EventBridge `Schedule`), one message per account,
then the bulk jobs and breakdown reports left without a message get theirs again."""

from pixecom.runtime import end_of_init, start_of_init

start_of_init()  # the imports below run without garbage collection (pixecom.runtime)

from typing import Any

from pixecom.breakdowns.sweep import purge_old_reports, requeue_stale_reports
from pixecom.clock import scheduled_time
from pixecom.control.sweep import requeue_stale_jobs
from pixecom.observability import logger, metrics
from pixecom.settings import get_settings
from pixecom.sync.dispatch import dispatch_delivery

get_settings()  # validated at start: a bad variable fails the init phase, naming it


@logger.inject_lambda_context(clear_state=True)
@metrics.log_metrics
def handler(event: dict[str, Any], context: object) -> dict[str, Any]:
    now = scheduled_time(event.get("time"))
    # Two independent steps on one schedule: the delivery dispatch, then the stuck-jobs sweep
    # (pixecom.control.sweep) and the breakdown reports' (pixecom.breakdowns.sweep), whose
    # failures are logged and leave the dispatch done.
    return {
        **dispatch_delivery(now).as_dict(),
        "jobs_requeued": requeue_stale_jobs(now),
        "breakdown_reports_requeued": requeue_stale_reports(now),
        "breakdown_reports_purged": purge_old_reports(now),
    }


end_of_init()
