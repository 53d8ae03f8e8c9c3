"""`pixecom invoke <LogicalId> --event FILE`: `sam local invoke` without Docker.

The function's handler, environment and timeout come from template.yaml. It runs in a fresh
Python process whose import path is only what Lambda gives it: the function's folder
(`CodeUri`), the shared layer as the layer's Makefile builds it (the `pixecom` package without
`simulator/` and `local/`), and the layer's dependencies (here: this interpreter's
site-packages). No `site` processing, so the editable install of the whole repository is not
visible. Around it run the local services: Postgres (embedded unless DATABASE_URL is set), SQS
(a moto server the child reaches over HTTP) and the Graph API simulator.
"""

from __future__ import annotations

import compileall
import json
import os
import py_compile
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

REPO_ROOT = Path(__file__).resolve().parents[5]
PACKAGE_DIR = Path(__file__).resolve().parents[1]
HARNESS = ("simulator", "local")  # never in the layer (layers/shared/Makefile removes them)
QUEUES = {"STATS_QUEUE_URL": "stats", "DELIVERY_QUEUE_URL": "delivery", "CONTROL_QUEUE_URL": "control"}
# Variables of a fresh Lambda process that are not the function's own configuration.
PASS_THROUGH = ("PATH", "HOME", "LANG", "TZ", "JWT_SECRET", "TOKEN_ENCRYPTION_KEY", "TMPDIR")

# Runs inside the fresh process: argv = code dir, layer dir, handler, event file, result file,
# then the dependency directories. Prints nothing itself; the handler's logs go to stdout/stderr.
_BOOTSTRAP = """
import importlib, json, os, sys, threading, time, uuid
code_dir, layer_dir, handler, event_path, result_path, *deps = sys.argv[1:]
stdlib = [p for p in sys.path if p and 'site-packages' not in p]
sys.path[:] = [code_dir, layer_dir, *deps, *stdlib]
module_name, _, function_name = handler.rpartition('.')
timeout = float(os.environ['AWS_LAMBDA_FUNCTION_TIMEOUT'])

def write(outcome):
    with open(result_path, 'w') as f:
        json.dump(outcome, f, default=str)

# The init phase (imports, module-level code) is not part of the timeout, as in Lambda.
function = getattr(importlib.import_module(module_name), function_name)
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
    outcome = {'result': function(event, Context())}
except Exception as exc:
    outcome = {'errorType': type(exc).__name__, 'errorMessage': str(exc)}
timer.cancel()
write(outcome)
"""
# Imports and module-level code may take this long on top of the function's timeout.
INIT_ALLOWANCE_SECONDS = 300


class _TemplateLoader(yaml.SafeLoader):
    """YAML with CloudFormation's short tags (!Ref X -> {"Ref": "X"}, !If [...] -> {"Fn::If": ...})."""


def _cfn_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> dict[str, Any]:
    if isinstance(node, yaml.ScalarNode):
        value: Any = loader.construct_scalar(node)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)
    return {"Ref" if suffix == "Ref" else f"Fn::{suffix}": value}


_TemplateLoader.add_multi_constructor("!", _cfn_tag)


def read_template(path: Path) -> dict[str, Any]:
    with path.open() as f:
        return dict(yaml.load(f, Loader=_TemplateLoader))  # noqa: S506 (a SafeLoader subclass)


@dataclass(frozen=True)
class FunctionSpec:
    """What the template says about one function."""

    logical_id: str
    code_dir: Path
    handler: str
    timeout: int
    memory_size: int
    environment: dict[str, str]


class UnknownFunction(LookupError):
    """The template has no AWS::Serverless::Function of that logical id."""


def function_ids(template: Mapping[str, Any]) -> list[str]:
    return sorted(
        name
        for name, resource in template.get("Resources", {}).items()
        if resource.get("Type") == "AWS::Serverless::Function"
    )


