from enum import StrEnum


class TemplateStatus(StrEnum):
    ACTIVE = "active"
    ARCHIVED = "archived"
    BUILDING = "building"
    FAILED = "failed"
    PENDING = "pending"

    def __str__(self) -> str:
        return str(self.value)
