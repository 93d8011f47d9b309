from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..types import UNSET, Unset, WireModel

T = TypeVar("T", bound="VncInfo")


@_attrs_define(eq=False, repr=False)
class VncInfo(WireModel):
    """VNC server state (published SDK `VNCInfo`).

    Attributes:
        running (bool):
        display (int):
        port (int): The port of `url`. On hopx-local: the host's loopback port that the control plane relays to the
            sandbox's VNC server (inside the sandbox the server also listens on 127.0.0.1:5900+display).
        url (str): `vnc://<host>:<port>` for a VNC viewer. On hopx-local this is the host's loopback relay
            (`vnc://127.0.0.1:<port>`), reachable from the host, not from other sandboxes.
        timestamp (datetime.datetime):
        websocket_url (str | Unset): noVNC/websockify URL, when a websocket proxy runs. On hopx-local: `ws://<control
            plane>/vnc/<sandbox id>/websockify`, a bridge to the sandbox's VNC server (binary messages; the VNC password
            guards the session).
        password (str | Unset): Only in the `desktopVncStart` answer.
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "running",
            "display",
            "port",
            "url",
            "timestamp",
            "websocket_url",
            "password",
        }
    )

    running: bool
    display: int
    port: int
    url: str
    timestamp: datetime.datetime
    websocket_url: str | Unset = UNSET
    password: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        running = self.running

        display = self.display

        port = self.port

        url = self.url

        timestamp = self.timestamp.isoformat()

        websocket_url = self.websocket_url

        password = self.password

        field_dict: dict[str, Any] = self.additional_properties

        field_dict.update(
            {
                "running": running,
                "display": display,
                "port": port,
                "url": url,
                "timestamp": timestamp,
            }
        )
        if websocket_url is not UNSET:
            field_dict["websocket_url"] = websocket_url
        if password is not UNSET:
            field_dict["password"] = password

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        d = _types.as_mapping(src_dict)
        running = _types.as_bool(d.get("running"))

        display = _types.as_int(d.get("display"))

        port = _types.as_int(d.get("port"))

        url = _types.as_str(d.get("url"))

        timestamp = _types.as_datetime(d.get("timestamp"))

        websocket_url = _types.as_str_or_none(d.get("websocket_url"))

        password = _types.as_str_or_none(d.get("password"))

        _vnc_info_instance = cls(
            running=running,
            display=display,
            port=port,
            url=url,
            timestamp=timestamp,
            websocket_url=websocket_url,
            password=password,
        )
        dict.update(_vnc_info_instance, d)
        return _vnc_info_instance