def function_spec(template: Mapping[str, Any], logical_id: str, root: Path = REPO_ROOT) -> FunctionSpec:
    """Handler, code folder, timeout, memory and environment of `logical_id`, Globals applied.

    Environment values the template computes from resources (!Ref Queue, !GetAtt, !If ...) are
    left out: the local services provide those. A !Ref to a parameter takes its default.
    """
    resource = template.get("Resources", {}).get(logical_id)
    if not resource or resource.get("Type") != "AWS::Serverless::Function":
        known = ", ".join(function_ids(template))
        raise UnknownFunction(f"{logical_id} is not a function of the template; functions: {known}")
    defaults = template.get("Globals", {}).get("Function", {})
    props = resource.get("Properties", {})
    variables = {
        **defaults.get("Environment", {}).get("Variables", {}),
        **props.get("Environment", {}).get("Variables", {}),
    }
    parameters = template.get("Parameters", {})
    environment = {}
    for name, value in variables.items():
        resolved = _resolve(value, parameters)
        if resolved is not None:
            environment[name] = resolved
    return FunctionSpec(
        logical_id=logical_id,
        code_dir=root / str(props["CodeUri"]),
        handler=str(props.get("Handler", defaults.get("Handler", "app.handler"))),
        timeout=int(props.get("Timeout", defaults.get("Timeout", 3))),
        memory_size=int(props.get("MemorySize", defaults.get("MemorySize", 128))),
        environment=environment,
    )


def _resolve(value: Any, parameters: Mapping[str, Any]) -> str | None:
    if isinstance(value, str | int | float | bool):
        return str(value)
    if isinstance(value, Mapping) and set(value) == {"Ref"}:
        default = parameters.get(value["Ref"], {}).get("Default")
        return None if default is None else str(default)
    return None


def build_layer(dest: Path) -> Path:
    """The layer's `python/` folder as its Makefile builds it: our package without the harness,
    compiled to hash-checked bytecode."""
    target = dest / "python"
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(
        PACKAGE_DIR,
        target / "pixecom",
        ignore=shutil.ignore_patterns("__pycache__", *HARNESS),
    )
    compileall.compile_dir(
        target, quiet=1, workers=0, invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH
    )
    return target


def dependency_dirs() -> list[str]:
    """Where the layer's dependencies come from locally: this interpreter's site-packages."""
    paths = sysconfig.get_paths()
    return list(dict.fromkeys([paths["purelib"], paths["platlib"]]))


@dataclass
class Invocation:
    """The outcome of one invoke."""

    result: Any = None
    error_type: str | None = None
    error_message: str | None = None
    timed_out: bool = False
    stdout: str = ""
    stderr: str = ""
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.error_type is None and not self.timed_out


