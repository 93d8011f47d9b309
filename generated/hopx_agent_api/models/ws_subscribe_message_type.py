from enum import StrEnum


class WsSubscribeMessageType(StrEnum):
    SUBSCRIBE = "subscribe"

    def __str__(self) -> str:
        return str(self.value)
