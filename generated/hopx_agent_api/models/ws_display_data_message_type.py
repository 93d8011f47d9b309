from enum import StrEnum


class WsDisplayDataMessageType(StrEnum):
    DISPLAY_DATA = "display_data"

    def __str__(self) -> str:
        return str(self.value)
