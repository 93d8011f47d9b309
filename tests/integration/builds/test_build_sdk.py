"""The SDK's builder against a real hopx-local, both forms: ``Template.build_sync`` from
blocking code and ``await Template.build`` with coroutine callbacks; ``on_log`` gets the RUN
output lines, ``on_progress`` rising percentages up to 100, the terminal bar is drawn when
asked, and a build that overruns ``build_timeout`` raises a timeout naming the build."""

from __future__ import annotations

import asyncio
import re
import time
from pathlib import Path

import pytest

from hopx_ai import Sandbox
from hopx_ai.errors import TimeoutError as HopxTimeoutError
from hopx_ai.template import Template
from hopx_local.launcher import RunningServer
from tests.integration.builds.conftest import BuiltImages, build_options, unique_name


def _template(image: str) -> Template:
    return (
        Template(from_image=image)
        .copy("notes.txt", "/srv/notes.txt")
        .run_cmd("echo first-run-line; echo second-run-line; cat /srv/notes.txt > /srv/seen")
        .set_env("MODE", "sdk")
    )


def _check_sandbox(server: RunningServer, name: str) -> None:
    with Sandbox.create(template=name, api_key=server.api_key, base_url=server.base_url) as box:
        out = box.commands.run("cat /srv/seen; echo $MODE")
        assert out.exit_code == 0, out.stderr
        assert "notes from the context" in out.stdout
        assert "sdk" in out.stdout


def test_sync_build_with_callbacks_and_a_bar(
    build_server: RunningServer,
    test_images: BuiltImages,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    (tmp_path / "notes.txt").write_text("notes from the context\n")
    lines: list[str] = []
    progress: list[int] = []
    name = unique_name("sync")
    options = build_options(
        build_server,
        name,
        tmp_path,
        on_log=lambda entry: lines.append(entry["message"]),
        on_progress=progress.append,
        show_progress=True,
    )
    result = Template.build_sync(_template(test_images.busybox), options)
    assert result.template_id and result.build_id
    assert "first-run-line" in lines and "second-run-line" in lines, lines
    assert progress and progress[-1] == 100, progress
    assert progress == sorted(progress) and len(set(progress)) >= 2, progress
    assert re.search(rf"build {re.escape(result.build_id)}.*100/100", capsys.readouterr().err)
    _check_sandbox(build_server, name)


def test_async_build_with_coroutine_callbacks(
    build_server: RunningServer, test_images: BuiltImages, tmp_path: Path
) -> None:
    (tmp_path / "notes.txt").write_text("notes from the context\n")
    lines: list[str] = []
    progress: list[int] = []

    async def on_log(entry: dict[str, str]) -> None:
        lines.append(entry["message"])

    async def on_progress(value: int) -> None:
        progress.append(value)

    async def build_both() -> None:
        options = build_options(
            build_server,
            unique_name("async"),
            tmp_path,
            on_log=on_log,
            on_progress=on_progress,
            skip_cache=True,
        )
        await Template.build(_template(test_images.busybox), options)
        # The blocking form needs no event loop: it works from inside one too (and blocks it).
        again = build_options(build_server, unique_name("in-loop"), tmp_path)
        assert Template.build_sync(_template(test_images.busybox), again).template_id

    asyncio.run(build_both())
    assert "first-run-line" in lines, lines
    assert progress[-1] == 100 and progress == sorted(progress), progress


def test_a_build_past_its_deadline_raises_a_timeout_naming_it(
    build_server: RunningServer, test_images: BuiltImages, tmp_path: Path
) -> None:
    template = Template(from_image=test_images.busybox).run_cmd("sleep 20")
    options = build_options(build_server, unique_name("slow"), tmp_path, build_timeout=1.5)
    with pytest.raises(HopxTimeoutError) as raised:
        Template.build_sync(template, options)
    message = str(raised.value)
    assert re.search(r"Template build \S+ did not finish within 1.5 s", message), message
    assert "build_timeout" in message


def test_run_output_reaches_on_log_while_the_command_runs(
    build_server: RunningServer, test_images: BuiltImages, tmp_path: Path
) -> None:
    seen: dict[str, float] = {}
    template = Template(from_image=test_images.busybox).run_cmd(
        f"echo early-line-{tmp_path.name}; sleep 3; echo late-line"
    )

    def on_log(entry: dict[str, str]) -> None:
        seen.setdefault(entry["message"].split("-")[0], time.monotonic())

    options = build_options(build_server, unique_name("stream"), tmp_path, on_log=on_log)
    Template.build_sync(template, options)
    assert {"early", "late"} <= set(seen), seen
    assert seen["late"] - seen["early"] > 2.0, seen  # not both at the step's end
