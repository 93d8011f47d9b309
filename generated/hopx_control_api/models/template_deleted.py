from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..models.template_object import TemplateObject
from ..types import UNSET, Unset, WireModel

T = TypeVar("T", bound="TemplateDeleted")


@_attrs_define(eq=False, repr=False)
class TemplateDeleted(WireModel):
    """
    Attributes:
        id (str):
        object_ (TemplateObject): Always `template` (object type of a template).
        deleted (bool):
        name (str | Unset):
        request_id (str | Unset):
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "id",
            "object",
            "deleted",
            "name",
            "request_id",
        }
    )

    id: str
    object_: TemplateObject
    deleted: bool
    name: str | Unset = UNSET
    request_id: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        object_ = self.object_.value

        deleted = self.deleted

        name = self.name

        request_id = self.request_id

        field_dict: dict[str, Any] = self.additional_properties

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
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        d = _types.as_mapping(src_dict)
        id = _types.as_str(d.get("id"))

        object_ = _types.as_enum(TemplateObject, d.get("object"))

        deleted = _types.as_bool(d.get("deleted"))

        name = _types.as_str_or_none(d.get("name"))

        request_id = _types.as_str_or_none(d.get("request_id"))

        _template_deleted_instance = cls(
            id=id,
            object_=object_,
            deleted=deleted,
            name=name,
            request_id=request_id,
        )
        dict.update(_template_deleted_instance, d)
        return _template_deleted_instance

    @property
    def object(self) -> TemplateObject:
        """``object_``, by its wire name."""
        return self.object_
