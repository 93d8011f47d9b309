from enum import StrEnum


class JupyterSessionStatus(StrEnum):
    BUSY = "busy"
    DEAD = "dead"
    IDLE = "idle"
    RESTARTING = "restarting"
    STARTING = "starting"

    def __str__(self) -> str:
        return str(self.value)
