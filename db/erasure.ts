// Erasure on request (SPEC §10, DPDP Act 2023): the queries and the file-level work that make a
// person's data unrecoverable from the register's files, and the erasure ledger (migration 6).
//
// Blanking the row is not enough. SQLite leaves old bytes in a page's free space, in freed pages,
// in index pages (people_name, the phone UNIQUE index), in the search index's segments and in the
// WAL, and an audit row may hold the values too. So an erasure (services/privacy/erase.ts):
// blanks the row and the person's audit values and removes their search entry (one transaction,
// with `secure_delete` on); then `scrubFiles` rebuilds the file (VACUUM: every page rewritten,
// free space gone) and truncates the WAL, so no byte of the old values is left in the .db, -wal
// or -shm files (tests/integration/privacy/erase.test.ts greps them).
import { sql } from 'kysely';
import type { RegisterDb } from './register-db.js';
import { all, first, run } from './exec.js';
import { rawOf } from './raw.js';

export interface LedgerRow {
  phoneHash: string;
  personId: number;
  erasedAt: string;
  appliedAt: string;
}

export function insertLedgerEntry(db: RegisterDb, row: LedgerRow): void {
  run(
    db,
    db.k
      .insertInto('erasureLedger')
      .values(row)
      .onConflict((oc) => oc.column('phoneHash').doNothing()),
  );
}

export function listLedger(db: RegisterDb): LedgerRow[] {
  return all(
    db,
    db.k.selectFrom('erasureLedger').select(['phoneHash', 'personId', 'erasedAt', 'appliedAt']).orderBy('id'),
  );
}

export function ledgerHas(db: RegisterDb, phoneHash: string): boolean {
  return first(db, db.k.selectFrom('erasureLedger').select('id').where('phoneHash', '=', phoneHash)) !== undefined;
}

/** The person's entry leaves the search index now; the segments holding it are merged away. */
export function purgeSearchEntry(db: RegisterDb, personId: number): void {
  run(db, sql`DELETE FROM people_search WHERE rowid = ${personId}`.compile(db.k));
  // 'optimize' merges every segment into one, dropping deleted entries with their trigrams.
  run(db, sql`INSERT INTO people_search (people_search) VALUES ('optimize')`.compile(db.k));
}

/** Zero deleted content as it is freed (this connection; the erasure turns it off again). */
export function setSecureDelete(db: RegisterDb, on: boolean): void {
  rawOf(db).pragma(`secure_delete = ${on ? 'ON' : 'OFF'}`);
}

export interface ScrubResult {
  /** The file was rebuilt (VACUUM). */
  vacuumed: boolean;
  /** The WAL was emptied and truncated to zero bytes. */
  walTruncated: boolean;
}

/**
 * Rewrites the register file without its free space and empties the WAL. Run outside any
 * transaction. Another connection reading the register (a second window, a CLI) can keep the
 * WAL from being truncated; the result says so and the erasure reports it.
 */
export function scrubFiles(db: RegisterDb): ScrubResult {
  const raw = rawOf(db);
  let vacuumed: boolean;
  try {
    raw.exec('VACUUM');
    vacuumed = true;
  } catch {
    // Another connection is reading: the erasure stands, its old bytes wait for the next scrub.
    vacuumed = false;
  }
  const r = raw.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[];
  const walTruncated = r[0]?.busy === 0;
  return { vacuumed, walTruncated };
}
