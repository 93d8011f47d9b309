from enum import StrEnum


class PingResponseMessage(StrEnum):
    PONG = "pong"

    def __str__(self) -> str:
        return str(self.value)
