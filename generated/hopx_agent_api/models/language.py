from enum import StrEnum


class Language(StrEnum):
    BASH = "bash"
    GO = "go"
    JAVASCRIPT = "javascript"
    JS = "js"
    NODE = "node"
    NODEJS = "nodejs"
    PYTHON = "python"
    PYTHON3 = "python3"
    SH = "sh"
    SHELL = "shell"

    def __str__(self) -> str:
        return str(self.value)
