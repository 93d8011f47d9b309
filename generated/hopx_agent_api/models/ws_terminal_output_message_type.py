from enum import StrEnum


class WsTerminalOutputMessageType(StrEnum):
    OUTPUT = "output"

    def __str__(self) -> str:
        return str(self.value)
