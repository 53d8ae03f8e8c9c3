"""Rules of docs/operations.md that template.yaml must keep (cfn-lint and the SAM transform run
in make test)."""

import tomllib
from pathlib import Path

import pytest
from samtranslator.yaml_helper import yaml_parse

ROOT = Path(__file__).resolve().parents[3]
TEMPLATE = yaml_parse((ROOT / "template.yaml").read_text())
RESOURCES = TEMPLATE["Resources"]
GLOBAL_TIMEOUT = TEMPLATE["Globals"]["Function"]["Timeout"]
FUNCTIONS = {n: r for n, r in RESOURCES.items() if r["Type"] == "AWS::Serverless::Function"}


def _sqs_events(function):
    return [e for e in function["Properties"].get("Events", {}).values() if e["Type"] == "SQS"]


@pytest.mark.parametrize("name", sorted(FUNCTIONS))
def test_every_function_has_its_handler_file(name):
    props = FUNCTIONS[name]["Properties"]
    module, func = props["Handler"].split(".")
    assert (ROOT / props["CodeUri"] / f"{module}.py").exists()


def test_every_queue_has_a_dead_letter_queue():
    queues = [n for n, r in RESOURCES.items() if r["Type"] == "AWS::SQS::Queue" and "DeadLetter" not in n]
    assert sorted(queues) == ["AutomationQueue", "ControlQueue", "DeliveryQueue", "StatsQueue"]
    for name in queues:
        assert "deadLetterTargetArn" in RESOURCES[name]["Properties"]["RedrivePolicy"]


@pytest.mark.parametrize(
    "name",
    ["StatsWorkerFunction", "DeliveryWorkerFunction", "ControlWorkerFunction", "AutomationWorkerFunction"],
)
def test_workers_report_partial_failures_and_cap_concurrency(name):
    (event,) = _sqs_events(FUNCTIONS[name])
    assert event["Properties"]["FunctionResponseTypes"] == ["ReportBatchItemFailures"]
    assert "MaximumConcurrency" in event["Properties"]["ScalingConfig"]


@pytest.mark.parametrize(
    "name",
    ["StatsWorkerFunction", "DeliveryWorkerFunction", "ControlWorkerFunction", "AutomationWorkerFunction"],
)
def test_queue_visibility_is_at_least_six_times_the_worker_timeout(name):
    function = FUNCTIONS[name]
    (event,) = _sqs_events(function)
    queue_name = event["Properties"]["Queue"]["Fn::GetAtt"][0]
    timeout = function["Properties"].get("Timeout", GLOBAL_TIMEOUT)
    assert RESOURCES[queue_name]["Properties"]["VisibilityTimeout"] >= 6 * timeout


def test_schedules_are_fifteen_and_five_minutes():
    def rate(name):
        (event,) = FUNCTIONS[name]["Properties"]["Events"].values()
        return event["Properties"]["Schedule"]

    assert rate("StatsDispatchFunction") == "rate(15 minutes)"
    assert rate("DeliveryDispatchFunction") == "rate(5 minutes)"
    assert rate("AlertsSweepFunction") == "rate(5 minutes)"


def test_layer_is_built_with_the_makefile_so_it_ships_precompiled():
    assert RESOURCES["SharedLayer"]["Metadata"]["BuildMethod"] == "makefile"
    makefile = (ROOT / "layers/shared/Makefile").read_text()
    assert "build-SharedLayer:" in makefile
    assert "--invalidation-mode unchecked-hash" in makefile


def test_layer_requirements_match_the_package_dependencies():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    lines = (ROOT / "layers/shared/requirements.txt").read_text().splitlines()
    layer = sorted(line.strip() for line in lines if line.strip() and not line.startswith("#"))
    assert layer == sorted(project["dependencies"])
