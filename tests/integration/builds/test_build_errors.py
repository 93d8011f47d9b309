"""Bad build input gets a clear error and leaves nothing half-built; a failing RUN shows its
output in the log; a build in flight when the server restarts is failed, saying so."""

from __future__ import annotations

import asyncio
import gzip
import hashlib
import io
import tarfile
import time
import uuid
from pathlib import Path
from typing import Any

import httpx
import pytest

from hopx_ai.errors import TemplateBuildError
from hopx_ai.template import RegistryAuth, Template
from hopx_local import launcher
from hopx_local.launcher import RunningServer, free_port
from tests.integration.builds.conftest import (
    SERVER_ARGS,
    BuiltImages,
    build_options,
    unique_name,
)


def _body(image: str, **extra: Any) -> dict[str, Any]:
    return {
        "name": f"t-bad-{uuid.uuid4().hex[:8]}",
        "from_image": image,
        "cpu": 1,
        "memory": 512,
        "diskGB": 1,
        **extra,
    }


def _error(response: httpx.Response) -> dict[str, Any]:
    error: dict[str, Any] = response.json()["error"]
    return error


def test_unknown_image_is_400(bcp: httpx.Client, test_images: BuiltImages) -> None:
    host = test_images.busybox.split("/", 1)[0]
    body = _body(f"{host}/test/no-such-image:1")
    response = bcp.post("/v1/templates/build", json=body)
    assert response.status_code == 400, response.text
    assert "does not exist" in _error(response)["message"]
    assert bcp.get(f"/v1/templates/{body['name']}").status_code == 404


def test_unreachable_registry_is_400(bcp: httpx.Client) -> None:
    response = bcp.post("/v1/templates/build", json=_body(f"127.0.0.1:{free_port()}/a/b:1"))
    assert response.status_code == 400
    assert "cannot be reached" in _error(response)["message"]


def test_private_registry_needs_the_right_credentials(
    bcp: httpx.Client, build_server: RunningServer, test_images: BuiltImages, tmp_path: Path
) -> None:
    image = test_images.private
    missing = bcp.post("/v1/templates/build", json=_body(image))
    wrong = bcp.post(
        "/v1/templates/build",
        json=_body(
            image,
            registry_credentials={"type": "basic", "username": "builder", "password": "nope"},
        ),
    )
    for response in (missing, wrong):
        assert response.status_code == 400, response.text
        assert "refused access" in _error(response)["message"]
        assert "nope" not in response.text
    registry = test_images.private_registry
    assert registry.username is not None and registry.password is not None
    template = Template().from_private_image(
        image, RegistryAuth(registry.username, registry.password)
    )
    template.run_cmd("echo private > /ok")
    name = unique_name("private")
    options = build_options(build_server, name, tmp_path)
    asyncio.run(Template.build(template, options))
    assert bcp.get(f"/v1/templates/{name}").json()["status"] == "active"
    assert bcp.delete(f"/v1/templates/{name}").json()["deleted"] is True
    assert bcp.get(f"/v1/templates/{name}").status_code == 404


def _tarball(files: dict[str, bytes]) -> bytes:
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w") as tar:
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return gzip.compress(raw.getvalue())


def _upload(bcp: httpx.Client, data: bytes) -> str:
    files_hash = hashlib.sha256(data).hexdigest()
    link = bcp.post(
        "/v1/templates/files/upload-link",
        json={"files_hash": files_hash, "content_length": len(data)},
    )
    assert link.status_code == 200, link.text
    if not link.json()["present"]:
        put = httpx.put(link.json()["upload_url"], content=data, timeout=60)
        assert put.status_code == 200, put.text
    again = bcp.post(
        "/v1/templates/files/upload-link",
        json={"files_hash": files_hash, "content_length": len(data)},
    )
    assert again.json()["present"] is True
    return files_hash


