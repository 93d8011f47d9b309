from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define

from .. import types as _types
from ..types import UNSET, Unset, WireModel

T = TypeVar("T", bound="AgentRootResponse")


@_attrs_define(eq=False, repr=False)
class AgentRootResponse(WireModel):
    """
    Attributes:
        name (str): Agent name.
        version (str): Agent version.
        docs (str): Path of this OpenAPI document on the agent.
        endpoints (list[str]): Main endpoint paths.
        timestamp (datetime.datetime):
        description (str | Unset):
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "name",
            "version",
            "docs",
            "endpoints",
            "timestamp",
            "description",
        }
    )

    name: str
    version: str
    docs: str
    endpoints: list[str]
    timestamp: datetime.datetime
    description: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        version = self.version

        docs = self.docs

        endpoints = self.endpoints

        timestamp = self.timestamp.isoformat()

        description = self.description

        field_dict: dict[str, Any] = self.additional_properties

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
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        d = _types.as_mapping(src_dict)
        name = _types.as_str(d.get("name"))

        version = _types.as_str(d.get("version"))

        docs = _types.as_str(d.get("docs"))

        endpoints = cast(list[str], _types.as_list(d.get("endpoints")))

        timestamp = _types.as_datetime(d.get("timestamp"))

        description = _types.as_str_or_none(d.get("description"))

        _agent_root_response_instance = cls(
            name=name,
            version=version,
            docs=docs,
            endpoints=endpoints,
            timestamp=timestamp,
            description=description,
        )
        dict.update(_agent_root_response_instance, d)
        return _agent_root_response_instance
