from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define

from .. import types as _types
from ..models.list_object import ListObject
from ..types import UNSET, Unset, WireModel

if TYPE_CHECKING:
    from ..models.sandbox import Sandbox


T = TypeVar("T", bound="SandboxList")


@_attrs_define(eq=False, repr=False)
class SandboxList(WireModel):
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

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "object",
            "data",
            "has_more",
            "url",
            "next_cursor",
            "request_id",
        }
    )

    object_: ListObject
    data: list[Sandbox] | None
    has_more: bool
    url: str | Unset = UNSET
    next_cursor: None | str | Unset = UNSET
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

        next_cursor: None | str | Unset
        if isinstance(self.next_cursor, Unset):
            next_cursor = UNSET
        else:
            next_cursor = self.next_cursor

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
        if next_cursor is not UNSET:
            field_dict["next_cursor"] = next_cursor
        if request_id is not UNSET:
            field_dict["request_id"] = request_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        from ..models.sandbox import Sandbox  # noqa: PLC0415

        d = _types.as_mapping(src_dict)
        object_ = _types.as_enum(ListObject, d.get("object"))

        def _parse_data(data: object) -> list[Sandbox] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                data_type_0 = []
                _data_type_0 = data
                for data_type_0_item_data in _types.as_list(_data_type_0):
                    data_type_0_item = Sandbox.from_dict(data_type_0_item_data)

                    data_type_0.append(data_type_0_item)

                return data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Sandbox] | None, data)

        data = _parse_data(d.get("data"))

        has_more = _types.as_bool(d.get("has_more"))

        url = _types.as_str_or_none(d.get("url"))

        def _parse_next_cursor(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_cursor = _parse_next_cursor(d.get("next_cursor"))

        request_id = _types.as_str_or_none(d.get("request_id"))

        _sandbox_list_instance = cls(
            object_=object_,
            data=data,
            has_more=has_more,
            url=url,
            next_cursor=next_cursor,
            request_id=request_id,
        )
        dict.update(_sandbox_list_instance, d)
        return _sandbox_list_instance

    @property
    def object(self) -> ListObject:
        """``object_``, by its wire name."""
        return self.object_
