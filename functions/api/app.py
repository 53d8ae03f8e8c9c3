"""ApiFunction: API Gateway HTTP API (v2) -> FastAPI via Mangum."""

from pixecom.runtime import end_of_init, start_of_init

start_of_init()  # the imports below run without garbage collection (pixecom.runtime)

from mangum import Mangum

from pixecom.api.app import create_app
from pixecom.observability import logger

# lifespan="off": otherwise Mangum runs startup/shutdown on every invocation.
_asgi = Mangum(create_app(), lifespan="off")


@logger.inject_lambda_context(clear_state=True)
def handler(event: dict, context: object) -> dict:
    return _asgi(event, context)  # type: ignore[arg-type]


end_of_init()