def test_oversized_archive_is_413(bcp: httpx.Client) -> None:
    too_big = 2 * 1024 * 1024  # the test server's cap is 1 MiB
    response = bcp.post(
        "/v1/templates/files/upload-link", json={"files_hash": "b" * 64, "content_length": too_big}
    )
    assert response.status_code == 413
    assert _error(response)["details"]["field"] == "content_length"
    link = bcp.post(
        "/v1/templates/files/upload-link", json={"files_hash": "c" * 64, "content_length": 100}
    ).json()
    put = httpx.put(link["upload_url"], content=b"x" * 5000, timeout=60)
    assert put.status_code == 413  # more than announced
    forged = httpx.put(link["upload_url"].replace("length=100", "length=5000"), content=b"x")
    assert forged.status_code == 403


def _build_and_wait(bcp: httpx.Client, body: dict[str, Any]) -> dict[str, Any]:
    started = bcp.post("/v1/templates/build", json=body)
    assert started.status_code == 201, started.text
    build_id = started.json()["build_id"]
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        status: dict[str, Any] = bcp.get(f"/v1/templates/build/{build_id}/status").json()
        if status["status"] in ("active", "failed"):
            return status
        time.sleep(0.2)
    raise AssertionError("the build did not end")


def test_copy_source_outside_the_archive_fails_the_build(
    bcp: httpx.Client, test_images: BuiltImages
) -> None:
    files_hash = _upload(bcp, _tarball({"app/a.txt": b"a"}))
    for source in ("missing", "../etc"):
        body = _body(
            test_images.busybox,
            steps=[{"type": "COPY", "args": [source, "/dst"], "filesHash": files_hash}],
        )
        status = _build_and_wait(bcp, body)
        assert status["status"] == "failed"
        assert source in status["error_message"]
        assert "uploaded content" in status["error_message"]
        assert bcp.get(f"/v1/templates/{body['name']}").status_code == 404


def test_failing_run_shows_its_output(
    build_server: RunningServer, test_images: BuiltImages, tmp_path: Path
) -> None:
    template = Template(from_image=test_images.busybox).run_cmd(
        "echo visible-output; echo on-stderr >&2; exit 3"
    )
    lines: list[str] = []
    options = build_options(
        build_server,
        unique_name("fail"),
        tmp_path,
        on_log=lambda entry: lines.append(entry["message"]),
    )
    with pytest.raises(TemplateBuildError) as raised:
        asyncio.run(Template.build(template, options))
    assert "exit code 3" in str(raised.value)
    assert "visible-output" in lines
    assert "on-stderr" in lines


def test_build_in_flight_at_a_restart_is_failed_with_the_reason(
    test_images: BuiltImages, tmp_path_factory: pytest.TempPathFactory
) -> None:
    data_dir = tmp_path_factory.mktemp("hopx-restart")
    server = launcher.start(data_dir, extra_args=SERVER_ARGS)
    try:
        client = httpx.Client(
            base_url=server.base_url, headers={"X-API-Key": server.api_key}, timeout=60
        )
        body = _body(
            test_images.busybox, steps=[{"type": "RUN", "args": ["echo begun; sleep 120"]}]
        )
        build_id = client.post("/v1/templates/build", json=body).json()["build_id"]
        deadline = time.monotonic() + 60
        while "begun" not in client.get(f"/v1/templates/build/{build_id}/logs").json()["logs"]:
            assert time.monotonic() < deadline
            if "Step 1/1" in client.get(f"/v1/templates/build/{build_id}/logs").json()["logs"]:
                break
            time.sleep(0.2)
    finally:
        launcher.stop(server.process)
    server = launcher.start(data_dir, extra_args=SERVER_ARGS)
    try:
        client = httpx.Client(
            base_url=server.base_url, headers={"X-API-Key": server.api_key}, timeout=60
        )
        status = client.get(f"/v1/templates/build/{build_id}/status").json()
        assert status["status"] == "failed"
        assert "shut down" in status["error_message"] or "restarted" in status["error_message"]
        logs = client.get(f"/v1/templates/build/{build_id}/logs").json()
        assert logs["complete"] is True
        assert "Step 1/1 RUN" in logs["logs"]
        assert client.get(f"/v1/templates/{body['name']}").status_code == 404
    finally:
        launcher.stop(server.process)
