from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.rich_output_metadata_source import RichOutputMetadataSource
from ..types import UNSET, Unset

T = TypeVar("T", bound="RichOutputMetadata")


@_attrs_define
class RichOutputMetadata:
    """
    Attributes:
        source (RichOutputMetadataSource | Unset): Library that produced the output, when recognised.
        filename (str | Unset):
        size (int | Unset): Size of the decoded data, bytes.
        width (int | Unset): Image width in pixels, when known.
        height (int | Unset): Image height in pixels, when known.
    """

    source: RichOutputMetadataSource | Unset = UNSET
    filename: str | Unset = UNSET
    size: int | Unset = UNSET
    width: int | Unset = UNSET
    height: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        source: str | Unset = UNSET
        if not isinstance(self.source, Unset):
            source = self.source.value

        filename = self.filename

        size = self.size

        width = self.width

        height = self.height

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if source is not UNSET:
            field_dict["source"] = source
        if filename is not UNSET:
            field_dict["filename"] = filename
        if size is not UNSET:
            field_dict["size"] = size
        if width is not UNSET:
            field_dict["width"] = width
        if height is not UNSET:
            field_dict["height"] = height

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _source = d.pop("source", UNSET)
        source: RichOutputMetadataSource | Unset
        if isinstance(_source, Unset):
            source = UNSET
        else:
            source = RichOutputMetadataSource(_source)

        filename = d.pop("filename", UNSET)

        size = d.pop("size", UNSET)

        width = d.pop("width", UNSET)

        height = d.pop("height", UNSET)

        _rich_output_metadata_instance = cls(
            source=source,
            filename=filename,
            size=size,
            width=width,
            height=height,
        )

        _rich_output_metadata_instance.additional_properties = d
        return _rich_output_metadata_instance

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
