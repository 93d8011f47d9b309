from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..models.rich_output_metadata_source import RichOutputMetadataSource
from ..types import UNSET, Unset, WireModel

T = TypeVar("T", bound="RichOutputMetadata")


@_attrs_define(eq=False, repr=False)
class RichOutputMetadata(WireModel):
    """
    Attributes:
        source (RichOutputMetadataSource | Unset): Library that produced the output, when recognised.
        filename (str | Unset):
        size (int | Unset): Size of the decoded data, bytes.
        width (int | Unset): Image width in pixels, when known.
        height (int | Unset): Image height in pixels, when known.
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "source",
            "filename",
            "size",
            "width",
            "height",
        }
    )

    source: RichOutputMetadataSource | Unset = UNSET
    filename: str | Unset = UNSET
    size: int | Unset = UNSET
    width: int | Unset = UNSET
    height: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        source: str | Unset = UNSET
        if not isinstance(self.source, Unset):
            source = self.source.value

        filename = self.filename

        size = self.size

        width = self.width

        height = self.height

        field_dict: dict[str, Any] = self.additional_properties

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
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        d = _types.as_mapping(src_dict)
        _source = d.get("source")
        source: RichOutputMetadataSource | Unset
        if isinstance(_source, Unset):
            source = UNSET
        else:
            source = _types.as_enum(RichOutputMetadataSource, _source)

        filename = _types.as_str_or_none(d.get("filename"))

        size = _types.as_int_or_none(d.get("size"))

        width = _types.as_int_or_none(d.get("width"))

        height = _types.as_int_or_none(d.get("height"))

        _rich_output_metadata_instance = cls(
            source=source,
            filename=filename,
            size=size,
            width=width,
            height=height,
        )
        dict.update(_rich_output_metadata_instance, d)
        return _rich_output_metadata_instance
