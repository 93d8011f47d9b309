"""``hopx sandbox create|list|info|pause|resume|kill`` and ``hopx template list|build``."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.integration.cli.conftest import Hopx

pytestmark = pytest.mark.integration


def test_create_list_info_pause_resume_kill(hopx: Hopx) -> None:
    created = hopx.json("sandbox", "create", "--template", "base", "--timeout", "600")
    sandbox_id = created["id"]
    assert created["status"] == "running"
    assert created["template_name"] == "base"
    assert "auth_token" not in created

    listed = hopx.json("sandbox", "list")
    assert sandbox_id in [item["id"] for item in listed]
    table = hopx.ok("sandbox", "list").stdout
    assert sandbox_id in table and "base" in table and "running" in table

    assert hopx.json("sandbox", "info", sandbox_id)["expires_at"]
    assert "status     running" in hopx.ok("sandbox", "info", sandbox_id).stdout

    hopx.ok("sandbox", "pause", sandbox_id)
    assert hopx.json("sandbox", "info", sandbox_id)["status"] == "paused"
    assert hopx.json("sandbox", "list", "--status", "paused")[0]["id"] == sandbox_id
    hopx.ok("sandbox", "resume", sandbox_id)
    assert hopx.json("sandbox", "info", sandbox_id)["status"] == "running"

    killed = hopx.ok("sandbox", "kill", sandbox_id)
    assert f"killed {sandbox_id}" in killed.stderr
    assert sandbox_id not in [item["id"] for item in hopx.json("sandbox", "list")]
    gone = hopx("sandbox", "info", sandbox_id)
    assert gone.returncode == 1
    assert f"Sandbox '{sandbox_id}' was killed at" in gone.stderr
    assert "Traceback" not in gone.stderr


def test_create_prints_the_id_alone_for_scripts(hopx: Hopx) -> None:
    sandbox_id = hopx.ok("sandbox", "create", "-t", "base", "-e", "GREETING=hi").stdout.strip()
    try:
        assert sandbox_id.startswith("sbx_") and " " not in sandbox_id
        assert hopx.ok("exec", sandbox_id, "--", "echo $GREETING").stdout == "hi\n"
    finally:
        hopx.ok("sandbox", "kill", sandbox_id)


def test_list_shows_forgotten_sandboxes_and_kill_all_cleans_up(hopx: Hopx) -> None:
    leaked = [hopx.ok("sandbox", "create", "-t", "base").stdout.strip() for _ in range(2)]
    listing = hopx.ok("sandbox", "list")
    for sandbox_id in leaked:
        assert sandbox_id in listing.stdout
    assert "hopx sandbox kill --all" in listing.stderr

    cleaned = hopx.ok("sandbox", "kill", "--all")

    for sandbox_id in leaked:
        assert f"killed {sandbox_id}" in cleaned.stderr
    assert hopx.json("sandbox", "list") == []
    assert "no sandboxes" in hopx.ok("sandbox", "list").stdout


def test_kill_needs_ids_or_all(hopx: Hopx) -> None:
    result = hopx("sandbox", "kill")

    assert result.returncode == 2
    assert "--all" in result.stderr


def test_create_from_an_unknown_template_names_the_known_ones(hopx: Hopx) -> None:
    result = hopx("sandbox", "create", "--template", "code-interpreterr")

    assert result.returncode == 1
    assert "code-interpreter" in result.stderr
    assert "Traceback" not in result.stderr


def test_template_list(hopx: Hopx) -> None:
    names = [item["name"] for item in hopx.json("template", "list")]
    assert {"base", "code-interpreter", "desktop"} <= set(names)
    assert "desktop" in hopx.ok("template", "list").stdout


def test_template_build_says_why_it_cannot(hopx: Hopx, tmp_path: Path) -> None:
    definition = tmp_path / "numpy_template.py"
    definition.write_text(
        "from hopx_ai import Template\n"
        # a registry on loopback that is not there: no test reaches beyond this machine
        "template = Template('127.0.0.1:9/nothing:1').pip_install('numpy')\n"
    )
    missing = hopx("template", "build", str(definition), "--name", "np", "--variable", "other")
    assert missing.returncode == 2
    assert "defines no Template named 'other'" in missing.stderr

    result = hopx("template", "build", str(definition), "--name", "np")

    # the server's answer (the image's registry is unreachable), as a message, exit 1
    assert result.returncode == 1
    assert "from_image" in result.stderr
    assert "Traceback" not in result.stderr
