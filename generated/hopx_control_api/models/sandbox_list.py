from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.list_object import ListObject
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.sandbox import Sandbox


T = TypeVar("T", bound="SandboxList")


@_attrs_define
class SandboxList:
    """
    Attributes:
        object_ (ListObject): Always `list` (object type of a list answer).
        data (list[Sandbox] | None): The page's sandboxes. hopx-local always sends an array; the cloud may send `null`
            for an
            empty page (the published SDK tolerates it), so clients must treat null as empty.
        has_more (bool): Whether another page follows.
        url (str | Unset): Path of the listed collection (`/v1/sandboxes`).
        next_cursor (None | str | Unset): Pass as `cursor` to get the next page; non-null exactly when `has_more` is
            true.
        request_id (str | Unset):
    """

    object_: ListObject
    data: list[Sandbox] | None
    has_more: bool
    url: str | Unset = UNSET
    next_cursor: None | str | Unset = UNSET
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

        next_cursor: None | str | Unset
        if isinstance(self.next_cursor, Unset):
            next_cursor = UNSET
        else:
            next_cursor = self.next_cursor

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
        if next_cursor is not UNSET:
            field_dict["next_cursor"] = next_cursor
        if request_id is not UNSET:
            field_dict["request_id"] = request_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.sandbox import Sandbox  # noqa: PLC0415

        d = dict(src_dict)
        object_ = ListObject(d.pop("object"))

        def _parse_data(data: object) -> list[Sandbox] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                data_type_0 = []
                _data_type_0 = data
                for data_type_0_item_data in _data_type_0:
                    data_type_0_item = Sandbox.from_dict(data_type_0_item_data)

                    data_type_0.append(data_type_0_item)

                return data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Sandbox] | None, data)

        data = _parse_data(d.pop("data"))

        has_more = d.pop("has_more")

        url = d.pop("url", UNSET)

        def _parse_next_cursor(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor", UNSET))

        request_id = d.pop("request_id", UNSET)

        _sandbox_list_instance = cls(
            object_=object_,
            data=data,
            has_more=has_more,
            url=url,
            next_cursor=next_cursor,
            request_id=request_id,
        )

        _sandbox_list_instance.additional_properties = d
        return _sandbox_list_instance

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
