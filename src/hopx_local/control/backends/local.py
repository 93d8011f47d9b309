"""LocalBackend: sandboxes on this host, run by ``hopx_local.runtime``.

Binds the agent's loopback port and hands it to the agent as an inherited listening socket
(the agent serves it directly, no relay in between); writes the token key (and a desktop's VNC
endpoint) into the sandbox's run directory; starts the sandbox and returns once the agent
answers /health. A desktop's VNC port is a relay to the VNC server's unix socket, open while the
sandbox runs.
"""

from __future__ import annotations

import contextlib
import logging
import os
import socket
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import attrs

from hopx_local.control.agent_probe import AgentNotHealthy, wait_until_healthy
from hopx_local.control.backend import (
    LOCAL_NODE_ID,
    LaunchRequest,
    NodeCapacity,
    SandboxExit,
    SandboxHandle,
)
from hopx_local.control.backends.agent_command import agent_spec
from hopx_local.control.capacity import MIB, HostBudget, HostCapacity
from hopx_local.control.config import ControlPlaneConfig
from hopx_local.control.domain_errors import (
    BackendFailure,
    HostUnusable,
    LaunchFailed,
    ResourceExhausted,
    SandboxGone,
)
from hopx_local.control.network_policy import policy_from_record
from hopx_local.control.paused_port import PausedPortAnswer
from hopx_local.control.ports import NoFreePort, bind_agent_port
from hopx_local.control.relay import AgentRelay
from hopx_local.control.unix_socket import connect as connect_unix
from hopx_local.control.unix_socket import listen_at
from hopx_local.control.vnc_endpoint import publish_vnc_endpoint, vnc_socket, vnc_websocket_url
from hopx_local.runtime import (
    HostDependencyError,
    InvalidSandboxSpecError,
    ResourceUsage,
    Runtime,
    SandboxNotFoundError,
    SandboxPaths,
    SandboxProcess,
    SandboxRuntimeError,
    prepare_root_dir,
    write_sandbox_file,
)

log = logging.getLogger("hopx_local.backends.local")

SANDBOX_ID_PREFIX = "sbx_"
_LOG_TAIL_BYTES = 2000


@attrs.define
class _Running:
    """What exists only while a sandbox runs."""

    request: LaunchRequest
    process: SandboxProcess
    vnc_relay: AgentRelay | None = None
    """Desktop sandboxes: the host loopback port relayed to the VNC server's socket."""
    paused_answer: PausedPortAnswer | None = None
    """Our descriptor of the agent port: answers 409 while the sandbox is paused."""

    async def close_relays(self) -> None:
        if self.paused_answer is not None:
            self.paused_answer.close()
        if self.vnc_relay is not None:
            relay, self.vnc_relay = self.vnc_relay, None
            await relay.close()


