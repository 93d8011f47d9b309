"""The template builder (``hopx_ai.template``): definitions, COPY content, and the build flow
against a fake control plane (``httpx.MockTransport``)."""

from __future__ import annotations

import io
import os
import tarfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from openapi_schema_validator import OAS30Validator

import hopx_ai
from hopx_ai import errors
from hopx_ai._overrides import override_http
from hopx_ai.template import (
    AWSRegistryAuth,
    BuildOptions,
    CopyOptions,
    CreateVMOptions,
    RegistryAuth,
    Step,
    StepType,
    Template,
    get_logs,
    wait_for_port,
    wait_for_process,
)
from hopx_ai.template._copy_content import collect
from hopx_ai.template._tarball import FIXED_MTIME, write_tarball
from hopx_ai.template._upload import FileStream

from .conftest import (
    _ROUTING,
    API_KEY,
    CP_URL,
    TRANSPORT,
    Clock,
    Router,
    body_of,
    cp_error,
    json_response,
    sandbox_json,
)

ROOT = Path(__file__).resolve().parents[2]
UPLOAD_HOST = "uploads.example.test"
UPLOAD_URL = f"https://{UPLOAD_HOST}/files/abc?signature=xyz"
BUILD = "/v1/templates/build"
UPLOAD_LINK = "/v1/templates/files/upload-link"
STATUS = "/v1/templates/build/5001/status"
LOGS = "/v1/templates/build/5001/logs"
TEMPLATE = "/v1/templates/2048"

pytestmark = pytest.mark.anyio


# --------------------------------------------------------------------------- helpers


@pytest.fixture
def sleeps() -> list[float]:
    return []


@pytest.fixture
def cp(router: Router, clock: Clock, sleeps: list[float]) -> Iterator[Router]:
    """The fake control plane; every sleep advances the fake clock by its length."""

    async def sleep(seconds: float) -> None:
        sleeps.append(seconds)
        clock.now += seconds

    _ROUTING.router = router
    try:
        with override_http(async_sleep=sleep, clock=clock, random=lambda: 0.5):
            yield router
    finally:
        _ROUTING.router = None


@pytest.fixture(scope="module")
def control_plane_spec() -> dict[str, Any]:
    with (ROOT / "openapi" / "control-plane.yaml").open(encoding="utf-8") as file:
        spec: dict[str, Any] = yaml.safe_load(file)
    return spec


def validator(spec: dict[str, Any], schema_name: str) -> OAS30Validator:
    schema = {"$ref": f"#/components/schemas/{schema_name}", "components": spec["components"]}
    return OAS30Validator(schema)


def status_json(status: str, progress: int = 50, **extra: Any) -> dict[str, Any]:
    body = {
        "build_id": "5001",
        "template_id": "2048",
        "status": status,
        "progress": progress,
        "current_step": None,
        "started_at": "2025-11-20T10:00:00Z",
        "completed_at": None,
        "error_message": None,
        "build_duration_ms": None,
        "request_id": "req_status",
    }
    body.update(extra)
    return body


def template_json(status: str = "active", is_active: bool = True) -> dict[str, Any]:
    return {
        "id": "2048",
        "name": "my-template",
        "display_name": "my-template",
        "status": status,
        "is_active": is_active,
        "is_public": False,
        "object": "template",
    }


def build_accepted() -> httpx.Response:
    return json_response(
        201,
        {
            "build_id": "5001",
            "template_id": "2048",
            "status": "building",
            "logs_url": f"{CP_URL}/v1/templates/build/5001/logs",
            "request_id": "req_build",
        },
    )


def serve_successful_build(router: Router) -> None:
    router.on("POST", BUILD, build_accepted())
    router.on("GET", STATUS, status_json("building", 10), status_json("success", 100))
    router.on("GET", TEMPLATE, template_json())


def options(tmp_path: Path, **extra: Any) -> BuildOptions:
    return BuildOptions(
        name="my-template",
        api_key=API_KEY,
        base_url=CP_URL,
        transport=TRANSPORT,
        context_path=str(tmp_path),
        **extra,
    )


def make_tree(root: Path) -> Path:
    app = root / "app"
    (app / "sub").mkdir(parents=True)
    (app / "main.py").write_text("print('hello')\n")
    (app / "sub" / "util.py").write_text("X = 1\n")
    (root / "requirements.txt").write_text("numpy\n")
    return app


