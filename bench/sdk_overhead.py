"""SDK overhead per call against the same raw httpx request, on one hopx-local sandbox.

    python -m bench.sdk_overhead [REPEATS]

What makes the figure honest:

* **the same request on the wire**: the SDK's request of each case is recorded once (method,
  path, query, JSON body) and the raw side sends exactly that with plain httpx
  (``client.request(method, path, params=..., json=...).json()``), as a user of httpx would;
* **the same connection pool**: both sides send through one ``httpx.HTTPTransport`` (the SDK
  gets it as ``transport=``, under its own retries and auth, exactly as with the default one), so
  they reuse the same keep-alive connection to the same server;
* **interleaved, in alternating order** (SDK, raw, raw, SDK, ...): drift on a shared machine and
  whatever the server does after an answer hit both sides alike;
* **medians of many** calls, and a *noise floor* (raw against raw) printed beside them: a ratio
  inside the floor is no overhead at all.

``make bench`` runs :func:`measure` through its ``overhead`` scenario (target: within 3 %).
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import attrs
import httpx

from hopx_ai import Sandbox
from hopx_local.launcher import RunningServer, local_server

TARGET = 1.03  # SDK median / raw median


@attrs.frozen
class RecordedRequest:
    method: str
    path: str
    params: list[tuple[str, str]]
    body: Any  # decoded JSON body, or None


class _RecordingTransport(httpx.BaseTransport):
    """The shared network transport; records requests while ``recording`` is on."""

    def __init__(self, inner: httpx.BaseTransport) -> None:
        self.inner = inner
        self.recording = False
        self.recorded: list[httpx.Request] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if self.recording:
            request.read()
            self.recorded.append(request)
        return self.inner.handle_request(request)

    def close(self) -> None:
        self.inner.close()


def _record(transport: _RecordingTransport, call: Callable[[], object]) -> RecordedRequest:
    transport.recorded.clear()
    transport.recording = True
    try:
        call()
    finally:
        transport.recording = False
    (request,) = transport.recorded
    return RecordedRequest(
        method=request.method,
        path=request.url.path,
        params=list(request.url.params.multi_items()),
        body=json.loads(request.content) if request.content else None,
    )


def _raw_call(client: httpx.Client, recorded: RecordedRequest) -> Callable[[], object]:
    def call() -> object:
        response = client.request(
            recorded.method, recorded.path, params=recorded.params or None, json=recorded.body
        )
        response.raise_for_status()
        return response.json()

    return call


def _timed(call: Callable[[], object]) -> float:
    start = time.perf_counter()
    call()
    return (time.perf_counter() - start) * 1000


def _interleaved(
    first: Callable[[], object], second: Callable[[], object], repeats: int
) -> tuple[list[float], list[float]]:
    for _ in range(max(10, repeats // 20)):  # warm both (pool, kernel, caches)
        first(), second()
    a: list[float] = []
    b: list[float] = []
    for i in range(repeats):
        if i % 2:
            a.append(_timed(first))
            b.append(_timed(second))
        else:
            b.append(_timed(second))
            a.append(_timed(first))
    return a, b


@attrs.frozen
class Case:
    name: str
    sdk: list[float]
    raw: list[float]

    @property
    def ratio(self) -> float:
        return statistics.median(self.sdk) / statistics.median(self.raw)


@contextmanager
def bench_sandbox(server: RunningServer) -> Iterator[tuple[Sandbox, _RecordingTransport]]:
    """A sandbox whose SDK client and the raw client share one network transport."""
    transport = _RecordingTransport(httpx.HTTPTransport())
    with Sandbox.create(
        template="code-interpreter", api_key=server.api_key, base_url=server.base_url
    ) as created:
        sandbox = Sandbox.connect(
            created.sandbox_id,
            api_key=server.api_key,
            base_url=server.base_url,
            transport=transport,
        )
        try:
            yield sandbox, transport
        finally:
            sandbox.close()


def measure(sandbox: Sandbox, transport: _RecordingTransport, repeats: int) -> list[Case]:
    """Each case's SDK and raw samples (ms), plus the raw-against-raw noise floor."""
    sandbox.files.write("/workspace/bench.txt", "hello")
    sandbox.run_code("1+1")  # the kernel is warm before anything is timed
    sdk_calls: dict[str, Callable[[], object]] = {
        "run_code": lambda: sandbox.run_code("1+1"),
        "commands.run": lambda: sandbox.commands.run("true"),
        "files.read": lambda: sandbox.files.read("/workspace/bench.txt"),
        "get_agent_info": sandbox.get_agent_info,
    }
    host = sandbox.get_info().public_host.rstrip("/")
    headers = {"Authorization": f"Bearer {sandbox.get_token()}"}
    cases: list[Case] = []
    with (
        httpx.Client(base_url=host, headers=headers, transport=transport) as raw,
        httpx.Client(base_url=host, headers=headers, transport=transport) as raw2,
    ):
        for name, sdk_call in sdk_calls.items():
            raw_call = _raw_call(raw, _record(transport, sdk_call))
            # sub-millisecond calls need many samples for a stable median
            count = repeats if name in ("run_code", "commands.run") else repeats * 3
            sdk, plain = _interleaved(sdk_call, raw_call, count)
            cases.append(Case(name, sdk, plain))
        floor = _raw_call(raw2, _record(transport, sandbox.get_agent_info))
        other, plain = _interleaved(floor, _raw_call(raw, _record(transport, floor)), repeats * 3)
        cases.append(Case("noise floor (raw vs raw, /info)", other, plain))
    return cases


def main(repeats: int) -> None:
    with local_server() as server, bench_sandbox(server) as (sandbox, transport):
        for case in measure(sandbox, transport, repeats):
            print(
                f"{case.name:32} SDK {statistics.median(case.sdk):7.3f} ms   "
                f"raw httpx {statistics.median(case.raw):7.3f} ms   ratio {case.ratio:.3f}"
                f"   (n={len(case.sdk)})",
                flush=True,
            )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 400)
