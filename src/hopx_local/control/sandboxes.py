"""Sandbox lifecycle: create, pause/resume, stop/start, delete, timeouts, the warm pool.

``SandboxManager`` owns the records (in the store), the per-sandbox locks, the deadlines and
the warm-pool policy; where sandboxes run is the backend's business (control/backend.py: this
host's runtime, or the nodes of a Ray cluster). Every lifecycle action on one sandbox holds
that sandbox's lock, so concurrent requests see whole transitions only. Errors are domain
errors (control/domain_errors.py); the API layer turns them into HTTP answers.

Restart policy: sandboxes end with the server (bwrap --die-with-parent). On start, sandboxes
the previous server left running or paused are marked ``stopped`` (files kept);
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
from collections import defaultdict
from collections.abc import Awaitable, Callable, Iterable, Iterator, Mapping

import attrs

from hopx_local.control.agent_env import AgentEnvError, update_agent_env
from hopx_local.control.backend import Backend, LaunchRequest
from hopx_local.control.catalog import TemplateDefinition
from hopx_local.control.config import ControlPlaneConfig
from hopx_local.control.deadlines import Deadlines
from hopx_local.control.domain_errors import (
    InvalidTransition,
    LifecycleError,
    NodeLost,
    ResourceExhausted,
    SandboxDeleted,
    SandboxEnded,
    SandboxGone,
    SandboxLimitReached,
    SandboxNotFound,
)
from hopx_local.control.host_uids import uids_in_use
from hopx_local.control.network_policy import policy_json
from hopx_local.control.store import SandboxRecord, Store
from hopx_local.control.timeutil import now_us, rfc3339
from hopx_local.control.tokens import new_secret, sign_token
from hopx_local.control.warm_pool import PoolKey, WarmPool
from hopx_local.runtime import UID_RANGE, SandboxRuntimeError, allocate_uid
from hopx_local.runtime.egress_policy import OPEN_POLICY, EgressPolicy

log = logging.getLogger("hopx_local.sandboxes")

REGION = "local"
SANDBOX_ID_PREFIX = "sbx_"
_ID_ALPHABET = string.ascii_lowercase + string.digits
_ACTIVE = ("creating", "running", "paused")
TOMBSTONE_KEEP_US = 24 * 3600 * 1_000_000
"""How long a deleted sandbox's id still answers why it is gone (killed / expired, when)."""

POOLED_TEMPLATES = ("base", "code-interpreter")
# Variables read only when a process starts (interpreter, loader, locale, the agent's own
# HOME/PATH/TMPDIR, the kernel's start-up): a pooled agent started without them, so a create
# that sets one takes the normal path, where they are in the agent's environment from the start.
_START_TIME_ENV = re.compile(
    r"^(PYTHON|LD_|LC_|JUPYTER|IPYTHON|MPL|MALLOC_|OMP_|HOPX_)|^(LANG|LANGUAGE|TZ|HOME|PATH|TMPDIR)$"
)
_ENV_PUSH_TIMEOUT = 5.0


def new_sandbox_id() -> str:
    return SANDBOX_ID_PREFIX + "".join(secrets.choice(_ID_ALPHABET) for _ in range(16))


def _hint(action: str, status: str, reason: str | None = None) -> str:
    if status == "error":
        if reason:
            return f"It is broken ({reason.rstrip('.')}); delete it and create a new one."
        return "It failed to start; delete it and create a new one."
    if status == "creating":
        return "It is still being created; retry in a moment."
    if action in ("pause", "stop") and status == "stopped":
        return "Start it first."
    if action == "start" and status == "paused":
        return "Resume it instead."
    return ""


@attrs.define
class _Watch:
    """A sandbox the manager runs: the task noticing its end, unless the manager ends it."""

    watcher: asyncio.Task[None] | None = None
    stopping: bool = False


@attrs.define
class _Pooled:
    """An idle sandbox of the warm pool: started and healthy, not in the store."""

    record: SandboxRecord


