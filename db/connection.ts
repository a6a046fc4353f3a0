// The one place a register database is opened: pragmas, migrations, Kysely.
//
// better-sqlite3 is synchronous; Kysely wraps it in promises. Services use the Kysely instance
// (`db.k`) for typed queries; bulk paths (imports of 2,60,000 rows) compile a Kysely query once
// and run the prepared statement many times inside one SQLite transaction (db/bulk.ts).
import Database from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely';
import { migrations, LATEST_VERSION } from './migrations/index.js';
import type { DB } from './schema.js';
import path from 'node:path';
import { DbError, dbReason } from './errors.js';
import { attachRaw } from './raw.js';
import { HQ_APPLICATION_ID, HQ_FILE_MESSAGE } from './application-id.js';
import type { OpenOptions, RegisterDb, SlowQueryLog } from './register-db.js';

export type { OpenOptions, RegisterDb, SlowQueryLog };

export function applyPragmas(raw: Database.Database): void {
  raw.pragma('journal_mode = WAL');
  raw.pragma('foreign_keys = ON');
  // FULL: a committed import survives power loss, which district PCs see often.
  raw.pragma('synchronous = FULL');
  raw.pragma('busy_timeout = 5000');
  raw.pragma('temp_store = MEMORY');
  raw.pragma('cache_size = -32000');
  // Reads of a state-size register (≈100 MB) straight from the OS page cache: measured to halve
  // the slowest compliance aggregate. Writes still go through SQLite's journal as usual.
  raw.pragma('mmap_size = 268435456');
}

/**
 * Runs every pending migration (or those up to `upTo`, for migration tests), each in its own
 * transaction. Returns the versions applied.
 */
export function migrate(raw: Database.Database, upTo = LATEST_VERSION): number[] {
  const current = raw.pragma('user_version', { simple: true }) as number;
  if (current > LATEST_VERSION) {
    throw new DbError(
      'DB_TOO_NEW',
      `This register was written by a newer version of Samooh (schema ${current}; this version knows up to ${LATEST_VERSION}). Install the newer Samooh to open it.`,
      {
        schemaVersion: current,
        supported: LATEST_VERSION,
        ...dbReason('db_too_new', { version: current, supported: LATEST_VERSION }),
      },
    );
  }
  const applied: number[] = [];
  for (const m of migrations) {
    if (m.version <= current || m.version > upTo) continue;
    const run = raw.transaction(() => {
      raw.exec(m.up);
      m.after?.(raw);
      raw.pragma(`user_version = ${m.version}`);
    });
    // IMMEDIATE: take the write lock before reading user_version-dependent state.
    try {
      run.immediate();
    } catch (err) {
      throw new DbError(
        'DB_OPEN_FAILED',
        `Cannot upgrade the register to schema ${m.version} (${m.name}): ${(err as Error).message}. The register was left unchanged.`,
        { version: m.version, ...dbReason('db_upgrade_failed', { version: m.version }) },
      );
    }
    applied.push(m.version);
  }
  return applied;
}

export function openRegister(file: string, opts: OpenOptions = {}): RegisterDb {
  let raw: Database.Database;
  try {
    raw = new Database(file, { fileMustExist: opts.mustExist ?? false, readonly: opts.readonly ?? false });
  } catch (err) {
    throw new DbError('DB_OPEN_FAILED', `Cannot open the register file ${file}: ${(err as Error).message}`, {
      file,
      ...dbReason('db_open_failed', { file: path.basename(file) }),
    });
  }
  try {
    // A file that is not SQLite fails here, not at the first query.
    raw.pragma('schema_version', { simple: true });
    if (raw.pragma('application_id', { simple: true }) === HQ_APPLICATION_ID) {
      throw new DbError('DB_OPEN_FAILED', HQ_FILE_MESSAGE(file), {
        file,
        hq: true,
        ...dbReason('register_is_hq', { file: path.basename(file) }),
      });
    }
    if (!opts.readonly) applyPragmas(raw);
    if (!opts.readonly) migrate(raw);
    else {
      const v = raw.pragma('user_version', { simple: true }) as number;
      if (v > LATEST_VERSION) migrate(raw); // throws DB_TOO_NEW
    }
  } catch (err) {
    raw.close();
    if (err instanceof DbError) throw err;
    throw new DbError('DB_OPEN_FAILED', `${file} is not a Samooh register: ${(err as Error).message}`, {
      file,
      ...dbReason('not_a_register', { file: path.basename(file) }),
    });
  }
  const k = new Kysely<DB>({
    dialect: new SqliteDialect({ database: raw }),
    plugins: [new CamelCasePlugin()],
  });
  const db: RegisterDb = {
    k,
    file,
    readOnly: raw.readonly,
    isOpen: () => raw.open,
    ...(opts.slowQuery ? { slowQuery: opts.slowQuery } : {}),
    async close() {
      // Kysely's destroy closes the better-sqlite3 handle.
      await k.destroy();
    },
  };
  attachRaw(db, raw);
  return db;
}
