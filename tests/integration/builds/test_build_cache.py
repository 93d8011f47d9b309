"""The layer cache seen from outside: deleting a template removes the layers only it used and
keeps the ones another template shares; a server with ``--registry-mirror`` finds images
named without a registry (Docker Hub names) on that mirror."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from hopx_ai.template import Template
from hopx_local.launcher import RunningServer
from tests.integration.builds import images
from tests.integration.builds.conftest import (
    SERVER_ARGS,
    BuiltImages,
    build_options,
    unique_name,
)
from tests.integration.builds.registry import Registry
from tests.integration.conftest import running_server
from tests.integration.control_plane import control_plane_client


def _layers(server: RunningServer) -> set[str]:
    return {path.name for path in (server.data_dir / "layers").iterdir()}


def _steps(layers: set[str]) -> set[str]:
    return {name for name in layers if name.startswith("step-")}


def _build(server: RunningServer, image: str, context: Path, *runs: str) -> str:
    template = Template(from_image=image)
    for command in runs:
        template.run_cmd(command)
    name = unique_name("gc")
    Template.build_sync(template, build_options(server, name, context))
    return name


def test_deleting_a_template_removes_only_the_layers_no_other_uses(
    build_server: RunningServer, bcp: httpx.Client, test_images: BuiltImages, tmp_path: Path
) -> None:
    before = _layers(build_server)
    shared_run = f"echo shared > /shared-{tmp_path.name}"
    first = _build(build_server, test_images.busybox, tmp_path, shared_run, "echo a > /a")
    after_first = _layers(build_server)
    second = _build(build_server, test_images.busybox, tmp_path, shared_run, "echo b > /b")
    only_second = _layers(build_server) - after_first
    assert len(only_second) == 1, only_second  # its own RUN; the shared RUN came from the cache
    made_by_first = _steps(after_first - before)
    assert len(made_by_first) == 2, made_by_first  # the shared RUN and "echo a"
    images_layers = {name for name in after_first if name.startswith("oci-")}

    assert bcp.delete(f"/v1/templates/{first}").json()["deleted"] is True
    left = _layers(build_server)
    gone = after_first - left
    assert len(gone) == 1 and gone < made_by_first, gone  # only the "echo a" layer
    assert only_second <= left and images_layers <= left  # the shared ones stay
    assert bcp.delete(f"/v1/templates/{second}").json()["deleted"] is True
    assert only_second.isdisjoint(_layers(build_server))


def test_registry_mirror_serves_images_named_without_a_registry(
    registry: Registry,
    test_images: BuiltImages,
    tmp_path_factory: pytest.TempPathFactory,
    tmp_path: Path,
) -> None:
    work = tmp_path / "image"
    # Docker Hub's "library/" namespace: "tiny:1" is docker.io/library/tiny:1.
    images.push_image(registry, "library/tiny:1", [images.busybox_root(work / "root")], work)
    args = (*SERVER_ARGS, "--registry-mirror", registry.host)
    with running_server(tmp_path_factory.mktemp("hopx-mirror"), args) as server:
        for image in ("tiny:1", "test/busybox:1"):
            name = unique_name("mirror")
            template = Template(from_image=image).run_cmd("echo mirrored > /m")
            Template.build_sync(template, build_options(server, name, tmp_path))
            with control_plane_client(server) as client:
                found = client.get(f"/v1/templates/{name}").json()
            assert found["status"] == "active", found
