"""What the control plane is configured with (built by the CLI; tests build it directly)."""

from __future__ import annotations

import os
import sysconfig
from pathlib import Path

import attrs

import hopx_local
from hopx_local.specs import spec_path

DEFAULT_PORT = 8100
DEFAULT_WARM_POOL = 2
"""Idle pre-started sandboxes per (template, internet_access) of the pooled templates."""
DATA_DIR_ENV = "HOPX_LOCAL_DATA"

# Where the in-sandbox agent finds its code (mounted read-only at a hidden path; see
# hopx_local.runtime.rootfs for how the agent gets into any image).
SANDBOX_SRC = "/.hopx/src"
SANDBOX_SITE_PACKAGES = "/.hopx/site-packages"
SANDBOX_OPENAPI = "/.hopx/openapi"
SANDBOX_SPEC_CACHE = "/.hopx/spec-cache"
SANDBOX_HOST_USR = "/.hopx/usr"
"""The host's /usr in sandboxes of built templates: the agent's Python, whatever the image."""


def default_data_dir() -> Path:
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override).expanduser()
    return Path.home() / ".local" / "share" / "hopx-local"


def project_src_dir() -> Path:
    """The directory holding the ``hopx_local`` package (src/ in a checkout)."""
    return Path(hopx_local.__file__).resolve().parents[1]


def site_packages_dir() -> Path:
    return Path(sysconfig.get_paths()["purelib"]).resolve()


def openapi_dir() -> Path:
    return spec_path("vm-agent").resolve().parent


@attrs.frozen
class ControlPlaneConfig:
    data_dir: Path
    """State (state.sqlite3), sandbox directories (sandboxes/<id>/) and caches."""
    base_url: str
    """How clients reach the control plane, e.g. ``http://127.0.0.1:8100`` (preview URLs)."""
    relay_host: str = "127.0.0.1"
    """Where sandbox agent ports listen (public_host)."""
    agent_start_timeout: float = 30.0
    """Seconds a new sandbox's agent may take to answer /health."""
    max_sandboxes: int = 100
    """Sandboxes that may exist (any status) before create answers 403 resource_limit
    (the warm pool's idle sandboxes do not count: they belong to nobody yet)."""
    warm_pool: int = DEFAULT_WARM_POOL
    """Idle, started sandboxes kept per (template, internet_access) of the pooled templates
    (``base``, ``code-interpreter``); a matching create takes one. 0 disables the pool."""
    sandbox_memory_mb: int | None = None
    """Memory all sandboxes may use together (None: derived from the host, see capacity.py)."""
    sandbox_pids: int | None = None
    """Tasks all sandboxes may run together (None: derived from the host's pid_max)."""
    one_port: bool = False
    """Agents are reached through the control plane's own port (``public_host`` is
    ``<base_url>/agent/<id>``), not on ports of their own (always so with a Ray cluster)."""
    public_domain: str | None = None
    """Serve sandboxes on host names ``{port}-{id}.<public_domain>`` (a wildcard DNS name of
    this server), as the public service does: ``public_host`` is ``7777-<id>.<domain>``."""
    disk_mb_limit: int | None = None
    """Upper bound of every sandbox's disk in MiB (the template's ``disk_mb`` when smaller);
    None: the template's."""
    template_builder: bool = True
    """Serve the template-build operations (False: they answer 501 not_implemented)."""
    registry_mirror: str | None = None
    """Registry (``host[:port]``) that serves Docker Hub's images to template builds."""
    insecure_registries: tuple[str, ...] = ()
    """Registries reached over plain HTTP (loopback ones always are)."""
    max_upload_bytes: int = 2 * 1024**3
    """Largest COPY archive a template build may upload."""
    fork_agents: bool = True
    """Start each sandbox's agent as a fork of a fork server that imported it once
    (``runtime/forkserver.py``); False: exec a fresh Python per sandbox. Templates with
    layers of their own (image templates) always exec theirs (see ``agent_command``)."""
    agent_src_dir: Path = attrs.field(factory=project_src_dir)
    site_packages: Path = attrs.field(factory=site_packages_dir)
    openapi_dir: Path = attrs.field(factory=openapi_dir)

    @property
    def sandboxes_dir(self) -> Path:
        return self.data_dir / "sandboxes"

    @property
    def database(self) -> Path:
        return self.data_dir / "state.sqlite3"

    @property
    def spec_cache_dir(self) -> Path:
        """Parsed JSON copies of the OpenAPI documents (shared read-only with the agents)."""
        return self.data_dir / "cache" / "specs"