def touch(path: Path, when: float) -> None:
    for item in [path, *path.rglob("*")]:
        os.utime(item, (when, when))


# --------------------------------------------------------------------------- definitions


def test_the_published_example_builds_the_expected_steps() -> None:
    template = (
        Template()
        .from_python_image("3.11")
        .pip_install("numpy")
        .set_start_cmd("python -m http.server 8000", wait_for_port(8000))
    )

    assert template.get_from_image() == "python:3.11"
    assert template.get_steps() == [
        Step(type=StepType.RUN, args=["/usr/local/bin/pip3 install --no-cache-dir numpy"])
    ]
    assert template.get_start_cmd() == "python -m http.server 8000"
    check = template.get_ready_check()
    assert check is not None
    assert (check.type.value, check.port, check.timeout, check.interval) == (
        "port",
        8000,
        30000,
        2000,
    )
    assert hopx_ai.Template is Template


def test_helpers_write_the_published_commands_with_quoted_names() -> None:
    template = (
        Template()
        .from_node_image("20")
        .apt_install("curl", ["git"])
        .pip_install("numpy>=1.26", "pandas")
        .pip_install()
        .npm_install(["typescript"])
        .set_envs({"A": "1", "B": "two words"})
        .set_workdir("/app")
        .git_clone("https://example.test/repo.git", "/app/repo")
        .skip_cache()
    )

    assert template.get_from_image() == "node:20-slim"
    assert [(s.type.value, s.args, s.skip_cache) for s in template.get_steps()] == [
        (
            "RUN",
            ["apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y curl git"],
            False,
        ),
        ("RUN", ["/usr/local/bin/pip3 install --no-cache-dir 'numpy>=1.26' pandas"], False),
        ("RUN", ["/usr/local/bin/pip3 install --no-cache-dir -r requirements.txt"], False),
        ("RUN", ["/usr/local/bin/npm install -g typescript"], False),
        ("ENV", ["A", "1"], False),
        ("ENV", ["B", "two words"], False),
        ("WORKDIR", ["/app"], False),
        ("RUN", ["git clone https://example.test/repo.git /app/repo"], True),
    ]


def test_copy_options_become_chown_and_chmod_steps() -> None:
    template = Template("ubuntu:22.04").copy(
        ["app", "requirements.txt"], "/srv/app", CopyOptions(owner="user", permissions="755")
    )

    assert [(s.type.value, s.args) for s in template.get_steps()] == [
        ("COPY", ["app,requirements.txt", "/srv/app"]),
        ("RUN", ["chown -R user /srv/app"]),
        ("RUN", ["chmod -R 755 /srv/app"]),
    ]


@pytest.mark.parametrize(
    ("make", "field"),
    [
        (lambda: Template().apt_install(), "packages"),
        (lambda: Template().copy("a,b", "/x"), "src"),
        (lambda: Template().run_cmd(""), "cmd"),
        (lambda: Template().skip_cache(), "steps"),
        (lambda: wait_for_port(70000), "port"),
        (lambda: wait_for_process("web", timeout=0), "timeout"),
        (
            lambda: Template().from_aws_private_image(
                "123456789012.dkr.ecr.us-west-2.amazonaws.com/app:1",
                AWSRegistryAuth("AKIA", "secret", region="eu-west-1"),
            ),
            "auth.region",
        ),
    ],
)
def test_bad_definitions_raise_a_validation_error_naming_the_field(make: Any, field: str) -> None:
    with pytest.raises(errors.ValidationError) as caught:
        make()
    assert caught.value.field == field
    assert isinstance(caught.value, ValueError)  # as the published builder raised


# --------------------------------------------------------------------------- COPY content


def test_copy_hash_follows_the_content_of_copied_directories(tmp_path: Path) -> None:
    app = make_tree(tmp_path)
    first = collect(tmp_path, ["app"], "/app").files_hash

    touch(app, 1_000_000_000)  # modification times only
    assert collect(tmp_path, ["app"], "/app").files_hash == first

    (app / "sub" / "util.py").write_text("X = 2\n")  # same size, other content
    changed = collect(tmp_path, ["app"], "/app").files_hash
    assert changed != first

    (app / "sub" / "util.py").chmod(0o755)
    assert collect(tmp_path, ["app"], "/app").files_hash != changed


