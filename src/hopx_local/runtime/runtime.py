"""Runtime: start/stop/pause/resume/destroy sandboxes on this host."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import shutil
import socket
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import attrs

from hopx_local.runtime import anchor, procfs, seccomp
from hopx_local.runtime.bwrap import (
    SANDBOX_CAPABILITIES,
    Bind,
    bwrap_options,
    enter_namespaces_argv,
    sandbox_environment,
)
from hopx_local.runtime.cgroups import CgroupBusyError, CgroupLimits, Cgroups, detect_cgroups
from hopx_local.runtime.disk import mount_image, new_image
from hopx_local.runtime.egress import RESOLV_CONF, Egress
from hopx_local.runtime.egress_dns import host_nameservers
from hopx_local.runtime.egress_policy import EgressPolicy
from hopx_local.runtime.errors import (
    HostDependencyError,
    SandboxNotFoundError,
    SandboxRuntimeError,
    SandboxStartError,
)
from hopx_local.runtime.forkserver import ForkedProgram, ForkServer, ForkServerConfig
from hopx_local.runtime.launch import (
    JOIN_CGROUPS_FAILED,
    args_memfd,
    join_cgroups_argv,
    log_tail,
    read_pipe,
    spawn,
)
from hopx_local.runtime.loopback import bring_up_loopback
from hopx_local.runtime.mounts import mounts_below, unmount_below
from hopx_local.runtime.netns import NetnsDialer
from hopx_local.runtime.paths import SandboxPaths, prepare_disk_dirs, prepare_root_dir
from hopx_local.runtime.rootfs import (
    DEFAULT_LAYERS_DIR,
    host_layer,
    host_trees,
    mount_trees,
    prepare_uppers,
)
from hopx_local.runtime.spec import ResourceUsage, RootfsTree, SandboxSpec
from hopx_local.runtime.stage import STAGE_ROOT, Stage, stage_of
from hopx_local.runtime.userns import create_namespaces

HOST_BINARIES = {
    "bwrap": "bubblewrap 0.8 or later (apt-get install bubblewrap)",
    "unshare": "unshare (apt-get install util-linux)",
    "nsenter": "nsenter (apt-get install util-linux)",
    "mkfs.ext4": "mkfs.ext4 (apt-get install e2fsprogs; needed for a disk of a fixed size)",
    "slirp4netns": "slirp4netns (apt-get install slirp4netns; needed for internet_access)",
    "nft": "nft (apt-get install nftables; the egress filter of internet_access)",
    "ip": "ip (apt-get install iproute2)",
}
EGRESS_TOOLS = ("slirp4netns", "nft", "ip", "nsenter")
HOST_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
# Set by the launcher on itself before anything of the sandbox runs, so the agent (and
# pid 1) are the last the OOM killer picks. Lowering needs CAP_SYS_RESOURCE; without it
# (e.g. inside a container) the default 0 stays. Children inherit the value: the agent
# should raise its children's (user code) to USER_CODE_OOM_SCORE_ADJ.
AGENT_OOM_SCORE_ADJ = -500
USER_CODE_OOM_SCORE_ADJ = 500
SPAWN_TIMEOUT_S = 10.0
FREEZE_TIMEOUT_S = 5.0
KILL_TIMEOUT_S = 10.0


class SandboxProcess:
    """A spawned sandbox: its host pids and a way to wait for its end.

    sandbox_id: the spec's id.  pid: host pid of the outer bwrap (its exit status is the
    command's).  netns_pid: host pid of the sandbox's pid 1, inside all its namespaces.
    log_path: host file receiving the command's stdout and stderr.
    """

    def __init__(
        self, sandbox_id: str, process: asyncio.subprocess.Process, netns_pid: int, log_path: Path
    ) -> None:
        self.sandbox_id = sandbox_id
        self.pid = process.pid
        self.netns_pid = netns_pid
        self.log_path = log_path
        self._process = process

    @property
    def returncode(self) -> int | None:
        """Exit status once the sandbox ended (negative = killed by that signal), else None."""
        return self._process.returncode

    async def wait(self) -> int:
        """Wait until the sandbox's command ended; return its exit status."""
        return await self._process.wait()

    def __repr__(self) -> str:
        return (
            f"SandboxProcess(sandbox_id={self.sandbox_id!r}, pid={self.pid}, "
            f"netns_pid={self.netns_pid}, returncode={self.returncode})"
        )


