// Consistent copies of a register and the checks a copy must pass before it may replace one
// (SPEC §10, issue #10). SQLite's online backup API (better-sqlite3 `backup()`) copies the pages
// of a live WAL database as of one moment, so a backup taken while the clerk works is a
// register, not a torn file.
import Database from 'better-sqlite3';
import { closeSync, openSync, readSync } from 'node:fs';
import type { RegisterDb } from './register-db.js';
import { LATEST_VERSION } from './migrations/index.js';
import { rawOf } from './raw.js';

/** Copies the open register to `dest` (a new file), reporting pages copied. */
export async function backupDatabase(
  db: RegisterDb,
  dest: string,
  progress?: (done: number, total: number) => void,
): Promise<void> {
  await rawOf(db).backup(dest, {
    progress: ({ totalPages, remainingPages }) => {
      progress?.(totalPages - remainingPages, totalPages);
      // Pages per step: large steps finish a state-size register in a few event-loop turns.
      return 4096;
    },
  });
}

/** Folds the WAL into the main file and empties it, so the file alone is the whole register. */
export function checkpoint(db: RegisterDb): void {
  rawOf(db).pragma('wal_checkpoint(TRUNCATE)');
}

export interface RegisterSummary {
  district: { code: string; name: string } | null;
  schemaVersion: number;
  units: number;
  groups: number;
  citizens: number;
  activeMemberships: number;
  staff: number;
  auditRows: number;
  /** When the last change was recorded (the last audit entry). */
  lastChangeAt: string | null;
  lastBundle: { sequence: number; createdAt: string; fileName: string } | null;
}

const count = (raw: Database.Database, sql: string): number => (raw.prepare(sql).get() as { n: number }).n;

/** What a register holds, in the words the clerk checks before replacing it. */
function summarizeRaw(raw: Database.Database): RegisterSummary {
  const setting = raw.prepare("SELECT value FROM settings WHERE key = 'district'").get() as
    { value: string } | undefined;
  const district = setting ? (JSON.parse(setting.value) as { code: string; name: string }) : null;
  const last = raw.prepare('SELECT seq, created_at, file_name FROM bundle_outbox ORDER BY seq DESC LIMIT 1').get() as
    { seq: number; created_at: string; file_name: string } | undefined;
  const lastAudit = raw.prepare('SELECT at FROM audit_log ORDER BY id DESC LIMIT 1').get() as
    { at: string } | undefined;
  return {
    district: district ? { code: district.code, name: district.name } : null,
    schemaVersion: raw.pragma('user_version', { simple: true }) as number,
    units: count(raw, 'SELECT COUNT(*) AS n FROM units'),
    groups: count(raw, 'SELECT COUNT(*) AS n FROM groups'),
    citizens: count(raw, 'SELECT COUNT(*) AS n FROM people WHERE erased_at IS NULL'),
    activeMemberships: count(raw, 'SELECT COUNT(*) AS n FROM memberships WHERE left_on IS NULL'),
    staff: count(raw, 'SELECT COUNT(*) AS n FROM staff'),
    auditRows: count(raw, 'SELECT COUNT(*) AS n FROM audit_log'),
    lastChangeAt: lastAudit?.at ?? null,
    lastBundle: last ? { sequence: last.seq, createdAt: last.created_at, fileName: last.file_name } : null,
  };
}

export function summarizeRegister(db: RegisterDb): RegisterSummary {
  return summarizeRaw(rawOf(db));
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const REQUIRED_TABLES = ['settings', 'units', 'groups', 'people', 'memberships', 'staff', 'audit_log', 'bundle_outbox'];

export type CopyProblem =
  | { reason: 'not_sqlite' }
  | { reason: 'integrity'; detail: string[] }
  | { reason: 'too_new'; schemaVersion: number; supported: number }
  | { reason: 'not_a_register'; missing: string[] };

/**
 * Checks a file that claims to be a register, read-only: the SQLite header, `integrity_check`,
 * a schema this version can open (not newer), and the register's tables. Null when it passes.
 * (The audit chain is verified by the caller on a migrated copy.)
 */
export function checkRegisterCopy(file: string): CopyProblem | null {
  const head = Buffer.alloc(16);
  const fd = openSync(file, 'r');
  try {
    if (readSync(fd, head, 0, 16, 0) < 16 || !head.equals(SQLITE_MAGIC)) return { reason: 'not_sqlite' };
  } finally {
    closeSync(fd);
  }
  let raw: Database.Database;
  try {
    raw = new Database(file, { readonly: true, fileMustExist: true });
  } catch {
    return { reason: 'not_sqlite' };
  }
  try {
    let rows: { integrity_check: string }[];
    try {
      rows = raw.pragma('integrity_check(20)') as { integrity_check: string }[];
    } catch (err) {
      return { reason: 'integrity', detail: [(err as Error).message] };
    }
    const detail = rows.map((r) => r.integrity_check);
    if (detail.length !== 1 || detail[0] !== 'ok') return { reason: 'integrity', detail };
    const version = raw.pragma('user_version', { simple: true }) as number;
    if (version > LATEST_VERSION) return { reason: 'too_new', schemaVersion: version, supported: LATEST_VERSION };
    const tables = new Set(
      (raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map(
        (t) => t.name,
      ),
    );
    const missing = REQUIRED_TABLES.filter((t) => !tables.has(t));
    if (version < 2 || missing.length) return { reason: 'not_a_register', missing };
    return null;
  } finally {
    raw.close();
  }
}
