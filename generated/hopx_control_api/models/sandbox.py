from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define

from .. import types as _types
from ..models.sandbox_object import SandboxObject
from ..models.sandbox_status import SandboxStatus
from ..types import UNSET, Unset, WireModel

if TYPE_CHECKING:
    from ..models.network_policy import NetworkPolicy
    from ..models.resources import Resources


T = TypeVar("T", bound="Sandbox")


@_attrs_define(eq=False, repr=False)
class Sandbox(WireModel):
    """
    Attributes:
        id (str): Sandbox id. Example: sbx_0123456789abcdef.
        object_ (SandboxObject): Always `sandbox`.
        status (SandboxStatus): Lifecycle status. `creating` → `running`; `running` ⇄ `paused` (pause/resume);
            `running`|`paused` → `stopped` (stop); `stopped` → `running` (start); `error` when the sandbox
            failed (only delete helps). Deleted sandboxes are gone (404), they have no status.
        public_host (str): Base URL of the sandbox's VM agent, **with scheme**, no trailing slash, e.g.
            `https://7777-<id>.<region>.vms.hopx.dev` on the cloud, `http://127.0.0.1:41001` on
            hopx-local. SDKs use it verbatim as the agent base URL (a host without scheme breaks
            the published SDK).
        resources (Resources): Resources allocated to a sandbox.
        created_at (datetime.datetime): Creation time.
        template_id (None | str | Unset): Id of the template the sandbox was made from, as a string (numeric on the
            cloud).
        template_name (None | str | Unset): Name of the template.
        region (None | str | Unset): Region (`local` on hopx-local).
        node_id (None | str | Unset): Node that runs the sandbox (`local` on one machine; with a Ray cluster, the Ray
            node
            id, where the sandbox's files are).
        status_reason (None | str | Unset): hopx-local extension: why the sandbox ended up in its status when that was
            not asked
            for (status `error`: it failed to start, or its node was lost; status `stopped`: its
            agent exited on its own); null otherwise.
        organization_id (int | Unset): Owning organization (an integer here, a string on `Template`, as the service
            sends them).
        direct_url (str | Unset): Agent URL bypassing the edge proxy, with scheme; on hopx-local equal to `public_host`.
        preview_url (str | Unset): URL **template** for reaching a service that listens on a port inside the sandbox:
            the
            literal text `{port}` stands for the port number and must be replaced by the client
            (e.g. `preview_url.replace("{port}", "8080")`). Ends with `/`; append the path after it.
            Cloud form: `https://{port}-<id>.<region>.vms.hopx.dev/`; hopx-local form:
            `http://127.0.0.1:<control-plane port>/preview/<id>/{port}/`, e.g.
            `http://127.0.0.1:8100/preview/sbx_0123456789abcdef/{port}/`. Not a URI until the port
            is substituted, hence no `format`.
             Example: http://127.0.0.1:8100/preview/sbx_0123456789abcdef/{port}/.
        internet_access (bool | Unset): Whether processes in the sandbox can reach the internet.
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
        live_mode (bool | Unset): True for production (live) keys, false for test keys.
        timeout_seconds (int | None | Unset): Auto-kill timeout in seconds; null = no timeout. hopx-local always sends
            it.
        expires_at (datetime.datetime | None | Unset): When the sandbox will be deleted automatically; null = never.
            hopx-local always sends it.
        auth_token (str | Unset): JWT for the sandbox's agent (`Authorization: Bearer <auth_token>`). Always present in
            the
            `createSandbox` answer; absent elsewhere (use `refreshSandboxToken`).
        token_expires_at (datetime.datetime | Unset): Expiry of `auth_token`; present exactly when `auth_token` is.
        request_id (str | Unset): Id of the request that produced this answer.
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "id",
            "object",
            "status",
            "public_host",
            "resources",
            "created_at",
            "template_id",
            "template_name",
            "region",
            "node_id",
            "status_reason",
            "organization_id",
            "direct_url",
            "preview_url",
            "internet_access",
            "network",
            "live_mode",
            "timeout_seconds",
            "expires_at",
            "auth_token",
            "token_expires_at",
            "request_id",
        }
    )

    id: str
    object_: SandboxObject
    status: SandboxStatus
    public_host: str
    resources: Resources
    created_at: datetime.datetime
    template_id: None | str | Unset = UNSET
    template_name: None | str | Unset = UNSET
    region: None | str | Unset = UNSET
    node_id: None | str | Unset = UNSET
    status_reason: None | str | Unset = UNSET
    organization_id: int | Unset = UNSET
    direct_url: str | Unset = UNSET
    preview_url: str | Unset = UNSET
    internet_access: bool | Unset = UNSET
    network: NetworkPolicy | Unset = UNSET
    live_mode: bool | Unset = UNSET
    timeout_seconds: int | None | Unset = UNSET
    expires_at: datetime.datetime | None | Unset = UNSET
    auth_token: str | Unset = UNSET
    token_expires_at: datetime.datetime | Unset = UNSET
    request_id: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        object_ = self.object_.value

        status = self.status.value

        public_host = self.public_host

        resources = self.resources.to_dict()

        created_at = self.created_at.isoformat()

        template_id: None | str | Unset
        if isinstance(self.template_id, Unset):
            template_id = UNSET
        else:
            template_id = self.template_id

        template_name: None | str | Unset
        if isinstance(self.template_name, Unset):
            template_name = UNSET
        else:
            template_name = self.template_name

        region: None | str | Unset
        if isinstance(self.region, Unset):
            region = UNSET
        else:
            region = self.region

        node_id: None | str | Unset
        if isinstance(self.node_id, Unset):
            node_id = UNSET
        else:
            node_id = self.node_id

        status_reason: None | str | Unset
        if isinstance(self.status_reason, Unset):
            status_reason = UNSET
        else:
            status_reason = self.status_reason

        organization_id = self.organization_id

        direct_url = self.direct_url

        preview_url = self.preview_url

        internet_access = self.internet_access

        network: dict[str, Any] | Unset = UNSET
        if not isinstance(self.network, Unset):
            network = self.network.to_dict()

        live_mode = self.live_mode

        timeout_seconds: int | None | Unset
        if isinstance(self.timeout_seconds, Unset):
            timeout_seconds = UNSET
        else:
            timeout_seconds = self.timeout_seconds

        expires_at: None | str | Unset
        if isinstance(self.expires_at, Unset):
            expires_at = UNSET
        elif isinstance(self.expires_at, datetime.datetime):
            expires_at = self.expires_at.isoformat()
        else:
            expires_at = self.expires_at

        auth_token = self.auth_token

        token_expires_at: str | Unset = UNSET
        if not isinstance(self.token_expires_at, Unset):
            token_expires_at = self.token_expires_at.isoformat()

        request_id = self.request_id

        field_dict: dict[str, Any] = self.additional_properties

        field_dict.update(
            {
                "id": id,
                "object": object_,
                "status": status,
                "public_host": public_host,
                "resources": resources,
                "created_at": created_at,
            }
        )
        if template_id is not UNSET:
            field_dict["template_id"] = template_id
        if template_name is not UNSET:
            field_dict["template_name"] = template_name
        if region is not UNSET:
            field_dict["region"] = region
        if node_id is not UNSET:
            field_dict["node_id"] = node_id
        if status_reason is not UNSET:
            field_dict["status_reason"] = status_reason
        if organization_id is not UNSET:
            field_dict["organization_id"] = organization_id
        if direct_url is not UNSET:
            field_dict["direct_url"] = direct_url
        if preview_url is not UNSET:
            field_dict["preview_url"] = preview_url
        if internet_access is not UNSET:
            field_dict["internet_access"] = internet_access
        if network is not UNSET:
            field_dict["network"] = network
        if live_mode is not UNSET:
            field_dict["live_mode"] = live_mode
        if timeout_seconds is not UNSET:
            field_dict["timeout_seconds"] = timeout_seconds
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at
        if auth_token is not UNSET:
            field_dict["auth_token"] = auth_token
        if token_expires_at is not UNSET:
            field_dict["token_expires_at"] = token_expires_at
        if request_id is not UNSET:
            field_dict["request_id"] = request_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        from ..models.network_policy import NetworkPolicy  # noqa: PLC0415
        from ..models.resources import Resources  # noqa: PLC0415

        d = _types.as_mapping(src_dict)
        id = _types.as_str(d.get("id"))

        object_ = _types.as_enum(SandboxObject, d.get("object"))

        status = _types.as_enum(SandboxStatus, d.get("status"))

        public_host = _types.as_str(d.get("public_host"))

        resources = Resources.from_dict(d.get("resources"))

        created_at = _types.as_datetime(d.get("created_at"))

        def _parse_template_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        template_id = _parse_template_id(d.get("template_id"))

        def _parse_template_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        template_name = _parse_template_name(d.get("template_name"))

        def _parse_region(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        region = _parse_region(d.get("region"))

        def _parse_node_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        node_id = _parse_node_id(d.get("node_id"))

        def _parse_status_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        status_reason = _parse_status_reason(d.get("status_reason"))

        organization_id = _types.as_int_or_none(d.get("organization_id"))

        direct_url = _types.as_str_or_none(d.get("direct_url"))

        preview_url = _types.as_str_or_none(d.get("preview_url"))

        internet_access = _types.as_bool_or_none(d.get("internet_access"))

        _network = d.get("network")
        network: NetworkPolicy | Unset
        if isinstance(_network, Unset):
            network = UNSET
        else:
            network = NetworkPolicy.from_dict(_network)

        live_mode = _types.as_bool_or_none(d.get("live_mode"))

        def _parse_timeout_seconds(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        timeout_seconds = _parse_timeout_seconds(d.get("timeout_seconds"))

        def _parse_expires_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expires_at_type_0 = _types.as_datetime_or_none(data)

                return expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        expires_at = _parse_expires_at(d.get("expires_at"))

        auth_token = _types.as_str_or_none(d.get("auth_token"))

        _token_expires_at = d.get("token_expires_at")
        token_expires_at: datetime.datetime | Unset
        if isinstance(_token_expires_at, Unset):
            token_expires_at = UNSET
        else:
            token_expires_at = _types.as_datetime_or_none(_token_expires_at)

        request_id = _types.as_str_or_none(d.get("request_id"))

        _sandbox_instance = cls(
            id=id,
            object_=object_,
            status=status,
            public_host=public_host,
            resources=resources,
            created_at=created_at,
            template_id=template_id,
            template_name=template_name,
            region=region,
            node_id=node_id,
            status_reason=status_reason,
            organization_id=organization_id,
            direct_url=direct_url,
            preview_url=preview_url,
            internet_access=internet_access,
            network=network,
            live_mode=live_mode,
            timeout_seconds=timeout_seconds,
            expires_at=expires_at,
            auth_token=auth_token,
            token_expires_at=token_expires_at,
            request_id=request_id,
        )
        dict.update(_sandbox_instance, d)
        return _sandbox_instance

    @property
    def object(self) -> SandboxObject:
        """``object_``, by its wire name."""
        return self.object_
