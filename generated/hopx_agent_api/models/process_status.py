from enum import StrEnum


class ProcessStatus(StrEnum):
    COMPLETED = "completed"
    FAILED = "failed"
    KILLED = "killed"
    QUEUED = "queued"
    RUNNING = "running"
    TIMEOUT = "timeout"

    def __str__(self) -> str:
        return str(self.value)
