// HQ's own key and the trust store: districts and their minisign public keys (SPEC §8).
import type { Selectable } from 'kysely';
import type { HqDb } from './connection.js';
import { all, first, run } from '../exec.js';
import type { HqDistrictKeysTable, HqDistrictsTable, HqKeysTable } from './schema.js';

export type HqKeyRow = Selectable<HqKeysTable>;
export type HqDistrictRow = Selectable<HqDistrictsTable>;
export type HqDistrictKeyRow = Selectable<HqDistrictKeysTable>;

export function insertHqKey(db: HqDb, row: Omit<HqKeyRow, 'retiredAt'>): void {
  run(db, db.k.insertInto('hqKeys').values({ ...row, retiredAt: null }));
}

export function activeHqKey(db: HqDb): HqKeyRow | undefined {
  return first(db, db.k.selectFrom('hqKeys').selectAll().where('retiredAt', 'is', null).orderBy('createdAt', 'desc'));
}

export function getDistrict(db: HqDb, code: string): HqDistrictRow | undefined {
  return first(db, db.k.selectFrom('districts').selectAll().where('code', '=', code));
}

export function listDistricts(db: HqDb): HqDistrictRow[] {
  return all(db, db.k.selectFrom('districts').selectAll().orderBy('code'));
}

export function insertDistrict(db: HqDb, row: HqDistrictRow): void {
  run(db, db.k.insertInto('districts').values(row));
}

export function renameDistrict(db: HqDb, code: string, name: string, nameHi: string | null): void {
  run(db, db.k.updateTable('districts').set({ name, nameHi }).where('code', '=', code));
}

export function getDistrictKey(db: HqDb, keyId: string): HqDistrictKeyRow | undefined {
  return first(db, db.k.selectFrom('districtKeys').selectAll().where('keyId', '=', keyId));
}

export function districtKeyByPublicKey(db: HqDb, publicKey: string): HqDistrictKeyRow | undefined {
  return first(db, db.k.selectFrom('districtKeys').selectAll().where('publicKey', '=', publicKey));
}

export function listDistrictKeys(db: HqDb, district?: string): HqDistrictKeyRow[] {
  let q = db.k.selectFrom('districtKeys').selectAll();
  if (district !== undefined) q = q.where('districtCode', '=', district);
  return all(db, q.orderBy('districtCode').orderBy('addedAt'));
}

export function insertDistrictKey(
  db: HqDb,
  row: Omit<HqDistrictKeyRow, 'retiredFrom' | 'retiredAt' | 'retiredBy'>,
): void {
  run(db, db.k.insertInto('districtKeys').values({ ...row, retiredFrom: null, retiredAt: null, retiredBy: null }));
}

export function retireDistrictKey(db: HqDb, keyId: string, from: string, at: string, by: string): void {
  run(
    db,
    db.k
      .updateTable('districtKeys')
      .set({ retiredFrom: from, retiredAt: at, retiredBy: by })
      .where('keyId', '=', keyId),
  );
}
