from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..models.rich_output_format import RichOutputFormat
from ..models.rich_output_type import RichOutputType
from ..types import UNSET, Unset, WireModel

if TYPE_CHECKING:
    from ..models.rich_output_metadata import RichOutputMetadata


T = TypeVar("T", bound="RichOutput")


@_attrs_define(eq=False, repr=False)
class RichOutput(WireModel):
    """One display of a Jupyter kernel execution.

    Attributes:
        type_ (RichOutputType): MIME type of a rich output.
        data (str): The output, encoded as `format` says.
        format_ (RichOutputFormat): How `data` is encoded: `base64` (binary images), `text` (the text itself: HTML, SVG,
            Markdown, plain, LaTeX, JavaScript), `json` (a JSON document serialized as text).
        metadata (RichOutputMetadata | Unset):
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "type",
            "data",
            "format",
            "metadata",
        }
    )

    type_: RichOutputType
    data: str
    format_: RichOutputFormat
    metadata: RichOutputMetadata | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        data = self.data

        format_ = self.format_.value

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        field_dict: dict[str, Any] = self.additional_properties

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
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        from ..models.rich_output_metadata import RichOutputMetadata  # noqa: PLC0415

        d = _types.as_mapping(src_dict)
        type_ = _types.as_enum(RichOutputType, d.get("type"))

        data = _types.as_str(d.get("data"))

        format_ = _types.as_enum(RichOutputFormat, d.get("format"))

        _metadata = d.get("metadata")
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
        dict.update(_rich_output_instance, d)
        return _rich_output_instance

    @property
    def type(self) -> RichOutputType:
        """``type_``, by its wire name."""
        return self.type_

    @property
    def format(self) -> RichOutputFormat:
        """``format_``, by its wire name."""
        return self.format_
