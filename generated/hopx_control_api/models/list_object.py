from enum import StrEnum


class ListObject(StrEnum):
    LIST = "list"

    def __str__(self) -> str:
        return str(self.value)
