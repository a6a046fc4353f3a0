// The driver's handle behind a register: for db/ only (bulk statements, pragmas, backup) — and
// for tests that tamper with a register on purpose. Kept out of RegisterDb's public shape, so no
// layer above db/ can reach SQLite around the typed queries (lint also forbids importing this
// file outside db/ and tests), and so the handler map's types — which the renderer imports —
// carry no trace of the driver.
import type Database from 'better-sqlite3';
import type { SqlConnection } from './register-db.js';

const handles = new WeakMap<SqlConnection, Database.Database>();

export function attachRaw(db: SqlConnection, raw: Database.Database): void {
  handles.set(db, raw);
}

export function rawOf(db: SqlConnection): Database.Database {
  const raw = handles.get(db);
  if (!raw) throw new Error('not a register opened by db/connection.ts');
  return raw;
}
