from enum import StrEnum


class RichOutputType(StrEnum):
    APPLICATIONJAVASCRIPT = "application/javascript"
    APPLICATIONJSON = "application/json"
    APPLICATIONVND_DATAFRAMEJSON = "application/vnd.dataframe+json"
    IMAGEJPEG = "image/jpeg"
    IMAGEPNG = "image/png"
    IMAGESVGXML = "image/svg+xml"
    TEXTHTML = "text/html"
    TEXTLATEX = "text/latex"
    TEXTMARKDOWN = "text/markdown"
    TEXTPLAIN = "text/plain"

    def __str__(self) -> str:
        return str(self.value)