class SandboxManager:
    def __init__(
        self,
        config: ControlPlaneConfig,
        store: Store,
        backend: Backend,
        pooled_templates: Iterable[TemplateDefinition] = (),
    ) -> None:
        self.config = config
        self.store = store
        self.backend = backend
        self.deadlines = Deadlines(self._expire)
        self._live: dict[str, _Watch] = {}
        self._locks: defaultdict[str, asyncio.Lock] = defaultdict(asyncio.Lock)
        self._pooled_templates = {template.name: template for template in pooled_templates}
        self._reserved_uids: set[int] = set()
        """uids of pooled sandboxes (not in the store yet)."""
        self._starting = 0
        """Sandboxes being started outside the pool (the pool does not refill meanwhile)."""
        self.pool: WarmPool[_Pooled] = WarmPool(
            self._pool_keys(),
            config.warm_pool,
            boot=self._boot_pooled,
            discard=self._discard_pooled,
            alive=lambda pooled: self.backend.is_alive(pooled.record.id),
            busy=lambda: self._starting > 0,
        )

    # ------------------------------------------------------------ server lifecycle
    async def recover(self) -> None:
        """Adopt the records of the previous server: mark survivors stopped, re-arm deadlines;
        destroy sandbox directories without a record (pooled sandboxes of a server that died)."""
        records = self.store.sandboxes()
        await self.backend.recover({record.id: record.node_id for record in records})
        for record in records:
            if record.status in _ACTIVE:
                previous = record.status
                record.status = "stopped"
                record.error = None
                self.store.update_sandbox(record)
                log.info("sandbox %s was %s before the restart; now stopped", record.id, previous)
            self.deadlines.set(record.id, record.expires_us)

    def start_pool(self) -> None:
        """Start filling the warm pool in the background (after ``recover``): one pool per
        node, following the backend's nodes as they come and go."""
        self.pool.set_keys(self._pool_keys())
        self.backend.on_nodes_changed(lambda: self.pool.set_keys(self._pool_keys()))
        self.pool.start()

    def _pool_keys(self) -> list[PoolKey]:
        return [
            PoolKey(name, internet, node_id)
            for node_id in self.backend.nodes()
            for name in self._pooled_templates
            for internet in (True, False)
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
        await self.backend.close()

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
            ended = self.store.tombstone(sandbox_id)
            if ended is not None:
                raise SandboxDeleted(sandbox_id, ended[0], rfc3339(ended[1]))
            raise SandboxNotFound(sandbox_id)
        return record

    def issue_token(self, sandbox_id: str) -> tuple[str, int]:
        """A new agent JWT (and its expiry, epoch seconds) for the sandbox."""
        record = self.get(sandbox_id)
        return sign_token(record.secret, record.id)

    # ----------------------------------------------------------------- create
    async def create(
        self,
        *,
        template: TemplateDefinition,
        env_vars: Mapping[str, str],
        internet_access: bool,
        timeout_seconds: int | None,
        network: EgressPolicy = OPEN_POLICY,
    ) -> SandboxRecord:
        existing = self.store.count_sandboxes()
        if existing >= self.config.max_sandboxes:
            raise SandboxLimitReached(self.config.max_sandboxes, existing)
        pooled = None
        if network == OPEN_POLICY:  # pooled sandboxes run the default policy
            pooled = await self._create_from_pool(
                template=template,
                env_vars=env_vars,
                internet_access=internet_access,
                timeout_seconds=timeout_seconds,
            )
        if pooled is not None:
            return pooled
        # No await between allocating the uid and saving it: no double allocation.
        record = self._allocate(template, internet_access)
        record.env_vars = dict(env_vars)
        record.network = policy_json(network)
        _set_times(record, timeout_seconds)
        async with self._locks[record.id]:
            self.store.insert_sandbox(record)
            self.deadlines.set(record.id, record.expires_us)
            try:
                with self._starting_outside_pool():
                    await self._launch(record, template)
            except BaseException:
                # Nothing of a failed create stays: no record (it would count toward
                # --max-sandboxes), processes, cgroups or directory; its uid and port are free.
                await self._forget_failed_create(record.id)
                raise
            self._adopt(record.id)
            record.status = "running"
            self.store.update_sandbox(record)
            return record

    async def _forget_failed_create(self, sandbox_id: str) -> None:
        self.deadlines.cancel(sandbox_id)
        try:
            await asyncio.shield(self.backend.destroy(sandbox_id))
        except Exception:
            log.exception("could not clean up sandbox %s after its create failed", sandbox_id)
        self.store.delete_sandbox(sandbox_id)
        self._locks.pop(sandbox_id, None)

    def _allocate(self, template: TemplateDefinition, internet_access: bool) -> SandboxRecord:
        """A new record (status creating, no env_vars, no timeout, no port yet) with a free
        uid. Save or reserve the uid before the next await: no double allocation."""
        try:
            uid = allocate_uid(
                self.store.used_uids() | self._reserved_uids | uids_in_use(UID_RANGE)
            )
        except SandboxRuntimeError as exc:
            raise ResourceExhausted(f"No capacity for a new sandbox: {exc}") from None
        return SandboxRecord(
            id=new_sandbox_id(),
            template_id=template.id,
            template_name=template.name,
            status="creating",
            region=REGION,
            uid=uid,
            port=0,
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
        keys = [
            key
            for key in self.pool.pool_keys()
            if key.template_name == template.name and key.internet_access == internet_access
        ]
        # The node with the most idle sandboxes of this kind: spreads takes over the nodes.
        keys.sort(key=self.pool.idle, reverse=True)
        pooled = None
        for key in keys:
            pooled = self.pool.take(key)
            if pooled is not None:
                break
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
        self._adopt(record.id)
        self.deadlines.set(record.id, record.expires_us)
        log.info("sandbox %s (%s) served from the warm pool", record.id, record.template_name)
        return record

    async def _boot_pooled(self, key: PoolKey) -> _Pooled:
        template = self._pooled_templates[key.template_name]
        record = self._allocate(template, key.internet_access)
        self._reserved_uids.add(record.uid)
        try:
            await self._launch(record, template, node_id=key.node_id)
            # Warm-up: the agent's first request with a body imports and compiles its request
            # validation (~0.15 s); pay that here, not in the user's first call.
            await self._push_env(record, {})
        except BaseException:
            self._reserved_uids.discard(record.uid)
            with contextlib.suppress(LifecycleError):
                await self.backend.destroy(record.id)
            raise
        record.status = "running"
        log.info(
            "warm pool: sandbox %s ready (template %s, internet_access %s)",
            record.id,
            key.template_name,
            str(key.internet_access).lower(),
        )
        return _Pooled(record)

    async def _push_env(self, record: SandboxRecord, env_vars: Mapping[str, str]) -> None:
        """PATCH /env on the sandbox's agent (AgentEnvError when it does not answer 200)."""
        token, _ = sign_token(record.secret, record.id)

        async def connect() -> socket.socket:
            try:
                return await self.backend.connect_agent(record.id)
            except LifecycleError as exc:
                raise OSError(exc.message) from None

        await update_agent_env(connect, token, env_vars, timeout=_ENV_PUSH_TIMEOUT)

    async def _discard_pooled(self, pooled: _Pooled) -> None:
        try:
            await self.backend.destroy(pooled.record.id)
        finally:
            self._reserved_uids.discard(pooled.record.uid)

    # ------------------------------------------------------------ transitions
    async def pause(self, sandbox_id: str) -> SandboxRecord:
        async with self._locks[sandbox_id]:
            record = self._require(sandbox_id, "pause", ("running",), target="paused")
            if record.status == "paused":
                return record
            await self._backend_call(record, self.backend.pause)
            record.status = "paused"
            self.store.update_sandbox(record)
            return record

    async def resume(self, sandbox_id: str) -> SandboxRecord:
        async with self._locks[sandbox_id]:
            record = self._require(sandbox_id, "resume", ("paused",), target="running")
            if record.status == "running":
                return record
            await self._backend_call(record, self.backend.resume)
            record.status = "running"
            self.store.update_sandbox(record)
            return record

    async def stop(self, sandbox_id: str) -> SandboxRecord:
        async with self._locks[sandbox_id]:
            record = self._require(sandbox_id, "stop", ("running", "paused"), target="stopped")
            if record.status == "stopped":
                return record
            await self._halt(sandbox_id)
            record.status = "stopped"
            self.store.update_sandbox(record)
            return record

    async def start(self, sandbox_id: str) -> SandboxRecord:
        async with self._locks[sandbox_id]:
            record = self._require(sandbox_id, "start", ("stopped",), target="running")
            if record.status == "running":
                return record
            record.error = None
            with self._starting_outside_pool():
                # A failure leaves it stopped, files kept.
                await self._launch(record, self._template_of(record), restart=True)
            self._adopt(record.id)
            record.status = "running"
            self.store.update_sandbox(record)
            return record

    async def delete(self, sandbox_id: str, reason: str = "killed") -> SandboxRecord:
        """Destroy the sandbox; its id answers ``reason`` (killed / expired) for a day."""
        async with self._locks[sandbox_id]:
            record = self.get(sandbox_id)
            await self._halt(sandbox_id)
            await self.backend.destroy(sandbox_id)
            self.deadlines.cancel(sandbox_id)
            self.store.bury_sandbox(sandbox_id, reason, now_us(), TOMBSTONE_KEEP_US)
            record.status = "stopped"
        self._locks.pop(sandbox_id, None)
        return record

    async def update_network(self, sandbox_id: str, policy: EgressPolicy) -> SandboxRecord:
        """Replace the egress policy: stored, and in force at once if the sandbox runs."""
        async with self._locks[sandbox_id]:
            record = self._require(
                sandbox_id, "update the network of", ("running", "paused", "stopped")
            )
            network = policy_json(policy)
            if sandbox_id in self._live:  # (a no-op below without internet_access)
                with contextlib.suppress(SandboxGone):  # ended: applies at the next start
                    await self.backend.update_network(sandbox_id, network)
            record.network = network
            self.store.update_sandbox(record)
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
        with contextlib.suppress(LifecycleError):
            await self.delete(sandbox_id, reason="expired")

    # ------------------------------------------------------------- connections
    def require_running(self, sandbox_id: str) -> SandboxRecord:
        """The sandbox, if it is running (SandboxNotFound, or InvalidTransition)."""
        record = self.get(sandbox_id)
        if record.status != "running":
            raise InvalidTransition(
                sandbox_id,
                "reach a port of",
                record.status,
                ("running",),
                _hint("reach", record.status, record.error),
            )
        return record

    async def open_port(
        self, sandbox_id: str, port: int
    ) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
        """A TCP connection to 127.0.0.1:port inside a running sandbox."""
        return await asyncio.open_connection(sock=await self.connect_port(sandbox_id, port))

    async def connect_port(self, sandbox_id: str, port: int) -> socket.socket:
        """:meth:`open_port` as a connected non-blocking socket."""
        return await self._connect(sandbox_id, lambda: self.backend.connect_port(sandbox_id, port))

    async def connect_agent(self, sandbox_id: str) -> socket.socket:
        """A connection to a running sandbox's agent (HTTP)."""
        return await self._connect(sandbox_id, lambda: self.backend.connect_agent(sandbox_id))

    async def connect_vnc(self, sandbox_id: str) -> socket.socket:
        """A connection to a running desktop sandbox's VNC server (OSError: none running)."""
        return await self._connect(sandbox_id, lambda: self.backend.connect_vnc(sandbox_id))

    async def _connect(
        self, sandbox_id: str, connect: Callable[[], Awaitable[socket.socket]]
    ) -> socket.socket:
        self.require_running(sandbox_id)
        try:
            return await connect()
        except SandboxGone:
            raise InvalidTransition(
                sandbox_id, "reach a port of", "stopped", ("running",)
            ) from None

    # ------------------------------------------------------------- internals
    def _require(
        self, sandbox_id: str, action: str, allowed: tuple[str, ...], *, target: str | None = None
    ) -> SandboxRecord:
        """The sandbox, if ``action`` can apply to it: its status is one of ``allowed``, or is
        already the ``target`` of the action (the caller answers it unchanged: idempotent)."""
        record = self.get(sandbox_id)
        if record.status not in allowed and record.status != target:
            hint = _hint(action, record.status, record.error)
            raise InvalidTransition(sandbox_id, action, record.status, allowed, hint)
        return record

    async def _backend_call(
        self, record: SandboxRecord, call: Callable[[str], Awaitable[None]]
    ) -> None:
        """Call the backend; a sandbox that vanished underneath becomes ``stopped``."""
        try:
            await call(record.id)
        except SandboxGone:
            await self._halt(record.id)
            record.status = "stopped"
            self.store.update_sandbox(record)
            raise SandboxEnded(record.id) from None

    def _template_of(self, record: SandboxRecord) -> TemplateDefinition | None:
        """The sandbox's template (None if it was deleted since)."""
        for template in self.store.templates():
            if template.id == record.template_id:
                return template
        return None

    async def _launch(
        self,
        record: SandboxRecord,
        template: TemplateDefinition | None,
        *,
        restart: bool = False,
        node_id: str | None = None,
    ) -> None:
        """Start the sandbox through the backend (a restart on the node that has its files);
        on return its agent is healthy and ``record.port``/``node_id`` say where (not saved
        yet)."""
        request = self._launch_request(
            record, template, restart=restart, node_id=record.node_id if restart else node_id
        )
        handle = await self.backend.launch(request)
        record.port = handle.agent_port
        record.node_id = handle.node_id

    def _launch_request(
        self,
        record: SandboxRecord,
        template: TemplateDefinition | None,
        *,
        restart: bool,
        node_id: str | None,
    ) -> LaunchRequest:
        others = self.store.used_ports() - {record.port}
        return LaunchRequest(
            sandbox_id=record.id,
            uid=record.uid,
            secret=record.secret,
            template=template,
            env_vars=dict(record.env_vars),
            internet_access=record.internet_access,
            vcpu=record.vcpu,
            memory_mb=record.memory_mb,
            disk_mb=record.disk_mb,
            pids_max=record.pids_max,
            agent_flavour=record.agent_flavour,
            preferred_port=record.port if restart and record.port else None,
            reserved_ports=frozenset(others),
            network_policy=record.network,
            node_id=node_id,
        )

    def _adopt(self, sandbox_id: str) -> None:
        """Make a started sandbox one of the manager's: tracked, watched for its end."""
        watch = _Watch()
        watch.watcher = asyncio.get_running_loop().create_task(self._watch(sandbox_id, watch))
        self._live[sandbox_id] = watch

    async def _halt(self, sandbox_id: str) -> None:
        """End a sandbox's processes and close its ports (files stay). Caller holds the lock."""
        watch = self._live.pop(sandbox_id, None)
        if watch is not None:
            watch.stopping = True
        await self.backend.stop(sandbox_id)
        if watch is not None and watch.watcher is not None:
            watch.watcher.cancel()

    async def _watch(self, sandbox_id: str, watch: _Watch) -> None:
        """Notice a sandbox that ended on its own: it becomes ``stopped`` (its agent exited)
        or ``error`` (its node was lost)."""
        try:
            ended = await self.backend.wait(sandbox_id)
            status, reason = "stopped", f"the agent exited with status {ended.status}"
            log_tail = ended.log_tail[-500:]
        except NodeLost as lost:
            status, reason, log_tail = "error", lost.message, ""
        except SandboxGone:
            return
        async with self._locks[sandbox_id]:
            if watch.stopping or self._live.get(sandbox_id) is not watch:
                if self.store.sandbox(sandbox_id) is None:
                    self._locks.pop(sandbox_id, None)
                return
            self._live.pop(sandbox_id, None)
            with contextlib.suppress(LifecycleError):
                await self.backend.stop(sandbox_id)
            record = self.store.sandbox(sandbox_id)
            if record is not None and record.status in _ACTIVE:
                record.status = status
                record.error = reason
                self.store.update_sandbox(record)
            log.warning("sandbox %s ended on its own (%s): %s", sandbox_id, reason, log_tail)


def _set_times(record: SandboxRecord, timeout_seconds: int | None) -> None:
    """created_at = now; the deadline counts from there."""
    record.created_us = now_us()
    record.timeout_seconds = timeout_seconds
    record.expires_us = record.created_us + timeout_seconds * 1_000_000 if timeout_seconds else None
