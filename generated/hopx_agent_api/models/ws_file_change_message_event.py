from enum import StrEnum


class WsFileChangeMessageEvent(StrEnum):
    CREATED = "created"
    DELETED = "deleted"
    MODIFIED = "modified"
    RENAMED = "renamed"

    def __str__(self) -> str:
        return str(self.value)
