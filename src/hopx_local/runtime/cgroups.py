"""Per-sandbox cgroups behind one small interface: v1 (one hierarchy per controller) and v2.

Every method is synchronous and quick (a few small file writes); the Runtime does the
waiting (freeze to take effect, processes to vanish) with async polling.
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Protocol

import attrs

from hopx_local.runtime.errors import SandboxNotFoundError, SandboxRuntimeError
from hopx_local.runtime.spec import ResourceUsage

CPU_PERIOD_US = 100_000
V1_CONTROLLERS = ("memory", "pids", "cpu", "cpuacct", "freezer")
V2_CONTROLLERS = ("memory", "pids", "cpu")


class CgroupBusyError(SandboxRuntimeError):
    """rmdir of a cgroup that still holds (possibly exiting) tasks."""


@attrs.frozen
class CgroupLimits:
    memory_bytes: int
    pids_max: int
    vcpu: float

    @property
    def cpu_quota_us(self) -> int:
        return max(1000, round(self.vcpu * CPU_PERIOD_US))


@attrs.frozen
class RootLimits:
    """Limits of the parent cgroup of all sandboxes (together), below the runtime's root name."""

    memory_bytes: int
    pids_max: int


@attrs.frozen
class RootUsage:
    """What all sandboxes under the root use together now."""

    memory_bytes: int
    """Working set: usage without the inactive file cache (reclaimable at once)."""
    pids: int


class Cgroups(Protocol):
    """The cgroups of all sandboxes of one runtime, addressed by sandbox id."""

    version: int

    def missing(self) -> list[str]:
        """What the host lacks for this implementation (empty when usable)."""
        ...

    def create(self, sandbox_id: str, limits: CgroupLimits) -> None:
        """Create (or reuse) the sandbox's cgroups and apply the limits; leaves them thawed."""
        ...

    def procs_files(self, sandbox_id: str) -> list[Path]:
        """The cgroup.procs files a process writes its pid into to join the sandbox."""
        ...

    def exists(self, sandbox_id: str) -> bool: ...

    def sandbox_ids(self) -> list[str]:
        """Ids of every sandbox that has cgroups under this runtime's root."""
        ...

    def pids(self, sandbox_id: str) -> list[int]:
        """Host pids of every process in the sandbox (empty if none or no cgroup)."""
        ...

    def kill_all(self, sandbox_id: str) -> None:
        """Send SIGKILL to every process of the sandbox (once; the caller loops until empty).

        The caller freezes first (so nothing forks meanwhile) and thaws after (v1 tasks die
        only once thawed)."""
        ...

    def set_frozen(self, sandbox_id: str, frozen: bool) -> None: ...

    def is_frozen(self, sandbox_id: str) -> bool:
        """True once every task is frozen (not while still freezing)."""
        ...

    def remove(self, sandbox_id: str) -> None:
        """rmdir the sandbox's cgroups; missing ones are ignored, CgroupBusyError if in use."""
        ...

    def usage(self, sandbox_id: str) -> ResourceUsage: ...

    def set_root_limits(self, limits: RootLimits) -> None:
        """Create the parent of every sandbox's cgroups and cap them together."""
        ...

    def root_usage(self) -> RootUsage: ...


def detect_cgroups(root_name: str, mounts_file: Path = Path("/proc/self/mounts")) -> Cgroups:
    """CgroupsV2 when a cgroup2 mount offers the memory controller, otherwise CgroupsV1."""
    v1_mounts: dict[str, Path] = {}
    v2_mount: Path | None = None
    for line in mounts_file.read_text().splitlines():
        fields = line.split()
        if len(fields) < 4:
            continue
        mount_point, fs_type, options = Path(_unescape(fields[1])), fields[2], fields[3]
        if fs_type == "cgroup2":
            controllers = _read_optional(mount_point / "cgroup.controllers").split()
            if "memory" in controllers:
                v2_mount = mount_point
        elif fs_type == "cgroup":
            for option in options.split(","):
                if option in V1_CONTROLLERS:
                    v1_mounts.setdefault(option, mount_point)
    if v2_mount is not None and "memory" not in v1_mounts:
        return CgroupsV2(v2_mount, root_name)
    return CgroupsV1(v1_mounts, root_name)


