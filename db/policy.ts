// The compliance policies a register holds (SPEC §4). Each row is one versioned JSON document;
// the highest version is the active one. Validation of the document lives in the compliance
// service (electron/services/compliance/policy.ts): this module only stores and reads text.
import type { RegisterDb } from './register-db.js';
import { all, first, run } from './exec.js';

export interface PolicyRow {
  version: number;
  document: string;
  source: 'builtin' | 'imported';
  importedAt: string;
}

/** The newest policy in the register, or undefined when none has been stored yet. */
export function latestPolicyRow(db: RegisterDb): PolicyRow | undefined {
  return first(db, db.k.selectFrom('policies').selectAll().orderBy('version', 'desc').limit(1));
}

export function listPolicyRows(db: RegisterDb): PolicyRow[] {
  return all(db, db.k.selectFrom('policies').selectAll().orderBy('version'));
}

export function findPolicyRow(db: RegisterDb, version: number): PolicyRow | undefined {
  return first(db, db.k.selectFrom('policies').selectAll().where('version', '=', version));
}

/** Stores one policy version. Versions are the primary key: storing one twice is a conflict. */
export function insertPolicyRow(db: RegisterDb, row: PolicyRow): void {
  run(db, db.k.insertInto('policies').values(row));
}
