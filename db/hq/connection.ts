// Opening the HQ store — and the one file of db/hq/ that knows it is SQLite: pragmas, the
// application_id that marks an HQ file, user_version for migrations. Everything else in db/hq/
// is dialect-neutral Kysely (see db/README.md for the move to PostgreSQL).
import Database from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely';
import { HQ_APPLICATION_ID, REGISTER_FILE_MESSAGE } from '../application-id.js';
import { applyPragmas } from '../connection.js';
import { DbError, dbReason } from '../errors.js';
import { attachRaw } from '../raw.js';
import type { SqlConnection, SlowQueryLog } from '../register-db.js';
import { hqMigrations, HQ_LATEST_VERSION } from './migrations/index.js';
import type { HqSchema } from './schema.js';

export interface HqDb extends SqlConnection {
  readonly k: Kysely<HqSchema>;
  readonly file: string;
  isOpen(): boolean;
  close(): Promise<void>;
}

export interface HqOpenOptions {
  /** Make a new HQ store (the file must not exist, or be empty). Otherwise it must be one. */
  create?: boolean;
  slowQuery?: SlowQueryLog;
}

function migrateHq(raw: Database.Database): void {
  const current = raw.pragma('user_version', { simple: true }) as number;
  if (current > HQ_LATEST_VERSION) {
    throw new DbError(
      'DB_TOO_NEW',
      `This HQ database was written by a newer version of Samooh (schema ${current}; this version knows up to ${HQ_LATEST_VERSION}).`,
      {
        schemaVersion: current,
        supported: HQ_LATEST_VERSION,
        ...dbReason('db_too_new', { version: current, supported: HQ_LATEST_VERSION }),
      },
    );
  }
  for (const m of hqMigrations) {
    if (m.version <= current) continue;
    raw
      .transaction(() => {
        raw.exec(m.up);
        raw.pragma(`user_version = ${m.version}`);
        raw.pragma(`application_id = ${HQ_APPLICATION_ID}`);
      })
      .immediate();
  }
}

/** Is this file an HQ store? (Reads the header only; false for missing or non-SQLite files.) */
export function isHqFile(file: string): boolean {
  if (!existsSync(file) || !statSync(file).isFile() || statSync(file).size < 100) return false;
  try {
    const raw = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return raw.pragma('application_id', { simple: true }) === HQ_APPLICATION_ID;
    } finally {
      raw.close();
    }
  } catch {
    return false;
  }
}

export function openHq(file: string, opts: HqOpenOptions = {}): HqDb {
  const exists = existsSync(file) && statSync(file).size > 0;
  if (opts.create && exists) {
    throw new DbError('DB_OPEN_FAILED', `${file} already exists; an HQ database is made in a new file.`, {
      file,
      ...dbReason('hq_file_exists', { file: path.basename(file) }),
    });
  }
  if (!opts.create && !exists) {
    throw new DbError(
      'DB_OPEN_FAILED',
      `no HQ database at ${file}. Create one with: samooh hq init --db ${file} --name NAME`,
      { file, ...dbReason('file_not_found', { file: path.basename(file) }) },
    );
  }
  let raw: Database.Database;
  try {
    raw = new Database(file, { fileMustExist: !opts.create });
  } catch (err) {
    throw new DbError('DB_OPEN_FAILED', `Cannot open the HQ database ${file}: ${(err as Error).message}`, {
      file,
      ...dbReason('db_open_failed', { file: path.basename(file) }),
    });
  }
  try {
    raw.pragma('schema_version', { simple: true });
    if (!opts.create && raw.pragma('application_id', { simple: true }) !== HQ_APPLICATION_ID) {
      throw new DbError('DB_OPEN_FAILED', REGISTER_FILE_MESSAGE(file), {
        file,
        notHq: true,
        ...dbReason('register_not_hq', { file: path.basename(file) }),
      });
    }
    applyPragmas(raw);
    migrateHq(raw);
  } catch (err) {
    raw.close();
    if (err instanceof DbError) throw err;
    throw new DbError('DB_OPEN_FAILED', `${file} is not an HQ database: ${(err as Error).message}`, {
      file,
      ...dbReason('not_hq_database', { file: path.basename(file) }),
    });
  }
  const k = new Kysely<HqSchema>({
    dialect: new SqliteDialect({ database: raw }),
    plugins: [new CamelCasePlugin()],
  });
  const db: HqDb = {
    k,
    file,
    isOpen: () => raw.open,
    ...(opts.slowQuery ? { slowQuery: opts.slowQuery } : {}),
    async close() {
      await k.destroy();
    },
  };
  attachRaw(db, raw);
  return db;
}
