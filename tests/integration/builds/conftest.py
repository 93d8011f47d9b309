"""Session fixtures of the template-build tests: test registries on loopback, the test images
pushed to them (made once per session), and a hopx-local of their own (upload cap 1 MiB, so
the oversized-archive test needs no large file)."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import httpx
import pytest

from hopx_ai.template import BuildOptions
from hopx_local.launcher import RunningServer
from tests.integration.builds import images
from tests.integration.builds.registry import Registry, running_registry
from tests.integration.conftest import _host_skip_reason, running_server
from tests.integration.control_plane import control_plane_client

SERVER_ARGS = ("--warm-pool", "0", "--max-upload-mb", "1")
TOOLS = ("/usr/bin/skopeo", "/usr/bin/docker-registry", "/usr/bin/htpasswd", "/usr/bin/busybox")


@attrs.frozen
class BuiltImages:
    busybox: str
    musl: str
    python: str
    private: str
    private_registry: Registry


def skip_unless_builds_run_here() -> None:
    """Skip, saying why, on a host without the build tools or unable to run sandboxes."""
    missing = [tool for tool in TOOLS if not os.path.exists(tool)]
    if missing:
        pytest.skip(f"template-build tests need {', '.join(missing)} (make sysdeps)")
    reason = _host_skip_reason()
    if reason:
        pytest.skip(reason)


@pytest.fixture(scope="session")
def registry(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Registry]:
    skip_unless_builds_run_here()
    with running_registry(tmp_path_factory.mktemp("registry")) as found:
        yield found


@pytest.fixture(scope="session")
def private_registry(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Registry]:
    skip_unless_builds_run_here()
    directory = tmp_path_factory.mktemp("private-registry")
    with running_registry(directory, username="builder", password="s3cret-pass") as found:
        yield found


@pytest.fixture(scope="session")
def test_images(
    registry: Registry, private_registry: Registry, tmp_path_factory: pytest.TempPathFactory
) -> BuiltImages:
    work = tmp_path_factory.mktemp("images")
    busybox = images.busybox_root(work / "busybox")
    whiteout = images.whiteout_layer(work / "whiteout")
    musl = images.musl_root(work / "musl", work)
    python_layers = images.python_image_layers(work)
    refs = BuiltImages(
        busybox=images.push_image(registry, "test/busybox:1", [busybox, whiteout], work),
        musl=images.push_image(registry, "test/musl:1", [busybox, musl], work),
        python=images.push_image(registry, "test/python:1", python_layers, work),
        private=images.push_image(private_registry, "team/busybox:1", [busybox], work),
        private_registry=private_registry,
    )
    shutil.rmtree(work, ignore_errors=True)
    return refs


@pytest.fixture(scope="session")
def build_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    skip_unless_builds_run_here()
    with running_server(tmp_path_factory.mktemp("hopx-builds"), SERVER_ARGS) as server:
        yield server


@pytest.fixture
def bcp(build_server: RunningServer) -> Iterator[httpx.Client]:
    with control_plane_client(build_server) as client:
        yield client


def build_options(server: RunningServer, name: str, context: Path, **extra: Any) -> BuildOptions:
    """The SDK's options of a build of ``name`` on ``server`` from the files in ``context``."""
    fields: dict[str, Any] = {
        "cpu": 1,
        "memory": 512,
        "disk_gb": 2,
        "build_timeout": 300,
        "template_activation_timeout": 60,
        "poll_interval": 0.2,
        **extra,
    }
    return BuildOptions(
        name=name,
        api_key=server.api_key,
        base_url=server.base_url,
        context_path=str(context),
        **fields,
    )


def unique_name(kind: str) -> str:
    return f"t-{kind}-{uuid.uuid4().hex[:8]}"