def test_copy_hash_sees_new_and_removed_entries(tmp_path: Path) -> None:
    app = make_tree(tmp_path)
    first = collect(tmp_path, ["app"], "/app").files_hash

    (app / "empty").mkdir()
    with_dir = collect(tmp_path, ["app"], "/app").files_hash
    assert with_dir != first

    (app / "empty").rmdir()
    (app / "main.py").unlink()
    assert collect(tmp_path, ["app"], "/app").files_hash not in (first, with_dir)


def test_copy_content_covers_globs_and_every_file_once(tmp_path: Path) -> None:
    make_tree(tmp_path)
    content = collect(tmp_path, ["app", "app/**/*.py", "*.txt"], "/app")

    assert [(e.name, e.kind) for e in content.entries] == [
        ("app", "dir"),
        ("app/main.py", "file"),
        ("app/sub", "dir"),
        ("app/sub/util.py", "file"),
        ("requirements.txt", "file"),
    ]


@pytest.mark.parametrize("source", ["../outside", "/etc/passwd", "missing/*.py"])
def test_copy_sources_outside_the_context_or_matching_nothing_are_refused(
    tmp_path: Path, source: str
) -> None:
    with pytest.raises(errors.ValidationError, match="COPY source") as caught:
        collect(tmp_path, [source], "/app")
    assert caught.value.field == "src"


def test_tarball_is_byte_for_byte_reproducible(tmp_path: Path) -> None:
    app = make_tree(tmp_path)
    (app / "run.sh").write_text("#!/bin/sh\necho hi\n")
    (app / "run.sh").chmod(0o755)
    (app / "link").symlink_to("main.py")

    first = write_tarball(collect(tmp_path, ["app"], "/app").entries, tmp_path / "one.tar.gz")
    touch(app, 1_200_000_000)
    second = write_tarball(collect(tmp_path, ["app"], "/app").entries, tmp_path / "two.tar.gz")

    one, two = (tmp_path / "one.tar.gz").read_bytes(), (tmp_path / "two.tar.gz").read_bytes()
    assert first == second == len(one)
    assert one == two
    assert one[4:8] == bytes(4)  # gzip header: no time
    assert one[3] & 0x08 == 0  # gzip header: no file name
    with tarfile.open(fileobj=io.BytesIO(one), mode="r:gz") as tar:
        members = {m.name: m for m in tar.getmembers()}
        assert list(members) == sorted(members)
        assert {m.mtime for m in members.values()} == {FIXED_MTIME}
        assert {(m.uid, m.gid, m.uname) for m in members.values()} == {(0, 0, "")}
        assert members["app/run.sh"].mode == 0o755
        assert members["app/link"].issym() and members["app/link"].linkname == "main.py"
        extracted = tar.extractfile("app/sub/util.py")
        assert extracted is not None and extracted.read() == b"X = 1\n"


async def test_upload_stream_reads_the_file_in_chunks_and_can_start_over(tmp_path: Path) -> None:
    path = tmp_path / "blob"
    path.write_bytes(bytes(range(256)) * 10)
    stream = FileStream(path, chunk_size=1000)

    first = [chunk async for chunk in stream]
    second = [chunk async for chunk in stream]

    assert [len(c) for c in first] == [1000, 1000, 560]
    assert first == second


# --------------------------------------------------------------------------- build flow


