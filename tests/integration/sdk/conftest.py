"""The SDK against a real hopx-local: one server per test session, sandboxes per module.

``hopx_local`` starts ``hopx-local serve`` (via ``hopx_local.launcher.local_server``, temporary
data directory) once; ``api_key``/``base_url`` are its credentials, and while the tests of this
directory run they are also in ``HOPX_API_KEY``/``HOPX_BASE_URL``, so code written like the
reference page (no ``api_key=``) works. ``sandbox`` and ``async_sandbox`` are code-interpreter
sandboxes shared by a module; ``sbx`` gives a test each of them in turn.

Everything skips, with the reason, when this host cannot run sandboxes (not root, bubblewrap or
cgroup controllers missing).
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest

from hopx_ai import AsyncSandbox, NotFoundError, Sandbox
from hopx_local.launcher import RunningServer, local_server
from tests.integration.sdk.support import TEMPLATE


def host_skip_reason() -> str | None:
    """Why this host cannot run hopx-local sandboxes, or None."""
    if os.geteuid() != 0:
        return "hopx-local needs root (it runs bubblewrap and writes cgroups)"
    if shutil.which("bwrap") is None:
        return "bubblewrap is not installed (apt-get install bubblewrap)"
    from hopx_local.runtime import Runtime

    missing = Runtime().missing_host_dependencies()
    if missing:
        return "this host cannot run sandboxes: " + "; ".join(missing)
    return None


@pytest.fixture(scope="session")
def hopx_local() -> Iterator[RunningServer]:
    reason = host_skip_reason()
    if reason:
        pytest.skip(reason)
    with local_server() as server:
        yield server


@pytest.fixture(scope="session")
def api_key(hopx_local: RunningServer) -> str:
    return hopx_local.api_key


@pytest.fixture(scope="session")
def base_url(hopx_local: RunningServer) -> str:
    return hopx_local.base_url


@pytest.fixture(scope="package", autouse=True)
def hopx_environment(api_key: str, base_url: str) -> Iterator[dict[str, str]]:
    """``HOPX_API_KEY``/``HOPX_BASE_URL`` set while this directory's tests run (then restored)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("HOPX_API_KEY", api_key)
        patch.setenv("HOPX_BASE_URL", base_url)
        yield {"HOPX_API_KEY": api_key, "HOPX_BASE_URL": base_url}


@pytest.fixture(scope="session")
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(scope="module")
def sandbox(hopx_environment: dict[str, str]) -> Iterator[Sandbox]:
    """A code-interpreter ``Sandbox`` shared by the tests of a module."""
    created = Sandbox.create(template=TEMPLATE)
    try:
        yield created
    finally:
        with contextlib.suppress(NotFoundError):
            created.kill()
        created.close()


@pytest.fixture(scope="module")
async def async_sandbox(hopx_environment: dict[str, str]) -> AsyncIterator[AsyncSandbox]:
    """A code-interpreter ``AsyncSandbox`` shared by the tests of a module."""
    created = await AsyncSandbox.create(template=TEMPLATE)
    try:
        yield created
    finally:
        with contextlib.suppress(NotFoundError):
            await created.kill()
        await created.close()


@pytest.fixture(scope="module", params=["Sandbox", "AsyncSandbox"])
def sbx(request: pytest.FixtureRequest, sandbox: Sandbox, async_sandbox: AsyncSandbox) -> Any:
    """Each client in turn (tests wrap calls in ``await aw(...)``)."""
    return sandbox if request.param == "Sandbox" else async_sandbox
