from enum import StrEnum


class WsResultMessageType(StrEnum):
    RESULT = "result"

    def __str__(self) -> str:
        return str(self.value)
