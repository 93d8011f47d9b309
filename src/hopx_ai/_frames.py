"""JSON frames of the agent's WebSockets: decoding, error frames, terminal frames (no I/O)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from ._events import terminal_message as _terminal_message
from .errors import HopxError, error_from_ws_frame

if TYPE_CHECKING:
    from ._events import TerminalMessage


def decode_frame(raw: str | bytes) -> dict[str, Any] | None:
    """A JSON object frame, or None for empty/invalid frames (skipped)."""
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8")
        except UnicodeDecodeError:
            return None
    if not raw.strip():
        return None
    try:
        data = json.loads(raw)
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def stream_error(frame: dict[str, Any], name: str) -> HopxError:
    """The SDK error for an ``{"type": "error", ...}`` frame."""
    return error_from_ws_frame(frame, name)


def terminal_input_frame(data: str) -> str:
    from hopx_agent_api.models import WsTerminalInputMessage, WsTerminalInputMessageType

    frame = WsTerminalInputMessage(type_=WsTerminalInputMessageType.INPUT, data=data)
    return json.dumps(frame.to_dict())


def terminal_resize_frame(cols: int, rows: int) -> str:
    from hopx_agent_api.models import WsTerminalResizeMessage, WsTerminalResizeMessageType

    frame = WsTerminalResizeMessage(type_=WsTerminalResizeMessageType.RESIZE, cols=cols, rows=rows)
    return json.dumps(frame.to_dict())


def terminal_message(raw: str | bytes) -> TerminalMessage | None:
    """The terminal message of a frame; None for frames to skip; an error frame raises."""
    message = decode_frame(raw)
    if message is None:
        return None
    if message.get("type") == "error":
        raise stream_error(message, "terminal")
    return _terminal_message(message)
