from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..models.build_status import BuildStatus
from ..types import UNSET, Unset, WireModel

T = TypeVar("T", bound="TemplateBuildResponse")


@_attrs_define(eq=False, repr=False)
class TemplateBuildResponse(WireModel):
    """
    Attributes:
        build_id (str):
        template_id (str):
        status (BuildStatus): Build status. Terminal - `active`/`success` (built) and `failed`.
        logs_url (str): Absolute URL of `getTemplateBuildLogs` for this build.
        request_id (str | Unset):
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "build_id",
            "template_id",
            "status",
            "logs_url",
            "request_id",
        }
    )

    build_id: str
    template_id: str
    status: BuildStatus
    logs_url: str
    request_id: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        build_id = self.build_id

        template_id = self.template_id

        status = self.status.value

        logs_url = self.logs_url

        request_id = self.request_id

        field_dict: dict[str, Any] = self.additional_properties

        field_dict.update(
            {
                "build_id": build_id,
                "template_id": template_id,
                "status": status,
                "logs_url": logs_url,
            }
        )
        if request_id is not UNSET:
            field_dict["request_id"] = request_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        d = _types.as_mapping(src_dict)
        build_id = _types.as_str(d.get("build_id"))

        template_id = _types.as_str(d.get("template_id"))

        status = _types.as_enum(BuildStatus, d.get("status"))

        logs_url = _types.as_str(d.get("logs_url"))

        request_id = _types.as_str_or_none(d.get("request_id"))

        _template_build_response_instance = cls(
            build_id=build_id,
            template_id=template_id,
            status=status,
            logs_url=logs_url,
            request_id=request_id,
        )
        dict.update(_template_build_response_instance, d)
        return _template_build_response_instance
