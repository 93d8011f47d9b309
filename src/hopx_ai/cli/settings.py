"""Where ``hopx`` takes its API key and control-plane URL from.

Each value comes from the first place that has it:

1. the flags ``--api-key`` / ``--base-url``;
2. the environment, ``HOPX_API_KEY`` / ``HOPX_BASE_URL``;
3. the config file: ``--config PATH``, else ``$HOPX_CONFIG``, else
   ``$XDG_CONFIG_HOME/hopx/config.toml`` (``~/.config/hopx/config.toml``), a TOML file::

       api_key = "hopx_..."
       base_url = "https://api.hopx.dev"

With no base URL anywhere, the SDK's default (the HopX cloud, ``https://api.hopx.dev``) is
used. The key is kept out of ``repr`` and out of everything ``hopx`` prints.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

API_KEY_ENV = "HOPX_API_KEY"
BASE_URL_ENV = "HOPX_BASE_URL"
CONFIG_ENV = "HOPX_CONFIG"


class SettingsError(Exception):
    """The config file cannot be used (unreadable, not TOML, a value of the wrong type)."""


def default_config_path(environ: Mapping[str, str] | None = None) -> Path:
    env = os.environ if environ is None else environ
    if env.get(CONFIG_ENV):
        return Path(env[CONFIG_ENV]).expanduser()
    base = Path(env["XDG_CONFIG_HOME"]) if env.get("XDG_CONFIG_HOME") else Path.home() / ".config"
    return base / "hopx" / "config.toml"


def _read_config(path: Path, required: bool) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        if required:
            raise SettingsError(f"config file {path} does not exist") from None
        return {}
    except OSError as error:
        raise SettingsError(f"cannot read config file {path}: {error.strerror}") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise SettingsError(f"config file {path} is not valid TOML: {error}") from None
    for key in ("api_key", "base_url"):
        if key in data and not isinstance(data[key], str):
            raise SettingsError(f"config file {path}: {key} must be a string")
    return data


@dataclass(frozen=True)
class Settings:
    api_key: str | None = field(default=None, repr=False)
    base_url: str | None = None
    config_path: Path | None = None

    @classmethod
    def resolve(
        cls,
        *,
        api_key: str | None = None,
        base_url: str | None = None,
        config: Path | None = None,
        environ: Mapping[str, str] | None = None,
    ) -> Settings:
        env = os.environ if environ is None else environ
        path = config if config is not None else default_config_path(env)
        file = _read_config(path, required=config is not None)
        return cls(
            api_key=api_key or env.get(API_KEY_ENV) or file.get("api_key") or None,
            base_url=base_url or env.get(BASE_URL_ENV) or file.get("base_url") or None,
            config_path=path,
        )

    def sdk_kwargs(self) -> dict[str, Any]:
        """``api_key=`` / ``base_url=`` for the SDK's calls (left out when not set)."""
        kwargs: dict[str, Any] = {}
        if self.api_key:
            kwargs["api_key"] = self.api_key
        if self.base_url:
            kwargs["base_url"] = self.base_url
        return kwargs

    def redact(self, text: str) -> str:
        """``text`` with the API key, should it appear, replaced."""
        if self.api_key and len(self.api_key) >= 4:
            return text.replace(self.api_key, "***")
        return text
