from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.language import Language
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.execute_async_request_callback_headers import ExecuteAsyncRequestCallbackHeaders
    from ..models.execute_async_request_env import ExecuteAsyncRequestEnv


T = TypeVar("T", bound="ExecuteAsyncRequest")


@_attrs_define
class ExecuteAsyncRequest:
    """
    Attributes:
        code (str):
        callback_url (str): http(s) URL that receives the `AsyncExecutionCallback` POST: an absolute URI with a
            host name or IPv4 address, an optional port (0..65535) and RFC 3986 characters only
            (percent-encode anything else).
        language (Language | Unset): Interpreter. `python`/`python3` → Python 3 (Jupyter kernel in the code-interpreter
            template),
            `javascript`/`js`/`node`/`nodejs` → Node.js, `bash`, `sh`/`shell` → POSIX sh, `go` → `go run`.
             Default: Language.PYTHON.
        timeout (int | Unset):  Default: 1800.
        env (ExecuteAsyncRequestEnv | Unset):
        workdir (str | Unset):  Default: '/workspace'.
        callback_headers (ExecuteAsyncRequestCallbackHeaders | Unset): Extra headers sent with the callback POST.
        callback_signature_secret (str | Unset): Secret for the `X-HopX-Signature` HMAC-SHA256 header of the callback.
    """

    code: str
    callback_url: str
    language: Language | Unset = Language.PYTHON
    timeout: int | Unset = 1800
    env: ExecuteAsyncRequestEnv | Unset = UNSET
    workdir: str | Unset = "/workspace"
    callback_headers: ExecuteAsyncRequestCallbackHeaders | Unset = UNSET
    callback_signature_secret: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        callback_url = self.callback_url

        language: str | Unset = UNSET
        if not isinstance(self.language, Unset):
            language = self.language.value

        timeout = self.timeout

        env: dict[str, Any] | Unset = UNSET
        if not isinstance(self.env, Unset):
            env = self.env.to_dict()

        workdir = self.workdir

        callback_headers: dict[str, Any] | Unset = UNSET
        if not isinstance(self.callback_headers, Unset):
            callback_headers = self.callback_headers.to_dict()

        callback_signature_secret = self.callback_signature_secret

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "callback_url": callback_url,
            }
        )
        if language is not UNSET:
            field_dict["language"] = language
        if timeout is not UNSET:
            field_dict["timeout"] = timeout
        if env is not UNSET:
            field_dict["env"] = env
        if workdir is not UNSET:
            field_dict["workdir"] = workdir
        if callback_headers is not UNSET:
            field_dict["callback_headers"] = callback_headers
        if callback_signature_secret is not UNSET:
            field_dict["callback_signature_secret"] = callback_signature_secret

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.execute_async_request_callback_headers import (
            ExecuteAsyncRequestCallbackHeaders,  # noqa: PLC0415
        )
        from ..models.execute_async_request_env import ExecuteAsyncRequestEnv  # noqa: PLC0415

        d = dict(src_dict)
        code = d.pop("code")

        callback_url = d.pop("callback_url")

        _language = d.pop("language", UNSET)
        language: Language | Unset
        if isinstance(_language, Unset):
            language = UNSET
        else:
            language = Language(_language)

        timeout = d.pop("timeout", UNSET)

        _env = d.pop("env", UNSET)
        env: ExecuteAsyncRequestEnv | Unset
        if isinstance(_env, Unset):
            env = UNSET
        else:
            env = ExecuteAsyncRequestEnv.from_dict(_env)

        workdir = d.pop("workdir", UNSET)

        _callback_headers = d.pop("callback_headers", UNSET)
        callback_headers: ExecuteAsyncRequestCallbackHeaders | Unset
        if isinstance(_callback_headers, Unset):
            callback_headers = UNSET
        else:
            callback_headers = ExecuteAsyncRequestCallbackHeaders.from_dict(_callback_headers)

        callback_signature_secret = d.pop("callback_signature_secret", UNSET)

        _execute_async_request_instance = cls(
            code=code,
            callback_url=callback_url,
            language=language,
            timeout=timeout,
            env=env,
            workdir=workdir,
            callback_headers=callback_headers,
            callback_signature_secret=callback_signature_secret,
        )

        _execute_async_request_instance.additional_properties = d
        return _execute_async_request_instance

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
