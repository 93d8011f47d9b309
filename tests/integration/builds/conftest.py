"""Session fixtures of the template-build tests: test registries on loopback, the test images
pushed to them (made once per session), and a hopx-local of their own (upload cap 1 MiB, so
the oversized-archive test needs no large file)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import attrs
import httpx
import pytest

from hopx_local import launcher
from hopx_local.launcher import RunningServer
from tests.integration.builds import images
from tests.integration.builds.registry import Registry, running_registry
from tests.integration.conftest import _delete_all_sandboxes, _host_skip_reason

SERVER_ARGS = ("--warm-pool", "0", "--max-upload-mb", "1")
TOOLS = ("/usr/bin/skopeo", "/usr/bin/docker-registry", "/usr/bin/htpasswd", "/usr/bin/busybox")


@attrs.frozen
class BuiltImages:
    busybox: str
    musl: str
    python: str
    private: str
    private_registry: Registry


def _skip_reason() -> str | None:
    missing = [tool for tool in TOOLS if not os.path.exists(tool)]
    if missing:
        return f"template-build tests need {', '.join(missing)} (make sysdeps)"
    return _host_skip_reason()


@pytest.fixture(scope="session")
def registry(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Registry]:
    reason = _skip_reason()
    if reason:
        pytest.skip(reason)
    with running_registry(tmp_path_factory.mktemp("registry")) as found:
        yield found


@pytest.fixture(scope="session")
def private_registry(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Registry]:
    reason = _skip_reason()
    if reason:
        pytest.skip(reason)
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
    reason = _skip_reason()
    if reason:
        pytest.skip(reason)
    server = launcher.start(tmp_path_factory.mktemp("hopx-builds"), extra_args=SERVER_ARGS)
    try:
        yield server
    finally:
        _delete_all_sandboxes(server)
        launcher.stop(server.process)


@pytest.fixture
def bcp(build_server: RunningServer) -> Iterator[httpx.Client]:
    headers = {"X-API-Key": build_server.api_key}
    with httpx.Client(base_url=build_server.base_url, headers=headers, timeout=120) as client:
        yield client


def context_dir(tmp_path: Path) -> Path:
    return tmp_path
