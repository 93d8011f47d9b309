"""What every command receives: the settings, and the SDK's arguments made from them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from hopx_ai.cli.settings import Settings


class ExitStatus(Exception):
    """End ``hopx`` with this status (a command's own exit code, passed through)."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


@dataclass
class Session:
    settings: Settings = field(default_factory=Settings)

    def sdk(self) -> dict[str, Any]:
        """``api_key=`` / ``base_url=`` for any SDK call."""
        return self.settings.sdk_kwargs()
