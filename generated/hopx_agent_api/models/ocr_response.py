from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..types import UNSET, Unset, WireModel

if TYPE_CHECKING:
    from ..models.screen_region import ScreenRegion


T = TypeVar("T", bound="OcrResponse")


@_attrs_define(eq=False, repr=False)
class OcrResponse(WireModel):
    """
    Attributes:
        text (str):
        language (str):
        region (ScreenRegion):
        timestamp (datetime.datetime):
        confidence (float | Unset): Mean word confidence, percent.
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "text",
            "language",
            "region",
            "timestamp",
            "confidence",
        }
    )

    text: str
    language: str
    region: ScreenRegion
    timestamp: datetime.datetime
    confidence: float | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        text = self.text

        language = self.language

        region = self.region.to_dict()

        timestamp = self.timestamp.isoformat()

        confidence = self.confidence

        field_dict: dict[str, Any] = self.additional_properties

        field_dict.update(
            {
                "text": text,
                "language": language,
                "region": region,
                "timestamp": timestamp,
            }
        )
        if confidence is not UNSET:
            field_dict["confidence"] = confidence

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        from ..models.screen_region import ScreenRegion  # noqa: PLC0415

        d = _types.as_mapping(src_dict)
        text = _types.as_str(d.get("text"))

        language = _types.as_str(d.get("language"))

        region = ScreenRegion.from_dict(d.get("region"))

        timestamp = _types.as_datetime(d.get("timestamp"))

        confidence = _types.as_float_or_none(d.get("confidence"))

        _ocr_response_instance = cls(
            text=text,
            language=language,
            region=region,
            timestamp=timestamp,
            confidence=confidence,
        )
        dict.update(_ocr_response_instance, d)
        return _ocr_response_instance
