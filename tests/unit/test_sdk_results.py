"""Results are the generated models: real dicts of the answer, typed attributes read tolerantly,
reprs without secrets (what ``models.py`` used to promise, now through ``templates/``)."""

from __future__ import annotations

import base64
import copy
import datetime
import json
import pickle
from typing import Any

import pytest
from hopx_agent_api.models.background_execution_response import BackgroundExecutionResponse
from hopx_agent_api.models.process_status import ProcessStatus
from hopx_control_api.models.sandbox_status import SandboxStatus

from hopx_ai import Sandbox, models
from hopx_ai.models import ExecutionResult, FileInfo, SandboxInfo, Template, VNCInfo
from tests.unit.conftest import TRANSPORT, Router, sandbox_json
from tests.unit.test_sdk_sandbox import create, serve_create


@pytest.fixture
def sb(fake: Router) -> Sandbox:
    serve_create(fake)
    return create()


# ----------------------------------------------------------------------------- dict results

DICT_RESULTS: dict[str, tuple[str, str, dict[str, Any]]] = {
    "run_code_background": (
        "POST",
        "/execute/background",
        {"process_id": "proc_1", "execution_id": "ex_1", "status": "running", "extra": [1]},
    ),
    "kill_process": ("DELETE", "/execute/kill", {"success": True, "process_id": "proc_1"}),
    "get_agent_metrics": ("GET", "/metrics/snapshot", {"total_executions": 4, "cpu_percent": 1.5}),
    "get_metrics_snapshot": ("GET", "/metrics/snapshot", {"memory_percent": 12.5}),
    "get_agent_info": ("GET", "/info", {"version": "3.2.8", "os": "linux"}),
}


def _call(sb: Sandbox, name: str) -> Any:
    if name == "run_code_background":
        return sb.run_code_background("import time")
    if name == "kill_process":
        return sb.kill_process("proc_1")
    return getattr(sb, name)()


@pytest.mark.parametrize("name", sorted(DICT_RESULTS))
def test_dict_results_are_real_dicts(fake: Router, sb: Sandbox, name: str) -> None:
    method, path, body = DICT_RESULTS[name]
    fake.agent(method, path, body)
    result = _call(sb, name)
    assert isinstance(result, dict)
    assert result == body  # the answer, every property, as sent
    assert json.loads(json.dumps(result)) == body
    assert result.copy() == body and copy.deepcopy(result) == body
    assert (result | {"mine": 1})["mine"] == 1
    again = pickle.loads(pickle.dumps(result))
    assert again == body and type(again) is type(result)


def test_list_processes_items_cache_stats_and_health_are_dicts(fake: Router, sb: Sandbox) -> None:
    fake.agent("GET", "/execute/processes", {"processes": [{"process_id": "p", "status": "x"}]})
    fake.agent("GET", "/cache/stats", {"cache": {"size": 3, "hits": 1}})
    fake.on("GET", "/health", {"status": "healthy", "version": "1"})
    (item,) = sb.list_processes()
    assert isinstance(item, dict) and json.dumps(item) == '{"process_id": "p", "status": "x"}'
    stats = sb.cache.stats()
    assert stats["cache"]["size"] == 3 and stats.cache.size == 3
    assert json.loads(json.dumps(stats)) == {"cache": {"size": 3, "hits": 1}}
    health = Sandbox.health_check(base_url="https://api.example.test", transport=TRANSPORT)
    assert isinstance(health, dict) and health["status"] == "healthy" and health.is_healthy


def test_typed_attributes_of_a_dict_result(fake: Router, sb: Sandbox) -> None:
    fake.agent("POST", "/execute/background", DICT_RESULTS["run_code_background"][2])
    result = sb.run_code_background("x")
    assert isinstance(result, BackgroundExecutionResponse)
    assert result.process_id == result["process_id"] == "proc_1"
    assert result.status is ProcessStatus.RUNNING and result.status == "running"
    assert result.start_time.year == 1970  # required, missing: the epoch, never a crash
    assert result.name is None  # optional, missing
    assert result.additional_properties == {"extra": [1]}


# ----------------------------------------------------------------------------- tolerance


def test_unknown_enum_values_are_kept_as_strings() -> None:
    info = SandboxInfo.from_dict(sandbox_json(status="hibernating"))
    assert info.status == "hibernating" and isinstance(info.status, str)
    assert isinstance(info.status, SandboxStatus)  # still the property's type for mypy
    assert json.dumps({"s": info.status}) == '{"s": "hibernating"}'
    assert SandboxStatus("running") is SandboxStatus.RUNNING


