// The audit chain's signed checkpoints (migration 6): at each bundle export the chain head is
// signed with the district key and kept here, append-only. The signing and checking live in
// electron/services/audit-chain/checkpoints.ts; this file only reads and writes rows.
import type { Insertable } from 'kysely';
import type { RegisterDb } from './register-db.js';
import type { BundleTables } from './bundles.js';
import { all, first, run } from './exec.js';
import type { AuditCheckpoint, AuditCheckpointsTable } from './schema.js';

export function insertCheckpoint(db: RegisterDb, row: Insertable<AuditCheckpointsTable>): number {
  return run(db, db.k.insertInto('auditCheckpoints').values(row)).lastId;
}

export function listCheckpoints(db: RegisterDb): AuditCheckpoint[] {
  return all(db, db.k.selectFrom('auditCheckpoints').selectAll().orderBy('id'));
}

export function lastCheckpoint(db: RegisterDb): AuditCheckpoint | undefined {
  return first(db, db.k.selectFrom('auditCheckpoints').selectAll().orderBy('id', 'desc').limit(1));
}

/** The stored public key line of a district key, retired or not (checkpoints outlive key changes). */
export function publicKeyLineOf(db: RegisterDb, keyId: string): string | undefined {
  return first(
    db,
    db.k.withTables<BundleTables>().selectFrom('districtKeys').select('publicKey').where('keyId', '=', keyId),
  )?.publicKey;
}

/** How many audit rows have an id up to `lastId` (equal to `lastId` in an intact log). */
export function auditRowsUpTo(db: RegisterDb, lastId: number): number {
  return Number(
    first(
      db,
      db.k
        .selectFrom('auditLog')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('id', '<=', lastId),
    )?.n ?? 0,
  );
}
