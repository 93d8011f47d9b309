"""The agent inside a real sandbox (bwrap + cgroups, unprivileged uid): start and request costs.

    sudo .venv/bin/python bench/agent_sandbox_bench.py [--sandboxes 3] [--vcpu 1.0]

Shows what the control plane must mount for the agent (sources, site-packages, openapi/, the
parsed-spec cache) and prints: runtime start, start-to-healthy, cgroup memory idle and with the
kernel, request latencies measured from the host over the agent's unix socket.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import secrets
import statistics
import sys
import time
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from hopx_local.agent.auth import sign  # noqa: E402
from hopx_local.runtime import (  # noqa: E402
    Runtime,
    SandboxSpec,
    allocate_uid,
    prepare_root_dir,
    write_sandbox_file,
)
from hopx_local.specs import load_spec, spec_path  # noqa: E402

SITE_PACKAGES = next(Path(sys.prefix).glob("lib/python3*/site-packages"))
MIB = 1024 * 1024


def shared_spec_cache(folder: Path) -> Path:
    """Parse the YAML once on the host; every sandbox reads the JSON copy read-only."""
    load_spec(spec_path("vm-agent"), cache_dir=folder)
    folder.chmod(0o755)
    for item in folder.iterdir():
        item.chmod(0o644)
    return folder


def sandbox_spec(sandbox_id: str, root: Path, cache: Path, vcpu: float) -> SandboxSpec:
    return SandboxSpec(
        sandbox_id=sandbox_id,
        root_dir=root,
        uid=allocate_uid(set()),
        memory_mb=512,
        pids_max=256,
        vcpu=vcpu,
        internet_access=False,
        env={
            "PYTHONPATH": "/opt/hopx/src:/opt/hopx/site-packages",
            "HOPX_SPEC_CACHE": "/opt/hopx/spec-cache",
            "HOPX_MEMORY_LIMIT_BYTES": str(512 * MIB),
        },
        command=[
            *("/usr/bin/python3", "-S", "-m", "hopx_local.agent"),
            *("--socket", "/run/hopx/agent.sock", "--key-file", "/run/hopx/token.key"),
            *("--sandbox-id", sandbox_id),
        ],
        extra_ro_binds=[
            (REPO / "src", "/opt/hopx/src"),
            (SITE_PACKAGES, "/opt/hopx/site-packages"),
            (REPO / "openapi", "/opt/hopx/openapi"),
            (cache, "/opt/hopx/spec-cache"),
        ],
    )


async def median_ms(client: httpx.AsyncClient, method: str, path: str, **kw: object) -> float:
    samples = []
    for _ in range(100):
        started = time.perf_counter()
        response = await client.request(method, path, **kw)  # type: ignore[arg-type]
        assert response.status_code == 200, response.text
        samples.append(time.perf_counter() - started)
    return statistics.median(samples) * 1000


async def run_one(runtime: Runtime, index: int, cache: Path, vcpu: float, detail: bool) -> None:
    sandbox_id = f"sbx_agentbench{index:04d}"
    root = Path("/tmp/hopx-agent-sandbox-bench") / sandbox_id
    spec = sandbox_spec(sandbox_id, root, cache, vcpu)
    paths = prepare_root_dir(root, spec.uid)
    secret = secrets.token_hex(32).encode()
    write_sandbox_file(paths.run / "token.key", secret, uid=spec.uid, mode=0o400)
    started = time.perf_counter()
    process = await runtime.start(spec)
    spawned = time.perf_counter()
    try:
        transport = httpx.AsyncHTTPTransport(uds=str(paths.agent_socket))
        async with httpx.AsyncClient(transport=transport, base_url="http://agent") as client:
            while True:
                if process.returncode is not None:
                    raise RuntimeError((root / "sandbox.log").read_text()[-2000:])
                try:
                    if (await client.get("/health")).json()["status"] == "healthy":
                        break
                except (httpx.HTTPError, OSError):
                    await asyncio.sleep(0.002)
            healthy = time.perf_counter()
            print(f"{sandbox_id}: runtime.start {(spawned - started) * 1000:.0f} ms, "
                  f"start-to-healthy {(healthy - started) * 1000:.0f} ms")  # fmt: skip
            if not detail:
                return
            token = sign({"sub": sandbox_id, "exp": int(time.time()) + 600}, secret)
            client.headers["Authorization"] = f"Bearer {token}"
            await asyncio.sleep(0.5)
            print(f"  cgroup memory idle: {runtime.usage(sandbox_id).memory_bytes / MIB:.1f} MiB")
            print(f"  GET /ping: {await median_ms(client, 'GET', '/ping'):.2f} ms")
            run_true = await median_ms(client, "POST", "/commands/run", json={"command": "true"})
            print(f"  POST /commands/run true: {run_true:.2f} ms")
            first = time.perf_counter()
            await client.post("/execute", json={"code": "1+1"}, timeout=120)
            print(f"  first python execute: {(time.perf_counter() - first) * 1000:.0f} ms")
            warm = await median_ms(client, "POST", "/execute", json={"code": "1+1"})
            print(f"  warm kernel 1+1: {warm:.2f} ms")
            await asyncio.sleep(0.5)
            usage = runtime.usage(sandbox_id)
            print(f"  cgroup memory with kernel: {usage.memory_bytes / MIB:.1f} MiB")
    finally:
        await runtime.destroy(sandbox_id, root)


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sandboxes", type=int, default=3)
    parser.add_argument("--vcpu", type=float, default=1.0)
    args = parser.parse_args()
    runtime = Runtime()
    missing = runtime.missing_host_dependencies()
    if missing:
        raise SystemExit(f"cannot run sandboxes here: {missing}")
    cache = shared_spec_cache(Path("/tmp/hopx-agent-sandbox-bench-spec"))
    print(f"load average: {os.getloadavg()}")
    try:
        for index in range(args.sandboxes):
            await run_one(runtime, index, cache, args.vcpu, detail=index == args.sandboxes - 1)
    finally:
        await runtime.close()


if __name__ == "__main__":
    asyncio.run(main())
