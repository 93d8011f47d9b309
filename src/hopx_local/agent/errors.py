"""The error type the agent's engines raise; the HTTP layer turns it into the flat error body."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


class AgentFault(Exception):
    """A failure with an HTTP status and an agent error code (see ErrorCode in vm-agent.yaml)."""

    def __init__(
        self, status: int, code: str, message: str, details: Mapping[str, Any] | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.details: dict[str, Any] = dict(details or {})


def invalid_request(message: str, **details: Any) -> AgentFault:
    return AgentFault(400, "INVALID_REQUEST", message, details)
