"""`pixecom invoke <LogicalId> --event FILE`: `sam local invoke` without Docker.

The function's handler, environment and timeout come from template.yaml (Globals applied). It
runs in a fresh Python process whose import path is only what Lambda gives it: the function's
folder (`CodeUri`), the shared layer as `layers/shared/Makefile` builds it (the `pixecom`
package without `simulator/` and `local/`, hash-checked bytecode), and the layer's dependencies
(here: this interpreter's site-packages). No `site` processing, so the editable install of the
whole repository is not visible. Around it run the local services: Postgres (DATABASE_URL, else
the embedded server under PIXECOM_STATE_DIR), a moto SQS server with one queue per
`AWS::SQS::Queue` of the template, and the Graph API simulator.

The template's environment is resolved against them (local.template): a queue's `!Ref` is
the local queue's URL; what names an AWS-only resource is left out and the local services stand
in (DATABASE_URL, GRAPH_BASE_URL, EXCHANGE_RATES_URL, PIXECOM_STATE_DIR).
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from local.template import (
    REGION,
    REPO_ROOT,
    FunctionSpec,
    InvokeError,
    function_spec,
    queue_ids,
    read_template,
)

LAYER_SOURCE = REPO_ROOT / "layers" / "shared"
# Variables of the developer's shell a Lambda process also has (or that locally replace a secret).
PASS_THROUGH = ("PATH", "HOME", "LANG", "TZ", "TMPDIR", "JWT_SECRET", "TOKEN_ENCRYPTION_KEY")
# Imports and module-level code (Lambda's init phase) may take this long on top of the timeout.
INIT_ALLOWANCE_SECONDS = 60

# Runs inside the fresh process: argv = code dir, layer dir, handler, event file, result file,
# then the dependency directories. Writes {"result": ...} or {"errorType", "errorMessage"}.
_BOOTSTRAP = """
import importlib, json, os, sys, threading, time, traceback, uuid
code_dir, layer_dir, handler, event_path, result_path, *deps = sys.argv[1:]
stdlib = [p for p in sys.path if p and 'site-packages' not in p]
sys.path[:] = [code_dir, layer_dir, *deps, *stdlib]
module_name, _, function_name = handler.rpartition('.')
timeout = float(os.environ['AWS_LAMBDA_FUNCTION_TIMEOUT'])

def write(outcome):
    with open(result_path, 'w') as f:
        json.dump(outcome, f, default=str)

def failed(kind, exc):
    traceback.print_exc()
    write({'errorType': kind or type(exc).__name__, 'errorMessage': str(exc)})
    sys.exit(1)

# The init phase (imports, module-level code) is not part of the timeout, as in Lambda.
try:
    function = getattr(importlib.import_module(module_name), function_name)
except Exception as exc:
    failed('Runtime.ImportModuleError', exc)
with open(event_path) as f:
    event = json.load(f)
deadline = time.monotonic() + timeout

class Context:
    function_name = os.environ['AWS_LAMBDA_FUNCTION_NAME']
    function_version = '$LATEST'
    memory_limit_in_mb = int(os.environ['AWS_LAMBDA_FUNCTION_MEMORY_SIZE'])
    invoked_function_arn = 'arn:aws:lambda:us-east-1:000000000000:function:' + function_name
    aws_request_id = str(uuid.uuid4())
    log_group_name = '/aws/lambda/' + function_name
    log_stream_name = 'local'
    def get_remaining_time_in_millis(self):
        return max(0, int((deadline - time.monotonic()) * 1000))

def timed_out():
    write({'errorType': 'TimeoutError', 'errorMessage': f'Task timed out after {timeout:g} seconds'})
    os._exit(1)

timer = threading.Timer(timeout, timed_out)
timer.daemon = True
timer.start()
try:
    result = function(event, Context())
except Exception as exc:
    timer.cancel()
    failed(None, exc)
