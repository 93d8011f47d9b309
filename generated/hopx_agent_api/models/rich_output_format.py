from enum import StrEnum


class RichOutputFormat(StrEnum):
    BASE64 = "base64"
    JSON = "json"
    TEXT = "text"

    def __str__(self) -> str:
        return str(self.value)
