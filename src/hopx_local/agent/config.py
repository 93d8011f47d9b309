"""What an agent instance is configured with (command-line flags; tests build it directly)."""

from __future__ import annotations

import os
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

TemplateKind = Literal["code-interpreter", "base", "desktop"]
KERNEL_TEMPLATES = ("code-interpreter", "desktop")
"""Templates whose Python runs in a Jupyter kernel."""
KernelStart = Literal["lazy", "background"]

MIB = 1024 * 1024


def _default_roots() -> tuple[Path, ...]:
    """The whole machine, as root reaches it (what the public service's Files API does)."""
    return (Path("/"),)


HIDDEN_PATHS = ("/proc", "/sys", "/dev", "/run/hopx", "/.hopx")
"""Never reached through the Files API: the kernel's, and hopx-local's own (agent code,
socket, token)."""


def _which(name: str, fallback: str) -> str:
    return shutil.which(name) or fallback


def _python() -> str:
    """The Python of user code: the agent's own, except when the agent runs on the host's
    Python injected under /.hopx (a built template's image): then the image's own."""
    if sys.executable.startswith("/.hopx/"):
        return shutil.which("python3") or shutil.which("python") or sys.executable
    return sys.executable or "/usr/bin/python3"


def _shell() -> str:
    """bash, or the image's sh when it has no bash (busybox, Alpine)."""
    return shutil.which("bash") or shutil.which("sh") or "/bin/bash"


@dataclass(frozen=True)
class Interpreters:
    """Absolute paths of the programs the agent starts (resolved once, not per call)."""

    python: str = field(default_factory=_python)
    node: str = field(default_factory=lambda: _which("node", "/usr/bin/node"))
    bash: str = field(default_factory=_shell)
    sh: str = field(default_factory=lambda: _which("sh", "/bin/sh"))
    go: str = field(default_factory=lambda: _which("go", "/usr/bin/go"))


WORKSPACE = "/workspace"
"""The workspace as the API names it (default cwd; relative file paths start there)."""


@dataclass(frozen=True)
class AgentConfig:
    sandbox_id: str = "local"
    template: TemplateKind = "code-interpreter"
    workspace: Path = Path(WORKSPACE)
    """Where the workspace really is. Inside a sandbox it is /workspace; elsewhere (tests, a
    development agent on the host) API paths under /workspace are mapped onto this directory."""
    allowed_roots: tuple[Path, ...] = field(default_factory=_default_roots)
    """Directories the Files API may touch, as the API names them."""
    hidden_paths: tuple[str, ...] = HIDDEN_PATHS
    """Paths below the roots the Files API refuses and does not list."""
    key_file: Path | None = None
    home: Path = field(default_factory=lambda: Path(os.environ.get("HOME", "/home/user")))
    cache_dir: Path | None = None
    """Where the agent keeps its caches (Go build cache, pip cache); default ``$HOME/.cache``."""
    kernel_start: KernelStart = "lazy"
    capture_limit: int = 10 * MIB
    """Bytes of stdout (and of stderr) kept per execution or command (first and last halves)."""
    background_capture_limit: int = 1 * MIB
    """Bytes of stdout (and of stderr) kept per background process (the last ones)."""
    read_limit: int = 64 * MIB
    """Largest file GET /files/read returns."""
    write_limit: int = 64 * MIB
    """Largest decoded content POST /files/write accepts."""
    transfer_limit: int = 1024 * MIB
    """Largest file served by /files/download or accepted by /files/upload."""
    interpreters: Interpreters = field(default_factory=Interpreters)
    child_oom_score_adj: int | None = 500
    """oom_score_adj of user code (processes, kernel, terminal); None leaves it inherited."""

    @property
    def caches(self) -> Path:
        return self.cache_dir if self.cache_dir is not None else self.home / ".cache"

    def real_path(self, path: str) -> str:
        """The filesystem path of an API path (identity inside a sandbox)."""
        real_workspace = str(self.workspace)
        if real_workspace == WORKSPACE:
            return path
        if path == WORKSPACE:
            return real_workspace
        if path.startswith(WORKSPACE + "/"):
            return real_workspace + path[len(WORKSPACE) :]
        return path
