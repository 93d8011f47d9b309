from enum import StrEnum


class ExecuteAsyncResponseStatus(StrEnum):
    QUEUED = "queued"

    def __str__(self) -> str:
        return str(self.value)
