"""Sandbox lifecycle on top of the runtime: create, pause/resume, stop/start, delete, timeouts.

State lives in the store; what only exists while a sandbox runs (its process, and a desktop's
VNC relay) lives in ``_live``. The agent port is bound here and inherited by the agent, which
serves it directly. Every lifecycle action on one sandbox holds that sandbox's
lock, so concurrent requests see whole transitions only.

Restart policy: bwrap runs with --die-with-parent, so sandboxes end with the server. On start,
sandboxes the previous server left running or paused are marked ``stopped`` (files kept);
``startSandbox`` brings them back. Deadlines keep counting while the server is down; those
passed meanwhile are enforced right after start.

Warm pool (``config.warm_pool``): idle sandboxes of the pooled templates, already started and
healthy, with their own id, uid, port, secret and cgroups, but no record in the store (so not
listed, 404 to every call, not counted by ``max_sandboxes``). A create with matching template
and ``internet_access`` takes one, pushes its ``env_vars`` through the agent's ``PATCH /env``,
and only then stores the record. Pooled sandboxes are destroyed at shutdown; a sandbox
directory without a record found at start (a pooled one of a server that died) is destroyed.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import secrets
import socket
import string
import time
from collections import defaultdict
from collections.abc import Coroutine, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import attrs

from hopx_local.control import errors
from hopx_local.control.agent_env import AgentEnvError, update_agent_env
from hopx_local.control.agent_probe import AgentNotHealthy, wait_until_healthy
from hopx_local.control.catalog import TemplateDefinition
from hopx_local.control.config import (
    SANDBOX_OPENAPI,
    SANDBOX_SITE_PACKAGES,
    SANDBOX_SPEC_CACHE,
    SANDBOX_SRC,
    ControlPlaneConfig,
)
from hopx_local.control.deadlines import Deadlines
from hopx_local.control.host_uids import uids_in_use
from hopx_local.control.ports import NoFreePort, bind_agent_port
from hopx_local.control.relay import AgentRelay
from hopx_local.control.store import SandboxRecord, Store
from hopx_local.control.timeutil import now_us
from hopx_local.control.tokens import new_secret, sign_token
from hopx_local.control.vnc_endpoint import publish_vnc_endpoint, vnc_socket, vnc_websocket_url
from hopx_local.control.warm_pool import PoolKey, WarmPool
from hopx_local.runtime import (
    UID_RANGE,
    HostDependencyError,
    InvalidSandboxSpecError,
    RootfsTree,
    Runtime,
    SandboxNotFoundError,
    SandboxPaths,
    SandboxProcess,
    SandboxRuntimeError,
    SandboxSpec,
    allocate_uid,
    prepare_root_dir,
    write_sandbox_file,
)
from hopx_local.spec_server import ApiError

log = logging.getLogger("hopx_local.sandboxes")

REGION = "local"
SANDBOX_ID_PREFIX = "sbx_"
_ID_ALPHABET = string.ascii_lowercase + string.digits
_ACTIVE = ("creating", "running", "paused")
_LOG_TAIL_BYTES = 2000

POOLED_TEMPLATES = ("base", "code-interpreter")
# Variables read only when a process starts (interpreter, loader, locale, the agent's own
# HOME/PATH/TMPDIR, the kernel's start-up): a pooled agent started without them, so a create
# that sets one takes the normal path, where they are in the agent's environment from the start.
_START_TIME_ENV = re.compile(
    r"^(PYTHON|LD_|LC_|JUPYTER|IPYTHON|MPL|MALLOC_|OMP_|HOPX_)|^(LANG|LANGUAGE|TZ|HOME|PATH|TMPDIR)$"
)
_ENV_PUSH_TIMEOUT = 5.0

AGENT_SOCKET_INSIDE = "/run/hopx/agent.sock"
TOKEN_KEY_INSIDE = "/run/hopx/token.key"
AGENT_PYTHONPATH = f"{SANDBOX_SRC}:{SANDBOX_SITE_PACKAGES}"
# The agent runs isolated (-I: no PYTHON* variables, no user site): env_vars such as
# PYTHONHOME or PYTHONWARNINGS=error are for the user's code and must not break the agent.
# It finds its own code through this path; PYTHONPATH (set too) is for the user's code.
AGENT_BOOTSTRAP = (
    f"import runpy, sys; sys.path[:0] = {[SANDBOX_SRC, SANDBOX_SITE_PACKAGES]!r}; "
    "runpy.run_module('hopx_local.agent', run_name='__main__', alter_sys=True)"
)


def _rootfs(template: TemplateDefinition | None) -> tuple[RootfsTree, ...]:
    """The template's layers as one tree at /; () for the built-in ones (the host's system)."""
    if template is None or not template.layers:
        return ()
    return (RootfsTree("/", tuple(Path(layer) for layer in template.layers)),)


def new_sandbox_id() -> str:
    return SANDBOX_ID_PREFIX + "".join(secrets.choice(_ID_ALPHABET) for _ in range(16))


def _hint(action: str, status: str) -> str:
    if status == "error":
        return "It failed to start; delete it and create a new one."
    if status == "creating":
        return "It is still being created; retry in a moment."
    already = {"pause": "paused", "resume": "running", "start": "running", "stop": "stopped"}
    if already.get(action) == status:
        return f"It is already {status}."
    if action in ("pause", "stop") and status == "stopped":
        return "Start it first."
    if action == "start" and status == "paused":
        return "Resume it instead."
    return ""


@attrs.define
class _Live:
    """What exists only while a sandbox runs."""

    process: SandboxProcess
    watcher: asyncio.Task[None] | None = None
    stopping: bool = False
    vnc_relay: AgentRelay | None = None
    """Desktop sandboxes: the host loopback port relayed to the VNC server's socket."""

    async def close_relays(self) -> None:
        if self.vnc_relay is not None:
            await self.vnc_relay.close()


