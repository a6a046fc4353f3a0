// Synchronous execution of typed Kysely queries on the better-sqlite3 connection.
//
// Why not `await query.execute()`: better-sqlite3 is synchronous, and SQLite transactions must
// not interleave with other callers. Running compiled Kysely queries synchronously inside
// `transaction()` gives all-or-nothing writes with no await points inside a transaction, and
// lets bulk paths reuse one prepared statement for thousands of rows. Kysely still builds and
// types every query; this module only runs them and maps snake_case result keys to camelCase
// (what CamelCasePlugin does on the async path).
import type { Compilable, CompiledQuery } from 'kysely';
import type Database from 'better-sqlite3';
import type { SqlConnection } from './register-db.js';
import { rawOf } from './raw.js';

const statementCache = new WeakMap<Database.Database, Map<string, Database.Statement>>();
const MAX_CACHED = 500;

function statement(raw: Database.Database, sql: string): Database.Statement {
  let cache = statementCache.get(raw);
  if (!cache) {
    cache = new Map();
    statementCache.set(raw, cache);
  }
  let stmt = cache.get(sql);
  if (!stmt) {
    stmt = raw.prepare(sql);
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(sql, stmt);
  }
  return stmt;
}

// Result keys are a few dozen column names, each seen on thousands of rows: convert each once
// (a regex per key per row stood out in the profile of the state-size compliance report).
const camelKeys = new Map<string, string>();

function camel(key: string): string {
  let out = camelKeys.get(key);
  if (out === undefined) {
    out = key.includes('_') ? key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase()) : key;
    // Keys come from SQL text, not data, so the map stays small; the bound is a guard.
    if (camelKeys.size < 10_000) camelKeys.set(key, out);
  }
  return out;
}

export function toCamel<R>(row: Record<string, unknown>): R {
  const out: Record<string, unknown> = {};
  for (const key in row) out[camel(key)] = row[key];
  return out as R;
}

/** Runs a statement, reporting it to the connection's slow-query log when it took too long. */
function timed<T>(db: SqlConnection, sql: string, fn: () => T): T {
  const log = db.slowQuery;
  if (!log) return fn();
  const t0 = performance.now();
  const result = fn();
  const ms = performance.now() - t0;
  if (ms > log.ms) log.listener(sql, ms);
  return result;
}

function compile<R>(q: Compilable<R> | CompiledQuery<R>): CompiledQuery<R> {
  return 'compile' in q ? q.compile() : q;
}

/** All rows of a SELECT (or a statement with RETURNING). */
export function all<R>(db: SqlConnection, q: Compilable<R> | CompiledQuery<R>): R[] {
  const c = compile(q);
  const stmt = statement(rawOf(db), c.sql);
  const rows = timed(db, c.sql, () => stmt.all(...(c.parameters as unknown[]))) as Record<string, unknown>[];
  return rows.map((r) => toCamel<R>(r));
}

export function first<R>(db: SqlConnection, q: Compilable<R> | CompiledQuery<R>): R | undefined {
  const c = compile(q);
  const stmt = statement(rawOf(db), c.sql);
  const row = timed(db, c.sql, () => stmt.get(...(c.parameters as unknown[]))) as Record<string, unknown> | undefined;
  return row ? toCamel<R>(row) : undefined;
}

/** INSERT/UPDATE/DELETE without RETURNING. */
export function run(
  db: SqlConnection,
  q: Compilable<unknown> | CompiledQuery<unknown>,
): { changes: number; lastId: number } {
  const c = compile(q);
  const stmt = statement(rawOf(db), c.sql);
  const r = timed(db, c.sql, () => stmt.run(...(c.parameters as unknown[])));
  return { changes: r.changes, lastId: Number(r.lastInsertRowid) };
}

/**
 * Runs `fn` in one IMMEDIATE transaction (write lock taken up front, so two writers never
 * deadlock on upgrade). Nested calls become savepoints. Throwing rolls everything back.
 */
export function transaction<T>(db: SqlConnection, fn: () => T): T {
  return rawOf(db).transaction(fn).immediate();
}

/**
 * A statement for bulk work: compile a representative Kysely query once, then run it with
 * positional parameters in the same order as the compiled query's parameters.
 */
export function prepareBulk(db: SqlConnection, q: Compilable<unknown>): Database.Statement {
  return rawOf(db).prepare(q.compile().sql);
}
