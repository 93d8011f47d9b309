"""SQLite state of the control plane: API keys, sandboxes and templates.

One connection, WAL journal, used from the event loop thread (statements take microseconds);
a lock makes it safe should another thread ever touch it. Times are stored as integer
microseconds since the epoch so cursors compare exactly.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import attrs

from hopx_local.control.catalog import Resources, TemplateDefinition
from hopx_local.control.sqlite_db import SQLiteDatabase

SCHEMA_VERSION = 3
"""1: the first; 2: sandboxes.node_id (databases of 1 get it, 'local', when opened);
3: sandboxes.network, the egress policy (older databases get it, NULL = the default)."""

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS api_keys (
    key TEXT PRIMARY KEY,
    created_us INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS templates (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    builtin INTEGER NOT NULL,
    definition TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sandboxes (
    id TEXT PRIMARY KEY,
    template_id TEXT NOT NULL,
    template_name TEXT NOT NULL,
    status TEXT NOT NULL,
    region TEXT NOT NULL,
    uid INTEGER NOT NULL UNIQUE,
    port INTEGER NOT NULL,
    secret BLOB NOT NULL,
    env_vars TEXT NOT NULL,
    internet_access INTEGER NOT NULL,
    vcpu INTEGER NOT NULL,
    memory_mb INTEGER NOT NULL,
    disk_mb INTEGER NOT NULL,
    pids_max INTEGER NOT NULL,
    agent_flavour TEXT NOT NULL,
    timeout_seconds INTEGER,
    expires_us INTEGER,
    created_us INTEGER NOT NULL,
    error TEXT,
    node_id TEXT NOT NULL DEFAULT 'local',
    network TEXT
);
CREATE INDEX IF NOT EXISTS sandboxes_by_creation ON sandboxes (created_us DESC, id DESC);
CREATE TABLE IF NOT EXISTS tombstones (
    id TEXT PRIMARY KEY,
    reason TEXT NOT NULL,
    ended_us INTEGER NOT NULL
);
"""


@attrs.define
class SandboxRecord:
    """One row of ``sandboxes``: everything needed to describe and (re)start a sandbox."""

    id: str
    template_id: str
    template_name: str
    status: str
    region: str
    uid: int
    port: int
    secret: bytes = attrs.field(repr=False)
    env_vars: dict[str, str] = attrs.field(repr=False)
    internet_access: bool
    vcpu: int
    memory_mb: int
    disk_mb: int
    pids_max: int
    agent_flavour: str
    timeout_seconds: int | None
    expires_us: int | None
    created_us: int
    error: str | None = None
    node_id: str = "local"
    """The node the sandbox runs (or last ran) on: its files are there."""
    network: dict[str, list[str]] | None = attrs.field(default=None, repr=False)
    """Egress policy ({"allow_out": [...], "deny_out": [...]}); None = the default."""


_COLUMNS = [field.name for field in attrs.fields(SandboxRecord)]


def _to_row(record: SandboxRecord) -> dict[str, Any]:
    row = attrs.asdict(record)
    row["env_vars"] = json.dumps(record.env_vars)
    row["internet_access"] = int(record.internet_access)
    row["network"] = json.dumps(record.network) if record.network is not None else None
    return row


def _from_row(row: sqlite3.Row) -> SandboxRecord:
    values = dict(zip(row.keys(), tuple(row), strict=True))
    values["env_vars"] = json.loads(values["env_vars"])
    values["internet_access"] = bool(values["internet_access"])
    values["secret"] = bytes(values["secret"])
    values["network"] = json.loads(values["network"]) if values.get("network") else None
    return SandboxRecord(**values)


def _template_to_json(template: TemplateDefinition) -> str:
    return json.dumps(attrs.asdict(template))


def _template_from_json(text: str) -> TemplateDefinition:
    values = json.loads(text)
    for key in ("default_resources", "min_resources", "max_resources"):
        values[key] = Resources(**values[key])
    for key in ("features", "tags", "host_ro_dirs", "layers"):
        values[key] = tuple(values.get(key, ()))
    values["sandbox_env"] = tuple(
        (str(name), str(value)) for name, value in values.get("sandbox_env", ())
    )
    return TemplateDefinition(**values)


def _migrate(db: sqlite3.Connection) -> None:
    """Bring a database of an earlier schema version up to this one, keeping its rows."""
    columns = {row["name"] for row in db.execute("PRAGMA table_info(sandboxes)")}
    if "node_id" not in columns:
        db.execute("ALTER TABLE sandboxes ADD COLUMN node_id TEXT NOT NULL DEFAULT 'local'")
    if "network" not in columns:
        db.execute("ALTER TABLE sandboxes ADD COLUMN network TEXT")


