"""One agent: its configuration and the engines the HTTP/WebSocket layer drives."""

from __future__ import annotations

import asyncio
import logging
import os
import time
from collections.abc import Coroutine, Mapping
from typing import TYPE_CHECKING, Any

from .auth import TokenVerifier, read_key
from .background import BackgroundProcess, BackgroundRegistry
from .cache import BuildCaches
from .config import KERNEL_TEMPLATES, WORKSPACE, AgentConfig
from .envstore import EnvStore
from .events import EventBus
from .execution import Executor
from .files import FileService
from .kernel import PythonKernel
from .metrics import Counters, Metrics
from .oom import OomScore
from .paths import PathPolicy
from .proc import BoundedCapture, Child

if TYPE_CHECKING:
    from .desktop import DesktopEngine

log = logging.getLogger("hopx_local.agent")


class Agent:
    def __init__(self, config: AgentConfig, environ: Mapping[str, str] | None = None) -> None:
        self.config = config
        self.started_at = time.time()
        self.env = EnvStore(os.environ if environ is None else environ, home=str(config.home))
        self.oom = OomScore(config.child_oom_score_adj)
        self.kernel: PythonKernel | None = None
        if config.template in KERNEL_TEMPLATES:
            self.kernel = PythonKernel(
                python=config.interpreters.python,
                runtime_dir=os.path.join(str(config.caches), "jupyter-runtime"),
                capture_limit=config.capture_limit,
                oom=self.oom,
            )
        self.kernel_error: str | None = None
        self.executor = Executor(config, self.env, self.kernel, self.oom)
        self.events = EventBus()
        self.background = BackgroundRegistry(self._process_started, self._process_exited)
        self.policy = PathPolicy(
            WORKSPACE, config.allowed_roots, config.real_path, hidden=config.hidden_paths
        )
        self.files = FileService(
            self.policy,
            read_limit=config.read_limit,
            write_limit=config.write_limit,
            transfer_limit=config.transfer_limit,
        )
        self.caches = BuildCaches(config.caches)
        self.counters = Counters()
        self.metrics = Metrics(config.workspace, self.counters, self._execution_counts)
        self.verifier: TokenVerifier | None = None
        if config.key_file is not None:
            self.verifier = TokenVerifier(read_key(config.key_file), config.sandbox_id)
        self.active_streams = 0
        self._tasks: set[asyncio.Task[Any]] = set()
        self._versions: dict[str, str] | None = None
        self.desktop: DesktopEngine | None = None
        """The desktop template's display, started with the agent (``startup``)."""

    # ------------------------------------------------------------------ helpers
    def _execution_counts(self) -> tuple[int, int]:
        return self.executor.total, self.executor.active

    def _process_started(self, entry: BackgroundProcess) -> None:
        self.events.publish(
            "process.started",
            {"process_id": entry.process_id, "execution_id": entry.execution_id,
             "status": entry.status, **({"language": entry.language} if entry.language else {})},
        )  # fmt: skip

    def _process_exited(self, entry: BackgroundProcess) -> None:
        self.events.publish(
            "process.exited",
            {"process_id": entry.process_id, "execution_id": entry.execution_id,
             "status": entry.status, "exit_code": entry.exit_code},
        )  # fmt: skip

    def spawn_task(self, coroutine: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        """Run ``coroutine`` in the background, keeping a reference until it ends."""
        task = asyncio.get_running_loop().create_task(coroutine)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    @property
    def healthy(self) -> str:
        if self.kernel is not None and (self.kernel_error or self.kernel.state == "dead"):
            return "degraded"
        return "healthy"

    async def versions(self) -> dict[str, str]:
        """node and go versions, asked once (each start costs ~0.1 s)."""
        if self._versions is None:
            found: dict[str, str] = {}
            tools = self.config.interpreters
            for key, argv in (
                ("node_version", [tools.node, "--version"]),
                ("go_version", [tools.go, "version"]),
            ):
                try:
                    child = Child(
                        argv,
                        env=self.env.for_process(),
                        cwd="/",
                        capture=lambda: BoundedCapture(4096),
                    )
                except OSError:
                    continue
                words = (await child.wait(10)).stdout.split()
                if key == "go_version" and len(words) >= 3:
                    found[key] = words[2]
                elif words:
                    found[key] = words[0]
            self._versions = found
        return self._versions

    # ---------------------------------------------------------------- lifecycle
    async def start_kernel(self) -> None:
        if self.kernel is None:
            return
        try:
            await self.kernel.ensure_started(self.env.for_process(), str(self.config.workspace))
        except Exception as exc:
            self.kernel_error = str(exc)
            log.warning("Jupyter kernel failed to start: %s", exc)

    async def startup(self) -> None:
        if self.kernel is not None and self.config.kernel_start == "background":
            self.spawn_task(self.start_kernel())
        if self.config.template == "desktop":
            from .desktop.startup import start_desktop

            await start_desktop(self)

    async def shutdown(self) -> None:
        self.background.kill_all()
        for task in list(self._tasks):
            task.cancel()
        if self.kernel is not None:
            await self.kernel.shutdown()
        if self.desktop is not None:
            await self.desktop.close()
