from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.rich_output_format import RichOutputFormat
from ..models.rich_output_type import RichOutputType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.rich_output_metadata import RichOutputMetadata


T = TypeVar("T", bound="RichOutput")


@_attrs_define
class RichOutput:
    """One display of a Jupyter kernel execution.

    Attributes:
        type_ (RichOutputType): MIME type of a rich output.
        data (str): The output, encoded as `format` says.
        format_ (RichOutputFormat): How `data` is encoded: `base64` (binary images), `text` (the text itself: HTML, SVG,
            Markdown, plain, LaTeX, JavaScript), `json` (a JSON document serialized as text).
        metadata (RichOutputMetadata | Unset):
    """

    type_: RichOutputType
    data: str
    format_: RichOutputFormat
    metadata: RichOutputMetadata | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        data = self.data

        format_ = self.format_.value

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "data": data,
                "format": format_,
            }
        )
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.rich_output_metadata import RichOutputMetadata  # noqa: PLC0415

        d = dict(src_dict)
        type_ = RichOutputType(d.pop("type"))

        data = d.pop("data")

        format_ = RichOutputFormat(d.pop("format"))

        _metadata = d.pop("metadata", UNSET)
        metadata: RichOutputMetadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = RichOutputMetadata.from_dict(_metadata)

        _rich_output_instance = cls(
            type_=type_,
            data=data,
            format_=format_,
            metadata=metadata,
        )

        _rich_output_instance.additional_properties = d
        return _rich_output_instance

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
