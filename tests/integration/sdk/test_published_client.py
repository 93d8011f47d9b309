"""The published ``hopx-ai`` 0.5.0 (from PyPI) works against hopx-local, unchanged.

It is installed once into ``bench/.venv-published`` (git-ignored; the benchmark uses the same
venv) when the package registry is reachable, else the test is skipped with the reason. Select
it with ``-m published``.
"""

from __future__ import annotations

import fcntl
import json
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from hopx_ai import NotFoundError, Sandbox

pytestmark = [pytest.mark.integration, pytest.mark.published]

PUBLISHED_VERSION = "0.5.0"
VENV = Path(__file__).resolve().parents[3] / "bench" / ".venv-published"
PYTHON = VENV / "bin" / "python"

SCRIPT = """
import json, os
from hopx_ai import Sandbox

sandbox = Sandbox.create(
    template="code-interpreter",
    api_key=os.environ["HOPX_API_KEY"],
    base_url=os.environ["HOPX_BASE_URL"],
)
result = sandbox.run_code("print('Hello from the published client')")
sandbox.files.write("/workspace/published.txt", "round trip: ok")
content = sandbox.files.read("/workspace/published.txt")
sandbox.kill()
print(json.dumps({
    "sandbox_id": sandbox.sandbox_id,
    "stdout": result.stdout,
    "exit_code": result.exit_code,
    "content": content,
}))
"""


def _installed_version() -> str | None:
    if not PYTHON.exists():
        return None
    probe = subprocess.run(
        [str(PYTHON), "-c", "import importlib.metadata as m; print(m.version('hopx-ai'))"],
        capture_output=True,
        text=True,
        check=False,
    )
    return probe.stdout.strip() if probe.returncode == 0 else None


def _registry_reason() -> str | None:
    """Why the published package cannot be fetched here, or None if it can."""
    with tempfile.TemporaryDirectory() as scratch:
        try:
            download = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "pip",
                    "download",
                    "--quiet",
                    "--no-deps",
                    "--dest",
                    scratch,
                    f"hopx-ai=={PUBLISHED_VERSION}",
                ],
                capture_output=True,
                text=True,
                timeout=120,
                check=False,
            )
        except subprocess.TimeoutExpired:
            return "pip download of the published hopx-ai timed out (no package registry?)"
    if download.returncode != 0:
        return f"cannot download hopx-ai=={PUBLISHED_VERSION}: {download.stderr.strip()[-300:]}"
    return None


@contextmanager
def _install_lock() -> Iterator[None]:
    """Serialises installers (this test and the benchmark may run at the same time)."""
    VENV.mkdir(parents=True, exist_ok=True)
    with (VENV / ".install.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


@pytest.fixture(scope="module")
def published_python() -> Path:
    with _install_lock():
        if _installed_version() == PUBLISHED_VERSION:
            return PYTHON
        reason = _registry_reason()
        if reason:
            pytest.skip(reason)
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        install = subprocess.run(
            [str(PYTHON), "-m", "pip", "install", "--quiet", f"hopx-ai=={PUBLISHED_VERSION}"],
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        assert install.returncode == 0, install.stderr
        assert _installed_version() == PUBLISHED_VERSION
        return PYTHON


def test_published_client_create_run_code_files_kill(
    published_python: Path, hopx_environment: dict[str, str], tmp_path: Path
) -> None:
    script = tmp_path / "published_client.py"
    script.write_text(SCRIPT)

    run = subprocess.run(
        [str(published_python), str(script)],
        env={"PATH": "/usr/bin:/bin", **hopx_environment},
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )

    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout.strip().splitlines()[-1])
    assert result["stdout"] == "Hello from the published client\n"
    assert result["exit_code"] == 0
    assert result["content"] == "round trip: ok"
    with pytest.raises(NotFoundError):
        Sandbox(result["sandbox_id"]).get_info()
