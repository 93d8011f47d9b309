from enum import StrEnum


class WsFileChangeMessageType(StrEnum):
    CHANGE = "change"

    def __str__(self) -> str:
        return str(self.value)
