from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="VncInfo")


@_attrs_define
class VncInfo:
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

    running: bool
    display: int
    port: int
    url: str
    timestamp: datetime.datetime
    websocket_url: str | Unset = UNSET
    password: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        running = self.running

        display = self.display

        port = self.port

        url = self.url

        timestamp = self.timestamp.isoformat()

        websocket_url = self.websocket_url

        password = self.password

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
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
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        running = d.pop("running")

        display = d.pop("display")

        port = d.pop("port")

        url = d.pop("url")

        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))

        websocket_url = d.pop("websocket_url", UNSET)

        password = d.pop("password", UNSET)

        _vnc_info_instance = cls(
            running=running,
            display=display,
            port=port,
            url=url,
            timestamp=timestamp,
            websocket_url=websocket_url,
            password=password,
        )

        _vnc_info_instance.additional_properties = d
        return _vnc_info_instance

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
