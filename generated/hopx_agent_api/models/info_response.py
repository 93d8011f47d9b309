from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.language import Language
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.agent_features import AgentFeatures


T = TypeVar("T", bound="InfoResponse")


@_attrs_define
class InfoResponse:
    """
    Attributes:
        agent (str): Agent name (published spec).
        version (str): Agent version (published spec).
        agent_version (str): Same as `version` (published SDK).
        os (str):  Example: linux.
        arch (str):  Example: amd64.
        platform (str): `<os>/<arch>` (published spec).
        vm_id (str): VM id (published spec); equals `sandbox_id` on hopx-local.
        sandbox_id (str):
        template (str): Template name the sandbox was created from.
        start_time (datetime.datetime):
        uptime (float): Agent uptime, seconds (published SDK).
        endpoints (list[str]):
        features (AgentFeatures): Capabilities of this agent (published SDK reads `features`). Unknown future flags may
            appear.
        languages (list[Language]): Values accepted as `language` by this agent.
        go_version (str | Unset): Go toolchain of the public agent; absent for hopx-local.
        python_version (str | Unset):
        ip (str | Unset): Address the agent listens on (published spec).
        port (str | Unset): Port the agent listens on, as a string (published spec).
    """

    agent: str
    version: str
    agent_version: str
    os: str
    arch: str
    platform: str
    vm_id: str
    sandbox_id: str
    template: str
    start_time: datetime.datetime
    uptime: float
    endpoints: list[str]
    features: AgentFeatures
    languages: list[Language]
    go_version: str | Unset = UNSET
    python_version: str | Unset = UNSET
    ip: str | Unset = UNSET
    port: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        agent = self.agent

        version = self.version

        agent_version = self.agent_version

        os = self.os

        arch = self.arch

        platform = self.platform

        vm_id = self.vm_id

        sandbox_id = self.sandbox_id

        template = self.template

        start_time = self.start_time.isoformat()

        uptime = self.uptime

        endpoints = self.endpoints

        features = self.features.to_dict()

        languages = []
        for languages_item_data in self.languages:
            languages_item = languages_item_data.value
            languages.append(languages_item)

        go_version = self.go_version

        python_version = self.python_version

        ip = self.ip

        port = self.port

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "agent": agent,
                "version": version,
                "agent_version": agent_version,
                "os": os,
                "arch": arch,
                "platform": platform,
                "vm_id": vm_id,
                "sandbox_id": sandbox_id,
                "template": template,
                "start_time": start_time,
                "uptime": uptime,
                "endpoints": endpoints,
                "features": features,
                "languages": languages,
            }
        )
        if go_version is not UNSET:
            field_dict["go_version"] = go_version
        if python_version is not UNSET:
            field_dict["python_version"] = python_version
        if ip is not UNSET:
            field_dict["ip"] = ip
        if port is not UNSET:
            field_dict["port"] = port

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.agent_features import AgentFeatures  # noqa: PLC0415

        d = dict(src_dict)
        agent = d.pop("agent")

        version = d.pop("version")

        agent_version = d.pop("agent_version")

        os = d.pop("os")

        arch = d.pop("arch")

        platform = d.pop("platform")

        vm_id = d.pop("vm_id")

        sandbox_id = d.pop("sandbox_id")

        template = d.pop("template")

        start_time = datetime.datetime.fromisoformat(d.pop("start_time"))

        uptime = d.pop("uptime")

        endpoints = cast(list[str], d.pop("endpoints"))

        features = AgentFeatures.from_dict(d.pop("features"))

        languages = []
        _languages = d.pop("languages")
        for languages_item_data in _languages:
            languages_item = Language(languages_item_data)

            languages.append(languages_item)

        go_version = d.pop("go_version", UNSET)

        python_version = d.pop("python_version", UNSET)

        ip = d.pop("ip", UNSET)

        port = d.pop("port", UNSET)

        _info_response_instance = cls(
            agent=agent,
            version=version,
            agent_version=agent_version,
            os=os,
            arch=arch,
            platform=platform,
            vm_id=vm_id,
            sandbox_id=sandbox_id,
            template=template,
            start_time=start_time,
            uptime=uptime,
            endpoints=endpoints,
            features=features,
            languages=languages,
            go_version=go_version,
            python_version=python_version,
            ip=ip,
            port=port,
        )

        _info_response_instance.additional_properties = d
        return _info_response_instance

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
