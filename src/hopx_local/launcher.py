"""Start a hopx-local server as a child process and wait until it is ready.

Used by ``make demo``, the integration and contract tests, and the benchmarks: one way to run
the real server, with a temporary data directory unless one is given.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import attrs


@attrs.frozen
class RunningServer:
    base_url: str
    api_key: str = attrs.field(repr=False)
    data_dir: Path
    process: subprocess.Popen[bytes] = attrs.field(repr=False)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def start(
    data_dir: Path,
    *,
    port: int | None = None,
    timeout: float = 60.0,
    extra_args: Sequence[str] = (),
) -> RunningServer:
    """Start ``hopx-local serve`` on loopback; return once ``/health`` answers.

    ``extra_args`` are more ``serve`` options, e.g. ``["--warm-pool", "0"]``.
    """
    ready = data_dir / "ready.json"
    ready.unlink(missing_ok=True)
    log = (data_dir / "server.log").open("ab")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "hopx_local.cli",
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            str(port or free_port()),
            "--data-dir",
            str(data_dir),
            "--ready-file",
            str(ready),
            *extra_args,
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            tail = (data_dir / "server.log").read_text(errors="replace")[-3000:]
            raise RuntimeError(f"hopx-local exited with {process.returncode}:\n{tail}")
        try:
            info = json.loads(ready.read_text())
        except (OSError, ValueError):
            time.sleep(0.02)
            continue
        return RunningServer(info["base_url"], info["api_key"], data_dir, process)
    stop(process)
    raise RuntimeError(f"hopx-local did not become ready within {timeout} s")


def stop(process: subprocess.Popen[bytes], timeout: float = 30.0) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


@contextmanager
def local_server(
    data_dir: Path | None = None, extra_args: Sequence[str] = ()
) -> Iterator[RunningServer]:
    """A running hopx-local for the duration of the block (temporary data dir by default)."""
    with tempfile.TemporaryDirectory(prefix="hopx-local-") as scratch:
        server = start(data_dir or Path(scratch), extra_args=extra_args)
        try:
            yield server
        finally:
            stop(server.process)
