// Policy versions HQ signed (SPEC §4, §8).
import type { Selectable } from 'kysely';
import type { HqDb } from './connection.js';
import { first, run } from '../exec.js';
import type { HqPoliciesTable } from './schema.js';

export type HqPolicyRow = Selectable<HqPoliciesTable>;

export function latestSignedPolicy(db: HqDb): HqPolicyRow | undefined {
  return first(db, db.k.selectFrom('policies').selectAll().orderBy('version', 'desc').limit(1));
}

export function signedPolicy(db: HqDb, version: number): HqPolicyRow | undefined {
  return first(db, db.k.selectFrom('policies').selectAll().where('version', '=', version));
}

export function insertSignedPolicy(db: HqDb, row: HqPolicyRow): void {
  run(db, db.k.insertInto('policies').values(row));
}
