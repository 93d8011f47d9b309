from enum import StrEnum


class BuildStepType(StrEnum):
    CMD = "CMD"
    COPY = "COPY"
    ENV = "ENV"
    RUN = "RUN"
    USER = "USER"
    WORKDIR = "WORKDIR"

    def __str__(self) -> str:
        return str(self.value)