class LocalBackend:
    """Runs sandboxes on this host; see the module docstring."""

    def __init__(
        self, config: ControlPlaneConfig, runtime: Runtime, node_id: str = LOCAL_NODE_ID
    ) -> None:
        self.config = config
        self.runtime = runtime
        self.node_id = node_id
        self._running: dict[str, _Running] = {}
        budget = HostBudget.of_host(memory_mb=config.sandbox_memory_mb, pids=config.sandbox_pids)
        self.host_capacity = HostCapacity(runtime.cgroups, budget)

    def root_dir(self, sandbox_id: str) -> Path:
        return self.config.sandboxes_dir / sandbox_id

    # ------------------------------------------------------------ server lifecycle
    async def recover(self, known: Mapping[str, str]) -> None:
        try:
            self.host_capacity.apply()  # one cap for all sandboxes together
        except SandboxRuntimeError as exc:
            log.warning("could not cap the sandboxes' parent cgroup: %s", exc)
        for root_dir in self._sandbox_dirs():
            if root_dir.name not in known:
                log.info("destroying %s: a sandbox without a record (pooled)", root_dir.name)
                try:
                    await self.runtime.destroy(root_dir.name, root_dir)
                except SandboxRuntimeError as exc:
                    log.warning("could not destroy %s: %s", root_dir.name, exc)
        for sandbox_id in sorted(known):  # a killed server leaves paused ones frozen
            if known[sandbox_id] != self.node_id:  # on another node of a cluster
                continue
            try:
                await self.runtime.reap(sandbox_id)
            except SandboxRuntimeError as exc:
                log.warning("could not reap what is left of %s: %s", sandbox_id, exc)

    def _sandbox_dirs(self) -> list[Path]:
        try:
            entries = list(self.config.sandboxes_dir.iterdir())
        except FileNotFoundError:
            return []
        return [
            path for path in entries if path.name.startswith(SANDBOX_ID_PREFIX) and path.is_dir()
        ]

    async def close(self) -> None:
        for running in list(self._running.values()):
            await running.close_relays()
        self._running.clear()
        await self.runtime.close()

    # ----------------------------------------------------------------- launch
    async def launch(self, request: LaunchRequest) -> SandboxHandle:
        self.host_capacity.admit(request.memory_mb, request.pids_max)
        try:
            listener = bind_agent_port(
                self.config.relay_host,
                preferred=request.preferred_port,
                reserved=request.reserved_ports,
            )
        except NoFreePort as exc:
            raise ResourceExhausted(f"No free port for the agent: {exc}") from None
        port: int = listener.getsockname()[1]
        vnc_listener: socket.socket | None = None
        template = request.template
        if template is not None and template.vnc_relay:
            try:
                vnc_listener = bind_agent_port(
                    self.config.relay_host,
                    preferred=None,
                    reserved=request.reserved_ports | {port},
                )
            except NoFreePort as exc:
                listener.close()
                raise ResourceExhausted(f"No free port for VNC: {exc}") from None
        try:
            running = await self._start(request, listener, vnc_listener)
        except BaseException:
            listener.close()
            if vnc_listener is not None:
                vnc_listener.close()
            raise
        self._running[request.sandbox_id] = running
        return SandboxHandle(request.sandbox_id, self.node_id, self.config.relay_host, port)

    async def _start(
        self,
        request: LaunchRequest,
        listener: socket.socket,
        vnc_listener: socket.socket | None,
    ) -> _Running:
        sandbox_id = request.sandbox_id
        port = listener.getsockname()[1]
        root_dir = self.root_dir(sandbox_id)
        started = time.perf_counter()
        agent_listener: socket.socket | None = None
        try:
            paths = prepare_root_dir(root_dir, request.uid)
            # Ours is closed once the agent holds it (finally): a probe then fails fast if the
            # agent dies, instead of waiting on a socket nobody will ever accept from.
            agent_listener = listen_at(paths.agent_socket)
            # Where earlier versions had the agent bind it, visible inside (dead now).
            with contextlib.suppress(OSError):
                (paths.run / "agent.sock").unlink()
            spec = agent_spec(
                self.config, request, root_dir, listener.fileno(), agent_listener.fileno()
            )
            write_sandbox_file(paths.run / "token.key", request.secret, uid=spec.uid, mode=0o400)
            if vnc_listener is not None:
                host, vnc_port = vnc_listener.getsockname()[:2]
                publish_vnc_endpoint(
                    paths.run,
                    host,
                    vnc_port,
                    uid=spec.uid,
                    websocket_url=vnc_websocket_url(self.config.base_url, sandbox_id),
                )
            process = await self.runtime.start(spec)
            # The agent serves the port itself from now on (no relay in between); our copy
            # answers only while the sandbox is paused, and is closed when it stops.
            paused_answer = PausedPortAnswer(listener, sandbox_id)
        except HostDependencyError as exc:
            raise HostUnusable(f"The host cannot run sandboxes: {exc}") from None
        except (InvalidSandboxSpecError, SandboxRuntimeError, OSError) as exc:
            log.warning("sandbox %s could not be started: %r", sandbox_id, exc)
            raise LaunchFailed(
                f"Sandbox '{sandbox_id}' could not be started: {exc}",
                sandbox_id=sandbox_id,
                log_tail=log_tail(SandboxPaths(root_dir).log),
            ) from None
        finally:
            if agent_listener is not None:
                agent_listener.close()
        try:
            await wait_until_healthy(
                paths.agent_socket,
                timeout=self.config.agent_start_timeout,
                still_alive=lambda: process.returncode is None,
            )
        except AgentNotHealthy as exc:
            with contextlib.suppress(SandboxRuntimeError):
                await self.runtime.stop(sandbox_id)
            raise LaunchFailed(
                f"Sandbox '{sandbox_id}' could not be started: {exc}.",
                sandbox_id=sandbox_id,
                exit_status=process.returncode,
                log_tail=log_tail(process.log_path),
            ) from None
        except BaseException:
            with contextlib.suppress(SandboxRuntimeError):
                await self.runtime.stop(sandbox_id)
            raise
        vnc_relay: AgentRelay | None = None
        if vnc_listener is not None:
            vnc_relay = AgentRelay(vnc_listener, vnc_socket(paths.run))
            await vnc_relay.start()
        log.info(
            "sandbox %s (%s) healthy in %.1f ms on port %d",
            sandbox_id,
            request.template.name if request.template is not None else "?",
            (time.perf_counter() - started) * 1000,
            port,
        )
        return _Running(request, process, vnc_relay=vnc_relay, paused_answer=paused_answer)

    # -------------------------------------------------------------- queries
    def nodes(self) -> list[str]:
        return [self.node_id]

    def on_nodes_changed(self, listener: Callable[[], None]) -> None:
        """This host is the only node; it never changes."""

    def is_alive(self, sandbox_id: str) -> bool:
        running = self._running.get(sandbox_id)
        return running is not None and running.process.returncode is None

    async def wait(self, sandbox_id: str) -> SandboxExit:
        running = self._running.get(sandbox_id)
        if running is None:
            raise SandboxGone(sandbox_id)
        status = await running.process.wait()
        return SandboxExit(status, log_tail(running.process.log_path))

    async def usage(self, sandbox_id: str) -> ResourceUsage:
        try:
            return self.runtime.usage(sandbox_id)
        except SandboxNotFoundError:
            raise SandboxGone(sandbox_id) from None

    async def capacity(self) -> list[NodeCapacity]:
        requests = [running.request for running in self._running.values()]
        total, available = _memory_mb()
        used = self.host_capacity.usage()
        budget = self.host_capacity.budget
        return [
            NodeCapacity(
                node_id=self.node_id,
                sandboxes=len(requests),
                vcpu_committed=sum(request.vcpu for request in requests),
                memory_mb_committed=sum(request.memory_mb for request in requests),
                cpus=os.cpu_count() or 1,
                memory_mb_total=total,
                memory_mb_available=available,
                memory_mb_limit=budget.memory_bytes // MIB,
                memory_mb_used=used.memory_bytes // MIB,
                pids_limit=budget.pids,
                pids_used=used.pids,
            )
        ]

    # ------------------------------------------------------------ transitions
    async def pause(self, sandbox_id: str) -> None:
        await self._runtime_call(sandbox_id, "pause")
        running = self._running.get(sandbox_id)
        if running is not None and running.paused_answer is not None:
            await running.paused_answer.start()

    async def resume(self, sandbox_id: str) -> None:
        running = self._running.get(sandbox_id)
        if running is not None and running.paused_answer is not None:
            running.paused_answer.stop()
        await self._runtime_call(sandbox_id, "resume")

    async def _runtime_call(self, sandbox_id: str, action: str) -> None:
        call = self.runtime.pause if action == "pause" else self.runtime.resume
        try:
            await call(sandbox_id)
        except SandboxNotFoundError:
            raise SandboxGone(sandbox_id) from None
        except SandboxRuntimeError as exc:
            raise BackendFailure(
                f"The runtime failed on sandbox '{sandbox_id}': {exc}", sandbox_id=sandbox_id
            ) from None

    async def update_network(self, sandbox_id: str, policy: Mapping[str, Any] | None) -> None:
        try:
            await self.runtime.set_network_policy(sandbox_id, policy_from_record(policy))
        except SandboxNotFoundError:
            raise SandboxGone(sandbox_id) from None
        except SandboxRuntimeError as exc:
            raise BackendFailure(
                f"Could not change the network of sandbox '{sandbox_id}': {exc}",
                sandbox_id=sandbox_id,
            ) from None

    async def stop(self, sandbox_id: str) -> None:
        running = self._running.pop(sandbox_id, None)
        if running is not None:
            await running.close_relays()
        try:
            await self.runtime.stop(sandbox_id)
        except SandboxNotFoundError:
            pass
        except SandboxRuntimeError as exc:
            raise BackendFailure(
                f"Could not stop sandbox '{sandbox_id}': {exc}", sandbox_id=sandbox_id
            ) from None

    async def destroy(self, sandbox_id: str) -> None:
        running = self._running.pop(sandbox_id, None)
        if running is not None:
            await running.close_relays()
        try:
            await self.runtime.destroy(sandbox_id, self.root_dir(sandbox_id))
        except SandboxRuntimeError as exc:
            raise BackendFailure(
                f"Could not destroy sandbox '{sandbox_id}': {exc}", sandbox_id=sandbox_id
            ) from None

    # ------------------------------------------------------------ connections
    async def connect_port(self, sandbox_id: str, port: int) -> socket.socket:
        try:
            return await self.runtime.connect_in_sandbox(sandbox_id, port)
        except SandboxNotFoundError:
            raise SandboxGone(sandbox_id) from None

    async def connect_agent(self, sandbox_id: str) -> socket.socket:
        return await connect_unix(SandboxPaths(self.root_dir(sandbox_id)).agent_socket)

    async def connect_vnc(self, sandbox_id: str) -> socket.socket:
        return await connect_unix(vnc_socket(SandboxPaths(self.root_dir(sandbox_id)).run))


def log_tail(path: Path) -> str:
    try:
        with path.open("rb") as file:
            file.seek(0, 2)
            file.seek(max(0, file.tell() - _LOG_TAIL_BYTES))
            return file.read().decode(errors="replace").strip()
    except OSError:
        return ""


def _memory_mb() -> tuple[int, int]:
    """(MemTotal, MemAvailable) of this host in MiB."""
    values: dict[str, int] = {}
    with contextlib.suppress(OSError), open("/proc/meminfo") as meminfo:
        for line in meminfo:
            name, _, rest = line.partition(":")
            if name in ("MemTotal", "MemAvailable"):
                values[name] = int(rest.split()[0]) // 1024
    return values.get("MemTotal", 0), values.get("MemAvailable", 0)
