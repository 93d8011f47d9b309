"""Background processes: started, listed and killed by id (``proc_`` + hex)."""

from __future__ import annotations

import asyncio
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from .clock import iso
from .errors import AgentFault
from .proc import Child, Outcome

Status = Literal["running", "completed", "failed", "killed", "timeout"]
Kind = Literal["execution", "command"]

KEEP_FINISHED = 100
"""Finished entries kept for listing (the most recent) ..."""
KEEP_FINISHED_SECONDS = 3600.0
"""... and for at most this long."""
KILL_GRACE_SECONDS = 2.0


@dataclass
class BackgroundProcess:
    process_id: str
    execution_id: str
    name: str
    kind: Kind
    language: str | None
    command: str | None
    child: Child
    timeout: float | None
    started_at: float
    cleanup: Callable[[], None] | None = None
    ended_at: float | None = None
    status: Status = "running"
    outcome: Outcome | None = None
    kill_requested: bool = False
    watcher: asyncio.Task[None] | None = field(default=None, repr=False)

    @property
    def exit_code(self) -> int | None:
        """None while running, and when a signal ended the process."""
        if self.outcome is None or self.outcome.signal is not None:
            return None
        return self.outcome.exit_code

    def describe(self) -> dict[str, Any]:
        """The ProcessInfo document."""
        end = self.ended_at if self.ended_at is not None else time.time()
        outcome = self.outcome if self.outcome is not None else self.child.outcome()
        info: dict[str, Any] = {
            "process_id": self.process_id,
            "execution_id": self.execution_id,
            "name": self.name,
            "kind": self.kind,
            "status": self.status,
            "start_time": iso(self.started_at),
            "end_time": iso(self.ended_at) if self.ended_at is not None else None,
            "exit_code": self.exit_code,
            "duration": round(max(0.0, end - self.started_at), 6),
            "pid": self.child.pid,
            "stdout": outcome.stdout,
            "stderr": outcome.stderr,
        }
        if self.language is not None:
            info["language"] = self.language
        if self.command is not None:
            info["command"] = self.command
        return info


class BackgroundRegistry:
    def __init__(
        self,
        on_started: Callable[[BackgroundProcess], None] | None = None,
        on_exited: Callable[[BackgroundProcess], None] | None = None,
    ) -> None:
        self._processes: dict[str, BackgroundProcess] = {}
        self._on_started = on_started
        self._on_exited = on_exited

    def add(
        self,
        child: Child,
        *,
        kind: Kind,
        name: str | None,
        language: str | None,
        command: str | None,
        timeout: float | None,
        cleanup: Callable[[], None] | None = None,
    ) -> BackgroundProcess:
        process_id = "proc_" + secrets.token_hex(6)
        entry = BackgroundProcess(
            process_id=process_id,
            execution_id="exec_" + secrets.token_hex(6),
            name=name or process_id,
            kind=kind,
            language=language,
            command=command,
            child=child,
            timeout=timeout,
            started_at=child.started_at,
            cleanup=cleanup,
        )
        self._processes[process_id] = entry
        entry.watcher = asyncio.get_running_loop().create_task(self._watch(entry))
        self._forget_old()
        if self._on_started is not None:
            self._on_started(entry)
        return entry

    async def _watch(self, entry: BackgroundProcess) -> None:
        outcome = await entry.child.wait(entry.timeout)
        entry.ended_at = time.time()
        entry.outcome = outcome
        if outcome.timed_out:
            entry.status = "timeout"
        elif entry.kill_requested:
            entry.status = "killed"
        else:
            entry.status = "completed" if outcome.exit_code == 0 else "failed"
        if entry.cleanup is not None:
            entry.cleanup()
        if self._on_exited is not None:
            self._on_exited(entry)

    def _forget_old(self) -> None:
        horizon = time.time() - KEEP_FINISHED_SECONDS
        finished = sorted(
            (p for p in self._processes.values() if p.ended_at is not None),
            key=lambda p: p.ended_at or 0.0,
        )
        excess = max(0, len(finished) - KEEP_FINISHED)
        for index, entry in enumerate(finished):
            if index < excess or (entry.ended_at or 0.0) < horizon:
                del self._processes[entry.process_id]

    def get(self, process_id: str) -> BackgroundProcess:
        entry = self._processes.get(process_id)
        if entry is None:
            raise AgentFault(
                404,
                "PROCESS_NOT_FOUND",
                f"No background process '{process_id}'; list them with GET /execute/processes.",
                {"process_id": process_id},
            )
        return entry

    def listing(self) -> list[BackgroundProcess]:
        """Newest first."""
        self._forget_old()
        return sorted(self._processes.values(), key=lambda p: p.started_at, reverse=True)

    @property
    def running_count(self) -> int:
        return sum(1 for p in self._processes.values() if p.status == "running")

    async def kill(self, process_id: str) -> tuple[bool, BackgroundProcess]:
        """SIGTERM the process group, SIGKILL after 2 s. (True, entry) when it was running."""
        entry = self.get(process_id)
        if entry.status != "running":
            return False, entry
        entry.kill_requested = True
        await entry.child.terminate(KILL_GRACE_SECONDS)
        if entry.watcher is not None:
            await asyncio.shield(entry.watcher)
        return True, entry

    def kill_all(self) -> None:
        for entry in self._processes.values():
            if entry.status == "running":
                entry.child.kill()
