"""MigrateFunction: apply Alembic migrations (invoked once per deploy)."""

from pixecom.runtime import end_of_init, start_of_init

start_of_init()  # the imports below run without garbage collection (pixecom.runtime)

from pixecom.db.engine import resolve_database_url
from pixecom.db.migrate import upgrade
from pixecom.observability import logger
from pixecom.settings import get_settings

get_settings()  # validated at start: a bad variable fails the init phase, naming it


@logger.inject_lambda_context
def handler(event: dict, context: object) -> dict:
    upgrade(resolve_database_url(get_settings()))
    logger.info("migrations applied")
    return {"status": "ok"}


end_of_init()
