from enum import StrEnum


class WsIpythonExecuteMessageType(StrEnum):
    EXECUTE = "execute"

    def __str__(self) -> str:
        return str(self.value)
