from enum import StrEnum


class AsyncExecutionCallbackStatus(StrEnum):
    COMPLETED = "completed"
    FAILED = "failed"
    TIMEOUT = "timeout"

    def __str__(self) -> str:
        return str(self.value)