class Store(SQLiteDatabase):
    """The control plane's persistent state (data_dir/state.sqlite3)."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, _SCHEMA)
        with self._transaction() as db:
            _migrate(db)
            db.execute(
                "INSERT INTO meta (key, value) VALUES ('schema_version', ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (str(SCHEMA_VERSION),),
            )

    # ------------------------------------------------------------------ API keys
    def api_keys(self) -> list[str]:
        return [row["key"] for row in self._query("SELECT key FROM api_keys ORDER BY created_us")]

    def add_api_key(self, key: str, created_us: int) -> None:
        with self._transaction() as db:
            db.execute(
                "INSERT OR IGNORE INTO api_keys (key, created_us) VALUES (?, ?)", (key, created_us)
            )

    # ----------------------------------------------------------------- templates
    def save_builtin_templates(self, templates: Iterable[TemplateDefinition]) -> None:
        """Insert or refresh the built-in templates (their metadata may change between versions)."""
        with self._transaction() as db:
            for template in templates:
                db.execute(
                    "INSERT INTO templates (id, name, builtin, definition) VALUES (?, ?, 1, ?) "
                    "ON CONFLICT (id) DO UPDATE SET name = excluded.name, "
                    "definition = excluded.definition, builtin = 1",
                    (template.id, template.name, _template_to_json(template)),
                )

    def save_template(self, template: TemplateDefinition) -> None:
        """Insert or replace a built template (control/builds.py)."""
        with self._transaction() as db:
            db.execute(
                "INSERT INTO templates (id, name, builtin, definition) VALUES (?, ?, 0, ?) "
                "ON CONFLICT (id) DO UPDATE SET name = excluded.name, "
                "definition = excluded.definition",
                (template.id, template.name, _template_to_json(template)),
            )

    def delete_template(self, template_id: str) -> None:
        with self._transaction() as db:
            db.execute("DELETE FROM templates WHERE id = ? AND builtin = 0", (template_id,))

    def templates(self) -> list[TemplateDefinition]:
        rows = self._query("SELECT definition FROM templates ORDER BY id")
        return [_template_from_json(row["definition"]) for row in rows]

    # ----------------------------------------------------------------- sandboxes
    def insert_sandbox(self, record: SandboxRecord) -> None:
        names = ", ".join(_COLUMNS)
        placeholders = ", ".join(f":{name}" for name in _COLUMNS)
        with self._transaction() as db:
            db.execute(f"INSERT INTO sandboxes ({names}) VALUES ({placeholders})", _to_row(record))

    def update_sandbox(self, record: SandboxRecord) -> None:
        assignments = ", ".join(f"{name} = :{name}" for name in _COLUMNS if name != "id")
        with self._transaction() as db:
            db.execute(f"UPDATE sandboxes SET {assignments} WHERE id = :id", _to_row(record))

    def delete_sandbox(self, sandbox_id: str) -> None:
        with self._transaction() as db:
            db.execute("DELETE FROM sandboxes WHERE id = ?", (sandbox_id,))

    def bury_sandbox(self, sandbox_id: str, reason: str, ended_us: int, keep_us: int) -> None:
        """Delete the sandbox's row, leaving a tombstone (why and when it ended) that is kept
        ``keep_us``; older tombstones go at the same time."""
        with self._transaction() as db:
            db.execute("DELETE FROM sandboxes WHERE id = ?", (sandbox_id,))
            db.execute("DELETE FROM tombstones WHERE ended_us < ?", (ended_us - keep_us,))
            db.execute(
                "INSERT OR REPLACE INTO tombstones (id, reason, ended_us) VALUES (?, ?, ?)",
                (sandbox_id, reason, ended_us),
            )

    def tombstone(self, sandbox_id: str) -> tuple[str, int] | None:
        """``(reason, ended_us)`` of a sandbox that was deleted lately, else None."""
        rows = self._query("SELECT reason, ended_us FROM tombstones WHERE id = ?", (sandbox_id,))
        return (str(rows[0]["reason"]), int(rows[0]["ended_us"])) if rows else None

    def sandbox(self, sandbox_id: str) -> SandboxRecord | None:
        rows = self._query("SELECT * FROM sandboxes WHERE id = ?", (sandbox_id,))
        return _from_row(rows[0]) if rows else None

    def sandboxes(self) -> list[SandboxRecord]:
        rows = self._query("SELECT * FROM sandboxes ORDER BY created_us DESC, id DESC")
        return [_from_row(row) for row in rows]

    def sandbox_page(
        self,
        *,
        limit: int,
        status: str | None = None,
        region: str | None = None,
        after: tuple[int, str] | None = None,
    ) -> list[SandboxRecord]:
        """Up to ``limit`` sandboxes, newest first, strictly after the position ``after``
        ((created_us, id) of the last sandbox of the previous page)."""
        clauses: list[str] = []
        params: list[object] = []
        if status is not None:
            clauses.append("status = ?")
            params.append(status)
        if region is not None:
            clauses.append("region = ?")
            params.append(region)
        if after is not None:
            clauses.append("(created_us, id) < (?, ?)")
            params.extend(after)
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        rows = self._query(
            f"SELECT * FROM sandboxes {where} ORDER BY created_us DESC, id DESC LIMIT ?",
            [*params, limit],
        )
        return [_from_row(row) for row in rows]

    def count_sandboxes(self) -> int:
        count: int = self._query("SELECT COUNT(*) AS n FROM sandboxes")[0]["n"]
        return count

    def used_uids(self) -> set[int]:
        return {row["uid"] for row in self._query("SELECT uid FROM sandboxes")}

    def used_ports(self) -> set[int]:
        return {row["port"] for row in self._query("SELECT port FROM sandboxes")}