async def test_build_sends_a_request_valid_against_the_contract(
    cp: Router, tmp_path: Path, control_plane_spec: dict[str, Any]
) -> None:
    make_tree(tmp_path)
    cp.on("POST", UPLOAD_LINK, {"present": True, "files_hash": "x"})
    serve_successful_build(cp)
    template = (
        Template()
        .from_aws_private_image(
            "123456789012.dkr.ecr.us-west-2.amazonaws.com/app:1",
            AWSRegistryAuth("AKIA1", "secret1", region="us-west-2", session_token="session1"),
        )
        .copy("app", "/app")
        .set_env("APP_ENV", "prod")
        .run_cmd("python -m compileall /app")
        .skip_cache()
        .add_metadata("agent_version", "3.2.8")
        .set_start_cmd("python /app/main.py", wait_for_process("python", timeout=5000))
    )

    await Template.build(template, options(tmp_path, cpu=4, memory=4096, disk_gb=20))

    (request,) = cp.calls("POST", BUILD)
    body = body_of(request)
    validator(control_plane_spec, "TemplateBuildRequest").validate(body)
    for link_request in cp.calls("POST", UPLOAD_LINK):
        validator(control_plane_spec, "UploadLinkRequest").validate(body_of(link_request))
    files_hash = collect(tmp_path, ["app"], "/app").files_hash
    assert body == {
        "name": "my-template",
        "from_image": "123456789012.dkr.ecr.us-west-2.amazonaws.com/app:1",
        "cpu": 4,
        "memory": 4096,
        "diskGB": 20,
        "steps": [
            {"type": "COPY", "args": ["app", "/app"], "filesHash": files_hash},
            {"type": "ENV", "args": ["APP_ENV", "prod"]},
            {"type": "RUN", "args": ["python -m compileall /app"], "skipCache": True},
        ],
        "startCmd": "python /app/main.py",
        "readyCmd": {"type": "process", "processName": "python", "timeout": 5000, "interval": 2000},
        "skipCache": False,
        "update": False,
        "agent_version": "3.2.8",
        "registry_credentials": {
            "type": "ecr",
            "username": "AKIA1",
            "password": "secret1",
            "token": "session1",
        },
    }
    assert request.headers["X-API-Key"] == API_KEY


def test_the_contract_validator_rejects_a_wrong_payload(control_plane_spec: dict[str, Any]) -> None:
    from jsonschema.exceptions import ValidationError as SchemaError

    wrong = {"name": "t", "from_image": "python:3.11", "cpu": 1, "memory": 512, "disk_gb": 10}
    with pytest.raises(SchemaError):
        validator(control_plane_spec, "TemplateBuildRequest").validate(wrong)


async def test_content_the_server_has_is_not_uploaded_and_each_hash_is_asked_once(
    cp: Router, tmp_path: Path
) -> None:
    make_tree(tmp_path)
    cp.on("POST", UPLOAD_LINK, {"present": True, "files_hash": "x"})
    serve_successful_build(cp)
    template = Template("python:3.11").copy("app", "/app").run_cmd("ls").copy("app", "/app")

    await Template.build(template, options(tmp_path))

    assert cp.count("POST", UPLOAD_LINK) == 1
    assert [r for r in cp.requests if r.url.host == UPLOAD_HOST] == []


async def test_missing_content_is_put_to_the_upload_url_without_the_api_key(
    cp: Router, tmp_path: Path
) -> None:
    make_tree(tmp_path)
    cp.on("POST", UPLOAD_LINK, {"present": False, "upload_url": UPLOAD_URL, "files_hash": "x"})
    cp.on("PUT", "/files/abc", httpx.Response(200), host=UPLOAD_HOST)
    serve_successful_build(cp)

    await Template.build(Template("python:3.11").copy("app", "/app"), options(tmp_path))

    (link,) = cp.calls("POST", UPLOAD_LINK)
    (upload,) = cp.calls("PUT", "/files/abc")
    expected = write_tarball(collect(tmp_path, ["app"], "/app").entries, tmp_path / "t.tar.gz")
    assert body_of(link)["content_length"] == expected == len(upload.content)
    assert upload.content == (tmp_path / "t.tar.gz").read_bytes()
    assert upload.url.params["signature"] == "xyz"
    assert upload.headers["Content-Type"] == "application/gzip"
    assert upload.headers["Content-Length"] == str(expected)
    assert "X-API-Key" not in upload.headers and "Authorization" not in upload.headers


async def test_a_failed_upload_names_the_content_and_the_status(cp: Router, tmp_path: Path) -> None:
    make_tree(tmp_path)
    cp.on("POST", UPLOAD_LINK, {"present": False, "upload_url": UPLOAD_URL, "files_hash": "x"})
    cp.on("PUT", "/files/abc", httpx.Response(403, text="<Error>denied</Error>"), host=UPLOAD_HOST)

    with pytest.raises(errors.APIError, match="uploading the COPY content") as caught:
        await Template.build(Template("python:3.11").copy("app", "/app"), options(tmp_path))

    assert caught.value.status_code == 403
    assert cp.count("POST", BUILD) == 0


