from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define

from .. import types as _types
from ..models.language import Language
from ..types import UNSET, Unset, WireModel

if TYPE_CHECKING:
    from ..models.agent_features import AgentFeatures


T = TypeVar("T", bound="InfoResponse")


@_attrs_define(eq=False, repr=False)
class InfoResponse(WireModel):
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

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "agent",
            "version",
            "agent_version",
            "os",
            "arch",
            "platform",
            "vm_id",
            "sandbox_id",
            "template",
            "start_time",
            "uptime",
            "endpoints",
            "features",
            "languages",
            "go_version",
            "python_version",
            "ip",
            "port",
        }
    )

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

        field_dict: dict[str, Any] = self.additional_properties

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
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        from ..models.agent_features import AgentFeatures  # noqa: PLC0415

        d = _types.as_mapping(src_dict)
        agent = _types.as_str(d.get("agent"))

        version = _types.as_str(d.get("version"))

        agent_version = _types.as_str(d.get("agent_version"))

        os = _types.as_str(d.get("os"))

        arch = _types.as_str(d.get("arch"))

        platform = _types.as_str(d.get("platform"))

        vm_id = _types.as_str(d.get("vm_id"))

        sandbox_id = _types.as_str(d.get("sandbox_id"))

        template = _types.as_str(d.get("template"))

        start_time = _types.as_datetime(d.get("start_time"))

        uptime = _types.as_float(d.get("uptime"))

        endpoints = cast(list[str], _types.as_list(d.get("endpoints")))

        features = AgentFeatures.from_dict(d.get("features"))

        languages = _types.as_enum_list(Language, d.get("languages"))

        go_version = _types.as_str_or_none(d.get("go_version"))

        python_version = _types.as_str_or_none(d.get("python_version"))

        ip = _types.as_str_or_none(d.get("ip"))

        port = _types.as_str_or_none(d.get("port"))

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
        dict.update(_info_response_instance, d)
        return _info_response_instance
