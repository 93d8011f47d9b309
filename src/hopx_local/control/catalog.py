"""The built-in templates of hopx-local (public, always present, cannot be deleted).

A template says what a sandbox runs (which agent flavour), what it is made of (its root
filesystem's layers), what it gets (vCPU, memory, disk, pids) and how it is described to users
(the metadata of ``listTemplates``/``getTemplate``).
"""

from __future__ import annotations

from typing import Any

import attrs

# Built-in templates were "created" with the first release of hopx-local.
BUILTIN_TIMESTAMP = "2025-11-01T00:00:00Z"


@attrs.frozen
class Resources:
    vcpu: int
    memory_mb: int
    disk_gb: int

    def as_json(self) -> dict[str, int]:
        return {"vcpu": self.vcpu, "memory_mb": self.memory_mb, "disk_gb": self.disk_gb}


@attrs.frozen
class TemplateDefinition:
    """One template: identity, metadata, resources, and how its sandboxes are run."""

    id: str
    name: str
    display_name: str
    description: str
    category: str
    language: str
    icon: str
    default_resources: Resources
    min_resources: Resources
    max_resources: Resources
    features: tuple[str, ...]
    tags: tuple[str, ...]
    popularity_score: int
    docs_url: str
    agent_flavour: str
    """The ``--template`` the in-sandbox agent is started with."""
    pids_max: int
    """Tasks (processes + threads) a sandbox of this template may have."""
    sandbox_env: tuple[tuple[str, str], ...] = ()
    """Environment every sandbox of this template starts with (the create-time ``env_vars``
    override it), e.g. ``DISPLAY`` of the desktop, so user programs show on its display."""
    vnc_relay: bool = False
    """Relay a host loopback port to the sandbox's VNC server (``run/vnc.sock``)."""
    host_ro_dirs: tuple[str, ...] = ()
    """Host directories its sandboxes see read-only at the same path, when the host has them."""
    layers: tuple[str, ...] = ()
    """Its root filesystem's read-only layers (host directories, topmost first, each a whole
    root tree, as an OCI image's unpacked layers are). Empty: the built-in layers made from
    this host's system (``hopx_local.runtime.rootfs.host_trees``)."""
    kernel_start: str = "lazy"
    """When the agent starts its Jupyter kernel: on first use, or in the background at once
    (a sandbox taken from the warm pool then runs its first Python cell without the ~1 s
    kernel start)."""
    builtin: bool = True
    """A public built-in template; False: built by ``buildTemplate`` (see control/builds.py)."""
    status: str = "active"
    """``building`` while its first build runs, ``active`` once built."""
    build_id: str | None = None
    created_at: str = BUILTIN_TIMESTAMP
    updated_at: str = BUILTIN_TIMESTAMP
    start_cmd: str | None = None
    """Started in every new sandbox (a built template's ``startCmd``)."""
    ready_check: str | None = None
    """JSON of the ``ReadyCheck`` that gates a create after ``start_cmd``."""
    workdir: str | None = None
    """Working directory of ``start_cmd`` (the build's last WORKDIR)."""
    user: str | None = None
    """User of ``start_cmd`` (the build's last USER)."""
    injected_python: bool = False
    """Run the agent on the host's Python bound at /.hopx/usr, started through its loader, so
    it needs nothing of the image (see agent_command.py)."""

    def as_json(self) -> dict[str, Any]:
        """The ``Template`` object of openapi/control-plane.yaml."""
        return {
            "id": self.id,
            "name": self.name,
            "display_name": self.display_name,
            "description": self.description,
            "category": self.category,
            "language": self.language,
            "icon": self.icon,
            "resources": self.default_resources.as_json(),
            "default_resources": self.default_resources.as_json(),
            "min_resources": self.min_resources.as_json(),
            "max_resources": self.max_resources.as_json(),
            "features": list(self.features),
            "tags": list(self.tags),
            "popularity_score": self.popularity_score,
            "docs_url": self.docs_url,
            "is_active": self.status == "active",
            "is_public": self.builtin,
            "status": self.status,
            "build_id": self.build_id,
            "organization_id": None if self.builtin else "local",
            "created_at": self.created_at,
            "updated_at": self.updated_at,
            "object": "template",
        }


