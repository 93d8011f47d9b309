from enum import StrEnum


class WsStderrMessageType(StrEnum):
    STDERR = "stderr"

    def __str__(self) -> str:
        return str(self.value)
