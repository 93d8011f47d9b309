"""SQLite records of template builds: status, progress and log text (``data_dir/builds.sqlite3``).

A ``sqlite_db.SQLiteDatabase``, as ``store.Store``; times in integer microseconds. The log is
kept whole (capped at ``MAX_LOG_CHARS``, the rest replaced by one line saying so), so an offset
into it means the same text on every read, before and after a restart.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import attrs

from hopx_local.control.sqlite_db import SQLiteDatabase

MAX_LOG_CHARS = 4 * 1024 * 1024
TRUNCATED = "\n[hopx-local: the build log is over 4 MiB; later output is not kept]\n"
TERMINAL = frozenset({"active", "success", "failed"})

_SCHEMA = """
CREATE TABLE IF NOT EXISTS builds (
    id TEXT PRIMARY KEY,
    template_id TEXT NOT NULL,
    template_name TEXT NOT NULL,
    status TEXT NOT NULL,
    progress INTEGER NOT NULL,
    current_step TEXT,
    started_us INTEGER NOT NULL,
    completed_us INTEGER,
    error TEXT,
    request TEXT NOT NULL,
    logs TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS builds_by_template ON builds (template_id, started_us DESC);
CREATE TABLE IF NOT EXISTS retired_templates (
    template_id TEXT PRIMARY KEY,
    layers TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS counters (
    name TEXT PRIMARY KEY,
    value INTEGER NOT NULL
);
"""


@attrs.define
class BuildRecord:
    id: str
    template_id: str
    template_name: str
    status: str
    progress: int
    current_step: str | None
    started_us: int
    completed_us: int | None
    error: str | None
    request: dict[str, Any] = attrs.field(repr=False)

    @property
    def done(self) -> bool:
        return self.status in TERMINAL


class BuildStore(SQLiteDatabase):
    def __init__(self, path: Path) -> None:
        super().__init__(path, _SCHEMA)

    def next_id(self, name: str, start: int) -> int:
        """The next number of a counter (build ids, template ids), from ``start`` on."""
        with self._transaction() as db:
            db.execute(
                "INSERT INTO counters (name, value) VALUES (?, ?) "
                "ON CONFLICT (name) DO UPDATE SET value = value + 1",
                (name, start),
            )
            row = db.execute("SELECT value FROM counters WHERE name = ?", (name,)).fetchone()
            return int(row["value"])

    def insert(self, record: BuildRecord) -> None:
        row = attrs.asdict(record)
        row["request"] = json.dumps(record.request)
        with self._transaction() as db:
            db.execute(
                f"INSERT INTO builds ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                tuple(row.values()),
            )

    def update(self, record: BuildRecord) -> None:
        with self._transaction() as db:
            db.execute(
                "UPDATE builds SET status = ?, progress = ?, current_step = ?, completed_us = ?, "
                "error = ? WHERE id = ?",
                (
                    record.status,
                    record.progress,
                    record.current_step,
                    record.completed_us,
                    record.error,
                    record.id,
                ),
            )

    def append_log(self, build_id: str, text: str) -> None:
        if not text:
            return
        with self._transaction() as db:
            row = db.execute("SELECT length(logs) AS n FROM builds WHERE id = ?", (build_id,))
            found = row.fetchone()
            if found is None:
                return
            used = int(found["n"])
            if used >= MAX_LOG_CHARS:
                return
            if used + len(text) > MAX_LOG_CHARS:
                text = text[: MAX_LOG_CHARS - used] + TRUNCATED
            db.execute("UPDATE builds SET logs = logs || ? WHERE id = ?", (text, build_id))

    def logs(self, build_id: str, offset: int) -> str:
        row = self._query_one(
            "SELECT substr(logs, ?) AS text FROM builds WHERE id = ?", (offset + 1, build_id)
        )
        return "" if row is None else str(row["text"])

    def get(self, build_id: str) -> BuildRecord | None:
        row = self._query_one(f"SELECT {_COLUMNS} FROM builds WHERE id = ?", (build_id,))
        return None if row is None else _record(row)

    def latest_for_template(self, template_id: str) -> BuildRecord | None:
        row = self._query_one(
            f"SELECT {_COLUMNS} FROM builds WHERE template_id = ? ORDER BY started_us DESC LIMIT 1",
            (template_id,),
        )
        return None if row is None else _record(row)

    def unfinished(self) -> list[BuildRecord]:
        rows = self._query(
            f"SELECT {_COLUMNS} FROM builds WHERE status NOT IN ('active', 'success', 'failed')"
        )
        return [_record(row) for row in rows]

    def retire(self, template_id: str, layers: tuple[str, ...]) -> None:
        """Remember a deleted template's layers while sandboxes of it may still run."""
        with self._transaction() as db:
            db.execute(
                "INSERT OR REPLACE INTO retired_templates (template_id, layers) VALUES (?, ?)",
                (template_id, json.dumps(list(layers))),
            )

    def retired(self) -> list[tuple[str, list[str]]]:
        rows = self._query("SELECT template_id, layers FROM retired_templates")
        return [(str(row["template_id"]), json.loads(row["layers"])) for row in rows]

    def forget_retired(self, template_id: str) -> None:
        with self._transaction() as db:
            db.execute("DELETE FROM retired_templates WHERE template_id = ?", (template_id,))

    def delete_for_template(self, template_id: str) -> None:
        with self._transaction() as db:
            db.execute("DELETE FROM builds WHERE template_id = ?", (template_id,))


_COLUMNS = ", ".join(field.name for field in attrs.fields(BuildRecord))


def _record(row: sqlite3.Row) -> BuildRecord:
    values = dict(zip(row.keys(), tuple(row), strict=True))
    values["request"] = json.loads(values["request"])
    return BuildRecord(**values)
