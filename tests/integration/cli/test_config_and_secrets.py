"""Where ``hopx`` takes its key and URL from (flags, then env, then the config file), that the
key is never printed, its exit statuses for configuration mistakes, and ``hopx local serve``."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.integration.cli.conftest import Hopx

pytestmark = pytest.mark.integration

WRONG_KEY = "hopx_local_wrong_key_that_must_not_be_printed"


def _config(hopx: Hopx, text: str) -> Path:
    path = hopx.home / ".config" / "hopx" / "config.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_config_file_alone_is_enough(hopx: Hopx) -> None:
    server = hopx.server
    _config(hopx, f'api_key = "{server.api_key}"\nbase_url = "{server.base_url}"\n')

    result = hopx("template", "list", "--json", env=hopx.env(HOPX_API_KEY=None, HOPX_BASE_URL=None))

    assert result.returncode == 0, result.stderr
    assert server.api_key not in result.stdout + result.stderr


def test_env_wins_over_the_config_file_and_flags_over_env(hopx: Hopx) -> None:
    _config(hopx, f'api_key = "{WRONG_KEY}"\nbase_url = "http://127.0.0.1:9"\n')

    from_env = hopx("template", "list", "--json")
    assert from_env.returncode == 0, from_env.stderr

    env = hopx.env(HOPX_API_KEY=WRONG_KEY)
    rejected = hopx("sandbox", "list", env=env)
    assert rejected.returncode == 1
    accepted = hopx("--api-key", hopx.server.api_key, "sandbox", "list", "--json", env=env)
    assert accepted.returncode == 0, accepted.stderr


def test_an_explicit_config_file_that_is_missing_or_broken(hopx: Hopx, tmp_path: Path) -> None:
    missing = hopx("--config", str(tmp_path / "none.toml"), "sandbox", "list")
    assert missing.returncode == 2
    assert "none.toml does not exist" in missing.stderr

    broken = tmp_path / "broken.toml"
    broken.write_text("api_key = \n")
    result = hopx("--config", str(broken), "sandbox", "list")
    assert result.returncode == 2
    assert "not valid TOML" in result.stderr


def test_no_key_anywhere_is_a_usage_error_that_says_where_to_put_one(hopx: Hopx) -> None:
    result = hopx("sandbox", "list", env=hopx.env(HOPX_API_KEY=None))

    assert result.returncode == 2
    assert "--api-key" in result.stderr and "HOPX_API_KEY" in result.stderr
    assert "config.toml" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["sandbox", "list"],
        ["sandbox", "list", "--json"],
        ["sandbox", "create"],
        ["exec", "sbx_0000000000000000", "--", "true"],
    ],
)
def test_a_rejected_key_is_not_echoed(hopx: Hopx, args: list[str]) -> None:
    result = hopx("--api-key", WRONG_KEY, *args)

    assert result.returncode == 1
    assert WRONG_KEY not in result.stdout + result.stderr
    assert "Traceback" not in result.stderr


def test_help_and_version_show_no_key(hopx: Hopx) -> None:
    for args in (["--help"], ["--version"], ["sandbox", "--help"]):
        result = hopx.ok(*args)
        assert hopx.server.api_key not in result.stdout
    assert "0.6.0" in hopx.ok("--version").stdout


def test_local_serve_is_hopx_local_serve(hopx: Hopx, tmp_path: Path) -> None:
    shown = hopx.ok("local", "serve", "--help").stdout
    assert "--warm-pool" in shown and "--data-dir" in shown

    refused = hopx("local", "serve", "--host", "0.0.0.0", "--data-dir", str(tmp_path))

    assert refused.returncode == 2
    assert "--allow-remote" in refused.stderr
