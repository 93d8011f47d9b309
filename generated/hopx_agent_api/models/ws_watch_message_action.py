from enum import StrEnum


class WsWatchMessageAction(StrEnum):
    UNWATCH = "unwatch"
    WATCH = "watch"

    def __str__(self) -> str:
        return str(self.value)