def test_missing_optionals_are_none_and_unknown_properties_stay_readable() -> None:
    info = SandboxInfo.from_dict({**sandbox_json(), "future_field": {"a": 1}})
    assert info.template_id is None and info.expires_at is None and info.node_id is None
    assert info["future_field"] == {"a": 1} and "future_field" in info.additional_keys
    assert info.sandbox_id == info.id == info["id"]


def test_coercions_of_the_public_wire() -> None:
    info = SandboxInfo.from_dict(
        sandbox_json(
            organization_id="42",
            expires_at="2025-01-01T00:05:00Z",
            resources={"vcpu": "2", "memory_mb": 4096.0},
            public_host="",
            direct_url="https://direct.example.test",
        )
    )
    assert info.organization_id == 42
    assert info.expires_at == datetime.datetime(2025, 1, 1, 0, 5, tzinfo=datetime.UTC)
    assert (info.resources.vcpu, info.resources.memory_mb, info.resources.disk_mb) == (2, 4096, 0)
    assert info.public_host == "https://direct.example.test"  # falls back to direct_url
    assert SandboxInfo.from_dict(sandbox_json(created_at="not a time")).created_at.year == 1970
    assert SandboxInfo.from_dict(None).id == ""


def test_file_info_reads_older_agents_names() -> None:
    entry = FileInfo.from_dict({"name": "a", "path": "/w/a", "size": "2048", "is_dir": True})
    assert entry.is_directory and entry.is_dir and not entry.is_file
    assert entry.size == 2048 and entry.size_kb == 2.0
    assert entry["is_dir"] is True  # the answer itself is unchanged


def test_execution_result_derives_success_and_rich_outputs() -> None:
    assert ExecutionResult.from_dict({"exit_code": 2}).success is False
    assert ExecutionResult.from_dict({"exit_code": 0}).success is True
    assert ExecutionResult.from_dict({}).success is False
    result = ExecutionResult.from_dict(
        {"stdout": "", "exit_code": 0, "rich_outputs": [
            {"type": "image/png", "data": "iVBO", "format": "base64"},
            {"type": "application/json", "data": '{"a": 1}', "format": "json"},
        ], "png": "iVBO"}
    )  # fmt: skip
    assert [o.type for o in result.rich_outputs] == ["image/png", "application/json"]
    assert result.rich_outputs[1].data == {"application/json": {"a": 1}}
    assert result["rich_outputs"][0]["data"] == "iVBO"  # the answer as sent
    png, data = result.rich_outputs
    assert png._repr_png_() == base64.b64decode("iVBO") and png._repr_html_() is None
    assert data._repr_json_() == {"a": 1} and data._repr_png_() is None


def test_template_resources_default_to_the_default_resources() -> None:
    template = Template.from_dict(
        {"id": "1", "name": "python", "default_resources": {"vcpu": 2, "memory_mb": 512}}
    )
    assert template.resources is not None and template.resources.vcpu == 2
    assert "python" in repr(template)


# ----------------------------------------------------------------------------- reprs


def test_reprs_are_readable_and_hide_secrets() -> None:
    raw = sandbox_json(auth_token="jwt-SECRET", token_expires_at="2025-01-01T00:00:00Z")
    from hopx_control_api.models.sandbox import Sandbox as SandboxModel

    shown = repr(SandboxModel.from_dict(raw))
    assert "jwt-SECRET" not in shown and "auth_token=***" in shown
    assert "status='running'" in shown
    vnc = VNCInfo.from_dict({"url": "vnc://x", "password": "hunter2", "running": True})
    assert "hunter2" not in repr(vnc) and "hunter2" not in str(vnc)


def test_public_names_are_the_generated_models() -> None:
    from hopx_agent_api.models.error_code import ErrorCode
    from hopx_agent_api.models.language import Language
    from hopx_agent_api.models.metrics_snapshot import MetricsSnapshot

    assert models.ErrorCode is ErrorCode and models.Language is Language
    assert models.AgentMetrics is MetricsSnapshot is models.MetricsSnapshot
    assert issubclass(models.SandboxInfo, dict)
    with pytest.raises(AttributeError):
        _ = models.NoSuchModel  # type: ignore[attr-defined]


def test_execution_error_from_a_server_without_the_exception_object() -> None:
    result = models.ExecutionResult.from_dict(
        {"exit_code": 1, "success": False, "error": "KeyError: 'a'", "rich_outputs": []}
    )
    assert result.error is not None
    assert (result.error.name, result.error.value, result.error.traceback) == (
        "KeyError",
        "'a'",
        "",
    )
    assert result.error == "KeyError: 'a'"
    for copied in (pickle.loads(pickle.dumps(result)), copy.deepcopy(result)):
        assert copied.error is not None and copied.error.name == "KeyError"
