from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.template_object import TemplateObject
from ..types import UNSET, Unset

T = TypeVar("T", bound="TemplateDeleted")


@_attrs_define
class TemplateDeleted:
    """
    Attributes:
        id (str):
        object_ (TemplateObject): Always `template` (object type of a template).
        deleted (bool):
        name (str | Unset):
        request_id (str | Unset):
    """

    id: str
    object_: TemplateObject
    deleted: bool
    name: str | Unset = UNSET
    request_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        object_ = self.object_.value

        deleted = self.deleted

        name = self.name

        request_id = self.request_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "object": object_,
                "deleted": deleted,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if request_id is not UNSET:
            field_dict["request_id"] = request_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        object_ = TemplateObject(d.pop("object"))

        deleted = d.pop("deleted")

        name = d.pop("name", UNSET)

        request_id = d.pop("request_id", UNSET)

        _template_deleted_instance = cls(
            id=id,
            object_=object_,
            deleted=deleted,
            name=name,
            request_id=request_id,
        )

        _template_deleted_instance.additional_properties = d
        return _template_deleted_instance

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
