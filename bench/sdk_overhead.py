"""SDK overhead per call against the same raw httpx request, on one hopx-local sandbox.

    python -m bench.sdk_overhead [REPEATS]

A smaller, standalone form of the ``overhead`` scenario of ``make bench`` (no chart, no
published-SDK venv): it prints the median of each side and their ratio. Calls are interleaved so
that the noise of a shared machine hits both sides alike. Run it with ``PYTHONPATH`` pointing at
another checkout's ``src`` and ``generated`` to compare two versions of the SDK.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable

import httpx

from hopx_ai import Sandbox
from hopx_local.launcher import local_server


def _timed(call: Callable[[], object]) -> float:
    start = time.perf_counter()
    call()
    return (time.perf_counter() - start) * 1000


def main(repeats: int) -> None:
    with (
        local_server() as server,
        Sandbox.create(
            template="code-interpreter", api_key=server.api_key, base_url=server.base_url
        ) as sandbox,
    ):
        sandbox.files.write("/workspace/bench.txt", "hello")
        host = sandbox.get_info().public_host.rstrip("/")
        headers = {"Authorization": f"Bearer {sandbox.get_token()}"}
        with httpx.Client(base_url=host, headers=headers) as raw:
            cases: dict[str, tuple[Callable[[], object], Callable[[], object]]] = {
                "files.read": (
                    lambda: sandbox.files.read("/workspace/bench.txt"),
                    lambda: raw.get("/files/read", params={"path": "/workspace/bench.txt"}).json(),
                ),
                "commands.run": (
                    lambda: sandbox.commands.run("true"),
                    lambda: raw.post("/commands/run", json={"command": "true"}).json(),
                ),
                "get_agent_info": (
                    sandbox.get_agent_info,
                    lambda: raw.get("/info").json(),
                ),
            }
            for name, (sdk_call, raw_call) in cases.items():
                for _ in range(5):
                    sdk_call(), raw_call()
                sdk, plain = [], []
                for _ in range(repeats):
                    sdk.append(_timed(sdk_call))
                    plain.append(_timed(raw_call))
                ratio = statistics.median(sdk) / statistics.median(plain)
                print(
                    f"{name:16} SDK {statistics.median(sdk):7.3f} ms   "
                    f"raw httpx {statistics.median(plain):7.3f} ms   ratio {ratio:.3f}",
                    flush=True,
                )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
