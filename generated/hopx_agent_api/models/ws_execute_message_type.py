from enum import StrEnum


class WsExecuteMessageType(StrEnum):
    EXECUTE = "execute"

    def __str__(self) -> str:
        return str(self.value)
