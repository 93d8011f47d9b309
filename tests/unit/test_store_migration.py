"""A database written before sandboxes had a node (schema 1) opens, keeps its rows, and
gains ``node_id`` ('local': where every sandbox ran then)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from hopx_local.control.store import SCHEMA_VERSION, Store

_SCHEMA_1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE sandboxes (
    id TEXT PRIMARY KEY, template_id TEXT NOT NULL, template_name TEXT NOT NULL,
    status TEXT NOT NULL, region TEXT NOT NULL, uid INTEGER NOT NULL UNIQUE,
    port INTEGER NOT NULL, secret BLOB NOT NULL, env_vars TEXT NOT NULL,
    internet_access INTEGER NOT NULL, vcpu INTEGER NOT NULL, memory_mb INTEGER NOT NULL,
    disk_mb INTEGER NOT NULL, pids_max INTEGER NOT NULL, agent_flavour TEXT NOT NULL,
    timeout_seconds INTEGER, expires_us INTEGER, created_us INTEGER NOT NULL, error TEXT
);
INSERT INTO meta VALUES ('schema_version', '1');
INSERT INTO sandboxes VALUES ('sbx_old', '2', 'base', 'stopped', 'local', 200123, 40001,
    X'00', '{"A": "1"}', 0, 1, 512, 1024, 256, 'base', NULL, NULL, 1700000000000000, NULL);
"""


def test_schema_1_database_gains_node_id_and_keeps_its_sandboxes(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    with sqlite3.connect(path) as db:
        db.executescript(_SCHEMA_1)

    store = Store(path)
    try:
        [record] = store.sandboxes()
        assert (record.id, record.status, record.env_vars) == ("sbx_old", "stopped", {"A": "1"})
        assert record.node_id == "local"
        record.node_id = "node-2"
        store.update_sandbox(record)
        assert store.sandbox("sbx_old") is not None
        assert store.sandbox("sbx_old").node_id == "node-2"  # type: ignore[union-attr]
    finally:
        store.close()
    with sqlite3.connect(path) as db:
        [(version,)] = db.execute("SELECT value FROM meta WHERE key = 'schema_version'")
    assert version == str(SCHEMA_VERSION) == "2"
    Store(path).close()  # opening a current database again changes nothing
