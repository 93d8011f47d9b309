"""Mouse and keyboard through xdotool (synthetic XTEST events, as a real user would cause)."""

from __future__ import annotations

from collections.abc import Sequence

from hopx_local.agent.desktop.procs import run_tool
from hopx_local.agent.desktop.xserver import XServer
from hopx_local.agent.errors import AgentFault

BUTTONS = {"left": 1, "middle": 2, "right": 3}
SCROLL_BUTTONS = {"up": 4, "down": 5, "left": 6, "right": 7}

# Friendly names people send -> X keysym names xdotool knows.
KEY_ALIASES = {
    "enter": "Return",
    "return": "Return",
    "esc": "Escape",
    "escape": "Escape",
    "tab": "Tab",
    "space": "space",
    "backspace": "BackSpace",
    "delete": "Delete",
    "del": "Delete",
    "insert": "Insert",
    "ins": "Insert",
    "home": "Home",
    "end": "End",
    "pageup": "Prior",
    "page_up": "Prior",
    "pgup": "Prior",
    "pagedown": "Next",
    "page_down": "Next",
    "pgdn": "Next",
    "up": "Up",
    "down": "Down",
    "left": "Left",
    "right": "Right",
    "ctrl": "ctrl",
    "control": "ctrl",
    "alt": "alt",
    "shift": "shift",
    "super": "super",
    "win": "super",
    "meta": "super",
    "cmd": "super",
    "command": "super",
    "capslock": "Caps_Lock",
    "printscreen": "Print",
    "menu": "Menu",
    "plus": "plus",
    "minus": "minus",
}
MODIFIERS = {"ctrl", "alt", "shift", "super"}


def keysym(name: str, field: str = "key") -> str:
    """The xdotool key name for ``name`` (``enter`` -> ``Return``, ``f5`` -> ``F5``)."""
    stripped = name.strip()
    if not stripped:
        raise AgentFault(400, "INVALID_REQUEST", f"{field} must not be empty", {"field": field})
    lowered = stripped.lower()
    if lowered in KEY_ALIASES:
        return KEY_ALIASES[lowered]
    if len(lowered) >= 2 and lowered[0] == "f" and lowered[1:].isdigit():
        return "F" + lowered[1:]
    return stripped


def modifier(name: str) -> str:
    key = keysym(name, "modifiers")
    if key not in MODIFIERS:
        raise AgentFault(
            400,
            "INVALID_REQUEST",
            f"unknown modifier {name!r}; use one of ctrl, alt, shift, super",
            {"field": "modifiers", "value": name},
        )
    return key


def chord(modifiers: Sequence[str], key: str) -> str:
    """``["ctrl", "shift"], "t"`` -> ``ctrl+shift+t``."""
    return "+".join([*(modifier(m) for m in modifiers), keysym(key)])


def button_number(button: str) -> int:
    try:
        return BUTTONS[button.lower()]
    except KeyError:
        raise AgentFault(
            400,
            "INVALID_REQUEST",
            f"unknown mouse button {button!r}; use left, middle or right",
            {"field": "button", "value": button},
        ) from None


class Input:
    """Pointer and keyboard of one display."""

    def __init__(self, x: XServer) -> None:
        self.x = x

    async def _xdotool(self, *args: str, timeout: float = 15.0) -> None:
        result = await run_tool(["xdotool", *args], self.x.env(), timeout=timeout)
        if "No such key name" in result.stderr:
            raise AgentFault(
                400,
                "INVALID_REQUEST",
                f"unknown key: {result.stderr.splitlines()[0]}",
                {"field": "key"},
            )

    async def move(self, x: int, y: int) -> None:
        await self._xdotool("mousemove", str(x), str(y))

    async def click(self, x: int, y: int, button: str = "left", clicks: int = 1) -> None:
        number = button_number(button)
        await self._xdotool(
            "mousemove", str(x), str(y),
            "click", "--repeat", str(clicks), "--delay", "60", str(number),
        )  # fmt: skip

    async def drag(
        self,
        from_x: int,
        from_y: int,
        to_x: int,
        to_y: int,
        button: str = "left",
        duration_ms: int = 200,
    ) -> None:
        """Press at the start, hold briefly, move in steps over ``duration_ms``, release.

        Toolkits start a drag only after seeing motion with the button down, hence the steps.
        """
        number = str(button_number(button))
        steps = max(min(duration_ms // 20, 200), 1)
        pause = f"{duration_ms / steps / 1000:.3f}"
        path: list[str] = []
        for i in range(1, steps + 1):
            x = from_x + (to_x - from_x) * i // steps
            y = from_y + (to_y - from_y) * i // steps
            path += ["mousemove", str(x), str(y), "sleep", pause]
        await self._xdotool(
            "mousemove", str(from_x), str(from_y),
            "mousedown", number, "sleep", "0.05",
            *path,
            "mouseup", number,
            timeout=15.0 + duration_ms / 1000,
        )  # fmt: skip

    async def scroll(
        self, amount: int, direction: str = "down", x: int | None = None, y: int | None = None
    ) -> None:
        try:
            number = SCROLL_BUTTONS[direction.lower()]
        except KeyError:
            raise AgentFault(
                400,
                "INVALID_REQUEST",
                f"unknown scroll direction {direction!r}; use up, down, left or right",
                {"field": "direction", "value": direction},
            ) from None
        move = ["mousemove", str(x), str(y)] if x is not None and y is not None else []
        await self._xdotool(*move, "click", "--repeat", str(amount), "--delay", "20", str(number))

    async def type(self, text: str, delay_ms: int = 10) -> None:
        if not text:
            return
        # Typing takes len(text) * delay; allow for it plus slack.
        timeout = 15.0 + len(text) * max(delay_ms, 1) / 1000 * 2
        await self._xdotool(
            "type", "--clearmodifiers", "--delay", str(delay_ms), "--", text, timeout=timeout
        )

    async def press(self, key: str) -> None:
        await self._xdotool("key", "--clearmodifiers", "--", keysym(key))

    async def combination(self, modifiers: Sequence[str], key: str) -> str:
        keys = chord(modifiers, key)
        await self._xdotool("key", "--clearmodifiers", "--", keys)
        return keys

    async def position(self) -> tuple[int, int]:
        result = await run_tool(["xdotool", "getmouselocation", "--shell"], self.x.env())
        values = dict(
            line.split("=", 1) for line in result.stdout.decode().splitlines() if "=" in line
        )
        return int(values["X"]), int(values["Y"])
