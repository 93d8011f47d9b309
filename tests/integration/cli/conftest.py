"""``hopx`` as a user runs it: the installed console script, against a hopx-local of its own.

``cli_server`` is a hopx-local started for this directory alone (``hopx sandbox kill --all``
must not reach other tests' sandboxes); ``hopx`` runs the console script with that server's
``HOPX_API_KEY`` / ``HOPX_BASE_URL`` and a HOME and config path of its own.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from hopx_local import launcher
from hopx_local.launcher import RunningServer
from tests.integration.conftest import _host_skip_reason

HOPX = Path(sys.executable).with_name("hopx")


@pytest.fixture(scope="package")
def cli_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    reason = _host_skip_reason()
    if reason:
        pytest.skip(reason)
    server = launcher.start(tmp_path_factory.mktemp("hopx-cli"), extra_args=["--warm-pool", "0"])
    try:
        yield server
    finally:
        subprocess.run(
            [str(HOPX), "sandbox", "kill", "--all"],
            env={**os.environ, "HOPX_API_KEY": server.api_key, "HOPX_BASE_URL": server.base_url},
            capture_output=True,
            timeout=120,
            check=False,
        )
        launcher.stop(server.process)


@dataclass
class Hopx:
    """Runs ``hopx ARGS`` and returns what a shell would see (exit code, stdout, stderr)."""

    server: RunningServer
    home: Path

    def env(self, **overrides: str | None) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("HOPX_")}
        env.update(
            HOME=str(self.home),
            XDG_CONFIG_HOME=str(self.home / ".config"),
            HOPX_API_KEY=self.server.api_key,
            HOPX_BASE_URL=self.server.base_url,
        )
        for key, value in overrides.items():
            if value is None:
                env.pop(key, None)
            else:
                env[key] = value
        return env

    def __call__(
        self,
        *args: str,
        input: str | bytes | None = None,
        env: dict[str, str] | None = None,
        timeout: float = 120,
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(HOPX), *args],
            input=input,
            env=env if env is not None else self.env(),
            capture_output=True,
            text=True,
            timeout=timeout,
        )

    def ok(self, *args: str, input: str | None = None) -> subprocess.CompletedProcess[str]:
        result = self(*args, input=input)
        assert result.returncode == 0, f"hopx {' '.join(args)}: {result.stderr}"
        assert self.server.api_key not in result.stdout + result.stderr
        return result

    def json(self, *args: str) -> Any:
        return json.loads(self.ok(*args, "--json").stdout)


@pytest.fixture
def hopx(cli_server: RunningServer, tmp_path: Path) -> Hopx:
    assert HOPX.exists(), f"{HOPX} is missing: install the project with its cli extra"
    home = tmp_path / "home"
    home.mkdir()
    return Hopx(cli_server, home)


@pytest.fixture
def sandbox_id(hopx: Hopx) -> Iterator[str]:
    """A code-interpreter sandbox created with ``hopx sandbox create`` (killed after)."""
    created = hopx.ok("sandbox", "create").stdout.strip()
    try:
        yield created
    finally:
        hopx("sandbox", "kill", created)