@attrs.define
class _Running:
    process: SandboxProcess
    egress: Egress | None
    paths: SandboxPaths
    watcher: asyncio.Task[None] | None = None


class Runtime:
    """Runs sandboxes as bwrap namespaces + cgroups under unprivileged uids. Needs host root.

    Use it from one long-lived event loop thread: bwrap --die-with-parent ties each sandbox
    to the thread that spawned it, so sandboxes also die when the host process dies.
    """

    def __init__(
        self,
        cgroup_root_name: str = "hopx-local",
        layers_dir: Path = DEFAULT_LAYERS_DIR,
        dns_upstreams: Sequence[str] | None = None,
    ) -> None:
        """dns_upstreams: resolvers the sandboxes' DNS forwarders ask (default: the host's)."""
        self._cgroups: Cgroups = detect_cgroups(cgroup_root_name)
        self._dns_upstreams = (
            list(dns_upstreams) if dns_upstreams is not None else host_nameservers()
        )
        self._name = cgroup_root_name
        self._layers_dir = layers_dir
        self._host_trees: tuple[RootfsTree, ...] | None = None
        self._binaries = {name: shutil.which(name, path=HOST_PATH) for name in HOST_BINARIES}
        self._running: dict[str, _Running] = {}
        self._dialer = NetnsDialer()
        self._wchan_is_symbolic = procfs.wchan_is_symbolic()
        self._fork_servers: dict[ForkServerConfig, ForkServer] = {}

    @property
    def cgroups(self) -> Cgroups:
        """The cgroup implementation in use (``.version`` is 1 or 2)."""
        return self._cgroups

    def missing_host_dependencies(self) -> list[str]:
        """Human-readable list of what the host lacks (empty = ready). Check at serve start."""
        missing = [HOST_BINARIES[name] for name, path in self._binaries.items() if path is None]
        if os.geteuid() != 0:
            missing.append("root privileges (run hopx-local serve as root, e.g. with sudo)")
        if not os.access("/bin/sh", os.X_OK):
            missing.append("/bin/sh (apt-get install dash)")
        missing += self._cgroups.missing()
        return missing

    def _binary(self, name: str) -> str:
        path = self._binaries[name]
        if path is None:
            raise HostDependencyError(f"missing {HOST_BINARIES[name]}")
        return path

    async def start(self, spec: SandboxSpec) -> SandboxProcess:
        """Prepare root_dir, namespaces, root filesystem and cgroups; spawn the sandbox.

        Returns once the sandbox's pid 1 runs its command (networking already attached).
        Raises InvalidSandboxSpecError, HostDependencyError, SandboxStartError, or
        SandboxRuntimeError when the sandbox is already running.
        """
        spec.validate()
        if self.is_running(spec.sandbox_id):
            raise SandboxRuntimeError(f"sandbox {spec.sandbox_id!r} is already running")
        binaries = {name: self._binary(name) for name in ("bwrap", "unshare", "nsenter")}
        egress_tools = (
            {name: self._binary(name) for name in EGRESS_TOOLS} if spec.internet_access else None
        )
        trees = tuple(spec.rootfs) if spec.rootfs else await self.host_trees()
        mkfs = self._binary("mkfs.ext4") if spec.disk_mb is not None else None
        paths = prepare_root_dir(spec.root_dir, spec.uid)
        await self._stop_leftovers(spec.sandbox_id)
        unmount_below(paths.disk)  # left mounted by a server that died
        if mkfs is not None:
            await asyncio.to_thread(_mount_disk, paths, spec, mkfs, self._layers_dir / "disks")
        stage = self._stage(spec.sandbox_id)
        stage.create(spec.uid)
        stage.bind(paths.disk, "disk")
        prepare_disk_dirs(paths, spec.uid)
        prepare_uppers(stage.disk, trees, spec.uid)
        self._cgroups.create(
            spec.sandbox_id, CgroupLimits(spec.memory_mb * 1024 * 1024, spec.pids_max, spec.vcpu)
        )
        if spec.internet_access:
            paths.resolv_conf.write_text(RESOLV_CONF)
        procs_files = self._cgroups.procs_files(spec.sandbox_id)
        namespaces = await create_namespaces(spec.uid, unshare=binaries["unshare"])
        log_fd = os.open(paths.log, os.O_WRONLY | os.O_CREAT | os.O_APPEND | os.O_CLOEXEC, 0o600)
        info_r, info_w = os.pipe2(os.O_CLOEXEC)
        args_fd = seccomp_fd = -1
        forked = spec.forked if spec.forked is not None and anchor.supported() else None
        anchor_fd = anchor_r = anchor_w = -1
        if forked is not None:
            anchor_fd = anchor.anchor_memfd()
            anchor_r, anchor_w = os.pipe2(os.O_CLOEXEC)
        process: asyncio.subprocess.Process | None = None
        egress: Egress | None = None
        try:
            binds = self._binds(spec, paths, stage, trees, namespaces.user_fd)
            loopback = await self._dialer.socket(
                namespaces.holder_pid, socket.AF_INET, socket.SOCK_DGRAM
            )
            with loopback:
                bring_up_loopback(loopback)
            if egress_tools is not None:
                egress = await Egress.attach(
                    netns_pid=namespaces.holder_pid,
                    dialer=self._dialer,
                    tools=egress_tools,
                    procs_files=procs_files,
                    log_path=paths.network_log,
                    policy=spec.network_policy,
                    upstreams=self._dns_upstreams,
                )
            namespaces.close()
            options = bwrap_options(spec, info_fd=info_w, binds=binds)
            seccomp_fd = seccomp.filter_memfd()  # the default syscall filter, see seccomp.py
            options += ["--seccomp", str(seccomp_fd)]
            args_fd = args_memfd(options)  # keeps host paths off the visible command line
            command = list(spec.command) if forked is None else [f"/proc/self/fd/{anchor_fd}"]
            launcher = [
                *enter_namespaces_argv(binaries["nsenter"], namespaces.holder_pid),
                binaries["bwrap"],
                "--args",
                str(args_fd),
                "--",
                *command,
            ]
            argv = join_cgroups_argv(procs_files, launcher, oom_score_adj=AGENT_OOM_SCORE_ADJ)
            process = await spawn(
                argv,
                pass_fds=(
                    (info_w, args_fd, seccomp_fd, *spec.pass_fds)
                    if forked is None
                    else (info_w, args_fd, seccomp_fd, anchor_fd)
                ),
                output_fd=log_fd,
                stdin_fd=anchor_r if forked is not None else None,
            )
            _close_all(info_w, seccomp_fd, anchor_r, anchor_fd)
            info_w = seccomp_fd = anchor_r = anchor_fd = -1
            info_fd, info_r = info_r, -1  # read_pipe owns and closes it
            netns_pid = await self._read_child_pid(info_fd, process, paths)
            await self._wait_until_set_up(netns_pid, process)
            await namespaces.release()
            if forked is not None:
                anchor_pid = await self._anchor_of(netns_pid, process)
                await self._fork_in(spec, forked, anchor_pid, procs_files, log_fd, anchor_w)
        except BaseException:
            if egress is not None:
                await egress.close()
            with contextlib.suppress(Exception):
                await namespaces.release()
            with contextlib.suppress(Exception):
                await self._kill_cgroup(spec.sandbox_id)
            if process is not None:
                with contextlib.suppress(Exception):
                    await asyncio.wait_for(process.wait(), KILL_TIMEOUT_S)
            with contextlib.suppress(Exception):
                stage.remove()
            with contextlib.suppress(Exception):
                unmount_below(paths.disk)
            raise
        finally:
            namespaces.close()
            _close_all(log_fd, info_r, info_w, args_fd, seccomp_fd, anchor_fd, anchor_r, anchor_w)
        assert process is not None
        sandbox = SandboxProcess(spec.sandbox_id, process, netns_pid, paths.log)
        running = _Running(sandbox, egress, paths)
        if egress is not None:
            running.watcher = asyncio.create_task(_close_when_done(sandbox, egress))
        self._running[spec.sandbox_id] = running
        return sandbox

    def fork_server(self, config: ForkServerConfig) -> ForkServer:
        """The fork server of ``config`` (started on its first launch)."""
        server = self._fork_servers.get(config)
        if server is None:
            server = self._fork_servers[config] = ForkServer(config)
        return server

    async def _anchor_of(self, pid1: int, process: asyncio.subprocess.Process) -> int:
        """The host pid of the sandbox's anchor once bwrap has exec'd it.

        Only then is the sandbox's root final: bwrap's pid 1 also sleeps in wait() while its
        privileged helper builds the root (``_wait_until_set_up`` cannot tell the two apart),
        and a fork entering it then would find the host's root, not the sandbox's.
        """
        found: list[int] = []

        def exec_d() -> bool:
            if process.returncode is not None:
                return True
            found[:] = [pid for pid in procfs.descendants(pid1) if procfs.is_anchor(pid)]
            return bool(found)

        await _poll(exec_d, SPAWN_TIMEOUT_S, max_pause=0.002)
        if not found:
            raise SandboxStartError("the sandbox did not start its command (bwrap's set-up)")
        return found[0]

    async def _fork_in(
        self,
        spec: SandboxSpec,
        program: ForkedProgram,
        pid1: int,
        procs_files: Sequence[Path],
        log_fd: int,
        anchor_w: int,
    ) -> None:
        """Fork the sandbox's program from its fork server into the sandbox set up by bwrap."""
        status_fd = max([2, *spec.pass_fds]) + 1
        null_fd = os.open(os.devnull, os.O_RDONLY | os.O_CLOEXEC)
        err_fd = os.dup(log_fd)
        try:
            fds = {null_fd: 0, log_fd: 1, err_fd: 2, anchor_w: status_fd}
            fds.update({fd: fd for fd in spec.pass_fds})
            await self.fork_server(program.server).launch(
                pid1=pid1,
                procs_files=[str(path) for path in procs_files],
                capabilities=SANDBOX_CAPABILITIES,
                fds=fds,
                status_fd=status_fd,
                program=program,
                env={**sandbox_environment(spec), "PWD": "/workspace"},
                cwd="/workspace",
                oom_score_adj=AGENT_OOM_SCORE_ADJ,
            )
        finally:
            _close_all(null_fd, err_fd)

    async def host_trees(self) -> tuple[RootfsTree, ...]:
        """The root filesystem of the built-in templates (the host layer is built once)."""
        if self._host_trees is None:
            layer = await asyncio.to_thread(host_layer, self._layers_dir)
            self._host_trees = host_trees(layer)
        return self._host_trees

    def _stage(self, sandbox_id: str) -> Stage:
        return stage_of(self._name, sandbox_id)

    def _binds(
        self,
        spec: SandboxSpec,
        paths: SandboxPaths,
        stage: Stage,
        trees: tuple[RootfsTree, ...],
        userns_fd: int,
    ) -> list[Bind]:
        """Mount the root filesystem's trees and stage what bwrap binds; the binds, in order."""
        binds = [
            Bind(point, inside)
            for point, inside in mount_trees(stage.path, stage.disk, trees, userns_fd)
        ]
        for host_dir, inside in paths.mounts():
            name = "run" if host_dir == paths.run else f"disk/{host_dir.name}"
            source = stage.path / name if name.startswith("disk/") else stage.bind(host_dir, name)
            binds.append(Bind(source, inside))
        for index, (host_path, inside) in enumerate(spec.extra_ro_binds):
            source = stage.bind(host_path, f"ro/{index}", read_only=True)
            binds.append(Bind(source, str(inside), read_only=True))
        if spec.internet_access:
            source = stage.bind(paths.resolv_conf, "resolv.conf", read_only=True)
            binds.append(Bind(source, "/etc/resolv.conf", read_only=True))
        return binds

    async def _read_child_pid(
        self, info_fd: int, process: asyncio.subprocess.Process, paths: SandboxPaths
    ) -> int:
        """bwrap's --info-fd JSON gives the host pid of the sandbox's pid 1."""
        info = await read_pipe(info_fd, max_bytes=65536, timeout=SPAWN_TIMEOUT_S)
        if not info:
            code = await asyncio.wait_for(process.wait(), SPAWN_TIMEOUT_S)
            reason = (
                "could not join its cgroups"
                if code == JOIN_CGROUPS_FAILED
                else f"bwrap exited with status {code}"
            )
            raise SandboxStartError(f"sandbox did not start: {reason}: {log_tail(paths.log)}")
        try:
            return int(json.loads(info)["child-pid"])
        except (ValueError, KeyError, TypeError) as error:
            raise SandboxStartError(f"unexpected bwrap --info-fd output {info!r}") from error

    async def _wait_until_set_up(self, netns_pid: int, process: asyncio.subprocess.Process) -> None:
        """Wait until bwrap's pid 1 has set up the mounts, forked the command, and reaps.

        Only from then on does pid 1 die with the outer bwrap (bwrap arms --die-with-parent
        in its reaper loop). A setup failure (e.g. a bind source that vanished) ends the
        process with status 1 and a ``bwrap: ...`` line in the log; the caller sees it as
        an early exit, like a command that fails at once.
        """

        def set_up() -> bool:
            if process.returncode is not None:
                return True
            if self._wchan_is_symbolic:
                channel = procfs.wchan(netns_pid)
                return channel is None or channel == procfs.REAPER_WCHAN
            return procfs.has_children(netns_pid) is not False

        await _poll(set_up, SPAWN_TIMEOUT_S, max_pause=0.002)

    async def stop_orphans(self) -> list[str]:
        """Kill processes left in this runtime's cgroups by an earlier server; return their ids.

        Call it once at server start: sandboxes normally die with the server that started
        them, but one caught mid-setup when the server died can survive it.
        """
        stopped = []
        for sandbox_id in self._cgroups.sandbox_ids():
            if sandbox_id not in self._running and self._cgroups.pids(sandbox_id):
                await self._kill_cgroup(sandbox_id)
                stopped.append(sandbox_id)
        return stopped

    async def reap(self, sandbox_id: str) -> None:
        """Kill whatever an earlier server left of the sandbox (frozen processes too: a paused
        sandbox outlives a server killed with SIGKILL) and remove its cgroups; files are kept.

        For recovery at server start, for sandboxes this Runtime did not start.
        """
        await self.stop(sandbox_id)
        await self._remove_cgroups(sandbox_id)

    async def stop(self, sandbox_id: str) -> None:
        """SIGKILL every process of the sandbox and wait until none is left; files are kept.

        Works for sandboxes this Runtime did not start too (e.g. left over by a crashed
        server), as long as their cgroups exist. No error when nothing is running.
        """
        running = self._running.pop(sandbox_id, None)
        if self._cgroups.exists(sandbox_id):
            await self._kill_cgroup(sandbox_id)
        if running is not None:
            if running.egress is not None:
                await running.egress.close()
            await asyncio.wait_for(running.process.wait(), KILL_TIMEOUT_S)
            if running.watcher is not None:
                await running.watcher
        # Detaching the mounts and removing the stage costs tens of milliseconds under load:
        # in a thread, so that the creates of a burst are not held up by its deletes.
        await asyncio.to_thread(self._stage(sandbox_id).remove)
        if running is not None:
            await asyncio.to_thread(unmount_below, running.paths.disk)

    async def pause(self, sandbox_id: str) -> None:
        """Freeze every process of the sandbox (cgroup freezer); returns once frozen.

        SandboxNotFoundError when the sandbox is not running (never started, stopped, or
        its command ended). Pausing a paused sandbox is a no-op.
        """
        self._require_running(sandbox_id)
        self._cgroups.set_frozen(sandbox_id, True)
        if not await _poll(lambda: self._cgroups.is_frozen(sandbox_id), FREEZE_TIMEOUT_S):
            self._cgroups.set_frozen(sandbox_id, False)
            raise SandboxRuntimeError(
                f"sandbox {sandbox_id!r} did not freeze within {FREEZE_TIMEOUT_S} s"
            )

    async def resume(self, sandbox_id: str) -> None:
        """Thaw a paused sandbox; returns once it runs again (no-op when not paused).

        SandboxNotFoundError when the sandbox is not running.
        """
        self._require_running(sandbox_id)
        self._cgroups.set_frozen(sandbox_id, False)
        if not await _poll(lambda: not self._cgroups.is_frozen(sandbox_id), FREEZE_TIMEOUT_S):
            raise SandboxRuntimeError(
                f"sandbox {sandbox_id!r} did not thaw within {FREEZE_TIMEOUT_S} s"
            )

    async def destroy(self, sandbox_id: str, root_dir: Path) -> None:
        """Stop, remove the cgroups, remove root_dir. Idempotent."""
        if not root_dir.is_absolute() or root_dir == Path("/"):
            raise SandboxRuntimeError(f"refusing to remove root_dir {str(root_dir)!r}")
        await self.stop(sandbox_id)
        await self._remove_cgroups(sandbox_id)
        await asyncio.to_thread(self._remove_files, sandbox_id, root_dir)

    def _remove_files(self, sandbox_id: str, root_dir: Path) -> None:
        """In a thread: the stage, root_dir's mounts, then root_dir itself."""
        self._stage(sandbox_id).remove()
        unmount_below(root_dir)
        if mounts_below(root_dir):
            raise SandboxRuntimeError(f"{root_dir} still has mounts; not removing it")
        _remove_tree(root_dir)

    def is_running(self, sandbox_id: str) -> bool:
        """True while the sandbox's command has not ended (also when paused)."""
        running = self._running.get(sandbox_id)
        return running is not None and running.process.returncode is None

    def is_paused(self, sandbox_id: str) -> bool:
        """True when the sandbox's cgroups are frozen."""
        return self._cgroups.exists(sandbox_id) and self._cgroups.is_frozen(sandbox_id)

    def netns_pid(self, sandbox_id: str) -> int | None:
        """Host pid of a process inside the sandbox's network namespace, None if not running."""
        if not self.is_running(sandbox_id):
            return None
        return self._running[sandbox_id].process.netns_pid

    def network_policy(self, sandbox_id: str) -> EgressPolicy | None:
        """The egress policy in force (None without internet access or when not running)."""
        running = self._running.get(sandbox_id)
        if running is None or running.egress is None or not self.is_running(sandbox_id):
            return None
        return running.egress.policy

    async def set_network_policy(self, sandbox_id: str, policy: EgressPolicy) -> None:
        """Replace the egress policy of a running sandbox (no-op without internet access).

        Takes effect at once, for open connections too. SandboxNotFoundError when the sandbox
        is not running; EgressError when the filter could not be replaced (old one stays).
        """
        self._require_running(sandbox_id)
        egress = self._running[sandbox_id].egress
        if egress is not None:
            await egress.apply(policy)

    def usage(self, sandbox_id: str) -> ResourceUsage:
        """Current memory/cpu/pids of the sandbox; SandboxNotFoundError without cgroups."""
        return self._cgroups.usage(sandbox_id)

    async def open_connection_in_sandbox(
        self, sandbox_id: str, port: int
    ) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
        """TCP-connect to 127.0.0.1:port inside the sandbox's network namespace.

        Raises SandboxNotFoundError when the sandbox is not running and OSError (e.g.
        ConnectionRefusedError) when nothing listens on that port inside.
        """
        return await asyncio.open_connection(sock=await self.connect_in_sandbox(sandbox_id, port))

    async def connect_in_sandbox(self, sandbox_id: str, port: int) -> socket.socket:
        """:meth:`open_connection_in_sandbox` as a connected non-blocking socket."""
        pid = self.netns_pid(sandbox_id)
        if pid is None:
            raise SandboxNotFoundError(sandbox_id)
        connected: socket.socket = await self._dialer.connect(pid, "127.0.0.1", port)
        return connected

    async def close(self) -> None:
        """Stop every sandbox this runtime started (cgroups and files are kept)."""
        for sandbox_id in list(self._running):
            await self.stop(sandbox_id)
        self._dialer.close()
        for server in self._fork_servers.values():
            await server.close()
        with contextlib.suppress(OSError):  # still holds other sandboxes' stages
            (STAGE_ROOT / self._name).rmdir()

    async def _remove_cgroups(self, sandbox_id: str) -> None:
        """rmdir the cgroups, giving just-killed tasks a moment to finish exiting."""
        deadline = time.monotonic() + KILL_TIMEOUT_S
        while True:
            try:
                self._cgroups.remove(sandbox_id)
                return
            except CgroupBusyError:
                if time.monotonic() > deadline:
                    raise
                await asyncio.sleep(0.01)

    def _require_running(self, sandbox_id: str) -> None:
        if not self.is_running(sandbox_id):
            raise SandboxNotFoundError(sandbox_id)

    async def _stop_leftovers(self, sandbox_id: str) -> None:
        """Kill processes left in the sandbox's cgroups by an earlier run of the server."""
        if self._cgroups.exists(sandbox_id) and self._cgroups.pids(sandbox_id):
            await self._kill_cgroup(sandbox_id)

    async def _kill_cgroup(self, sandbox_id: str) -> None:
        """Freeze (nothing forks), SIGKILL all, thaw (so the kills land), until empty."""
        cgroups = self._cgroups
        with contextlib.suppress(SandboxNotFoundError):
            cgroups.set_frozen(sandbox_id, True)
            await _poll(lambda: cgroups.is_frozen(sandbox_id), 1.0)
        deadline = time.monotonic() + KILL_TIMEOUT_S
        while True:
            cgroups.kill_all(sandbox_id)
            with contextlib.suppress(SandboxNotFoundError):
                cgroups.set_frozen(sandbox_id, False)
            if await _poll(lambda: not cgroups.pids(sandbox_id), 0.5):
                return
            if time.monotonic() > deadline:
                raise SandboxRuntimeError(
                    f"processes of sandbox {sandbox_id!r} survived SIGKILL for "
                    f"{KILL_TIMEOUT_S} s: {cgroups.pids(sandbox_id)}"
                )


async def _close_when_done(sandbox: SandboxProcess, egress: Egress) -> None:
    """When the sandbox ends on its own, let its egress (slirp4netns, forwarder) go too."""
    await sandbox.wait()
    await egress.close()


async def _poll(condition: Callable[[], bool], timeout: float, *, max_pause: float = 0.02) -> bool:
    """Check condition with a short, growing pause between checks; False on timeout."""
    deadline = time.monotonic() + timeout
    pause = 0.0005
    while not condition():
        if time.monotonic() > deadline:
            return False
        await asyncio.sleep(pause)
        pause = min(pause * 2, max_pause)
    return True


def _remove_tree(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        shutil.rmtree(path)


def _mount_disk(paths: SandboxPaths, spec: SandboxSpec, mkfs: str, pristine_dir: Path) -> None:
    """Mount the sandbox's disk image on paths.disk, making the image on first use."""
    assert spec.disk_mb is not None
    if not paths.disk_image.is_file():
        new_image(paths.disk_image, spec.disk_mb, mkfs, pristine_dir)
    mount_image(paths.disk_image, paths.disk)


def _close_all(*fds: int) -> None:
    for fd in fds:
        if fd >= 0:
            with contextlib.suppress(OSError):
                os.close(fd)
