from enum import StrEnum


class RichOutputMetadataSource(StrEnum):
    MATPLOTLIB = "matplotlib"
    OTHER = "other"
    PANDAS = "pandas"
    PANDAS_STDOUT = "pandas_stdout"
    PLOTLY = "plotly"

    def __str__(self) -> str:
        return str(self.value)
