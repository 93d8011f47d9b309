"""Messages of the agent's WebSocket streams (the generated message models of vm-agent.yaml),
and the expiry summary the SDK computes.

A stream's frames come in several shapes; each frame is read into the generated model its
``type`` names (``WsStdoutMessage`` for ``stdout``...), a ``dict`` of the frame with typed
attributes (``event.type``, ``event.data``, ``event["type"]`` as in the published dicts). A frame
of a type the document does not know yet is skipped.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    from hopx_agent_api.models.ws_complete_message import WsCompleteMessage
    from hopx_agent_api.models.ws_display_data_message import WsDisplayDataMessage
    from hopx_agent_api.models.ws_file_change_message import WsFileChangeMessage
    from hopx_agent_api.models.ws_result_message import WsResultMessage
    from hopx_agent_api.models.ws_stderr_message import WsStderrMessage
    from hopx_agent_api.models.ws_stdout_message import WsStdoutMessage
    from hopx_agent_api.models.ws_terminal_exit_message import WsTerminalExitMessage
    from hopx_agent_api.models.ws_terminal_output_message import WsTerminalOutputMessage

    # A message of ``run_code_stream``.
    ExecutionEvent = (
        WsStdoutMessage
        | WsStderrMessage
        | WsResultMessage
        | WsCompleteMessage
        | WsDisplayDataMessage
    )
    # A message of the interactive terminal: ``output`` (data) or ``exit`` (code).
    TerminalMessage = WsTerminalOutputMessage | WsTerminalExitMessage
    # A change seen by ``files.watch``.
    FileChangeEvent = WsFileChangeMessage

_MODELS = "hopx_agent_api.models."
_EXECUTION_EVENTS = {
    "stdout": ("ws_stdout_message", "WsStdoutMessage"),
    "stderr": ("ws_stderr_message", "WsStderrMessage"),
    "result": ("ws_result_message", "WsResultMessage"),
    "complete": ("ws_complete_message", "WsCompleteMessage"),
    "display_data": ("ws_display_data_message", "WsDisplayDataMessage"),
}
_TERMINAL_MESSAGES = {
    "output": ("ws_terminal_output_message", "WsTerminalOutputMessage"),
    "exit": ("ws_terminal_exit_message", "WsTerminalExitMessage"),
}
_FILE_CHANGES = {"change": ("ws_file_change_message", "WsFileChangeMessage")}


def _read(kinds: Mapping[str, tuple[str, str]], frame: Mapping[str, Any]) -> Any:
    from importlib import import_module

    kind = kinds.get(str(frame.get("type")))
    if kind is None:
        return None
    return getattr(import_module(_MODELS + kind[0]), kind[1]).from_dict(frame)


def execution_event(frame: Mapping[str, Any]) -> ExecutionEvent | None:
    """The message of a ``run_code_stream`` frame (None: a type this SDK does not know)."""
    event: ExecutionEvent | None = _read(_EXECUTION_EVENTS, frame)
    return event


def terminal_message(frame: Mapping[str, Any]) -> TerminalMessage | None:
    message: TerminalMessage | None = _read(_TERMINAL_MESSAGES, frame)
    return message


def file_change(frame: Mapping[str, Any]) -> FileChangeEvent | None:
    change: FileChangeEvent | None = _read(_FILE_CHANGES, frame)
    return change


def runtime_types() -> dict[str, Any]:
    """The unions above as runtime objects (for ``hopx_ai.models`` and ``isinstance``)."""
    from importlib import import_module

    def union(kinds: Mapping[str, tuple[str, str]]) -> Any:
        classes = [getattr(import_module(_MODELS + m), c) for m, c in kinds.values()]
        result = classes[0]
        for cls in classes[1:]:
            result = result | cls
        return result

    return {
        "ExecutionEvent": union(_EXECUTION_EVENTS),
        "TerminalMessage": union(_TERMINAL_MESSAGES),
        "FileChangeEvent": union(_FILE_CHANGES),
    }


@attrs.frozen
class ExpiryInfo:
    """When a sandbox expires, computed from one fetch of its info."""

    expires_at: datetime | None = None
    time_to_expiry: int | None = None
    is_expired: bool = False
    is_expiring_soon: bool = False
    has_timeout: bool = False

    def __repr__(self) -> str:
        if not self.has_timeout:
            return "ExpiryInfo(no timeout)"
        if self.is_expired:
            return f"ExpiryInfo(EXPIRED at {self.expires_at})"
        return (
            f"ExpiryInfo(time_to_expiry={self.time_to_expiry}s, "
            f"is_expiring_soon={self.is_expiring_soon})"
        )