async def test_build_polls_until_done_and_streams_log_lines(
    cp: Router, tmp_path: Path, sleeps: list[float]
) -> None:
    cp.on("POST", BUILD, build_accepted())
    cp.on(
        "GET",
        STATUS,
        status_json("building", 20),
        status_json("building", 60),
        status_json("success", 100, build_duration_ms=4321),
    )
    chunks = [
        {"logs": "Step 1/1 RUN pip\nColl", "offset": 20, "status": "building", "complete": False},
        {"logs": "ecting numpy\n", "offset": 33, "status": "building", "complete": False},
        {"logs": "⚠ WARN slow mirror\nDone", "offset": 56, "status": "success", "complete": True},
    ]
    cp.on("GET", LOGS, *chunks)
    cp.on("GET", TEMPLATE, template_json("publishing", False), template_json(), template_json())
    lines: list[dict[str, Any]] = []
    progress: list[int] = []

    async def on_progress(value: int) -> None:
        progress.append(value)

    result = await Template.build(
        Template("python:3.11").pip_install("numpy"),
        options(tmp_path, on_log=lines.append, on_progress=on_progress),
    )

    assert (result.build_id, result.template_id, result.duration) == ("5001", "2048", 4321)
    build_lines = [line for line in lines if not line["message"].startswith("Template ")]
    assert [(line["level"], line["message"]) for line in build_lines] == [
        ("INFO", "Step 1/1 RUN pip"),
        ("INFO", "Collecting numpy"),
        ("WARN", "⚠ WARN slow mirror"),
        ("INFO", "Done"),
    ]
    assert [r.url.params["offset"] for r in cp.calls("GET", LOGS)] == ["0", "20", "33"]
    assert progress == [20, 60, 100]
    assert cp.count("GET", STATUS) == 3
    assert cp.count("GET", TEMPLATE) == 3  # active twice in a row
    assert sleeps == [2.0, 2.0, 3.0, 3.0]


async def test_build_status_answers_with_unknown_fields_are_accepted(
    cp: Router, tmp_path: Path
) -> None:
    cp.on("POST", BUILD, build_accepted())
    cp.on("GET", STATUS, status_json("success", 100, estimated_completion="soon", extra={"a": 1}))
    cp.on("GET", TEMPLATE, template_json())

    result = await Template.build(Template("python:3.11").run_cmd("true"), options(tmp_path))

    assert result.template_id == "2048"


async def test_a_failed_build_raises_template_build_error_with_its_metadata(
    cp: Router, tmp_path: Path
) -> None:
    cp.on("POST", BUILD, build_accepted())
    cp.on("GET", STATUS, status_json("building"), status_json("failed", 40))
    cp.on(
        "GET",
        LOGS,
        {
            "logs": "Step 1\nERROR: no such package nump\n",
            "offset": 40,
            "status": "failed",
            "complete": True,
        },
    )

    with pytest.raises(errors.TemplateBuildError) as caught:
        await Template.build(Template("python:3.11").pip_install("nump"), options(tmp_path))

    error = caught.value
    assert (error.build_id, error.template_id, error.build_status) == ("5001", "2048", "failed")
    assert error.logs_url == f"{CP_URL}/v1/templates/build/5001/logs"
    assert error.error_details == "ERROR: no such package nump"
    assert "Build ID: 5001" in str(error) and error.request_id == "req_status"
    assert cp.count("GET", TEMPLATE) == 0


async def test_a_build_past_its_deadline_raises_timeout_error_naming_it(
    cp: Router, tmp_path: Path, sleeps: list[float]
) -> None:
    cp.on("POST", BUILD, build_accepted())
    cp.on("GET", STATUS, status_json("building", 30))

    with pytest.raises(hopx_ai.TimeoutError, match="build_timeout") as caught:
        await Template.build(
            Template("python:3.11").run_cmd("sleep 1000"), options(tmp_path, build_timeout=7)
        )

    assert caught.value.code == "build_timeout"
    assert "5001" in str(caught.value) and "30%" in str(caught.value)
    assert sleeps == [2.0, 2.0, 2.0, 1.0]
    assert isinstance(caught.value, TimeoutError)


async def test_activation_past_its_deadline_raises_timeout_error_naming_it(
    cp: Router, tmp_path: Path
) -> None:
    cp.on("POST", BUILD, build_accepted())
    cp.on("GET", STATUS, status_json("success", 100))
    cp.on("GET", TEMPLATE, template_json("publishing", False))

    with pytest.raises(hopx_ai.TimeoutError, match="template_activation_timeout") as caught:
        await Template.build(
            Template("python:3.11").run_cmd("true"),
            options(tmp_path, template_activation_timeout=10),
        )

    assert "last status: publishing" in str(caught.value)
    assert cp.count("GET", TEMPLATE) == 5  # at 0, 3, 6, 9 and 10 s


