"""Powertools logger and metrics shared by every function (service name and namespace from env).

No Tracer: it needs the X-Ray SDK in every cold start; add it when tracing is wanted.
"""

from aws_lambda_powertools import Logger, Metrics

logger = Logger()
metrics = Metrics()
