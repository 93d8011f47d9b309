from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define

from .. import types as _types
from ..types import UNSET, Unset, WireModel

if TYPE_CHECKING:
    from ..models.env_vars import EnvVars
    from ..models.network_policy import NetworkPolicy


T = TypeVar("T", bound="CreateSandboxRequest")


@_attrs_define(eq=False, repr=False)
class CreateSandboxRequest(WireModel):
    """Give `template_id` or `template_name` (if both, `template_id` wins). Unknown fields are ignored.

    Attributes:
        template_id (int | str | Unset): Template id. Decision: a string or an integer (the published document's
            `FlexibleTemplateID` accepts both; the published SDK sends a string).
        template_name (str | Unset): Template name, e.g. `code-interpreter`.
        region (str | Unset): Preferred region (e.g. `us-east`); hopx-local accepts any value and reports `local`.
        timeout_seconds (int | Unset): Auto-kill after this many seconds (1..86400, see `setSandboxTimeout`); omitted =
            no timeout.
        internet_access (bool | Unset): Whether processes in the sandbox can reach the internet. On hopx-local, `true`
            means
            public addresses only (never the host's own addresses, loopback, link-local, private
            or CGNAT ranges, multicast, nor another sandbox), narrowed further by `network`;
            `false` means no route out at all (then `network` is kept but has no effect).
             Default: True.
        network (NetworkPolicy | Unset): hopx-local extension: the sandbox's egress policy (names as E2B's `network`
            option). On a
            `Sandbox`, the policy in force. Entries are IPv4/IPv6 addresses or CIDRs
            (`203.0.113.0/24`, `198.51.100.7`) or domain patterns: an exact name (`api.example.com`)
            or `*.suffix` (every name below `suffix`, at any depth, not `suffix` itself).

            Order, first match wins: (1) the host's own addresses and loopback are never reachable,
            even when named; (2) `deny_out` is refused (deny beats allow); (3) CIDRs in `allow_out`
            are reachable, private ranges included: naming a private address or range (a database
            on the LAN) is the only way to reach one; (4) other private, link-local, CGNAT and
            multicast addresses are refused; (5) addresses answered for a name in `allow_out`
            (public ones only: a name never opens a private address) are reachable; (6) the rest:
            public addresses are reachable, unless `allow_out` is non-empty (or `deny_out` holds
            `0.0.0.0/0`, E2B's ALL_TRAFFIC, which sets the default instead of overriding `allow_out`),
            then nothing else is.

            Domain rules by "resolve and pin": the sandbox's resolver is hopx-local's forwarder; the
            addresses it answers for an allowed name become reachable (any protocol: HTTPS, plain
            TCP, UDP), a denied name answers NXDOMAIN and its addresses are refused. Addresses are
            judged, not names: a name sharing an address with a denied one is refused too, and while
            the default is open a denied name's address can still be used directly; use `allow_out`
            for a guarantee. A refused connection fails at once (TCP reset, or ICMP unreachable).
            No IPv6 leaves a sandbox. Up to 256 entries per list; a bad entry → 400
            `validation_error` naming it (e.g. `network.allow_out.2`).
        env_vars (EnvVars | Unset): Environment variables for every process of the sandbox. At most 256 entries; names
            match
            `^[A-Za-z_][A-Za-z0-9_]*$` (OpenAPI 3.0 cannot express a key pattern, hence
            `x-key-pattern`; the server enforces it → 400 `validation_error` naming the key); values are
            strings of at most 32768 characters without NUL (environment strings cannot hold one).
        vcpu (int | Unset): Deprecated and ignored; resources come from the template.
        memory_mb (int | Unset): Deprecated and ignored; resources come from the template.
        disk_gb (int | Unset): Deprecated and ignored; resources come from the template.
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "template_id",
            "template_name",
            "region",
            "timeout_seconds",
            "internet_access",
            "network",
            "env_vars",
            "vcpu",
            "memory_mb",
            "disk_gb",
        }
    )

    template_id: int | str | Unset = UNSET
    template_name: str | Unset = UNSET
    region: str | Unset = UNSET
    timeout_seconds: int | Unset = UNSET
    internet_access: bool | Unset = True
    network: NetworkPolicy | Unset = UNSET
    env_vars: EnvVars | Unset = UNSET
    vcpu: int | Unset = UNSET
    memory_mb: int | Unset = UNSET
    disk_gb: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        template_id: int | str | Unset
        if isinstance(self.template_id, Unset):
            template_id = UNSET
        else:
            template_id = self.template_id

        template_name = self.template_name

        region = self.region

        timeout_seconds = self.timeout_seconds

        internet_access = self.internet_access

        network: dict[str, Any] | Unset = UNSET
        if not isinstance(self.network, Unset):
            network = self.network.to_dict()

        env_vars: dict[str, Any] | Unset = UNSET
        if not isinstance(self.env_vars, Unset):
            env_vars = self.env_vars.to_dict()

        vcpu = self.vcpu

        memory_mb = self.memory_mb

        disk_gb = self.disk_gb

        field_dict: dict[str, Any] = self.additional_properties

        field_dict.update({})
        if template_id is not UNSET:
            field_dict["template_id"] = template_id
        if template_name is not UNSET:
            field_dict["template_name"] = template_name
        if region is not UNSET:
            field_dict["region"] = region
        if timeout_seconds is not UNSET:
            field_dict["timeout_seconds"] = timeout_seconds
        if internet_access is not UNSET:
            field_dict["internet_access"] = internet_access
        if network is not UNSET:
            field_dict["network"] = network
        if env_vars is not UNSET:
            field_dict["env_vars"] = env_vars
        if vcpu is not UNSET:
            field_dict["vcpu"] = vcpu
        if memory_mb is not UNSET:
            field_dict["memory_mb"] = memory_mb
        if disk_gb is not UNSET:
            field_dict["disk_gb"] = disk_gb

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        from ..models.env_vars import EnvVars  # noqa: PLC0415
        from ..models.network_policy import NetworkPolicy  # noqa: PLC0415

        d = _types.as_mapping(src_dict)

        def _parse_template_id(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        template_id = _parse_template_id(d.get("template_id"))

        template_name = _types.as_str_or_none(d.get("template_name"))

        region = _types.as_str_or_none(d.get("region"))

        timeout_seconds = _types.as_int_or_none(d.get("timeout_seconds"))

        internet_access = _types.as_bool_or_none(d.get("internet_access"))

        _network = d.get("network")
        network: NetworkPolicy | Unset
        if isinstance(_network, Unset):
            network = UNSET
        else:
            network = NetworkPolicy.from_dict(_network)

        _env_vars = d.get("env_vars")
        env_vars: EnvVars | Unset
        if isinstance(_env_vars, Unset):
            env_vars = UNSET
        else:
            env_vars = EnvVars.from_dict(_env_vars)

        vcpu = _types.as_int_or_none(d.get("vcpu"))

        memory_mb = _types.as_int_or_none(d.get("memory_mb"))

        disk_gb = _types.as_int_or_none(d.get("disk_gb"))

        _create_sandbox_request_instance = cls(
            template_id=template_id,
            template_name=template_name,
            region=region,
            timeout_seconds=timeout_seconds,
            internet_access=internet_access,
            network=network,
            env_vars=env_vars,
            vcpu=vcpu,
            memory_mb=memory_mb,
            disk_gb=disk_gb,
        )
        dict.update(_create_sandbox_request_instance, d)
        return _create_sandbox_request_instance
