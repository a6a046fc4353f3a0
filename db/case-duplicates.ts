// Codes that differ only in case (migration 7). New ones are refused by triggers; those already
// in a register are listed here for the clerk to merge.
import { sql } from 'kysely';
import type { RegisterDb } from './register-db.js';
import { all } from './exec.js';

/** Codes of `table` equal to `code` ignoring case (the NOCASE index answers it). */
export function codesIgnoringCase(db: RegisterDb, table: 'units' | 'groups', code: string): string[] {
  return all(
    db,
    db.k
      .selectFrom(table)
      .select('code')
      .where(sql<boolean>`code = ${code} COLLATE NOCASE`)
      .orderBy('code'),
  ).map((r) => r.code);
}

export interface CaseDuplicateSet {
  entity: 'unit' | 'group';
  /** Every code of the set, as stored, in order. */
  codes: string[];
}

/**
 * Each set of unit codes and of group codes that are equal ignoring case. A unit or group merged
 * into another (and not un-merged) is settled: it stays as closed history and is not listed.
 */
export function caseDuplicates(db: RegisterDb): CaseDuplicateSet[] {
  const out: CaseDuplicateSet[] = [];
  for (const [table, entity] of [
    ['units', 'unit'],
    ['groups', 'group'],
  ] as const) {
    const rows = all(
      db,
      db.k
        .selectFrom(table)
        .select([sql<string>`group_concat(code, char(10))`.as('codes')])
        .where(
          'id',
          'not in',
          db.k.selectFrom('merges').select('fromId').where('entity', '=', entity).where('undoneAt', 'is', null),
        )
        .groupBy(sql`code COLLATE NOCASE`)
        .having(sql<boolean>`count(*) > 1`)
        .orderBy(sql`code COLLATE NOCASE`),
    );
    for (const r of rows) out.push({ entity, codes: r.codes.split('\n').sort() });
  }
  return out;
}
