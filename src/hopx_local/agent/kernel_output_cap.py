"""Capping what one execution prints, inside the Jupyter kernel process itself.

The agent keeps at most ``capture_limit`` bytes of a result (the first and last halves), as
``commands.run`` does; but a cell that prints 1 GiB used to be OOM-killed first, in the kernel:
ipykernel buffers, copies and serialises every byte before the agent sees it, and the kernel's
variables died with it (IPython 9 also kept a copy of every cell's output). So the kernel's
``sys.stdout``/``sys.stderr`` pass through the first half of the cap at once, keep only the
last half (sent when the cell ends, after a
``…[truncated N bytes]…`` line, as ``commands.run``), and drop the rest without copying it.
The agent asks the dropped count with the execution (a user expression) and marks the result
``truncated``.

:data:`SETUP` is sent once per kernel process (a silent execute) before any user code.
"""

from __future__ import annotations

from typing import Any

MODULE = "_hopx_output_cap"
EXPRESSION_NAME = "hopx_output_dropped"
EXPRESSION = f"__import__({MODULE!r}).take()"
"""User expression of every execution: characters dropped by the cap during it (then reset)."""
_MARK_ROOM = 4096
"""Kept free below the agent's own limit for the truncation line."""

_SETUP_TEMPLATE = """
def _hopx_install_output_cap(head_limit, tail_limit):
    import collections, contextlib, sys, types
    from IPython import get_ipython

    def utf8_size(text, start=0, end=None):
        # UTF-8 size of text[start:end], in bounded pieces (no copy of a huge string).
        end = len(text) if end is None else end
        if text.isascii():
            return end - start
        return sum(
            len(text[at:min(at + 1048576, end)].encode("utf-8", "replace"))
            for at in range(start, end, 1048576)
        )

    class Capped:
        def __init__(self, write):
            self.original = write
            self.used = 0
            self.tail = collections.deque()
            self.tail_size = 0
            self.dropped = 0

        def write(self, text):
            if not isinstance(text, str):
                return self.original(text)
            size = len(text)
            start = 0
            room = head_limit - self.used
            if room > 0:
                self.used += min(room, size)
                self.original(text[:room])
                if room >= size:
                    return size
                start = room
            rest = size - start
            if rest >= tail_limit:
                self.dropped += sum(utf8_size(piece) for piece in self.tail)
                self.dropped += utf8_size(text, start, size - tail_limit)
                self.tail.clear()
                self.tail_size = 0
                piece = text[size - tail_limit:] if tail_limit else ""
            else:
                piece = text[start:]
            if piece:
                self.tail.append(piece)
                self.tail_size += len(piece)
            while self.tail_size > tail_limit:
                excess = self.tail_size - tail_limit
                first = self.tail[0]
                if len(first) <= excess:
                    self.tail.popleft()
                    self.tail_size -= len(first)
                    self.dropped += utf8_size(first)
                else:
                    self.tail[0] = first[excess:]
                    self.tail_size -= excess
                    self.dropped += utf8_size(first, 0, excess)
            return size

        def finish(self):
            dropped = self.dropped
            if dropped:
                self.original("\\n\\u2026[truncated %d bytes]\\u2026\\n" % dropped)
            for piece in self.tail:
                self.original(piece)
            self.used = self.tail_size = self.dropped = 0
            self.tail.clear()
            return dropped

    # Patched on the class: IPython swaps the instances' write during each cell and puts back
    # the one it found at the start, which would undo a patch of the instance.
    stream_class = type(sys.stdout)
    unpatched = stream_class.write
    by_stream = {}
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        by_stream[id(stream)] = Capped(lambda text, stream=stream: unpatched(stream, text))
    capped = list(by_stream.values())

    def write(self, text, *args, **kwargs):
        wrapper = by_stream.get(id(self))
        if wrapper is None or args or kwargs:
            return unpatched(self, text, *args, **kwargs)
        return wrapper.write(text)

    stream_class.write = write
    cap = types.ModuleType(MODULE)
    cap.dropped = 0

    def after_cell(*args):
        cap.dropped += sum(wrapper.finish() for wrapper in capped)

    def take():
        dropped, cap.dropped = cap.dropped, 0
        return dropped

    cap.take = take
    sys.modules[MODULE] = cap
    streams = [sys.stdout, sys.stderr]

    def before_cell(*args):
        # This setup cell's tee puts an instance attribute back when it ends; it would hide
        # the class's write.
        for stream in streams:
            vars(stream).pop("write", None)

    shell = get_ipython()
    shell.events.register("pre_execute", before_cell)
    shell.events.register("post_run_cell", after_cell)
    # IPython 9 tees every cell's output, whole, into history_manager.outputs and keeps it for
    # the kernel's life (history is disabled in this kernel anyway): no tee.
    shell._tee = lambda channel: contextlib.nullcontext()

_hopx_install_output_cap(HEAD, TAIL)
del _hopx_install_output_cap
"""


def setup_code(capture_limit: int) -> str:
    """The kernel-side cap for an agent keeping ``capture_limit`` bytes of each stream."""
    half = max(1, capture_limit // 2 - _MARK_ROOM)
    return (
        _SETUP_TEMPLATE.replace("MODULE", repr(MODULE))
        .replace("HEAD", str(half))
        .replace("TAIL", str(half))
    )


def dropped_from_reply(content: dict[str, Any]) -> int:
    """The dropped count in an execute_reply's ``user_expressions`` (0 when absent)."""
    expressions = content.get("user_expressions")
    if not isinstance(expressions, dict):
        return 0
    value = expressions.get(EXPRESSION_NAME)
    if not isinstance(value, dict) or value.get("status") != "ok":
        return 0
    text = value.get("data", {}).get("text/plain", "0")
    try:
        return int(text)
    except (TypeError, ValueError):
        return 0
