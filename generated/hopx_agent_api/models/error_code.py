from enum import StrEnum
from typing import Any


class ErrorCode(StrEnum):
    COMMAND_FAILED = "COMMAND_FAILED"
    DESKTOP_NOT_AVAILABLE = "DESKTOP_NOT_AVAILABLE"
    DIRECTORY_NOT_FOUND = "DIRECTORY_NOT_FOUND"
    EXECUTION_FAILED = "EXECUTION_FAILED"
    EXECUTION_TIMEOUT = "EXECUTION_TIMEOUT"
    FILE_ALREADY_EXISTS = "FILE_ALREADY_EXISTS"
    FILE_NOT_FOUND = "FILE_NOT_FOUND"
    INTERNAL_ERROR = "INTERNAL_ERROR"
    INVALID_JSON = "INVALID_JSON"
    INVALID_PATH = "INVALID_PATH"
    INVALID_REQUEST = "INVALID_REQUEST"
    METHOD_NOT_ALLOWED = "METHOD_NOT_ALLOWED"
    MISSING_PARAMETER = "MISSING_PARAMETER"
    NOT_FOUND = "NOT_FOUND"
    PATH_NOT_ALLOWED = "PATH_NOT_ALLOWED"
    PAYLOAD_TOO_LARGE = "PAYLOAD_TOO_LARGE"
    PERMISSION_DENIED = "PERMISSION_DENIED"
    PROCESS_NOT_FOUND = "PROCESS_NOT_FOUND"
    SANDBOX_PAUSED = "SANDBOX_PAUSED"
    UNAUTHORIZED = "UNAUTHORIZED"

    def __str__(self) -> str:
        return str(self.value)

    # A value the document does not list yet (a newer server) is kept, as a str of this type,
    # instead of failing the whole answer.
    @classmethod
    def _missing_(cls, value: object) -> Any:
        text = "" if value is None else str(value)
        member = str.__new__(cls, text)
        member._name_ = text.upper()
        member._value_ = text
        return member
