"""``hopx terminal ID``: the sandbox's shell attached to this terminal.

The local terminal is put in raw mode (every key, Ctrl-C included, goes to the sandbox's
shell), its size is sent at start and again on each SIGWINCH, and the mode is restored when
the shell exits (``exit`` or Ctrl-D). With stdin not a terminal (a pipe), its lines are typed
into the shell and end of input is sent as Ctrl-D.
"""

from __future__ import annotations

import asyncio
import codecs
import contextlib
import os
import signal
import sys
import termios
import tty
from collections.abc import Iterator
from typing import TYPE_CHECKING

import click

from hopx_ai.cli.session import ExitStatus, Session

if TYPE_CHECKING:
    from hopx_ai._async.terminal import AsyncTerminalSession

END_OF_INPUT = "\x04"


def _size() -> tuple[int, int] | None:
    for stream in (sys.stdout, sys.stdin):
        with contextlib.suppress(OSError, ValueError):
            size = os.get_terminal_size(stream.fileno())
            return size.columns, size.lines
    return None


@contextlib.contextmanager
def _raw(fd: int) -> Iterator[None]:
    if not os.isatty(fd):
        yield
        return
    saved = termios.tcgetattr(fd)
    tty.setraw(fd)
    try:
        yield
    finally:
        termios.tcsetattr(fd, termios.TCSADRAIN, saved)


async def _pump(term: AsyncTerminalSession) -> int:
    loop = asyncio.get_running_loop()
    stdin = sys.stdin.fileno()
    typed: asyncio.Queue[str | None] = asyncio.Queue()
    decoder = codecs.getincrementaldecoder("utf-8")("replace")
    resizes: asyncio.Queue[tuple[int, int]] = asyncio.Queue()

    def readable() -> None:
        data = os.read(stdin, 65536)
        if not data:
            loop.remove_reader(stdin)
            typed.put_nowait(None)
            return
        typed.put_nowait(decoder.decode(data))

    def window_changed() -> None:
        size = _size()
        if size is not None:
            resizes.put_nowait(size)

    async def send_input() -> None:
        while (data := await typed.get()) is not None:
            if data:
                await term.send_input(data)
        await term.send_input(END_OF_INPUT)

    async def send_sizes() -> None:
        while True:
            await term.resize(*await resizes.get())

    window_changed()
    loop.add_reader(stdin, readable)
    loop.add_signal_handler(signal.SIGWINCH, window_changed)
    senders = [asyncio.create_task(send_input()), asyncio.create_task(send_sizes())]
    from hopx_agent_api.models.ws_terminal_output_message import WsTerminalOutputMessage

    out = sys.stdout.buffer
    exit_code = 0
    sized_again = False
    try:
        async for message in term:
            if isinstance(message, WsTerminalOutputMessage):
                if not sized_again:
                    # Once the shell speaks, send the size again: one read before the local
                    # terminal had settled (seen on loaded machines) must not stay for good.
                    sized_again = True
                    window_changed()
                if message.data:
                    out.write(message.data.encode("utf-8", "replace"))
                    out.flush()
            else:  # the exit message
                exit_code = message.code or 0
                break
            for sender in senders:
                failure = sender.exception() if sender.done() and not sender.cancelled() else None
                if failure is not None:
                    raise failure
    finally:
        loop.remove_reader(stdin)
        loop.remove_signal_handler(signal.SIGWINCH)
        for sender in senders:
            sender.cancel()
        await asyncio.gather(*senders, return_exceptions=True)
    return exit_code


async def _attach(session: Session, sandbox_id: str) -> int:
    from hopx_ai import AsyncSandbox

    sandbox = await AsyncSandbox.connect(sandbox_id, **session.sdk())
    try:
        async with await sandbox.terminal.open() as term:
            with _raw(sys.stdin.fileno()):
                return await _pump(term)
    finally:
        await sandbox.close()


@click.command()
@click.argument("sandbox_id", metavar="ID")
@click.pass_obj
def terminal(session: Session, sandbox_id: str) -> None:
    """An interactive shell in sandbox ID (leave with exit or Ctrl-D); its exit code is hopx's."""
    raise ExitStatus(asyncio.run(_attach(session, sandbox_id)))