async def test_a_server_without_a_builder_gives_a_clear_typed_error(
    cp: Router, tmp_path: Path
) -> None:
    cp.on(
        "POST",
        BUILD,
        cp_error(
            501, "not_implemented", "Operation 'buildTemplate' is not implemented by this server."
        ),
    )

    with pytest.raises(errors.APIError) as caught:
        await Template.build(Template("python:3.11").run_cmd("true"), options(tmp_path))

    error = caught.value
    assert isinstance(error, errors.ServerError)
    assert (error.status_code, error.code, error.request_id) == (501, "not_implemented", "req_cp")
    assert "Operation 'buildTemplate' is not implemented by this server." in str(error)
    assert "does not provide this operation" in str(error)
    assert "try again" not in str(error)
    assert cp.count("POST", BUILD) == 1  # not retried


@pytest.mark.parametrize(
    ("template", "extra", "field"),
    [
        (Template().run_cmd("true"), {}, "from_image"),
        (Template("python:3.11").set_env("A", "1"), {}, "steps"),
        (Template("python:3.11").run_cmd("true"), {"name": "no spaces"}, "name"),
        (Template("python:3.11").run_cmd("true"), {"cpu": 0}, "cpu"),
        (Template("python:3.11").run_cmd("true"), {"build_timeout": 0}, "build_timeout"),
        (Template("python:3.11").copy("missing", "/app"), {}, "src"),
    ],
)
async def test_invalid_builds_fail_before_any_request(
    cp: Router, tmp_path: Path, template: Template, extra: dict[str, Any], field: str
) -> None:
    settings = {"name": "my-template", **extra}
    build_options = BuildOptions(
        api_key=API_KEY,
        base_url=CP_URL,
        transport=TRANSPORT,
        context_path=str(tmp_path),
        **settings,
    )

    with pytest.raises(errors.ValidationError) as caught:
        await Template.build(template, build_options)

    assert caught.value.field == field
    assert cp.requests == []


async def test_get_logs_reads_from_an_offset(cp: Router) -> None:
    cp.on(
        "GET",
        LOGS,
        {"logs": "a\n\nb\n", "offset": 9, "status": "building", "complete": False, "new": 1},
    )

    logs = await get_logs("5001", API_KEY, offset=5, base_url=CP_URL, transport=TRANSPORT)

    assert (logs.logs, logs.offset, logs.status, logs.complete) == (
        "a\n\nb\n",
        9,
        "building",
        False,
    )
    assert logs.lines == ["a", "b"]
    (request,) = cp.calls("GET", LOGS)
    assert request.url.params["offset"] == "5"


async def test_build_result_creates_a_sandbox_from_the_template(cp: Router, tmp_path: Path) -> None:
    serve_successful_build(cp)
    cp.on("POST", "/v1/sandboxes", json_response(201, sandbox_json(template_id="2048")))
    cp.on("GET", "/v1/sandboxes/sbx_0123456789abcdef", sandbox_json(template_id="2048"))
    cp.on("DELETE", "/v1/sandboxes/sbx_0123456789abcdef", sandbox_json(status="stopped"))
    result = await Template.build(Template("python:3.11").run_cmd("true"), options(tmp_path))

    vm = await result.create_vm(CreateVMOptions(env_vars={"MODE": "test"}, timeout_seconds=600))

    (create,) = cp.calls("POST", "/v1/sandboxes")
    assert body_of(create) == {
        "template_id": "2048",
        "env_vars": {"MODE": "test"},
        "timeout_seconds": 600,
    }
    assert (vm.vm_id, vm.template_id, vm.status) == ("sbx_0123456789abcdef", "2048", "running")
    assert vm.ip == "7777-sbx_0123456789abcdef.us-east.vms.example.test"
    await vm.delete()
    assert cp.count("DELETE", "/v1/sandboxes/sbx_0123456789abcdef") == 1


def test_private_registry_credentials_are_kept_out_of_repr() -> None:
    template = Template().from_private_image("reg.example.test/app:1", RegistryAuth("u", "p4ss"))

    assert "p4ss" not in repr(template.get_registry_auth())
    assert "p4ss" not in repr(template)
