"""Which agents are forked from a fork server and which are exec'd (agent_command)."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

from hopx_local.control.backend import LaunchRequest
from hopx_local.control.backends.agent_command import agent_spec
from hopx_local.control.catalog import BUILTIN_TEMPLATES, TemplateDefinition
from hopx_local.control.config import ControlPlaneConfig
from hopx_local.runtime import SandboxSpec


def _request(template: TemplateDefinition) -> LaunchRequest:
    return LaunchRequest(
        sandbox_id="sbx_test",
        uid=200123,
        secret=b"k" * 32,
        template=template,
        env_vars={},
        internet_access=False,
        vcpu=1,
        memory_mb=256,
        disk_mb=64,
        pids_max=64,
        agent_flavour="base",
    )


def _spec(tmp_path: Path, template: TemplateDefinition, *, fork: bool) -> SandboxSpec:
    config = ControlPlaneConfig(data_dir=tmp_path, base_url="http://127.0.0.1:1", fork_agents=fork)
    return agent_spec(config, _request(template), tmp_path, listen_fd=5, socket_fd=6)


@pytest.mark.parametrize("template", BUILTIN_TEMPLATES, ids=lambda template: template.name)
def test_built_in_templates_fork_their_agent_when_forking_is_on(
    tmp_path: Path, template: TemplateDefinition
) -> None:
    forked = _spec(tmp_path, template, fork=True).forked
    assert forked is not None
    assert forked.entry == "hopx_local.agent.forked:main"
    assert _spec(tmp_path, template, fork=False).forked is None


def test_image_templates_exec_their_agent_through_the_host_loader(tmp_path: Path) -> None:
    image = attrs.evolve(BUILTIN_TEMPLATES[0], layers=(str(tmp_path),), injected_python=True)
    spec = _spec(tmp_path, image, fork=True)

    assert spec.forked is None
    assert spec.command[0].startswith("/.hopx/usr/lib/")
