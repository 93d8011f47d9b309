"""A real OCI registry on loopback (Debian's docker-registry), optionally behind htpasswd."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import attrs
import httpx

from hopx_local.launcher import free_port

REGISTRY = "/usr/bin/docker-registry"
HTPASSWD = "/usr/bin/htpasswd"


@attrs.frozen
class Registry:
    host: str
    """``127.0.0.1:<port>``."""
    username: str | None = None
    password: str | None = None


@contextmanager
def running_registry(
    directory: Path, *, username: str | None = None, password: str | None = None
) -> Iterator[Registry]:
    directory.mkdir(parents=True, exist_ok=True)
    port = free_port()
    auth = ""
    if username is not None and password is not None:
        htpasswd = directory / "htpasswd"
        line = subprocess.run(
            [HTPASSWD, "-Bbn", username, password], capture_output=True, text=True, check=True
        ).stdout.strip()
        htpasswd.write_text(line + "\n")
        auth = f"auth:\n  htpasswd:\n    realm: test\n    path: {htpasswd}\n"
    config = directory / "config.yml"
    config.write_text(
        "version: 0.1\nlog:\n  level: warn\n"
        f"storage:\n  filesystem:\n    rootdirectory: {directory / 'data'}\n"
        f"http:\n  addr: 127.0.0.1:{port}\n{auth}"
    )
    log = (directory / "registry.log").open("ab")
    process = subprocess.Popen([REGISTRY, "serve", str(config)], stdout=log, stderr=log)
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                httpx.get(f"http://127.0.0.1:{port}/v2/", timeout=2)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError(
                        "docker-registry did not start: "
                        + (directory / "registry.log").read_text()[-2000:]
                    ) from None
                time.sleep(0.05)
        yield Registry(f"127.0.0.1:{port}", username, password)
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()
