from enum import StrEnum


class ReadyCheckType(StrEnum):
    COMMAND = "command"
    FILE = "file"
    PORT = "port"
    PROCESS = "process"
    URL = "url"

    def __str__(self) -> str:
        return str(self.value)
