from enum import StrEnum


class WsErrorMessageType(StrEnum):
    ERROR = "error"

    def __str__(self) -> str:
        return str(self.value)
