from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.list_object import ListObject
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.template import Template


T = TypeVar("T", bound="TemplateList")


@_attrs_define
class TemplateList:
    """
    Attributes:
        object_ (ListObject): Always `list` (object type of a list answer).
        data (list[Template] | None): The templates; null from the cloud means none (see `SandboxList.data`).
        has_more (bool): Always false on hopx-local (no pagination of templates).
        url (str | Unset): Path of the listed collection (`/v1/templates`).
        request_id (str | Unset):
    """

    object_: ListObject
    data: list[Template] | None
    has_more: bool
    url: str | Unset = UNSET
    request_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

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

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
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
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.template import Template  # noqa: PLC0415

        d = dict(src_dict)
        object_ = ListObject(d.pop("object"))

        def _parse_data(data: object) -> list[Template] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                data_type_0 = []
                _data_type_0 = data
                for data_type_0_item_data in _data_type_0:
                    data_type_0_item = Template.from_dict(data_type_0_item_data)

                    data_type_0.append(data_type_0_item)

                return data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Template] | None, data)

        data = _parse_data(d.pop("data"))

        has_more = d.pop("has_more")

        url = d.pop("url", UNSET)

        request_id = d.pop("request_id", UNSET)

        _template_list_instance = cls(
            object_=object_,
            data=data,
            has_more=has_more,
            url=url,
            request_id=request_id,
        )

        _template_list_instance.additional_properties = d
        return _template_list_instance

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
