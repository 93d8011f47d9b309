from enum import StrEnum
from typing import Any


class WsTerminalOutputMessageType(StrEnum):
    OUTPUT = "output"

    def __str__(self) -> str:
        return str(self.value)

    # A value the document does not list yet (a newer server) is kept, as a str of this type,
    # instead of failing the whole answer.
    @classmethod
    def _missing_(cls, value: object) -> Any:
        text = "" if value is None else str(value)
        member = str.__new__(cls, text)
        member._name_ = text.upper()
        member._value_ = text
        return member