class CgroupsV1:
    """cgroup v1: /sys/fs/cgroup/<controller>/<root_name>/<sandbox_id> per controller."""

    version = 1

    def __init__(self, mounts: Mapping[str, Path], root_name: str) -> None:
        self._mounts = dict(mounts)
        self._root_name = root_name

    def missing(self) -> list[str]:
        return [
            f"cgroup v1 controller '{name}' (mount it: mount -t cgroup -o {name} cgroup "
            f"/sys/fs/cgroup/{name})"
            for name in V1_CONTROLLERS
            if name not in self._mounts
        ]

    def _dir(self, controller: str, sandbox_id: str) -> Path:
        try:
            mount = self._mounts[controller]
        except KeyError:
            raise SandboxRuntimeError(
                f"cgroup v1 controller '{controller}' is not mounted"
            ) from None
        return mount / self._root_name / sandbox_id

    def _dirs(self, sandbox_id: str) -> list[Path]:
        # Co-mounted controllers (e.g. cpu,cpuacct) share a directory: list it once.
        return list(dict.fromkeys(self._dir(name, sandbox_id) for name in V1_CONTROLLERS))

    def create(self, sandbox_id: str, limits: CgroupLimits) -> None:
        for directory in self._dirs(sandbox_id):
            directory.mkdir(parents=True, exist_ok=True)
        memory = self._dir("memory", sandbox_id)
        _set_v1_memory_limit(memory, limits.memory_bytes)
        _write(memory / "memory.oom_control", "0")  # OOM killer enabled inside the cgroup
        _write_optional(memory / "memory.swappiness", "0")
        _write(self._dir("pids", sandbox_id) / "pids.max", str(limits.pids_max))
        cpu = self._dir("cpu", sandbox_id)
        _write(cpu / "cpu.cfs_period_us", str(CPU_PERIOD_US))
        _write(cpu / "cpu.cfs_quota_us", str(limits.cpu_quota_us))
        self.set_frozen(sandbox_id, False)

    def procs_files(self, sandbox_id: str) -> list[Path]:
        return [directory / "cgroup.procs" for directory in self._dirs(sandbox_id)]

    def exists(self, sandbox_id: str) -> bool:
        return any(directory.is_dir() for directory in self._dirs(sandbox_id))

    def sandbox_ids(self) -> list[str]:
        found: set[str] = set()
        for name in V1_CONTROLLERS:
            if name in self._mounts:
                found.update(_subdirectories(self._mounts[name] / self._root_name))
        return sorted(found)

    def pids(self, sandbox_id: str) -> list[int]:
        found: set[int] = set()
        for directory in self._dirs(sandbox_id):
            found.update(_read_pids(directory / "cgroup.procs"))
        return sorted(found)

    def kill_all(self, sandbox_id: str) -> None:
        _kill_pids(self.pids(sandbox_id))

    def set_frozen(self, sandbox_id: str, frozen: bool) -> None:
        state = self._dir("freezer", sandbox_id) / "freezer.state"
        if not state.parent.is_dir():
            raise SandboxNotFoundError(sandbox_id, "has no cgroups")
        _write(state, "FROZEN" if frozen else "THAWED")

    def is_frozen(self, sandbox_id: str) -> bool:
        state = self._dir("freezer", sandbox_id) / "freezer.state"
        return _read_optional(state).strip() == "FROZEN"

    def remove(self, sandbox_id: str) -> None:
        for directory in self._dirs(sandbox_id):
            _rmdir(directory)

    def set_root_limits(self, limits: RootLimits) -> None:
        memory = self._dir("memory", "")
        pids = self._dir("pids", "")
        for directory in self._dirs(""):
            directory.mkdir(parents=True, exist_ok=True)
            _hide_listing(directory)
        if _read_optional(memory / "memory.use_hierarchy").strip() == "0":
            _write(memory / "memory.use_hierarchy", "1")  # children count against the cap
        _set_v1_memory_limit(memory, limits.memory_bytes)
        _write(pids / "pids.max", str(limits.pids_max))

    def root_usage(self) -> RootUsage:
        memory = self._dir("memory", "")
        stat = _read_stat(memory / "memory.stat")
        usage = _read_int(memory / "memory.usage_in_bytes")
        return RootUsage(
            memory_bytes=max(0, usage - stat.get("total_inactive_file", 0)),
            pids=_read_int(self._dir("pids", "") / "pids.current"),
        )

    def usage(self, sandbox_id: str) -> ResourceUsage:
        memory = self._dir("memory", sandbox_id)
        if not memory.is_dir():
            raise SandboxNotFoundError(sandbox_id, "has no cgroups")
        return ResourceUsage(
            memory_bytes=_read_int(memory / "memory.usage_in_bytes"),
            memory_limit_bytes=_read_int(memory / "memory.limit_in_bytes"),
            cpu_usage_ns=_read_int(self._dir("cpuacct", sandbox_id) / "cpuacct.usage"),
            pids=_read_int(self._dir("pids", sandbox_id) / "pids.current"),
        )


