from enum import StrEnum


class WsCompleteMessageType(StrEnum):
    COMPLETE = "complete"

    def __str__(self) -> str:
        return str(self.value)