timer.cancel()
write({'result': result})
"""


# --- the layer ----------------------------------------------------------------------------


def build_layer(dest: Path) -> Path:
    """The layer's `python/` folder, built by `make package` of layers/shared/Makefile (as `sam
    build` does, without the dependencies: those come from this interpreter)."""
    if shutil.which("make") is None:
        raise InvokeError("`make` is needed to build the shared layer (layers/shared/Makefile)")
    done = subprocess.run(  # noqa: S603 (our Makefile)
        [  # noqa: S607 (make from the PATH)
            "make",
            "-s",
            "-C",
            str(LAYER_SOURCE),
            "package",
            f"ARTIFACTS_DIR={dest}",
            f"PYTHON={sys.executable}",
        ],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise InvokeError(f"building the layer failed: {_last_line(done.stderr)}")
    return dest / "python"


def dependency_dirs() -> list[str]:
    """Where the layer's dependencies come from locally: this interpreter's site-packages."""
    paths = sysconfig.get_paths()
    return list(dict.fromkeys([paths["purelib"], paths["platlib"]]))


# --- the local services -------------------------------------------------------------------


@dataclass
class LocalServices:
    """Postgres, a moto SQS server (one queue per queue of the template) and the Graph API
    simulator, for functions running in other processes.

    `database_url` (else DATABASE_URL, else the embedded server under `state_dir`) and `scenario`
    (else the demo scenario) may be given; `migrate` applies migrations first.
    """

    state_dir: Path
    queues: list[str]
    database_url: str | None = None
    scenario: Any = None
    migrate: bool = True
    queue_urls: dict[str, str] = field(default_factory=dict)
    graph_base_url: str = ""
    sqs_endpoint: str = ""
    simulator: Any = None
    _running: list[Any] = field(default_factory=list)

    def start(self) -> LocalServices:
        from moto.server import ThreadedMotoServer

        from simulator.testing import SimulatorServer

        self.state_dir.mkdir(parents=True, exist_ok=True)
        if self.database_url is None:
            from local.dev import ensure_database

            # An embedded server stops when this process exits (unless `make dev` shares it).
            self.database_url, _ = ensure_database(self.state_dir)
        if self.migrate:
            from pixecom.db.migrate import upgrade

            upgrade(self.database_url)
        logging.getLogger("werkzeug").setLevel(logging.WARNING)  # moto's server: no access log
        moto = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
        moto.start()
        self._running.append(moto)
        host, port = moto.get_host_and_port()
        self.sqs_endpoint = f"http://{host}:{port}"
        client = self.sqs()
        self.queue_urls = {
            name: str(client.create_queue(QueueName=f"pixecom-local-{name}")["QueueUrl"])
            for name in self.queues
        }
        if self.scenario is None:
            from local.demo import demo_scenario

            self.scenario = demo_scenario()
        self.simulator = SimulatorServer(self.scenario).start()
        self._running.append(self.simulator)
        self.graph_base_url = self.simulator.base_url
        return self

    def sqs(self) -> Any:
        import boto3

        return boto3.client(
            "sqs",
            endpoint_url=self.sqs_endpoint,
            region_name=REGION,
            aws_access_key_id="local",
            aws_secret_access_key="local",
        )

    def environment(self) -> dict[str, str]:
        """What a function needs to reach these services instead of AWS and Meta."""
        if self.database_url is None:
            raise RuntimeError("LocalServices.start() first")
        return {
            "PIXECOM_ENV": "local",
            "PIXECOM_STATE_DIR": str(self.state_dir.resolve()),
            "DATABASE_URL": self.database_url,
            "GRAPH_BASE_URL": self.graph_base_url,
            "EXCHANGE_RATES_URL": self.graph_base_url + "/ecb/",  # the simulator serves the ECB's files
            "AWS_ENDPOINT_URL": self.sqs_endpoint,
            "AWS_ACCESS_KEY_ID": "local",
            "AWS_SECRET_ACCESS_KEY": "local",
            "POWERTOOLS_METRICS_DISABLED": "true",
        }

    def stop(self) -> None:
        while self._running:
            self._running.pop().stop()

    def __enter__(self) -> LocalServices:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


# --- one invocation -----------------------------------------------------------------------


@dataclass
class Invocation:
    """The outcome of one invoke."""

    result: Any = None
    error_type: str | None = None
    error_message: str | None = None
    stdout: str = ""
    stderr: str = ""
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.error_type is None

    @property
    def timed_out(self) -> bool:
        return self.error_type == "TimeoutError"


def invoke(
    spec: FunctionSpec,
    event_path: Path,
    services: LocalServices,
    layer_dir: Path,
    extra_env: Mapping[str, str] | None = None,
) -> Invocation:
    """Run the function once in a fresh process; the template's timeout bounds the handler."""
    if not event_path.is_file():
        raise InvokeError(f"no event file {event_path}")
    env = {name: os.environ[name] for name in PASS_THROUGH if name in os.environ}
    env.update({k: v for k, v in spec.environment.items() if v != ""})
    env.update(services.environment())
    env.update(
        AWS_REGION=REGION,
        AWS_DEFAULT_REGION=REGION,
        AWS_LAMBDA_FUNCTION_NAME=spec.logical_id,
        AWS_LAMBDA_FUNCTION_TIMEOUT=str(spec.timeout),
        AWS_LAMBDA_FUNCTION_MEMORY_SIZE=str(spec.memory_size),
    )
    env.update(extra_env or {})
    with tempfile.TemporaryDirectory(prefix="pixecom-invoke-") as tmp:
        result_path = Path(tmp) / "result.json"
        argv = [
            sys.executable,
            "-S",
            "-c",
            _BOOTSTRAP,
            str(spec.code_dir),
            str(layer_dir),
            spec.handler,
            str(event_path.resolve()),
            str(result_path),
            *dependency_dirs(),
        ]
        started = time.perf_counter()
        try:
            done = subprocess.run(  # noqa: S603 (our interpreter, our bootstrap)
                argv,
                env=env,
                cwd=spec.code_dir,
                capture_output=True,
                text=True,
                timeout=spec.timeout + INIT_ALLOWANCE_SECONDS,
            )
        except subprocess.TimeoutExpired as exc:
            return Invocation(
                error_type="TimeoutError",
                error_message=f"no answer within {spec.timeout} s (+{INIT_ALLOWANCE_SECONDS} s to start)",
                stdout=_text(exc.stdout),
                stderr=_text(exc.stderr),
                seconds=time.perf_counter() - started,
            )
        seconds = time.perf_counter() - started
        if not result_path.exists():
            return Invocation(
                error_type="Runtime.ExitError",
                error_message=f"exited with {done.returncode}: {_last_line(done.stderr)}",
                stdout=done.stdout,
                stderr=done.stderr,
                seconds=seconds,
            )
        outcome = json.loads(result_path.read_text())
    return Invocation(
        result=outcome.get("result"),
        error_type=outcome.get("errorType"),
        error_message=outcome.get("errorMessage"),
        stdout=done.stdout,
        stderr=done.stderr,
        seconds=seconds,
    )


def _text(data: str | bytes | None) -> str:
    if isinstance(data, bytes):
        return data.decode(errors="replace")
    return data or ""


def _last_line(text: str) -> str:
    lines = text.strip().splitlines()
    return lines[-1] if lines else "no output"


@contextmanager
def local_functions(
    template_path: Path,
    state_dir: Path,
    *,
    database_url: str | None = None,
    scenario: Any = None,
    migrate: bool = True,
) -> Iterator[tuple[dict[str, Any], LocalServices, Path]]:
    """The template, its local services and a built layer, for one or many invocations."""
    template = read_template(template_path)
    with (
        LocalServices(
            state_dir, queue_ids(template), database_url=database_url, scenario=scenario, migrate=migrate
        ) as services,
        tempfile.TemporaryDirectory(prefix="pixecom-layer-") as tmp,
    ):
        yield template, services, build_layer(Path(tmp))


def local_spec(
    template: Mapping[str, Any], logical_id: str, root: Path, services: LocalServices
) -> FunctionSpec:
    """The function's spec with the template's queues resolved to the local ones."""
    return function_spec(template, logical_id, root, resources=services.queue_urls)


# --- the command --------------------------------------------------------------------------


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "invoke", help="run one function of template.yaml with an event, as Lambda would (no Docker)"
    )
    parser.add_argument(
        "logical_id", help="the function's logical id in template.yaml, e.g. StatsWorkerFunction"
    )
    parser.add_argument(
        "--event", type=Path, required=True, help="the event file, e.g. events/sqs/stats_worker.json"
    )
    parser.add_argument("--template", type=Path, default=REPO_ROOT / "template.yaml")
    parser.set_defaults(handler=run_invoke)


def run_invoke(args: Any) -> int:
    """Print the handler's result as JSON (its logs on stderr); on error one line, exit 1."""
    from pixecom.settings import get_settings

    template_path: Path = args.template.resolve()
    try:
        template = read_template(template_path)
        function_spec(template, args.logical_id, template_path.parent)  # a bad id fails before any start
        if not args.event.is_file():
            raise InvokeError(f"no event file {args.event}")
        migrate = args.logical_id != "MigrateFunction"  # that one is the migration
        with local_functions(template_path, get_settings().local_state_dir, migrate=migrate) as (
            template,
            services,
            layer,
        ):
            spec = local_spec(template, args.logical_id, template_path.parent, services)
            outcome = invoke(spec, args.event, services, layer)
    except InvokeError as exc:
        print(f"pixecom invoke: {exc}", file=sys.stderr)
        return 1
    sys.stderr.write(outcome.stdout + outcome.stderr)
    if not outcome.ok:
        print(failure_line(args.logical_id, outcome), file=sys.stderr)
        return 1
    print(json.dumps(outcome.result, indent=2, default=str))
    return 0


def failure_line(logical_id: str, outcome: Invocation) -> str:
    """The one line `pixecom invoke` ends with when the function raised or timed out."""
    message = " ".join(str(outcome.error_message).split())
    return f"pixecom invoke: {logical_id} failed: {outcome.error_type}: {message}"
