from enum import StrEnum


class WsCommandMessageType(StrEnum):
    COMMAND = "command"

    def __str__(self) -> str:
        return str(self.value)
