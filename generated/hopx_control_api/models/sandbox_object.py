from enum import StrEnum


class SandboxObject(StrEnum):
    SANDBOX = "sandbox"

    def __str__(self) -> str:
        return str(self.value)