class CgroupsV2:
    """cgroup v2 (unified): <mount>/<root_name>/<sandbox_id> with memory, pids and cpu enabled."""

    version = 2

    def __init__(self, mount: Path, root_name: str) -> None:
        self._mount = mount
        self._root = mount / root_name

    def missing(self) -> list[str]:
        available = _read_optional(self._mount / "cgroup.controllers").split()
        missing = [
            f"cgroup v2 controller '{name}' (enable it in {self._mount}/cgroup.subtree_control)"
            for name in V2_CONTROLLERS
            if name not in available
        ]
        return missing

    def _dir(self, sandbox_id: str) -> Path:
        return self._root / sandbox_id

    def create(self, sandbox_id: str, limits: CgroupLimits) -> None:
        _enable_v2_controllers(self._mount)
        self._root.mkdir(exist_ok=True)
        _enable_v2_controllers(self._root)
        directory = self._dir(sandbox_id)
        directory.mkdir(exist_ok=True)
        _write(directory / "memory.max", str(limits.memory_bytes))
        _write_optional(directory / "memory.swap.max", "0")
        _write_optional(directory / "memory.oom.group", "0")  # kill the hog, not everyone
        _write(directory / "pids.max", str(limits.pids_max))
        _write(directory / "cpu.max", f"{limits.cpu_quota_us} {CPU_PERIOD_US}")
        self.set_frozen(sandbox_id, False)

    def procs_files(self, sandbox_id: str) -> list[Path]:
        return [self._dir(sandbox_id) / "cgroup.procs"]

    def exists(self, sandbox_id: str) -> bool:
        return self._dir(sandbox_id).is_dir()

    def sandbox_ids(self) -> list[str]:
        return sorted(_subdirectories(self._root))

    def pids(self, sandbox_id: str) -> list[int]:
        return sorted(_read_pids(self._dir(sandbox_id) / "cgroup.procs"))

    def kill_all(self, sandbox_id: str) -> None:
        directory = self._dir(sandbox_id)
        if not directory.is_dir():
            return
        if (directory / "cgroup.kill").exists():  # Linux >= 5.14: kills frozen tasks too
            _write(directory / "cgroup.kill", "1")
        else:
            _kill_pids(self.pids(sandbox_id))

    def set_frozen(self, sandbox_id: str, frozen: bool) -> None:
        directory = self._dir(sandbox_id)
        if not directory.is_dir():
            raise SandboxNotFoundError(sandbox_id, "has no cgroups")
        _write(directory / "cgroup.freeze", "1" if frozen else "0")

    def is_frozen(self, sandbox_id: str) -> bool:
        events = _read_optional(self._dir(sandbox_id) / "cgroup.events")
        return "frozen 1" in events.splitlines()

    def remove(self, sandbox_id: str) -> None:
        _rmdir(self._dir(sandbox_id))

    def set_root_limits(self, limits: RootLimits) -> None:
        _enable_v2_controllers(self._mount)
        self._root.mkdir(exist_ok=True)
        _enable_v2_controllers(self._root)
        _hide_listing(self._root)
        _write(self._root / "memory.max", str(limits.memory_bytes))
        _write(self._root / "pids.max", str(limits.pids_max))

    def root_usage(self) -> RootUsage:
        stat = _read_stat(self._root / "memory.stat")
        usage = _read_int(self._root / "memory.current")
        return RootUsage(
            memory_bytes=max(0, usage - stat.get("inactive_file", 0)),
            pids=_read_int(self._root / "pids.current"),
        )

    def usage(self, sandbox_id: str) -> ResourceUsage:
        directory = self._dir(sandbox_id)
        if not directory.is_dir():
            raise SandboxNotFoundError(sandbox_id, "has no cgroups")
        limit = _read_optional(directory / "memory.max").strip()
        cpu_stat = dict(
            line.split(" ", 1) for line in _read_optional(directory / "cpu.stat").splitlines()
        )
        return ResourceUsage(
            memory_bytes=_read_int(directory / "memory.current"),
            memory_limit_bytes=-1 if limit == "max" else int(limit or 0),
            cpu_usage_ns=int(cpu_stat.get("usage_usec", "0")) * 1000,
            pids=_read_int(directory / "pids.current"),
        )


