"""The desktop inside a real sandbox (bubblewrap, unprivileged uid, read-only /usr and /etc, own
network): the display starts with the production defaults and the VNC server is reachable from
the host through the unix socket in the sandbox's /run/hopx (what the control plane relays)."""

from __future__ import annotations

import asyncio
import json
import os
import secrets
import socket
import sysconfig
import time
from pathlib import Path
from typing import Any

import pytest

import hopx_local
from hopx_local.agent.desktop import missing_dependencies

from .rfb import authenticate

INSIDE = """
import asyncio, json, os
from hopx_local.agent.desktop import DesktopEngine

async def main():
    engine = DesktopEngine()  # production defaults: display :1, /tmp/hopx-desktop, /run/hopx
    try:
        await engine.ready()
        shot = await engine.screen.capture()
        vnc = await engine.vnc.start(display=1, password="pw123456")
        print(json.dumps({"uid": os.getuid(), "display": engine.x.display_name,
                          "shot": [shot.width, shot.height], "socket": vnc.socket_path}),
              flush=True)
        while not os.path.exists("/workspace/done"):
            await asyncio.sleep(0.05)
    finally:
        await engine.close()

asyncio.run(main())
"""


def _skip_reason() -> str | None:
    if os.geteuid() != 0:
        return "creating sandboxes needs root"
    missing = missing_dependencies()
    if missing:
        return "desktop packages missing: apt-get install " + " ".join(missing)
    return None


async def _run_desktop_sandbox(root: Path) -> tuple[dict[str, Any], tuple[int, bytes] | None]:
    from hopx_local.runtime import Runtime, SandboxSpec, allocate_uid, prepare_root_dir

    runtime = Runtime()
    problems = runtime.missing_host_dependencies()
    if problems:
        pytest.skip(f"sandbox runtime unavailable: {problems}")
    src = Path(hopx_local.__file__).resolve().parents[1]
    site_packages = Path(sysconfig.get_paths()["purelib"])
    spec = SandboxSpec(
        sandbox_id="sbx_" + secrets.token_hex(8),
        root_dir=root / "sandbox",
        uid=allocate_uid(set()),
        memory_mb=512,
        pids_max=256,
        vcpu=1.0,
        internet_access=False,
        env={"PYTHONPATH": "/opt/hopx/src:/opt/hopx/site-packages"},
        command=["/usr/bin/python3", "/opt/hopx/test/inside.py"],
        extra_ro_binds=[
            (src, "/opt/hopx/src"),
            (site_packages, "/opt/hopx/site-packages"),
            (root / "test", "/opt/hopx/test"),
        ],
    )
    (root / "test").mkdir()
    (root / "test" / "inside.py").write_text(INSIDE)
    paths = prepare_root_dir(spec.root_dir, spec.uid)
    process = await runtime.start(spec)
    try:
        deadline = time.monotonic() + 30
        report: dict[str, Any] | None = None
        while report is None:
            text = paths.log.read_text() if paths.log.exists() else ""
            lines = [line for line in text.splitlines() if line.startswith("{")]
            if lines:
                report = json.loads(lines[0])
            elif process.returncode is not None or time.monotonic() > deadline:
                raise AssertionError(f"the desktop did not start in the sandbox:\n{text}")
            else:
                await asyncio.sleep(0.05)
        with socket.socket(socket.AF_UNIX) as sock:
            sock.connect(str(paths.run / "vnc.sock"))  # the host side of /run/hopx/vnc.sock
            login = authenticate(sock, "pw123456")
        (paths.workspace / "done").write_text("")
        return report, login
    finally:
        await runtime.destroy(spec.sandbox_id, spec.root_dir)
        await runtime.close()


def test_desktop_runs_in_a_sandbox_and_vnc_is_reachable_from_the_host(tmp_path: Path) -> None:
    reason = _skip_reason()
    if reason:
        pytest.skip(reason)
    report, login = asyncio.run(_run_desktop_sandbox(tmp_path))
    assert report["uid"] == 0  # root of its own machine (an unprivileged uid on the host)
    assert report["display"] == ":1"
    assert report["shot"] == [1920, 1080]
    assert report["socket"] == "/run/hopx/vnc.sock"
    if login is None:
        pytest.skip("openssl with the legacy (DES) provider is needed to answer VNC auth")
    result, server_init = login
    assert result == 0
    assert server_init == (1920).to_bytes(2, "big") + (1080).to_bytes(2, "big")
