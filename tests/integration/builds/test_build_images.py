"""Templates built from real images of a loopback registry, through the SDK's builder, then
used by ``Sandbox.create(template=...)``: the package, the files and the start command are
there, in a busybox image (no libc, no Python), a musl one and a Debian-like one with Python."""

from __future__ import annotations

import asyncio
from pathlib import Path

from hopx_ai import Sandbox
from hopx_ai.template import Template, wait_for_file, wait_for_port, wait_for_process
from hopx_local.launcher import RunningServer
from tests.integration.builds import images
from tests.integration.builds.conftest import BuiltImages, build_options, unique_name


def _app(context: Path) -> Path:
    app = context / "app"
    (app / "conf").mkdir(parents=True)
    (app / "conf" / "settings.ini").write_text("[app]\nmode = test\n")
    (app / "run.sh").write_text("#!/bin/sh\necho running\n")
    (app / "run.sh").chmod(0o750)
    return app


def test_busybox_image_without_libc(
    build_server: RunningServer, test_images: BuiltImages, tmp_path: Path
) -> None:
    _app(tmp_path)
    lines: list[str] = []
    template = (
        Template(from_image=test_images.busybox)
        .copy("app", "/srv/app")
        .run_cmd("echo built > /srv/built.txt && ls /srv/app")
        .set_env("GREETING", "hello busybox")
        .set_workdir("/srv/app")
        .set_start_cmd("echo started > /tmp/started; sleep 3600", wait_for_file("/tmp/started"))
    )
    name = unique_name("busybox")
    options = build_options(
        build_server, name, tmp_path, on_log=lambda e: lines.append(e["message"])
    )
    result = asyncio.run(Template.build(template, options))
    assert any("Step 2/4 RUN" in line for line in lines), lines
    sandbox = Sandbox.create(
        template=name, api_key=build_server.api_key, base_url=build_server.base_url
    )
    try:
        out = sandbox.commands.run(
            "cat /srv/built.txt /srv/app/conf/settings.ini /tmp/started; echo $GREETING; "
            "stat -c '%a %u' /srv/app/run.sh; test -e /etc/motd || echo motd-gone; "
            "cat /etc/image-release; ls /usr/bin/python3 2>&1 || true"
        )
        assert out.exit_code == 0, out.stderr
        assert "built" in out.stdout
        assert "mode = test" in out.stdout
        assert "started" in out.stdout
        assert "hello busybox" in out.stdout
        assert "750 0" in out.stdout
        assert "motd-gone" in out.stdout  # the image's whiteout
        assert "busybox-test 1" in out.stdout
        assert "No such file" in out.stdout  # no Python in the image: the agent runs anyway
        assert sandbox.files.read("/srv/app/run.sh").startswith("#!/bin/sh")
    finally:
        sandbox.kill()
    assert result.template_id


def test_musl_image(build_server: RunningServer, test_images: BuiltImages, tmp_path: Path) -> None:
    _app(tmp_path)
    template = (
        Template(from_image=test_images.musl)
        .run_cmd("hello-musl > /hello.txt")
        .copy("app", "/app")
        .set_start_cmd("sleep 3600", wait_for_process("sleep"))
    )
    name = unique_name("musl")
    asyncio.run(Template.build(template, build_options(build_server, name, tmp_path)))
    sandbox = Sandbox.create(
        template=name, api_key=build_server.api_key, base_url=build_server.base_url
    )
    try:
        out = sandbox.commands.run("hello-musl; cat /hello.txt /app/conf/settings.ini")
        assert out.exit_code == 0, out.stderr
        assert out.stdout.count("hello from musl") == 2
        assert "mode = test" in out.stdout
    finally:
        sandbox.kill()


def _python_context(context: Path, data: str) -> None:
    pkg = context / "pkg"
    pkg.mkdir(exist_ok=True)
    images.wheel(pkg, "hopxdemo", "0.1", "from the wheel")
    app = context / "app"
    app.mkdir(exist_ok=True)
    (app / "data.txt").write_text(data)


def _python_template(image: str) -> Template:
    return (
        Template(from_image=image)
        .copy("pkg", "/pkg")
        .run_cmd(
            "python3 -m pip install --no-index --no-cache-dir /pkg/hopxdemo-0.1-py3-none-any.whl"
        )
        .copy("app", "/app")
        .set_workdir("/app")
        .set_start_cmd("python3 -m http.server 8000", wait_for_port(8000))
    )


def _cached_steps(lines: list[str]) -> list[str]:
    """The steps (``COPY``, ``RUN``...) the build took from the cache."""
    found, current = [], ""
    for line in lines:
        if line.startswith("Step "):
            current = line.split()[2]
        elif "from the cache" in line:
            found.append(current)
    return found


def test_python_image_pip_install_and_cache(
    build_server: RunningServer, test_images: BuiltImages, tmp_path: Path
) -> None:
    _python_context(tmp_path, "first data\n")
    name = unique_name("python")
    first: list[str] = []
    options = build_options(
        build_server, name, tmp_path, on_log=lambda e: first.append(e["message"])
    )
    asyncio.run(Template.build(_python_template(test_images.python), options))
    assert _cached_steps(first) == []

    def check(expected: str) -> None:
        sandbox = Sandbox.create(
            template=name, api_key=build_server.api_key, base_url=build_server.base_url
        )
        try:
            out = sandbox.commands.run(
                "python3 -c 'import hopxdemo; print(hopxdemo.VALUE)'; pwd; "
                "wget -q -O - http://127.0.0.1:8000/data.txt"
            )
            assert out.exit_code == 0, out.stderr
            assert "from the wheel" in out.stdout
            assert expected in out.stdout  # served by the start command
        finally:
            sandbox.kill()

    check("first data")
    # One copied file changes: the steps before its COPY come from the cache.
    (tmp_path / "app" / "data.txt").write_text("second data\n")
    again: list[str] = []
    options = build_options(
        build_server, name, tmp_path, update=True, on_log=lambda e: again.append(e["message"])
    )
    asyncio.run(Template.build(_python_template(test_images.python), options))
    assert _cached_steps(again) == ["COPY", "RUN"], again
    check("second data")
