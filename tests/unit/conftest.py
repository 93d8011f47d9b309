"""Unit-test helpers: a fake HopX (control plane + agent) behind ``httpx.MockTransport``."""

from __future__ import annotations

import contextvars
import json
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest

from hopx_ai._overrides import override_http

API_KEY = "sk_test_SECRET_KEY_123"
CP_URL = "https://api.example.test"
CP_HOST = "api.example.test"
SANDBOX_ID = "sbx_0123456789abcdef"
AGENT_URL = f"https://7777-{SANDBOX_ID}.us-east.vms.example.test"
AGENT_HOST = f"7777-{SANDBOX_ID}.us-east.vms.example.test"

Reply = httpx.Response | dict[str, Any] | BaseException | Callable[[httpx.Request], Any]


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def json_response(status: int, body: Any, headers: dict[str, str] | None = None) -> httpx.Response:
    return httpx.Response(status, json=body, headers=headers)


def cp_error(status: int, code: str, message: str, **details: Any) -> httpx.Response:
    return json_response(
        status,
        {"error": {"message": message, "code": code, "request_id": "req_cp", "details": details}},
        {"X-Request-ID": "req_cp"},
    )


def agent_error(status: int, code: str, message: str, **details: Any) -> httpx.Response:
    body = {
        "error": message,
        "code": code,
        "details": details,
        "path": "/x",
        "request_id": "req_agent",
        "timestamp": "2025-01-01T00:00:00Z",
    }
    return json_response(status, body, {"X-Request-ID": "req_agent"})


def sandbox_json(
    sandbox_id: str = SANDBOX_ID, status: str = "running", **extra: Any
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": sandbox_id,
        "object": "sandbox",
        "status": status,
        "public_host": f"https://7777-{sandbox_id}.us-east.vms.example.test",
        "resources": {"vcpu": 2, "memory_mb": 4096, "disk_mb": 10240},
        "created_at": "2025-01-01T00:00:00Z",
        "template_name": "code-interpreter",
    }
    body.update(extra)
    return body


@dataclass
class Router:
    """Answers requests by (host, method, path); records every request it sees."""

    routes: dict[tuple[str, str, str], list[Reply]] = field(default_factory=dict)
    requests: list[httpx.Request] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def on(self, method: str, path: str, *replies: Reply, host: str = CP_HOST) -> None:
        """Replies are used in order; the last one repeats."""
        self.routes[(host, method.upper(), path)] = list(replies)

    def agent(self, method: str, path: str, *replies: Reply) -> None:
        self.on(method, path, *replies, host=AGENT_HOST)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        with self.lock:
            request.read()
            # a snapshot: the SDK may change the same request object before replaying it
            self.requests.append(
                httpx.Request(
                    request.method,
                    request.url,
                    headers=request.headers.copy(),
                    content=request.content,
                )
            )
            key = (request.url.host, request.method, request.url.path)
            replies = self.routes.get(key)
            if not replies:
                return json_response(404, {"error": f"no route {key}", "code": "NOT_FOUND"})
            reply = replies.pop(0) if len(replies) > 1 else replies[0]
        if isinstance(reply, BaseException):
            raise reply
        if callable(reply) and not isinstance(reply, httpx.Response):
            reply = reply(request)
        if isinstance(reply, httpx.Response):
            return reply
        return json_response(200, reply)

    def calls(self, method: str, path: str) -> list[httpx.Request]:
        return [r for r in self.requests if r.method == method and r.url.path == path]

    def count(self, method: str, path: str) -> int:
        return len(self.calls(method, path))


@dataclass
class Sleeps:
    """Fake sleeps: record the delays instead of waiting."""

    delays: list[float] = field(default_factory=list)

    def sync(self, seconds: float) -> None:
        self.delays.append(seconds)

    async def async_(self, seconds: float) -> None:
        self.delays.append(seconds)


@dataclass
class Clock:
    now: float = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def router() -> Router:
    return Router()


@pytest.fixture
def sleeps() -> Sleeps:
    return Sleeps()


@pytest.fixture
def clock() -> Clock:
    return Clock()


class _Routing:
    """The router of the running test, behind the one transport the tests hand the SDK."""

    router: Router | None = None

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if self.router is None:
            raise RuntimeError("no fake server: use the `fake` fixture")
        return self.router(request)


_ROUTING = _Routing()
# What tests pass as ``transport=`` (the public parameter): both blocking and async clients.
TRANSPORT = httpx.MockTransport(_ROUTING)


@pytest.fixture
def fake(router: Router, sleeps: Sleeps, clock: Clock) -> Iterator[Router]:
    """SDK calls made with ``transport=TRANSPORT`` go to ``router``; sleeps are recorded; time
    is ``clock``."""
    _ROUTING.router = router
    try:
        with override_http(
            sync_sleep=sleeps.sync, async_sleep=sleeps.async_, clock=clock, random=lambda: 0.5
        ):
            yield router
    finally:
        _ROUTING.router = None


@pytest.fixture(autouse=True)
def _environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests get their key/URL explicitly unless they set the environment themselves."""
    monkeypatch.delenv("HOPX_API_KEY", raising=False)
    monkeypatch.delenv("HOPX_BASE_URL", raising=False)


def in_threads(count: int, function: Callable[[], Any]) -> list[Any]:
    """Run ``function`` in ``count`` threads at once, each seeing the test's context (fakes)."""
    contexts = [contextvars.copy_context() for _ in range(count)]
    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(lambda context: context.run(function), contexts))


def body_of(request: httpx.Request) -> Any:
    return json.loads(request.content) if request.content else None


def make_jwt(exp: float, sub: str = SANDBOX_ID) -> str:
    import base64

    def part(data: dict[str, Any]) -> str:
        raw = json.dumps(data).encode()
        return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()

    return f"{part({'alg': 'HS256', 'typ': 'JWT'})}.{part({'sub': sub, 'exp': int(exp)})}.sig"
