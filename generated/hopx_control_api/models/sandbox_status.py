from enum import StrEnum


class SandboxStatus(StrEnum):
    CREATING = "creating"
    ERROR = "error"
    PAUSED = "paused"
    RUNNING = "running"
    STOPPED = "stopped"

    def __str__(self) -> str:
        return str(self.value)
