from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.build_status import BuildStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="TemplateBuildResponse")


@_attrs_define
class TemplateBuildResponse:
    """
    Attributes:
        build_id (str):
        template_id (str):
        status (BuildStatus): Build status. Terminal - `active`/`success` (built) and `failed`.
        logs_url (str): Absolute URL of `getTemplateBuildLogs` for this build.
        request_id (str | Unset):
    """

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

        field_dict: dict[str, Any] = {}

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
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        build_id = d.pop("build_id")

        template_id = d.pop("template_id")

        status = BuildStatus(d.pop("status"))

        logs_url = d.pop("logs_url")

        request_id = d.pop("request_id", UNSET)

        _template_build_response_instance = cls(
            build_id=build_id,
            template_id=template_id,
            status=status,
            logs_url=logs_url,
            request_id=request_id,
        )

        return _template_build_response_instance