def _enable_v2_controllers(directory: Path) -> None:
    """Delegate memory, pids and cpu to the children of directory (only what is missing)."""
    enabled = _read_optional(directory / "cgroup.subtree_control").split()
    missing = [f"+{name}" for name in V2_CONTROLLERS if name not in enabled]
    if missing:
        _write(directory / "cgroup.subtree_control", " ".join(missing))


def _set_v1_memory_limit(memory: Path, limit: int) -> None:
    """memory.memsw.limit_in_bytes (memory + swap) must stay >= memory.limit_in_bytes."""
    memsw = memory / "memory.memsw.limit_in_bytes"
    if not memsw.exists():
        _write(memory / "memory.limit_in_bytes", str(limit))
        return
    if _read_int(memory / "memory.limit_in_bytes") > limit:
        _write(memory / "memory.limit_in_bytes", str(limit))
        _write(memsw, str(limit))
    else:
        _write(memsw, str(limit))
        _write(memory / "memory.limit_in_bytes", str(limit))


def _kill_pids(pids: Iterable[int]) -> None:
    for pid in pids:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)


def _read_pids(path: Path) -> list[int]:
    return [int(line) for line in _read_optional(path).split()]


def _subdirectories(directory: Path) -> list[str]:
    try:
        return [entry.name for entry in os.scandir(directory) if entry.is_dir()]
    except FileNotFoundError:
        return []


def _rmdir(directory: Path) -> None:
    try:
        directory.rmdir()
    except FileNotFoundError:
        pass
    except OSError as error:
        if error.errno == errno.EBUSY:
            raise CgroupBusyError(f"cgroup {directory} still has processes") from error
        raise


def _write(path: Path, value: str) -> None:
    try:
        with open(path, "w") as file:
            file.write(value)
    except OSError as error:
        raise SandboxRuntimeError(f"cannot write {value!r} to {path}: {error.strerror}") from error


def _write_optional(path: Path, value: str) -> None:
    if path.exists():
        _write(path, value)


def _read_optional(path: Path) -> str:
    try:
        return path.read_text()
    except (FileNotFoundError, NotADirectoryError):
        return ""


def _hide_listing(directory: Path) -> None:
    """0711: other users cannot list the sandboxes' cgroups (their names are sandbox ids, and
    an id is all a preview URL needs); the kernel's own files below stay readable."""
    try:
        os.chmod(directory, 0o711)
    except OSError as error:
        raise SandboxRuntimeError(f"cannot chmod {directory}: {error.strerror}") from error


def _read_stat(path: Path) -> dict[str, int]:
    """A flat ``name value`` file (memory.stat) as a dict."""
    values: dict[str, int] = {}
    for line in _read_optional(path).splitlines():
        name, _, value = line.partition(" ")
        if value.strip().isdigit():
            values[name] = int(value)
    return values


def _read_int(path: Path) -> int:
    text = _read_optional(path).strip()
    return int(text) if text and text != "max" else 0


def _unescape(mount_field: str) -> str:
    """/proc/self/mounts escapes space, tab, newline and backslash as octal."""
    for code, char in (("\\040", " "), ("\\011", "\t"), ("\\012", "\n"), ("\\134", "\\")):
        mount_field = mount_field.replace(code, char)
    return mount_field
