from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AgentRootResponse")


@_attrs_define
class AgentRootResponse:
    """
    Attributes:
        name (str): Agent name.
        version (str): Agent version.
        docs (str): Path of this OpenAPI document on the agent.
        endpoints (list[str]): Main endpoint paths.
        timestamp (datetime.datetime):
        description (str | Unset):
    """

    name: str
    version: str
    docs: str
    endpoints: list[str]
    timestamp: datetime.datetime
    description: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        version = self.version

        docs = self.docs

        endpoints = self.endpoints

        timestamp = self.timestamp.isoformat()

        description = self.description

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "version": version,
                "docs": docs,
                "endpoints": endpoints,
                "timestamp": timestamp,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        version = d.pop("version")

        docs = d.pop("docs")

        endpoints = cast(list[str], d.pop("endpoints"))

        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))

        description = d.pop("description", UNSET)

        _agent_root_response_instance = cls(
            name=name,
            version=version,
            docs=docs,
            endpoints=endpoints,
            timestamp=timestamp,
            description=description,
        )

        _agent_root_response_instance.additional_properties = d
        return _agent_root_response_instance

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
