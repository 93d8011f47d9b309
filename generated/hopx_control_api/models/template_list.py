from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define

from .. import types as _types
from ..models.list_object import ListObject
from ..types import UNSET, Unset, WireModel

if TYPE_CHECKING:
    from ..models.template import Template


T = TypeVar("T", bound="TemplateList")


@_attrs_define(eq=False, repr=False)
class TemplateList(WireModel):
    """
    Attributes:
        object_ (ListObject): Always `list` (object type of a list answer).
        data (list[Template] | None): The templates; null from the cloud means none (see `SandboxList.data`).
        has_more (bool): Always false on hopx-local (no pagination of templates).
        url (str | Unset): Path of the listed collection (`/v1/templates`).
        request_id (str | Unset):
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "object",
            "data",
            "has_more",
            "url",
            "request_id",
        }
    )

    object_: ListObject
    data: list[Template] | None
    has_more: bool
    url: str | Unset = UNSET
    request_id: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        object_ = self.object_.value

        data: list[dict[str, Any]] | None
        if isinstance(self.data, list):
            data = []
            for data_type_0_item_data in self.data:
                data_type_0_item = data_type_0_item_data.to_dict()
                data.append(data_type_0_item)

        else:
            data = self.data

        has_more = self.has_more

        url = self.url

        request_id = self.request_id

        field_dict: dict[str, Any] = self.additional_properties

        field_dict.update(
            {
                "object": object_,
                "data": data,
                "has_more": has_more,
            }
        )
        if url is not UNSET:
            field_dict["url"] = url
        if request_id is not UNSET:
            field_dict["request_id"] = request_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        from ..models.template import Template  # noqa: PLC0415

        d = _types.as_mapping(src_dict)
        object_ = _types.as_enum(ListObject, d.get("object"))

        def _parse_data(data: object) -> list[Template] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                data_type_0 = []
                _data_type_0 = data
                for data_type_0_item_data in _types.as_list(_data_type_0):
                    data_type_0_item = Template.from_dict(data_type_0_item_data)

                    data_type_0.append(data_type_0_item)

                return data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Template] | None, data)

        data = _parse_data(d.get("data"))

        has_more = _types.as_bool(d.get("has_more"))

        url = _types.as_str_or_none(d.get("url"))

        request_id = _types.as_str_or_none(d.get("request_id"))

        _template_list_instance = cls(
            object_=object_,
            data=data,
            has_more=has_more,
            url=url,
            request_id=request_id,
        )
        dict.update(_template_list_instance, d)
        return _template_list_instance

    @property
    def object(self) -> ListObject:
        """``object_``, by its wire name."""
        return self.object_
