// The bundles HQ accepted and the forks it refused (SPEC §8). Dialect-neutral Kysely only.
import type { Insertable, Selectable } from 'kysely';
import type { HqDb } from './connection.js';
import { all, first, run } from '../exec.js';
import type { HqBundlesTable, HqForksTable } from './schema.js';

export type HqBundleRow = Selectable<HqBundlesTable>;
export type HqForkRow = Selectable<HqForksTable>;

/** The columns the import decision needs (not the JSON blocks). */
export interface HeldBundle {
  districtCode: string;
  sequence: number;
  tagmanifestSha256: string;
  previousTagmanifestSha256: string;
  zipSha256: string;
  auditFromCount: number | null;
  auditFromHead: string | null;
  auditToCount: number | null;
  auditToHead: string | null;
}

const held = [
  'districtCode',
  'sequence',
  'tagmanifestSha256',
  'previousTagmanifestSha256',
  'zipSha256',
  'auditFromCount',
  'auditFromHead',
  'auditToCount',
  'auditToHead',
] as const;

export function bundleByZipSha(db: HqDb, zipSha256: string): HeldBundle | undefined {
  return first(db, db.k.selectFrom('bundles').select(held).where('zipSha256', '=', zipSha256));
}

export function bundleByTagmanifest(db: HqDb, sha: string): HeldBundle | undefined {
  return first(db, db.k.selectFrom('bundles').select(held).where('tagmanifestSha256', '=', sha));
}

export function bundleAt(db: HqDb, district: string, sequence: number): HeldBundle | undefined {
  return first(
    db,
    db.k.selectFrom('bundles').select(held).where('districtCode', '=', district).where('sequence', '=', sequence),
  );
}

export function lastBundle(db: HqDb, district: string): HeldBundle | undefined {
  return first(
    db,
    db.k.selectFrom('bundles').select(held).where('districtCode', '=', district).orderBy('sequence', 'desc').limit(1),
  );
}

export function insertBundle(db: HqDb, row: Insertable<HqBundlesTable>): void {
  run(db, db.k.insertInto('bundles').values(row));
}

export function sequencesOf(db: HqDb, district: string): number[] {
  return all(
    db,
    db.k.selectFrom('bundles').select('sequence').where('districtCode', '=', district).orderBy('sequence'),
  ).map((r) => r.sequence);
}

/** Every district's sequence numbers, ascending (gaps are computed from these). */
export function allSequences(db: HqDb): { districtCode: string; sequence: number }[] {
  return all(
    db,
    db.k.selectFrom('bundles').select(['districtCode', 'sequence']).orderBy('districtCode').orderBy('sequence'),
  );
}

/** Each district's latest accepted bundle (the highest sequence), whole. */
export function latestBundles(db: HqDb): HqBundleRow[] {
  return all(
    db,
    db.k
      .selectFrom('bundles as b')
      .selectAll('b')
      .where('b.sequence', '=', (eb) =>
        eb
          .selectFrom('bundles as m')
          .select((m) => m.fn.max('m.sequence').as('s'))
          .whereRef('m.districtCode', '=', 'b.districtCode'),
      )
      .orderBy('b.districtCode'),
  );
}

/** The figures of every accepted bundle (for trends), by district and date. */
export function bundleFigures(
  db: HqDb,
): Pick<
  HqBundleRow,
  | 'districtCode'
  | 'sequence'
  | 'baggingDate'
  | 'receivedAt'
  | 'units'
  | 'compliant'
  | 'citizens'
  | 'staffTotal'
  | 'staffCovered'
  | 'thanas'
  | 'thanasCompliant'
>[] {
  return all(
    db,
    db.k
      .selectFrom('bundles')
      .select([
        'districtCode',
        'sequence',
        'baggingDate',
        'receivedAt',
        'units',
        'compliant',
        'citizens',
        'staffTotal',
        'staffCovered',
        'thanas',
        'thanasCompliant',
      ])
      .orderBy('baggingDate')
      .orderBy('districtCode'),
  );
}

/** The last time each district's bundle arrived. */
export function lastReceived(db: HqDb): { districtCode: string; receivedAt: string | null }[] {
  return all(
    db,
    db.k
      .selectFrom('bundles')
      .select((eb) => ['districtCode', eb.fn.max('receivedAt').as('receivedAt')])
      .groupBy('districtCode'),
  );
}

/** A district's bundles, whole, by sequence. */
export function bundlesOf(db: HqDb, district: string): HqBundleRow[] {
  return all(db, db.k.selectFrom('bundles').selectAll().where('districtCode', '=', district).orderBy('sequence'));
}

export function forkByZipSha(db: HqDb, zipSha256: string): HqForkRow | undefined {
  return first(db, db.k.selectFrom('forks').selectAll().where('zipSha256', '=', zipSha256));
}

export function insertFork(db: HqDb, row: Omit<HqForkRow, 'clearedAt' | 'clearedBy'>): void {
  run(db, db.k.insertInto('forks').values({ ...row, clearedAt: null, clearedBy: null }));
}

export function openForks(db: HqDb): HqForkRow[] {
  return all(db, db.k.selectFrom('forks').selectAll().where('clearedAt', 'is', null).orderBy('detectedAt'));
}

export function clearForks(db: HqDb, district: string, at: string, by: string): number {
  return run(
    db,
    db.k
      .updateTable('forks')
      .set({ clearedAt: at, clearedBy: by })
      .where('districtCode', '=', district)
      .where('clearedAt', 'is', null),
  ).changes;
}
