"""The in-sandbox agent's command line, environment and mounts, as a runtime SandboxSpec."""

from __future__ import annotations

import os
import sysconfig
from pathlib import Path

from hopx_local.agent.forked import PRELOAD
from hopx_local.control.backend import LaunchRequest
from hopx_local.control.catalog import TemplateDefinition
from hopx_local.control.config import (
    SANDBOX_HOST_USR,
    SANDBOX_OPENAPI,
    SANDBOX_SITE_PACKAGES,
    SANDBOX_SPEC_CACHE,
    SANDBOX_SRC,
    ControlPlaneConfig,
)
from hopx_local.control.network_policy import policy_from_record
from hopx_local.runtime import RootfsTree, SandboxSpec
from hopx_local.runtime.forkserver import ForkedProgram, ForkServerConfig

TOKEN_KEY_INSIDE = "/run/hopx/token.key"
HOST_MULTIARCH = sysconfig.get_config_var("MULTIARCH") or "x86_64-linux-gnu"
HOST_LOADER = "ld-linux-x86-64.so.2"
HOST_PYTHON = Path(os.path.realpath("/usr/bin/python3")).name
AGENT_PYTHON = "/usr/bin/python3"
AGENT_PYTHONPATH = f"{SANDBOX_SRC}:{SANDBOX_SITE_PACKAGES}"
# The agent runs isolated (-I: no PYTHON* variables, no user site): env_vars such as
# PYTHONHOME or PYTHONWARNINGS=error are for the user's code and must not break the agent.
# It finds its own code through this path; PYTHONPATH (set too) is for the user's code.
AGENT_BOOTSTRAP = (
    f"import runpy, sys; sys.path[:0] = {[SANDBOX_SRC, SANDBOX_SITE_PACKAGES]!r}; "
    "runpy.run_module('hopx_local.agent', run_name='__main__', alter_sys=True)"
)


def agent_spec(
    config: ControlPlaneConfig,
    request: LaunchRequest,
    root_dir: Path,
    listen_fd: int,
    socket_fd: int,
) -> SandboxSpec:
    """The sandbox running the agent, serving the inherited listening sockets ``listen_fd``
    (TCP, the sandbox's port) and ``socket_fd`` (unix, the control plane's; bound on the host
    side only, so it appears nowhere in the sandbox)."""
    template = request.template
    env = dict(template.sandbox_env) if template is not None else {}
    env.update(request.env_vars)
    user_path = env.get("PYTHONPATH")
    env["PYTHONPATH"] = f"{AGENT_PYTHONPATH}:{user_path}" if user_path else AGENT_PYTHONPATH
    # The agent lists these as its API variables (GET /env), as after PATCH /env.
    env["HOPX_ENV_KEYS"] = ",".join(request.env_vars)
    # In the environment, not on the command line: any local user can read argv with ps, and
    # the id is all a preview URL needs.
    env["HOPX_SANDBOX_ID"] = request.sandbox_id
    agent_args = [
        "--socket-fd",
        str(socket_fd),
        "--template",
        request.agent_flavour,
        "--key-file",
        TOKEN_KEY_INSIDE,
        "--remove-key-file",
        "--spec-cache",
        SANDBOX_SPEC_CACHE,
        "--listen-fd",
        str(listen_fd),
        "--kernel-start",
        template.kernel_start if template is not None else "lazy",
    ]
    return SandboxSpec(
        sandbox_id=request.sandbox_id,
        root_dir=root_dir,
        uid=request.uid,
        memory_mb=request.memory_mb,
        pids_max=request.pids_max,
        vcpu=float(request.vcpu),
        internet_access=request.internet_access,
        network_policy=policy_from_record(request.network_policy),
        env=env,
        command=[*_interpreter(template), "-I", "-c", AGENT_BOOTSTRAP, *agent_args],
        forked=_forked_agent(config, template, request.agent_flavour, agent_args),
        pass_fds=(listen_fd, socket_fd),
        rootfs=_rootfs(template),
        disk_mb=(
            request.disk_mb
            if config.disk_mb_limit is None
            else min(request.disk_mb, config.disk_mb_limit)
        ),
        extra_ro_binds=[
            (config.agent_src_dir, SANDBOX_SRC),
            (config.site_packages, SANDBOX_SITE_PACKAGES),
            (config.openapi_dir, SANDBOX_OPENAPI),
            (config.spec_cache_dir, SANDBOX_SPEC_CACHE),
            *_host_dirs(template),
            *_injected_runtime(template),
        ],
    )


def _interpreter(template: TemplateDefinition | None) -> list[str]:
    """How the agent's Python starts: the root's own ``/usr/bin/python3`` (built-in templates),
    or, in an image, the host's bound at ``/.hopx/usr`` through its own loader and libraries, so
    the agent needs nothing of the image (no Python, no libc) and user code never sees the
    agent's library path (``--library-path`` is the loader's, not ``LD_LIBRARY_PATH``)."""
    if template is None or not template.injected_python:
        return [AGENT_PYTHON]
    lib = f"{SANDBOX_HOST_USR}/lib/{HOST_MULTIARCH}"
    return [f"{lib}/{HOST_LOADER}", "--library-path", lib, f"{SANDBOX_HOST_USR}/bin/{HOST_PYTHON}"]


def _injected_runtime(template: TemplateDefinition | None) -> list[tuple[Path, str]]:
    if template is None or not template.injected_python:
        return []
    return [(Path("/usr"), SANDBOX_HOST_USR)]


def _forked_agent(
    config: ControlPlaneConfig,
    template: TemplateDefinition | None,
    flavour: str,
    agent_args: list[str],
) -> ForkedProgram | None:
    """The agent forked from its flavour's fork server (None: exec'd, e.g. forking is off).

    Only where the sandbox's root is this host's system (the built-in templates): a fork keeps
    the fork server's dynamic loader state and library search paths, fixed when it started on
    the host. In an image's root those paths hold the image's own libc and libraries, so a
    module imported or a library loaded after the fork could bind to them; the exec'd agent
    starts through the host's loader with ``--library-path`` instead (``_interpreter``).
    """
    if not config.fork_agents or not fork_capable(template):
        return None
    server = ForkServerConfig(
        python=AGENT_PYTHON,
        sys_path=(str(config.agent_src_dir), str(config.site_packages)),
        preload=PRELOAD.get(flavour, PRELOAD["base"]),
        path_map=(
            (str(config.agent_src_dir), SANDBOX_SRC),
            (str(config.site_packages), SANDBOX_SITE_PACKAGES),
        ),
        warm_up="hopx_local.agent.forked:warm_up",
    )
    return ForkedProgram(
        server=server, entry="hopx_local.agent.forked:main", argv=(AGENT_PYTHON, *agent_args)
    )


def fork_capable(template: TemplateDefinition | None) -> bool:
    """Whether the template's agent may be forked (its root is the host's system)."""
    return template is None or (not template.layers and not template.injected_python)


def _host_dirs(template: TemplateDefinition | None) -> list[tuple[Path, str]]:
    """The template's host directories that exist here, as read-only binds."""
    if template is None:
        return []
    return [(Path(path), path) for path in template.host_ro_dirs if Path(path).is_dir()]


def _rootfs(template: TemplateDefinition | None) -> tuple[RootfsTree, ...]:
    """The template's layers as one tree at /; () for the built-in ones (the host's system)."""
    if template is None or not template.layers:
        return ()
    return (RootfsTree("/", tuple(Path(layer) for layer in template.layers)),)
