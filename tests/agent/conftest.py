"""One real agent process per test session, on a temporary unix socket.

The agent runs as it does in a sandbox — ``/usr/bin/python3 -m hopx_local.agent`` with the
project's sources and the venv's site-packages on PYTHONPATH — but on the host, as the
unprivileged user ``nobody`` when the tests run as root. API paths under ``/workspace`` map to a
temporary directory; the Files API may also use a temporary "scratch" root.
"""

from __future__ import annotations

import os
import shutil
import socket
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

from hopx_local.agent.auth import sign
from hopx_local.specs import load_spec, spec_path

REPO = Path(__file__).resolve().parents[2]
SITE_PACKAGES = next(Path(sys.prefix).glob("lib/python3*/site-packages"))
SYSTEM_PYTHON = "/usr/bin/python3" if Path("/usr/bin/python3").exists() else sys.executable
NOBODY = 65534
SANDBOX_ID = "sbx_agenttest0001"
SECRET = "test-secret-0123456789abcdef"
START_TIMEOUT = 30.0


@dataclass
class RunningAgent:
    socket: str
    root: Path
    workspace: Path
    scratch: Path
    template: str
    process: subprocess.Popen[bytes]
    log: Path
    extra_env: dict[str, str] = field(default_factory=dict)

    def token(self, *, sub: str = SANDBOX_ID, key: str = SECRET, ttl: int = 3600) -> str:
        now = int(time.time())
        return sign({"sub": sub, "iat": now, "exp": now + ttl}, key.encode())

    def client(self, token: str | None = None, timeout: float = 60.0) -> httpx.Client:
        headers = {"Authorization": f"Bearer {token or self.token()}"}
        return httpx.Client(
            transport=httpx.HTTPTransport(uds=self.socket),
            base_url="http://agent",
            headers=headers,
            timeout=timeout,
        )

    def auth_headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token()}"}


def _drop_privileges() -> list[str]:
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root needs setpriv to start the agent unprivileged")
    return [setpriv, f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]


def _wait_healthy(agent: RunningAgent) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if agent.process.poll() is not None:
            raise RuntimeError(f"agent exited early:\n{agent.log.read_text()}")
        try:
            with agent.client() as client:
                if client.get("/health").json().get("status") == "healthy":
                    return
        except (httpx.HTTPError, OSError, ValueError):
            time.sleep(0.02)
    raise RuntimeError(f"agent did not become healthy:\n{agent.log.read_text()}")


def start_agent(template: str, extra_env: dict[str, str] | None = None) -> RunningAgent:
    root = Path(tempfile.mkdtemp(prefix="hopx-agent-test-", dir="/tmp"))
    workspace, scratch, home = root / "workspace", root / "scratch", root / "home"
    for folder in (workspace, scratch, home):
        folder.mkdir()
    key_file = root / "token.key"
    key_file.write_text(SECRET + "\n")
    cache = Path(tempfile.gettempdir()) / "hopx-agent-test-cache"  # shared: Go builds stay warm
    cache.mkdir(exist_ok=True)
    if os.geteuid() == 0:
        for path in [root, workspace, scratch, home, key_file, cache]:
            os.chown(path, NOBODY, NOBODY)
        for folder, _, names in os.walk(cache):
            os.chown(folder, NOBODY, NOBODY)
            for name in names:
                os.lchown(os.path.join(folder, name), NOBODY, NOBODY)
    socket_path = str(root / "agent.sock")
    env = {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "PYTHONPATH": f"{REPO / 'src'}:{SITE_PACKAGES}",
        "HOPX_ENV_KEYS": "CREATED_WITH",
        "CREATED_WITH": "sandbox-create",
        "HOPX_MEMORY_LIMIT_BYTES": str(512 * 1024 * 1024),
        **(extra_env or {}),
    }
    log = root / "agent.log"
    argv = [
        *_drop_privileges(),
        SYSTEM_PYTHON,
        "-m",
        "hopx_local.agent",
        "--socket",
        socket_path,
        "--template",
        template,
        "--workspace",
        str(workspace),
        "--allowed-root",
        "/workspace",
        "--allowed-root",
        str(scratch),
        "--key-file",
        str(key_file),
        "--sandbox-id",
        SANDBOX_ID,
        "--cache-dir",
        str(cache),
        "--spec-cache",
        str(root / "spec-cache"),
    ]
    with open(log, "wb") as out:
        process = subprocess.Popen(
            argv, env=env, cwd=str(workspace), stdout=out, stderr=subprocess.STDOUT
        )
    agent = RunningAgent(socket_path, root, workspace, scratch, template, process, log, env)
    _wait_healthy(agent)
    return agent


