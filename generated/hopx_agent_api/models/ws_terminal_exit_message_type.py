from enum import StrEnum


class WsTerminalExitMessageType(StrEnum):
    EXIT = "exit"

    def __str__(self) -> str:
        return str(self.value)
