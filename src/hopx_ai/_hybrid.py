"""A method that works on an instance and on the class: ``sb.kill()`` and ``Sandbox.kill(id)``."""

from __future__ import annotations

import functools
import types
from collections.abc import Callable
from typing import Any, Concatenate, Generic, ParamSpec, TypeVar, overload

Owner = TypeVar("Owner")
IP = ParamSpec("IP")
IR = TypeVar("IR")
CP = ParamSpec("CP")
CR = TypeVar("CR")


class hybridmethod(Generic[Owner, IP, IR, CP, CR]):
    def __init__(
        self,
        instance_method: Callable[Concatenate[Owner, IP], IR],
        class_method: Callable[Concatenate[type[Owner], CP], CR],
    ) -> None:
        self._instance_method = instance_method
        self._class_method = class_method
        functools.update_wrapper(self, instance_method)  # type: ignore[arg-type]

    @overload
    def __get__(self, obj: None, owner: type[Owner]) -> Callable[CP, CR]: ...

    @overload
    def __get__(self, obj: Owner, owner: type[Owner] | None = None) -> Callable[IP, IR]: ...

    def __get__(self, obj: Owner | None, owner: type[Owner] | None = None) -> Any:
        if obj is None:
            return types.MethodType(self._class_method, owner)
        return types.MethodType(self._instance_method, obj)
