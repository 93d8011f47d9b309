from enum import StrEnum


class RecordingInfoStatus(StrEnum):
    FAILED = "failed"
    RECORDING = "recording"
    STOPPED = "stopped"

    def __str__(self) -> str:
        return str(self.value)
