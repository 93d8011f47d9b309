"""The fork server's program: a fresh Python that imported a program once, forked into sandboxes.

Started by :class:`~hopx_local.runtime.forkserver.ForkServer` (exec'd, never forked from the
control plane: it holds none of the control plane's memory, descriptors, environment or
secrets). It imports its ``preload`` modules (the whole module graph of the agent), freezes
them out of the garbage collector (so collections do not write to the shared pages), and waits.

Each launch arrives as one descriptor (SCM_RIGHTS) on the control socket: a socket of that
launch alone. The server forks at once and reads nothing of it; the fork reads the launch
(target sandbox, descriptors, argv, environment), so one sandbox's environment never reaches
this process, nor any later fork of it. The fork enters the sandbox (``enter``), forks once
more to be inside its pid namespace, reports that process's host pid and ends; the grandchild
takes the sandbox's environment and runs the entry point (the server has pointed sys.path and
its modules' files at their paths inside once, after its imports). Its exit status goes to the
anchor (``anchor``) through its pipe.
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import json
import os
import select
import signal
import socket
import sys
import traceback
from collections.abc import Mapping, Sequence
from typing import Any

PR_SET_CHILD_SUBREAPER = 36
MAX_LAUNCH_BYTES = 1 << 20
MAX_LAUNCH_FDS = 16
LAUNCH_READ_TIMEOUT_S = 10.0


def serve(config: Mapping[str, Any]) -> None:
    """The server loop; returns when the control socket closes."""
    from hopx_local.runtime import enter, seccomp

    enter.prctl(enter.PR_SET_PDEATHSIG, signal.SIGKILL)
    enter.prctl(PR_SET_CHILD_SUBREAPER, 1)  # forked agents are reparented here: reap them
    control = socket.socket(fileno=int(config["control_fd"]))
    null = os.open(os.devnull, os.O_RDWR)
    os.dup2(null, 0)
    os.close(null)
    seccomp_filter = seccomp.default_filter()
    for name in config["preload"]:
        importlib.import_module(name)
    if config.get("warm_up"):
        _entry(str(config["warm_up"]))()
    # From here on the server imports nothing; its forks find what they import later inside.
    relocate(config.get("path_map") or {})
    gc.collect()
    gc.freeze()
    control.sendall(b"ready")
    while True:
        readable, _, _ = select.select([control], [], [], 1.0)
        _reap()
        if not readable:
            continue
        try:
            message, fds, _flags, _address = socket.recv_fds(control, 16, 1)
        except OSError:
            return
        if not message:
            return
        if not fds:
            continue
        pid = os.fork()
        if pid == 0:
            status = 1
            try:
                control.close()
                status = _launch(fds[0], seccomp_filter)
            finally:
                os._exit(status)
        os.close(fds[0])


def _reap() -> None:
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


def _launch(fd: int, seccomp_filter: bytes) -> int:
    """In the fork: read the launch, enter the sandbox, fork the program; 0 once reported."""
    from hopx_local.runtime import enter

    channel = socket.socket(fileno=fd)
    channel.settimeout(LAUNCH_READ_TIMEOUT_S)
    try:
        message, fds, _flags, _address = socket.recv_fds(channel, MAX_LAUNCH_BYTES, MAX_LAUNCH_FDS)
        launch = json.loads(message)
        targets = [int(number) for number in launch["fd_numbers"]]
        if len(targets) != len(fds):
            raise ValueError(f"{len(fds)} descriptors for {len(targets)} numbers")
        status_target = int(launch["status_fd"])
        target = enter.Target(
            pid1=int(launch["pid1"]),
            procs_files=list(launch["procs_files"]),
            capabilities=list(launch["capabilities"]),
            seccomp_filter=seccomp_filter,
            cwd=str(launch["cwd"]),
            oom_score_adj=launch.get("oom_score_adj"),
        )
        keep = dict(zip(fds, targets, strict=True))
        keep[channel.fileno()] = max([*targets, 2]) + 1
        enter.enter(target, keep)
        channel = socket.socket(fileno=keep[channel.fileno()])
        os.set_inheritable(channel.fileno(), False)
        os.set_inheritable(status_target, False)
        pid = os.fork()
        if pid == 0:
            channel.close()
            _run(launch, status_target)
    except BaseException as error:
        reason = "".join(traceback.format_exception_only(type(error), error)).strip()
        with contextlib.suppress(OSError):
            channel.sendall(json.dumps({"error": reason}).encode())
        return 1
    channel.sendall(json.dumps({"pid": _host_pid(pid)}).encode())
    return 0


def _host_pid(pid: int) -> int:
    # This process is still in the host's pid namespace: fork returned the child's host pid.
    return pid


def _run(launch: Mapping[str, Any], status_fd: int) -> None:
    """In the grandchild (inside the sandbox's pid namespace): become the program."""
    status = 1
    try:
        os.setsid()
        os.environ.clear()
        os.environ.update(launch["env"])
        sys.argv = [str(arg) for arg in launch["argv"]]
        status = _exit_status(_entry(str(launch["entry"])), sys.argv[1:])
    except BaseException:
        traceback.print_exc()
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except Exception:
            pass
        try:
            os.write(status_fd, bytes([status & 0xFF]))
        finally:
            os._exit(status)


def _entry(name: str) -> Any:
    module_name, _, function = name.partition(":")
    return getattr(importlib.import_module(module_name), function)


def _exit_status(entry: Any, argv: Sequence[str]) -> int:
    try:
        entry(list(argv))
    except SystemExit as done:
        code = done.code
        if code is None:
            return 0
        if isinstance(code, int):
            return code
        print(code, file=sys.stderr)
        return 1
    return 0


def relocate(path_map: Mapping[str, str]) -> None:
    """Point sys.path and every imported module's files at their paths inside the sandbox.

    A module imported later (lazily) is then found where the sandbox has it, read-only, never
    at a host path the sandbox's root could create in its own file system.
    """

    def moved(path: str) -> str:
        for host, inside in path_map.items():
            if path == host or path.startswith(host.rstrip("/") + "/"):
                return inside + path[len(host.rstrip("/")) :]
        return path

    sys.path[:] = [moved(entry) for entry in sys.path]
    sys.path_importer_cache.clear()
    importlib.invalidate_caches()
    for module in list(sys.modules.values()):
        file = getattr(module, "__file__", None)
        if isinstance(file, str):
            with contextlib.suppress(AttributeError, TypeError):
                module.__file__ = moved(file)
        search = getattr(module, "__path__", None)
        if isinstance(search, list):
            search[:] = [moved(entry) if isinstance(entry, str) else entry for entry in search]
        spec = getattr(module, "__spec__", None)
        if spec is not None and isinstance(getattr(spec, "origin", None), str):
            with contextlib.suppress(AttributeError, TypeError):
                spec.origin = moved(spec.origin)
