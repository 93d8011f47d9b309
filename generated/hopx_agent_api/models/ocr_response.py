from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.screen_region import ScreenRegion


T = TypeVar("T", bound="OcrResponse")


@_attrs_define
class OcrResponse:
    """
    Attributes:
        text (str):
        language (str):
        region (ScreenRegion):
        timestamp (datetime.datetime):
        confidence (float | Unset): Mean word confidence, percent.
    """

    text: str
    language: str
    region: ScreenRegion
    timestamp: datetime.datetime
    confidence: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        text = self.text

        language = self.language

        region = self.region.to_dict()

        timestamp = self.timestamp.isoformat()

        confidence = self.confidence

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
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
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.screen_region import ScreenRegion  # noqa: PLC0415

        d = dict(src_dict)
        text = d.pop("text")

        language = d.pop("language")

        region = ScreenRegion.from_dict(d.pop("region"))

        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))

        confidence = d.pop("confidence", UNSET)

        _ocr_response_instance = cls(
            text=text,
            language=language,
            region=region,
            timestamp=timestamp,
            confidence=confidence,
        )

        _ocr_response_instance.additional_properties = d
        return _ocr_response_instance

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