@dataclass
class LocalServices:
    """Postgres, a moto SQS server and the Graph API simulator, for functions in other processes.

    `database_url` (else DATABASE_URL, else the embedded server under `state_dir`) and `scenario`
    (else the demo scenario) may be given; `migrate` applies migrations first.
    """

    state_dir: Path
    database_url: str | None = None
    scenario: Any = None
    migrate: bool = True
    queue_urls: dict[str, str] = field(default_factory=dict)
    graph_base_url: str = ""
    sqs_endpoint: str = ""
    _stack: list[Any] = field(default_factory=list)

    def start(self) -> LocalServices:
        from moto.server import ThreadedMotoServer

        from pixecom.simulator.testing import SimulatorServer

        self.state_dir.mkdir(parents=True, exist_ok=True)
        if self.database_url is None:
            from pixecom.local.dev import ensure_database

            self.database_url, embedded = ensure_database(self.state_dir)
            if embedded is not None:
                self._stack.append(("postgres", embedded))
        if self.migrate:
            from pixecom.db.migrate import upgrade

            upgrade(self.database_url)
        moto = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
        moto.start()
        self._stack.append(("moto", moto))
        host, port = moto.get_host_and_port()
        self.sqs_endpoint = f"http://{host}:{port}"
        self.queue_urls = {env: self._create_queue(f"pixecom-local-{name}") for env, name in QUEUES.items()}
        if self.scenario is None:
            from pixecom.local.demo import demo_scenario

            self.scenario = demo_scenario()
        simulator = SimulatorServer(self.scenario)
        simulator.__enter__()
        self._stack.append(("simulator", simulator))
        self.graph_base_url = simulator.base_url
        return self

    def sqs(self) -> Any:
        import boto3

        return boto3.client(
            "sqs",
            endpoint_url=self.sqs_endpoint,
            region_name="us-east-1",
            aws_access_key_id="local",
            aws_secret_access_key="local",
        )

    def _create_queue(self, name: str) -> str:
        client = self.sqs()
        dlq = client.create_queue(QueueName=f"{name}-dlq")["QueueUrl"]
        arn = client.get_queue_attributes(QueueUrl=dlq, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
        redrive = json.dumps({"deadLetterTargetArn": arn, "maxReceiveCount": "5"})
        return str(client.create_queue(QueueName=name, Attributes={"RedrivePolicy": redrive})["QueueUrl"])

    def environment(self) -> dict[str, str]:
        """What a function needs to reach these services instead of AWS and Meta."""
        assert self.database_url is not None, "start() first"
        return {
            "PIXECOM_ENV": "local",
            "PIXECOM_STATE_DIR": str(self.state_dir.resolve()),
            "DATABASE_URL": self.database_url,
            "GRAPH_BASE_URL": self.graph_base_url,
            "AWS_ENDPOINT_URL": self.sqs_endpoint,
            "AWS_ACCESS_KEY_ID": "local",
            "AWS_SECRET_ACCESS_KEY": "local",
            "POWERTOOLS_METRICS_DISABLED": "true",
            **self.queue_urls,
        }

    def stop(self) -> None:
        while self._stack:
            kind, thing = self._stack.pop()
            if kind == "moto":
                thing.stop()
            elif kind == "simulator":
                thing.__exit__(None, None, None)
            elif kind == "postgres":
                from pixecom.db.embedded import stop_embedded_postgres

                stop_embedded_postgres(thing)

    def __enter__(self) -> LocalServices:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


# What the template wires to AWS resources; locally the services above stand in.
_AWS_ONLY = ("DB_SECRET_ARN", "DB_HOST", "JWT_SECRET_ARN", "TOKEN_ENCRYPTION_KEY_ARN")


def invoke(
    spec: FunctionSpec,
    event_path: Path,
    services: LocalServices,
    layer_dir: Path,
    extra_env: Mapping[str, str] | None = None,
) -> Invocation:
    """Run the function once in a fresh process; the template's timeout bounds it."""
    env = {name: os.environ[name] for name in PASS_THROUGH if name in os.environ}
    env.update({k: v for k, v in spec.environment.items() if k not in _AWS_ONLY and v != ""})
    env.update(services.environment())
    env.update(
        AWS_REGION="us-east-1",
        AWS_DEFAULT_REGION="us-east-1",
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
                error_message=f"no answer within {spec.timeout} s plus {INIT_ALLOWANCE_SECONDS} s to start",
                timed_out=True,
                stdout=_text(exc.stdout),
                stderr=_text(exc.stderr),
                seconds=time.perf_counter() - started,
            )
        seconds = time.perf_counter() - started
        if not result_path.exists():
            last = done.stderr.strip().splitlines()[-1:] or ["no output"]
            return Invocation(
                error_type="Runtime.ExitError",
                error_message=f"the function's process exited with {done.returncode}: {last[0]}",
                stdout=done.stdout,
                stderr=done.stderr,
                seconds=seconds,
            )
        outcome = json.loads(result_path.read_text())
    return Invocation(
        result=outcome.get("result"),
        error_type=outcome.get("errorType"),
        error_message=outcome.get("errorMessage"),
        timed_out=outcome.get("errorType") == "TimeoutError",
        stdout=done.stdout,
        stderr=done.stderr,
        seconds=seconds,
    )


def _text(data: str | bytes | None) -> str:
    if isinstance(data, bytes):
        return data.decode(errors="replace")
    return data or ""


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
    from pixecom.settings import get_settings

    spec = function_spec(read_template(args.template), args.logical_id, args.template.resolve().parent)
    state_dir = get_settings().local_state_dir
    migrate = spec.logical_id != "MigrateFunction"  # that one is the migration
    with LocalServices(state_dir, migrate=migrate) as services, tempfile.TemporaryDirectory() as tmp:
        outcome = invoke(spec, args.event, services, build_layer(Path(tmp)))
    sys.stderr.write(outcome.stdout + outcome.stderr)
    if not outcome.ok:
        print(json.dumps({"errorType": outcome.error_type, "errorMessage": outcome.error_message}))
        return 1
    print(json.dumps(outcome.result, indent=2, default=str))
    return 0
