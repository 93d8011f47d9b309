from enum import StrEnum


class ProcessInfoKind(StrEnum):
    COMMAND = "command"
    EXECUTION = "execution"

    def __str__(self) -> str:
        return str(self.value)
