from enum import StrEnum


class AgentEventKind(StrEnum):
    ENV_CHANGED = "env.changed"
    EXECUTION_COMPLETED = "execution.completed"
    EXECUTION_STARTED = "execution.started"
    HEARTBEAT = "heartbeat"
    PROCESS_EXITED = "process.exited"
    PROCESS_OUTPUT = "process.output"
    PROCESS_STARTED = "process.started"

    def __str__(self) -> str:
        return str(self.value)