BUILTIN_TEMPLATES: tuple[TemplateDefinition, ...] = (
    TemplateDefinition(
        id="101",
        name="code-interpreter",
        display_name="Code Interpreter",
        description=(
            "Python with a stateful Jupyter kernel and rich outputs (PNG, HTML, SVG, JSON, "
            "Markdown; matplotlib and pandas included), plus JavaScript (Node.js), Bash and Go."
        ),
        category="development",
        language="python",
        icon="🐍",
        default_resources=Resources(vcpu=2, memory_mb=2048, disk_gb=10),
        min_resources=Resources(vcpu=1, memory_mb=512, disk_gb=1),
        max_resources=Resources(vcpu=2, memory_mb=4096, disk_gb=20),
        features=(
            "jupyter",
            "rich-output",
            "python",
            "javascript",
            "bash",
            "go",
            "files",
            "terminal",
        ),
        tags=("python", "jupyter", "data-science", "javascript", "go"),
        popularity_score=100,
        docs_url="https://docs.hopx.ai/templates/code-interpreter",
        agent_flavour="code-interpreter",
        pids_max=512,
        kernel_start="background",
    ),
    TemplateDefinition(
        id="102",
        name="base",
        display_name="Base",
        description="A minimal Debian environment with Bash and Python 3 (standard library only).",
        category="development",
        language="bash",
        icon="🐧",
        default_resources=Resources(vcpu=1, memory_mb=512, disk_gb=5),
        min_resources=Resources(vcpu=1, memory_mb=256, disk_gb=1),
        max_resources=Resources(vcpu=2, memory_mb=2048, disk_gb=20),
        features=("bash", "python", "files", "terminal"),
        tags=("bash", "python", "minimal"),
        popularity_score=80,
        docs_url="https://docs.hopx.ai/templates/base",
        agent_flavour="base",
        pids_max=256,
    ),
    TemplateDefinition(
        id="103",
        name="desktop",
        display_name="Desktop",
        description=(
            "A Linux desktop (Xvfb display, Openbox window manager) to automate: screenshots, "
            "recordings, mouse and keyboard, windows, clipboard, OCR and VNC; with the Code "
            "Interpreter's Python (Jupyter kernel) and Bash."
        ),
        category="desktop",
        language="python",
        icon="🖥️",
        default_resources=Resources(vcpu=2, memory_mb=4096, disk_gb=10),
        min_resources=Resources(vcpu=1, memory_mb=2048, disk_gb=5),
        max_resources=Resources(vcpu=2, memory_mb=8192, disk_gb=20),
        features=("desktop", "vnc", "screenshot", "recording", "ocr", "jupyter", "python", "bash"),
        tags=("desktop", "gui", "automation", "vnc"),
        popularity_score=60,
        docs_url="https://docs.hopx.ai/templates/desktop",
        agent_flavour="desktop",
        pids_max=1024,
        sandbox_env=(("DISPLAY", ":1"),),  # the display the agent's desktop starts (Xvfb :1)
        vnc_relay=True,
        # The host's font cache: without it every sandbox's first X program spends seconds
        # building its own in ~/.cache/fontconfig.
        host_ro_dirs=("/var/cache/fontconfig",),
    ),
)


class Catalog:
    """Lookup of templates by id or name (ids first, as the contract says)."""

    def __init__(self, templates: tuple[TemplateDefinition, ...] = BUILTIN_TEMPLATES) -> None:
        self._set(list(templates))

    def _set(self, templates: list[TemplateDefinition]) -> None:
        self._templates = sorted(templates, key=lambda t: (-t.popularity_score, t.name))
        self._by_id = {t.id: t for t in templates}
        self._by_name = {t.name: t for t in templates}

    def put(self, template: TemplateDefinition) -> None:
        """Add a built template, or replace the one of its id."""
        self._set([t for t in self._templates if t.id != template.id] + [template])

    def remove(self, template_id: str) -> None:
        self._set([t for t in self._templates if t.id != template_id])

    def all(self) -> list[TemplateDefinition]:
        return list(self._templates)

    def names(self) -> list[str]:
        return [t.name for t in self._templates]

    def by_id(self, template_id: str) -> TemplateDefinition | None:
        return self._by_id.get(template_id)

    def by_name(self, name: str) -> TemplateDefinition | None:
        return self._by_name.get(name)

    def by_name_or_id(self, value: str) -> TemplateDefinition | None:
        return self._by_id.get(value) or self._by_name.get(value)

    def filter(
        self, *, category: str | None = None, language: str | None = None
    ) -> list[TemplateDefinition]:
        """Exact, case-insensitive matching of both filters."""
        found = []
        for template in self._templates:
            if category is not None and template.category.lower() != category.lower():
                continue
            if language is not None and template.language.lower() != language.lower():
                continue
            found.append(template)
        return found
