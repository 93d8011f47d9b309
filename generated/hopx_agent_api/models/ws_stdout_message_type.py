from enum import StrEnum


class WsStdoutMessageType(StrEnum):
    STDOUT = "stdout"

    def __str__(self) -> str:
        return str(self.value)
