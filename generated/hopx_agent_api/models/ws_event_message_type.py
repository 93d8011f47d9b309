from enum import StrEnum


class WsEventMessageType(StrEnum):
    EVENT = "event"

    def __str__(self) -> str:
        return str(self.value)
