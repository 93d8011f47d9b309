from enum import StrEnum


class KeyModifier(StrEnum):
    ALT = "alt"
    CTRL = "ctrl"
    META = "meta"
    SHIFT = "shift"
    SUPER = "super"

    def __str__(self) -> str:
        return str(self.value)
