from enum import StrEnum


class BuildStatus(StrEnum):
    ACTIVE = "active"
    BUILDING = "building"
    FAILED = "failed"
    PENDING = "pending"
    SUCCESS = "success"

    def __str__(self) -> str:
        return str(self.value)
