from enum import StrEnum


class WsTerminalResizeMessageType(StrEnum):
    RESIZE = "resize"

    def __str__(self) -> str:
        return str(self.value)