@attrs.define
class _Pooled:
    """An idle sandbox of the warm pool: started and healthy, not in the store."""

    record: SandboxRecord
    live: _Live


class SandboxManager:
    def __init__(
        self,
        config: ControlPlaneConfig,
        store: Store,
        runtime: Runtime,
        pooled_templates: Iterable[TemplateDefinition] = (),
    ) -> None:
        self.config = config
        self.store = store
        self.runtime = runtime
        self.deadlines = Deadlines(self._expire)
        self._live: dict[str, _Live] = {}
        self._locks: defaultdict[str, asyncio.Lock] = defaultdict(asyncio.Lock)
        self._pooled_templates = {template.name: template for template in pooled_templates}
        self._reserved_uids: set[int] = set()
        """uids of pooled sandboxes (not in the store yet)."""
        self._starting = 0
        """Sandboxes being started outside the pool (the pool does not refill meanwhile)."""
        self.pool: WarmPool[_Pooled] = WarmPool(
            (
                PoolKey(name, internet)
                for name in self._pooled_templates
                for internet in (True, False)
            ),
            config.warm_pool,
            boot=self._boot_pooled,
            discard=self._discard_pooled,
            alive=lambda pooled: pooled.live.process.returncode is None,
            busy=lambda: self._starting > 0,
        )

    # ------------------------------------------------------------ server lifecycle
    async def recover(self) -> None:
        """Adopt the records of the previous server: mark survivors stopped, re-arm deadlines;
        destroy sandbox directories without a record (pooled sandboxes of a server that died)."""
        records = self.store.sandboxes()
        known = {record.id for record in records}
        for root_dir in self._sandbox_dirs():
            if root_dir.name not in known:
                log.info("destroying %s: a sandbox without a record (pooled)", root_dir.name)
                try:
                    await self.runtime.destroy(root_dir.name, root_dir)
                except SandboxRuntimeError as exc:
                    log.warning("could not destroy %s: %s", root_dir.name, exc)
        for record in records:
            if record.status in _ACTIVE:
                previous = record.status
                record.status = "stopped"
                record.error = None
                self.store.update_sandbox(record)
                log.info("sandbox %s was %s before the restart; now stopped", record.id, previous)
            self.deadlines.set(record.id, record.expires_us)

    def start_pool(self) -> None:
        """Start filling the warm pool in the background (after ``recover``)."""
        self.pool.start()

    def _sandbox_dirs(self) -> list[Path]:
        try:
            entries = list(self.config.sandboxes_dir.iterdir())
        except FileNotFoundError:
            return []
        return [
            path for path in entries if path.name.startswith(SANDBOX_ID_PREFIX) and path.is_dir()
        ]

    async def close(self) -> None:
        """Destroy the pool's sandboxes; stop every running sandbox (records and files stay),
        cancel timers."""
        await self.pool.close()
        await self.deadlines.close()
        await asyncio.gather(
            *(self._shutdown_one(sandbox_id) for sandbox_id in list(self._live)),
            return_exceptions=True,
        )
        await self.runtime.close()

    async def _shutdown_one(self, sandbox_id: str) -> None:
        async with self._locks[sandbox_id]:
            await self._halt(sandbox_id)
            record = self.store.sandbox(sandbox_id)
            if record is not None and record.status in _ACTIVE:
                record.status = "stopped"
                self.store.update_sandbox(record)

    # ----------------------------------------------------------------- queries
    def get(self, sandbox_id: str) -> SandboxRecord:
        record = self.store.sandbox(sandbox_id)
        if record is None:
            raise errors.sandbox_not_found(sandbox_id)
        return record

    def issue_token(self, sandbox_id: str) -> tuple[str, int]:
        """A new agent JWT (and its expiry, epoch seconds) for the sandbox."""
        record = self.get(sandbox_id)
        return sign_token(record.secret, record.id)

    def root_dir(self, sandbox_id: str) -> Path:
        return self.config.sandboxes_dir / sandbox_id

    # ----------------------------------------------------------------- create
    async def create(
        self,
        *,
        template: TemplateDefinition,
        env_vars: Mapping[str, str],
        internet_access: bool,
        timeout_seconds: int | None,
    ) -> SandboxRecord:
        existing = self.store.count_sandboxes()
        if existing >= self.config.max_sandboxes:
            limit = self.config.max_sandboxes
            raise ApiError(
                403,
                "resource_limit",
                f"Sandbox limit reached ({existing} of {limit} sandboxes); delete sandboxes "
                "you no longer need, or start hopx-local with a higher --max-sandboxes.",
                {"limit": limit, "current": existing, "available": 0, "upgrade_url": None},
            )
        pooled = await self._create_from_pool(
            template=template,
            env_vars=env_vars,
            internet_access=internet_access,
            timeout_seconds=timeout_seconds,
        )
        if pooled is not None:
            return pooled
        # No await between allocating the uid/port and saving them: no double allocation.
        record, listener = self._allocate(template, internet_access)
        record.env_vars = dict(env_vars)
        _set_times(record, timeout_seconds)
        async with self._locks[record.id]:
            try:
                self.store.insert_sandbox(record)
            except BaseException:
                listener.close()
                raise
            self.deadlines.set(record.id, record.expires_us)
            try:
                with self._starting_outside_pool():
                    live = await self._launch(record, listener)
            except ApiError as failure:
                record.status = "error"
                record.error = failure.message
                self.store.update_sandbox(record)
                raise
            self._adopt(record.id, live)
            record.status = "running"
            self.store.update_sandbox(record)
            return record

    def _allocate(
        self, template: TemplateDefinition, internet_access: bool
    ) -> tuple[SandboxRecord, socket.socket]:
        """A new record (status creating, no env_vars, no timeout) with a free uid and a bound
        port. Save or reserve the uid before the next await: no double allocation."""
        try:
            uid = allocate_uid(
                self.store.used_uids() | self._reserved_uids | uids_in_use(UID_RANGE)
            )
            listener = bind_agent_port(
                self.config.relay_host, preferred=None, reserved=self.store.used_ports()
            )
        except (SandboxRuntimeError, NoFreePort) as exc:
            raise errors.service_unavailable(f"No capacity for a new sandbox: {exc}") from None
        record = SandboxRecord(
            id=new_sandbox_id(),
            template_id=template.id,
            template_name=template.name,
            status="creating",
            region=REGION,
            uid=uid,
            port=listener.getsockname()[1],
            secret=new_secret(),
            env_vars={},
            internet_access=internet_access,
            vcpu=template.default_resources.vcpu,
            memory_mb=template.default_resources.memory_mb,
            disk_mb=template.default_resources.disk_gb * 1024,
            pids_max=template.pids_max,
            agent_flavour=template.agent_flavour,
            timeout_seconds=None,
            expires_us=None,
            created_us=now_us(),
        )
        return record, listener

    @contextlib.contextmanager
    def _starting_outside_pool(self) -> Iterator[None]:
        self._starting += 1
        try:
            yield
        finally:
            self._starting -= 1
            if not self._starting:
                self.pool.wake()

    # ------------------------------------------------------------- warm pool
    async def _create_from_pool(
        self,
        *,
        template: TemplateDefinition,
        env_vars: Mapping[str, str],
        internet_access: bool,
        timeout_seconds: int | None,
    ) -> SandboxRecord | None:
        """A create served by an idle pooled sandbox, or None (no match, none idle, failed)."""
        if self._pooled_templates.get(template.name) != template:
            return None
        if any(_START_TIME_ENV.match(name) for name in env_vars):
            return None
        pooled = self.pool.take(PoolKey(template.name, internet_access))
        if pooled is None:
            return None
        record = pooled.record
        if env_vars:
            try:
                await self._push_env(record, env_vars)
            except AgentEnvError as exc:
                log.warning("pooled sandbox %s refused env_vars (%s); not used", record.id, exc)
                self.pool.discard(pooled)
                return None
            except BaseException:
                self.pool.discard(pooled)
                raise
        record.env_vars = dict(env_vars)
        record.status = "running"
        _set_times(record, timeout_seconds)
        self.store.insert_sandbox(record)
        self._reserved_uids.discard(record.uid)
        self._adopt(record.id, pooled.live)
        self.deadlines.set(record.id, record.expires_us)
        log.info("sandbox %s (%s) served from the warm pool", record.id, record.template_name)
        return record

    async def _boot_pooled(self, key: PoolKey) -> _Pooled:
        template = self._pooled_templates[key.template_name]
        record, listener = self._allocate(template, key.internet_access)
        self._reserved_uids.add(record.uid)
        live: _Live | None = None
        try:
            live = await self._launch(record, listener)
            # Warm-up: the agent's first request with a body imports and compiles its request
            # validation (~0.15 s); pay that here, not in the user's first call.
            await self._push_env(record, {})
        except BaseException:
            self._reserved_uids.discard(record.uid)
            if live is not None:
                live.stopping = True
                await live.close_relays()
            with contextlib.suppress(SandboxRuntimeError):
                await self.runtime.destroy(record.id, self.root_dir(record.id))
            raise
        record.status = "running"
        log.info(
            "warm pool: sandbox %s ready (template %s, internet_access %s)",
            record.id,
            key.template_name,
            str(key.internet_access).lower(),
        )
        return _Pooled(record, live)

    async def _push_env(self, record: SandboxRecord, env_vars: Mapping[str, str]) -> None:
        """PATCH /env on the sandbox's agent (AgentEnvError when it does not answer 200)."""
        token, _ = sign_token(record.secret, record.id)
        socket_path = SandboxPaths(self.root_dir(record.id)).agent_socket
        await update_agent_env(socket_path, token, env_vars, timeout=_ENV_PUSH_TIMEOUT)

    async def _discard_pooled(self, pooled: _Pooled) -> None:
        pooled.live.stopping = True
        await pooled.live.close_relays()
        try:
            await self.runtime.destroy(pooled.record.id, self.root_dir(pooled.record.id))
        finally:
            self._reserved_uids.discard(pooled.record.uid)

    # ------------------------------------------------------------ transitions
    async def pause(self, sandbox_id: str) -> SandboxRecord:
        async with self._locks[sandbox_id]:
            record = self._require(sandbox_id, "pause", ("running",))
            await self._runtime_call(record, self.runtime.pause(sandbox_id))
            record.status = "paused"
            self.store.update_sandbox(record)
            return record

    async def resume(self, sandbox_id: str) -> SandboxRecord:
        async with self._locks[sandbox_id]:
            record = self._require(sandbox_id, "resume", ("paused",))
            await self._runtime_call(record, self.runtime.resume(sandbox_id))
            record.status = "running"
            self.store.update_sandbox(record)
            return record

    async def stop(self, sandbox_id: str) -> SandboxRecord:
        async with self._locks[sandbox_id]:
            record = self._require(sandbox_id, "stop", ("running", "paused"))
            await self._halt(sandbox_id)
            record.status = "stopped"
            self.store.update_sandbox(record)
            return record

    async def start(self, sandbox_id: str) -> SandboxRecord:
        async with self._locks[sandbox_id]:
            record = self._require(sandbox_id, "start", ("stopped",))
            others = self.store.used_ports() - {record.port}
            try:
                listener = bind_agent_port(
                    self.config.relay_host, preferred=record.port, reserved=others
                )
            except NoFreePort as exc:
                raise errors.service_unavailable(f"No free port for the agent: {exc}") from None
            record.port = listener.getsockname()[1]
            record.error = None
            with self._starting_outside_pool():
                live = await self._launch(record, listener)  # failure: stays stopped, files kept
            self._adopt(record.id, live)
            record.status = "running"
            self.store.update_sandbox(record)
            return record

    async def delete(self, sandbox_id: str) -> SandboxRecord:
        async with self._locks[sandbox_id]:
            record = self.get(sandbox_id)
            await self._halt(sandbox_id)
            try:
                await self.runtime.destroy(sandbox_id, self.root_dir(sandbox_id))
            except SandboxRuntimeError as exc:
                raise errors.internal_error(
                    f"Could not destroy sandbox '{sandbox_id}': {exc}", sandbox_id=sandbox_id
                ) from None
            self.deadlines.cancel(sandbox_id)
            self.store.delete_sandbox(sandbox_id)
            record.status = "stopped"
        self._locks.pop(sandbox_id, None)
        return record

    def set_timeout(self, sandbox_id: str, seconds: int) -> SandboxRecord:
        record = self.get(sandbox_id)
        record.timeout_seconds = seconds
        record.expires_us = now_us() + seconds * 1_000_000
        self.store.update_sandbox(record)
        self.deadlines.set(sandbox_id, record.expires_us)
        return record

    async def _expire(self, sandbox_id: str) -> None:
        record = self.store.sandbox(sandbox_id)
        if record is None or record.expires_us is None:
            return  # deleted meanwhile
        if record.expires_us > now_us():
            self.deadlines.set(sandbox_id, record.expires_us)  # moved, or the timer was early
            return
        log.info("sandbox %s reached its timeout; deleting it", sandbox_id)
        with contextlib.suppress(ApiError):
            await self.delete(sandbox_id)

    # ------------------------------------------------------------- preview
    def require_running(self, sandbox_id: str) -> SandboxRecord:
        """The sandbox, if it is running (404 unknown, 409 in another status)."""
        record = self.get(sandbox_id)
        if record.status != "running":
            raise errors.invalid_transition(
                sandbox_id,
                "reach a port of",
                record.status,
                ("running",),
                _hint("reach", record.status),
            )
        return record

    async def open_port(
        self, sandbox_id: str, port: int
    ) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
        """A TCP connection to 127.0.0.1:port inside a running sandbox."""
        return await asyncio.open_connection(sock=await self.connect_port(sandbox_id, port))

    async def connect_port(self, sandbox_id: str, port: int) -> socket.socket:
        """:meth:`open_port` as a connected non-blocking socket."""
        self.require_running(sandbox_id)
        try:
            return await self.runtime.connect_in_sandbox(sandbox_id, port)
        except SandboxNotFoundError:
            raise errors.invalid_transition(
                sandbox_id, "reach a port of", "stopped", ("running",)
            ) from None

    # ------------------------------------------------------------- internals
    def _require(self, sandbox_id: str, action: str, allowed: tuple[str, ...]) -> SandboxRecord:
        record = self.get(sandbox_id)
        if record.status not in allowed:
            raise errors.invalid_transition(
                sandbox_id, action, record.status, allowed, _hint(action, record.status)
            )
        return record

    async def _runtime_call(self, record: SandboxRecord, call: Coroutine[Any, Any, None]) -> None:
        """Await a runtime coroutine; a sandbox that vanished underneath becomes ``stopped``."""
        try:
            await call
        except SandboxNotFoundError:
            await self._halt(record.id)
            record.status = "stopped"
            self.store.update_sandbox(record)
            raise ApiError(
                409,
                "conflict",
                f"Sandbox '{record.id}' is no longer running (its processes ended); "
                "it is now stopped. Start it again with POST /v1/sandboxes/{id}/start.",
                {"status": "stopped"},
            ) from None
        except SandboxRuntimeError as exc:
            raise errors.internal_error(
                f"The runtime failed on sandbox '{record.id}': {exc}", sandbox_id=record.id
            ) from None

    def _template_of(self, record: SandboxRecord) -> TemplateDefinition | None:
        """The sandbox's template (None if it was deleted since)."""
        for template in self.store.templates():
            if template.id == record.template_id:
                return template
        return None

    def _spec(
        self, record: SandboxRecord, template: TemplateDefinition | None, listener: socket.socket
    ) -> SandboxSpec:
        env = dict(template.sandbox_env) if template is not None else {}
        env.update(record.env_vars)
        user_path = env.get("PYTHONPATH")
        env["PYTHONPATH"] = f"{AGENT_PYTHONPATH}:{user_path}" if user_path else AGENT_PYTHONPATH
        # The agent lists these as its API variables (GET /env), as after PATCH /env.
        env["HOPX_ENV_KEYS"] = ",".join(record.env_vars)
        return SandboxSpec(
            sandbox_id=record.id,
            root_dir=self.root_dir(record.id),
            uid=record.uid,
            memory_mb=record.memory_mb,
            pids_max=record.pids_max,
            vcpu=float(record.vcpu),
            internet_access=record.internet_access,
            env=env,
            command=[
                "/usr/bin/python3",
                "-I",
                "-c",
                AGENT_BOOTSTRAP,
                "--socket",
                AGENT_SOCKET_INSIDE,
                "--template",
                record.agent_flavour,
                "--key-file",
                TOKEN_KEY_INSIDE,
                "--remove-key-file",
                "--sandbox-id",
                record.id,
                "--spec-cache",
                SANDBOX_SPEC_CACHE,
                "--listen-fd",
                str(listener.fileno()),
                "--kernel-start",
                template.kernel_start if template is not None else "lazy",
            ],
            pass_fds=(listener.fileno(),),
            rootfs=_rootfs(template),
            disk_mb=(
                record.disk_mb
                if self.config.disk_mb_limit is None
                else min(record.disk_mb, self.config.disk_mb_limit)
            ),
            extra_ro_binds=[
                (self.config.agent_src_dir, SANDBOX_SRC),
                (self.config.site_packages, SANDBOX_SITE_PACKAGES),
                (self.config.openapi_dir, SANDBOX_OPENAPI),
                (self.config.spec_cache_dir, SANDBOX_SPEC_CACHE),
                *_host_dirs(template),
            ],
        )

    async def _launch(self, record: SandboxRecord, listener: socket.socket) -> _Live:
        """Start the sandbox, wait for a healthy agent, open its port (and the VNC port of a
        desktop). ApiError on failure."""
        template = self._template_of(record)
        vnc_listener: socket.socket | None = None
        if template is not None and template.vnc_relay:
            try:
                vnc_listener = bind_agent_port(
                    self.config.relay_host, preferred=None, reserved=self.store.used_ports()
                )
            except NoFreePort as exc:
                listener.close()
                raise errors.service_unavailable(f"No free port for VNC: {exc}") from None
        try:
            live = await self._launch_agent(record, template, listener, vnc_listener)
        except BaseException:
            if vnc_listener is not None:
                vnc_listener.close()
            raise
        return live

    async def _launch_agent(
        self,
        record: SandboxRecord,
        template: TemplateDefinition | None,
        listener: socket.socket,
        vnc_listener: socket.socket | None,
    ) -> _Live:
        spec = self._spec(record, template, listener)
        started = time.perf_counter()
        try:
            paths = prepare_root_dir(spec.root_dir, spec.uid)
            write_sandbox_file(paths.run / "token.key", record.secret, uid=spec.uid, mode=0o400)
            if vnc_listener is not None:
                host, port = vnc_listener.getsockname()[:2]
                publish_vnc_endpoint(
                    paths.run,
                    host,
                    port,
                    uid=spec.uid,
                    websocket_url=vnc_websocket_url(self.config.base_url, record.id),
                )
            paths.agent_socket.unlink(missing_ok=True)
            process = await self.runtime.start(spec)
            # The agent serves the port itself from now on (no relay in between): our copy
            # goes, and the port is free again once the sandbox's processes are gone.
            listener.close()
        except HostDependencyError as exc:
            listener.close()
            raise errors.service_unavailable(f"The host cannot run sandboxes: {exc}") from None
        except (InvalidSandboxSpecError, SandboxRuntimeError, OSError) as exc:
            listener.close()
            log.warning("sandbox %s could not be started: %r", record.id, exc)
            raise errors.internal_error(
                f"Sandbox '{record.id}' could not be started: {exc}",
                sandbox_id=record.id,
                log_tail=_tail(SandboxPaths(spec.root_dir).log),
            ) from None
        try:
            await wait_until_healthy(
                paths.agent_socket,
                timeout=self.config.agent_start_timeout,
                still_alive=lambda: process.returncode is None,
            )
        except AgentNotHealthy as exc:
            listener.close()
            with contextlib.suppress(SandboxRuntimeError):
                await self.runtime.stop(record.id)
            raise errors.internal_error(
                f"Sandbox '{record.id}' could not be started: {exc}.",
                sandbox_id=record.id,
                exit_status=process.returncode,
                log_tail=_tail(process.log_path),
            ) from None
        except BaseException:
            listener.close()
            with contextlib.suppress(SandboxRuntimeError):
                await self.runtime.stop(record.id)
            raise
        vnc_relay: AgentRelay | None = None
        if vnc_listener is not None:
            vnc_relay = AgentRelay(vnc_listener, vnc_socket(paths.run))
            await vnc_relay.start()
        log.info(
            "sandbox %s (%s) healthy in %.1f ms on port %d",
            record.id,
            record.template_name,
            (time.perf_counter() - started) * 1000,
            record.port,
        )
        return _Live(process, vnc_relay=vnc_relay)

    def _adopt(self, sandbox_id: str, live: _Live) -> None:
        """Make a started sandbox one of the manager's: tracked, watched for its end."""
        live.watcher = asyncio.get_running_loop().create_task(self._watch(sandbox_id, live))
        self._live[sandbox_id] = live

    async def _halt(self, sandbox_id: str) -> None:
        """End a sandbox's processes and close its port (files stay). Caller holds the lock."""
        live = self._live.pop(sandbox_id, None)
        if live is not None:
            live.stopping = True
            await live.close_relays()
        try:
            await self.runtime.stop(sandbox_id)
        except SandboxNotFoundError:
            pass
        except SandboxRuntimeError as exc:
            raise errors.internal_error(
                f"Could not stop sandbox '{sandbox_id}': {exc}", sandbox_id=sandbox_id
            ) from None
        if live is not None and live.watcher is not None:
            live.watcher.cancel()

    async def _watch(self, sandbox_id: str, live: _Live) -> None:
        """Notice a sandbox whose agent ended on its own: it becomes ``stopped``."""
        status = await live.process.wait()
        async with self._locks[sandbox_id]:
            if live.stopping or self._live.get(sandbox_id) is not live:
                if self.store.sandbox(sandbox_id) is None:
                    self._locks.pop(sandbox_id, None)
                return
            self._live.pop(sandbox_id, None)
            await live.close_relays()
            with contextlib.suppress(SandboxRuntimeError):
                await self.runtime.stop(sandbox_id)
            record = self.store.sandbox(sandbox_id)
            if record is not None and record.status in _ACTIVE:
                record.status = "stopped"
                record.error = f"the agent exited with status {status}"
                self.store.update_sandbox(record)
            log.warning(
                "sandbox %s stopped on its own (agent exit status %s): %s",
                sandbox_id,
                status,
                _tail(live.process.log_path)[-500:],
            )


def _host_dirs(template: TemplateDefinition | None) -> list[tuple[Path, str]]:
    """The template's host directories that exist here, as read-only binds."""
    if template is None:
        return []
    return [(Path(path), path) for path in template.host_ro_dirs if Path(path).is_dir()]


def _set_times(record: SandboxRecord, timeout_seconds: int | None) -> None:
    """created_at = now; the deadline counts from there."""
    record.created_us = now_us()
    record.timeout_seconds = timeout_seconds
    record.expires_us = record.created_us + timeout_seconds * 1_000_000 if timeout_seconds else None


def _tail(path: Path) -> str:
    try:
        with path.open("rb") as file:
            file.seek(0, 2)
            file.seek(max(0, file.tell() - _LOG_TAIL_BYTES))
            return file.read().decode(errors="replace").strip()
    except OSError:
        return ""
