"""Sandbox-wide environment variables (``/env``) and the environment of every process started.

Two layers, as the contract says (request ``env`` > API variables > base environment):

* the **base environment**: the agent's own environment minus its internal ``HOPX_*`` settings
  (HOME, PATH, LANG, PYTHONPATH, ... as the runtime set them) — seen by user code, not listed by
  ``GET /env``;
* the **API variables**: what ``/env`` sets. They start as the sandbox's create-time ``env_vars``,
  which the control plane passes in the agent's environment and names in ``HOPX_ENV_KEYS``
  (comma-separated), so ``GET /env`` lists them.

A process always gets a working ``PATH`` and ``HOME`` even when both layers lack them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from .errors import AgentFault

INTERNAL_PREFIX = "HOPX_"
CREATE_TIME_KEYS = "HOPX_ENV_KEYS"
DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
NAME_PATTERN = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def validate_variables(values: Mapping[str, object]) -> dict[str, str]:
    checked: dict[str, str] = {}
    for name, value in values.items():
        if not NAME_PATTERN.match(name):
            raise AgentFault(
                400,
                "INVALID_REQUEST",
                f"Invalid environment variable name '{name}': use letters, digits and '_', "
                "not starting with a digit.",
                {"field": f"env_vars.{name}"},
            )
        if not isinstance(value, str) or "\x00" in value or not _encodable(value):
            raise AgentFault(
                400,
                "INVALID_REQUEST",
                f"Invalid value of environment variable '{name}': UTF-8 text without NUL bytes.",
                {"field": f"env_vars.{name}"},
            )
        checked[name] = value
    return checked


class EnvStore:
    def __init__(self, environ: Mapping[str, str], *, home: str) -> None:
        keys = {k for k in environ.get(CREATE_TIME_KEYS, "").split(",") if k}
        visible = {k: v for k, v in environ.items() if not k.startswith(INTERNAL_PREFIX)}
        self._values = {k: v for k, v in visible.items() if k in keys}
        self._base = {k: v for k, v in visible.items() if k not in keys}
        self._fallback = {"PATH": DEFAULT_PATH, "HOME": home, "LANG": "C.UTF-8"}
        self.version = 0
        """Bumped on every change."""

    @property
    def base(self) -> dict[str, str]:
        return dict(self._base)

    def snapshot(self) -> dict[str, str]:
        return dict(self._values)

    def replace(self, values: Mapping[str, str]) -> None:
        self._values = dict(values)
        self.version += 1

    def update(self, values: Mapping[str, str]) -> None:
        self._values.update(values)
        self.version += 1

    def clear(self) -> None:
        self._values.clear()
        self.version += 1

    def delete(self, key: str) -> bool:
        found = self._values.pop(key, None) is not None
        if found:
            self.version += 1
        return found

    def for_process(self, overrides: Mapping[str, str] | None = None) -> dict[str, str]:
        """Environment of a new process: defaults < base < API variables < ``overrides``."""
        env = {**self._fallback, **self._base, **self._values}
        if overrides:
            env.update(overrides)
        return env
