from enum import StrEnum


class WsTerminalInputMessageType(StrEnum):
    INPUT = "input"

    def __str__(self) -> str:
        return str(self.value)