def stop_agent(agent: RunningAgent) -> None:
    agent.process.terminate()
    try:
        agent.process.wait(10)
    except subprocess.TimeoutExpired:
        agent.process.kill()
        agent.process.wait()
    shutil.rmtree(agent.root, ignore_errors=True)


@pytest.fixture(scope="session", autouse=True)
def _checkout_reachable_by_the_agent() -> Iterator[None]:
    """The agent (``nobody``) imports from the checkout and its venv. A checkout under a
    private directory (``mktemp -d`` makes them 0700) would hide both from it, so directories
    on the way get search permission for others (not read: nothing is listed) while the
    suite runs, and get their mode back afterwards. (In a real sandbox they are bind mounts.)"""
    changed: dict[Path, int] = {}
    if os.geteuid() == 0:
        for directory in {*REPO.parents, REPO, *SITE_PACKAGES.parents}:
            mode = directory.stat().st_mode
            if not mode & stat.S_IXOTH:
                directory.chmod(stat.S_IMODE(mode) | stat.S_IXOTH)
                changed[directory] = stat.S_IMODE(mode)
    try:
        yield
    finally:
        for directory, mode in changed.items():
            directory.chmod(mode)


@pytest.fixture(scope="session")
def agent() -> Iterator[RunningAgent]:
    """The code-interpreter agent shared by the suite (one kernel for all tests)."""
    running = start_agent("code-interpreter")
    yield running
    stop_agent(running)


@pytest.fixture(scope="session")
def base_agent() -> Iterator[RunningAgent]:
    """An agent of the ``base`` template (no Jupyter kernel)."""
    running = start_agent("base")
    yield running
    stop_agent(running)


@pytest.fixture()
def api(agent: RunningAgent) -> Iterator[httpx.Client]:
    with agent.client() as client:
        yield client


@pytest.fixture(scope="session")
def document() -> dict[str, Any]:
    return load_spec(spec_path("vm-agent"))


@pytest.fixture(scope="session")
def conforms(document: dict[str, Any]) -> Any:
    """conforms("ExecuteResponse", body): assert ``body`` matches that schema of the YAML."""
    from openapi_schema_validator import OAS30Validator

    components = document["components"]
    cache: dict[str, Any] = {}

    def check(schema_name: str, body: Any) -> None:
        validator = cache.get(schema_name)
        if validator is None:
            validator = OAS30Validator(
                {"$ref": f"#/components/schemas/{schema_name}", "components": components}
            )
            cache[schema_name] = validator
        problems = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(body)]
        assert not problems, f"{schema_name} mismatch: {problems}"

    return check


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture(scope="session")
def expect_error(conforms: Any) -> Any:
    """expect_error(response, 404, "FILE_NOT_FOUND") -> body, checking the flat error shape."""

    def check(response: httpx.Response, status: int, code: str) -> dict[str, Any]:
        assert response.status_code == status, response.text
        body: dict[str, Any] = response.json()
        conforms("ErrorResponse", body)
        assert body["code"] == code, body
        assert response.headers["x-request-id"] == body["request_id"]
        return body

    return check
