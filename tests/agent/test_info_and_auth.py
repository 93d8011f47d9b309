"""Identity, health, metrics and authentication of the agent."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest

from .conftest import SANDBOX_ID, RunningAgent

PUBLIC = [("/", "AgentRootResponse"), ("/health", "HealthResponse"), ("/info", "InfoResponse"),
          ("/ping", "PingResponse"), ("/system", "SystemInfo")]  # fmt: skip


@pytest.mark.parametrize(("path", "schema"), PUBLIC)
def test_public_endpoints_need_no_token(
    agent: RunningAgent, conforms: Any, path: str, schema: str
) -> None:
    with httpx.Client(transport=httpx.HTTPTransport(uds=agent.socket)) as client:
        response = client.get(f"http://agent{path}")
    assert response.status_code == 200, response.text
    conforms(schema, response.json())


def test_health_is_exactly_what_the_published_client_waits_for(api: httpx.Client) -> None:
    assert api.get("/health").json()["status"] == "healthy"


def test_info_describes_this_sandbox(api: httpx.Client) -> None:
    info = api.get("/info").json()
    assert info["sandbox_id"] == info["vm_id"] == SANDBOX_ID
    assert info["template"] == "code-interpreter"
    assert info["features"]["ipython_kernel"] is True
    assert info["features"]["desktop"] is False
    assert {"python", "javascript", "bash", "go"} <= set(info["languages"])


def test_system_reports_versions_and_the_memory_limit(api: httpx.Client) -> None:
    system = api.get("/system").json()
    assert system["memory_total_bytes"] == 512 * 1024 * 1024
    assert system["node_version"].startswith("v")
    assert system["go_version"].startswith("go")


@pytest.mark.parametrize("path", ["/metrics", "/metrics/snapshot"])
def test_metrics_snapshot(api: httpx.Client, conforms: Any, path: str) -> None:
    api.post("/commands/run", json={"command": "true"})
    snapshot = api.get(path).json()
    conforms("MetricsSnapshot", snapshot)
    assert snapshot["memory"]["limit_bytes"] == 512 * 1024 * 1024
    assert snapshot["memory"]["used_bytes"] > 0
    assert snapshot["total_requests"] >= 1
    assert snapshot["pids"] >= 1


def test_prometheus_text(api: httpx.Client) -> None:
    response = api.get("/metrics/prometheus")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain; version=0.0.4")
    lines = response.text.splitlines()
    assert "# TYPE hopx_agent_executions_total counter" in lines
    assert any(line.startswith("hopx_agent_memory_limit_bytes 536870912") for line in lines)


def test_processes_include_the_agent_itself(
    api: httpx.Client, agent: RunningAgent, conforms: Any
) -> None:
    body = api.get("/processes").json()
    conforms("SystemProcessList", body)
    mine = [p for p in body["processes"] if p["pid"] == agent.process.pid]
    assert mine and "hopx_local.agent" in mine[0]["command"]
    assert mine[0]["memory_rss_bytes"] > 1_000_000


def test_jupyter_sessions_show_the_kernel_once_used(api: httpx.Client, conforms: Any) -> None:
    api.post("/execute", json={"code": "1"})
    body = api.get("/jupyter/sessions").json()
    conforms("JupyterSessionList", body)
    assert body["available"] is True
    assert body["count"] == 1 and body["sessions"][0]["status"] == "idle"


def test_the_base_template_has_no_kernel(base_agent: RunningAgent) -> None:
    with base_agent.client() as client:
        sessions = client.get("/jupyter/sessions").json()
        assert (sessions["available"], sessions["sessions"], sessions["count"]) == (False, [], 0)
        assert client.get("/info").json()["features"]["rich_output"] is False


def test_cache_reports_and_clears_the_go_build_cache(api: httpx.Client, conforms: Any) -> None:
    stats = api.get("/cache/stats").json()
    conforms("CacheStatsResponse", stats)
    cleared = api.post("/cache/clear")
    assert cleared.status_code == 200
    conforms("CacheClearResponse", cleared.json())
    assert cleared.json()["cleared"] == stats["cache"]["size"]
    assert api.get("/cache/stats").json()["cache"]["size"] == 0


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("POST", "/desktop/mouse/click", {"x": 1, "y": 2}),
        ("GET", "/desktop/vnc/status", None),
        ("POST", "/desktop/screenshot", None),
        ("GET", "/desktop/windows/list", None),
    ],
)
def test_desktop_operations_say_what_is_missing(
    api: httpx.Client, expect_error: Any, method: str, path: str, body: Any
) -> None:
    response = api.request(method, path, json=body)
    error = expect_error(response, 503, "DESKTOP_NOT_AVAILABLE")
    assert isinstance(error["details"]["missing_dependencies"], list)


def test_every_operation_of_the_yaml_has_a_handler(
    document: dict[str, Any], tmp_path: Path
) -> None:
    from hopx_local.agent.config import AgentConfig
    from hopx_local.agent.http_api import HttpApi
    from hopx_local.agent.service import Agent
    from hopx_local.agent.ws_api import WsApi

    operation_ids = {
        op["operationId"]
        for item in document["paths"].values()
        for op in item.values()
        if isinstance(op, dict) and "operationId" in op
    }
    agent = Agent(AgentConfig(template="base", workspace=tmp_path), environ={})
    handled = set(HttpApi(agent, document, "").handlers()) | set(WsApi(agent, document).handlers())
    assert operation_ids - handled == set()


def test_the_openapi_document_is_served(agent: RunningAgent) -> None:
    with httpx.Client(transport=httpx.HTTPTransport(uds=agent.socket)) as client:
        response = client.get("http://agent/openapi.yaml")
    assert response.status_code == 200
    assert "operationId: executeCode" in response.text


def test_unknown_path_is_a_flat_404(api: httpx.Client, expect_error: Any) -> None:
    expect_error(api.get("/no/such/endpoint"), 404, "NOT_FOUND")


# ------------------------------------------------------------------- authentication
def _unauthorized(agent: RunningAgent, expect_error: Any, headers: dict[str, str]) -> None:
    with httpx.Client(transport=httpx.HTTPTransport(uds=agent.socket), headers=headers) as client:
        response = client.post("http://agent/commands/run", json={"command": "echo leaked"})
    body = expect_error(response, 401, "UNAUTHORIZED")
    assert "leaked" not in response.text
    assert body["path"] == "/commands/run"


def test_missing_token_is_rejected(agent: RunningAgent, expect_error: Any) -> None:
    _unauthorized(agent, expect_error, {})


def test_token_of_another_sandbox_is_rejected(agent: RunningAgent, expect_error: Any) -> None:
    other = agent.token(sub="sbx_someoneelse00", key="another-sandbox-secret")
    _unauthorized(agent, expect_error, {"Authorization": f"Bearer {other}"})


def test_token_with_another_subject_is_rejected(agent: RunningAgent, expect_error: Any) -> None:
    forged = agent.token(sub="sbx_someoneelse00")
    _unauthorized(agent, expect_error, {"Authorization": f"Bearer {forged}"})


def test_expired_token_is_rejected(agent: RunningAgent, expect_error: Any) -> None:
    expired = agent.token(ttl=-5)
    _unauthorized(agent, expect_error, {"Authorization": f"Bearer {expired}"})


def test_garbage_token_is_rejected(agent: RunningAgent, expect_error: Any) -> None:
    _unauthorized(agent, expect_error, {"Authorization": "Bearer abc.def.ghi"})
