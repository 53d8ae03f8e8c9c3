"""`pixecom invoke` reads a function's handler, timeout and environment from template.yaml, with
`!Ref`/`!If`/`!Join`/`!Sub` resolved locally; a bad id or event file is one line and exit 1."""

import subprocess
import sys

import pytest

from local.template import REPO_ROOT, InvokeError, function_spec, queue_ids, read_template

TEMPLATE = read_template(REPO_ROOT / "template.yaml")
LOCAL_QUEUES = {name: f"http://127.0.0.1:5000/000000000000/{name}" for name in queue_ids(TEMPLATE)}


def spec(logical_id):
    return function_spec(TEMPLATE, logical_id, resources=LOCAL_QUEUES)


def test_handler_code_folder_and_timeout_come_from_the_function_and_its_globals():
    worker = spec("StatsWorkerFunction")
    assert (worker.code_dir, worker.handler, worker.timeout) == (
        REPO_ROOT / "functions/stats_worker",
        "app.handler",
        900,
    )
    assert worker.memory_size == TEMPLATE["Resources"]["StatsWorkerFunction"]["Properties"]["MemorySize"]
    assert "MemorySize" not in TEMPLATE["Resources"]["MigrateFunction"]["Properties"]
    assert spec("MigrateFunction").memory_size == TEMPLATE["Globals"]["Function"]["MemorySize"]


def test_a_queue_ref_is_the_local_queue_of_that_logical_id():
    environment = spec("ControlWorkerFunction").environment
    assert environment["CONTROL_QUEUE_URL"] == LOCAL_QUEUES["ControlQueue"]
    assert environment["AUTOMATION_QUEUE_URL"] == LOCAL_QUEUES["AutomationQueue"]


def test_a_parameter_ref_takes_its_default_and_a_join_joins_a_list_parameter():
    environment = spec("ApiFunction").environment
    parameters = TEMPLATE["Parameters"]
    assert environment["GRAPH_VERSION"] == parameters["GraphApiVersion"]["Default"]
    assert environment["PIXECOM_ENV"] == parameters["Stage"]["Default"]
    assert environment["CORS_ORIGINS"] == ",".join(
        v.strip() for v in parameters["CorsAllowedOrigins"]["Default"].split(",")
    )


def test_what_only_aws_has_is_left_out_for_the_local_services_to_stand_in():
    environment = spec("ApiFunction").environment
    # DB_SECRET_ARN: !If [CreateDatabase, !Ref DatabaseSecret, ...]; DB_HOST: !GetAtt DatabaseProxy.Endpoint
    assert "DB_SECRET_ARN" not in environment and "DB_HOST" not in environment
    assert "JWT_SECRET_ARN" not in environment


def test_an_if_follows_its_condition_on_the_parameter_defaults():
    template = {
        "Parameters": {"Existing": {"Type": "String", "Default": "arn:x"}, "Stage": {"Default": "dev"}},
        "Conditions": {"Create": {"Fn::Equals": [{"Ref": "Existing"}, ""]}},
        "Resources": {
            "F": {
                "Type": "AWS::Serverless::Function",
                "Properties": {
                    "CodeUri": "f",
                    "Environment": {
                        "Variables": {
                            "SECRET": {"Fn::If": ["Create", {"Ref": "Secret"}, {"Ref": "Existing"}]},
                            "NAME": {"Fn::Sub": "pixecom-${Stage}-${AWS::Region}"},
                        }
                    },
                },
            }
        },
    }
    environment = function_spec(template, "F").environment
    assert environment == {"SECRET": "arn:x", "NAME": "pixecom-dev-us-east-1"}


def test_an_unknown_logical_id_names_the_functions_there_are():
    with pytest.raises(
        InvokeError, match="NopeFunction is not a function of the template; functions: AlertsSweep"
    ):
        spec("NopeFunction")


def _pixecom(*args):
    return subprocess.run(
        [sys.executable, "-m", "local.command", *args], capture_output=True, text=True, timeout=60
    )


def test_the_command_says_in_one_line_that_a_function_is_unknown_and_exits_1():
    done = _pixecom("invoke", "NopeFunction", "--event", str(REPO_ROOT / "events/direct/migrate.json"))
    assert done.returncode == 1
    assert done.stderr.startswith("pixecom invoke: NopeFunction is not a function of the template")
    assert len(done.stderr.strip().splitlines()) == 1


def test_the_command_says_in_one_line_that_the_event_file_is_missing_and_exits_1(tmp_path):
    done = _pixecom("invoke", "MigrateFunction", "--event", str(tmp_path / "missing.json"))
    assert (done.returncode, done.stderr.strip()) == (
        1,
        f"pixecom invoke: no event file {tmp_path / 'missing.json'}",
    )
