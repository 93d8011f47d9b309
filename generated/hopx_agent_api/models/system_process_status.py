from enum import StrEnum


class SystemProcessStatus(StrEnum):
    DEAD = "dead"
    DISK_SLEEP = "disk_sleep"
    IDLE = "idle"
    RUNNING = "running"
    SLEEPING = "sleeping"
    STOPPED = "stopped"
    UNKNOWN = "unknown"
    ZOMBIE = "zombie"

    def __str__(self) -> str:
        return str(self.value)
