from enum import StrEnum


class TemplateObject(StrEnum):
    TEMPLATE = "template"

    def __str__(self) -> str:
        return str(self.value)
