// Queries for the district's signing key and the bundle outbox (migration 2), and the one
// personal-data query a bundle may carry (members.csv, only on the clerk's explicit opt-in).
//
// These tables are declared here and added to the shared DB type with Kysely's `withTables`,
// so the bundle domain's schema lives next to its queries.
import type { Generated, Selectable } from 'kysely';
import type { RegisterDb } from './register-db.js';
import { all, first, run } from './exec.js';
import { rawOf } from './raw.js';

export const GENESIS_TAGMANIFEST = '0'.repeat(64);

export type KeyProtectorKind = 'passphrase' | 'os';

export type DistrictKeysTable = {
  keyId: string;
  publicKey: string;
  createdAt: string;
  createdBy: string;
  retiredAt: string | null;
};

export type DistrictKeySecretsTable = {
  keyId: string;
  protector: KeyProtectorKind;
  sealed: string;
  createdAt: string;
};

export type BundleOutboxTable = {
  seq: number;
  createdAt: string;
  createdBy: string;
  uuid: string;
  fileName: string;
  baggingDate: string;
  keyId: string;
  previousTagmanifestSha256: string;
  tagmanifestSha256: string;
  zipSha256: string;
  zipBytes: number;
  withMembers: Generated<number>;
  target: 'folder' | 'email';
  location: string;
  figures: string;
};

export type DeliveryState = 'pending' | 'done' | 'failed';

/** Migration 5: each copy of a bundle handed on (folder/USB or e-mail draft). */
export type BundleDeliveriesTable = {
  id: Generated<number>;
  seq: number;
  target: 'folder' | 'email';
  location: string;
  state: DeliveryState;
  startedAt: string;
  finishedAt: string | null;
  deliveredBy: string;
};

export type BundleTables = {
  districtKeys: DistrictKeysTable;
  districtKeySecrets: DistrictKeySecretsTable;
  bundleOutbox: BundleOutboxTable;
  bundleDeliveries: BundleDeliveriesTable;
};

export type DistrictKeyRow = Selectable<DistrictKeysTable>;
export type OutboxRow = Selectable<BundleOutboxTable>;
export type DeliveryRow = Selectable<BundleDeliveriesTable>;

const q = (db: RegisterDb) => db.k.withTables<BundleTables>();

// ---------------------------------------------------------------------------------------------
// Keys

export function activeKey(db: RegisterDb): DistrictKeyRow | undefined {
  return first(db, q(db).selectFrom('districtKeys').selectAll().where('retiredAt', 'is', null));
}

export function keySecrets(db: RegisterDb, keyId: string): Selectable<DistrictKeySecretsTable>[] {
  return all(db, q(db).selectFrom('districtKeySecrets').selectAll().where('keyId', '=', keyId).orderBy('protector'));
}

export function keySecret(
  db: RegisterDb,
  keyId: string,
  protector: KeyProtectorKind,
): Selectable<DistrictKeySecretsTable> | undefined {
  return first(
    db,
    q(db).selectFrom('districtKeySecrets').selectAll().where('keyId', '=', keyId).where('protector', '=', protector),
  );
}

export function insertKey(db: RegisterDb, row: Omit<DistrictKeyRow, 'retiredAt'>): void {
  run(
    db,
    q(db)
      .insertInto('districtKeys')
      .values({ ...row, retiredAt: null }),
  );
}

export function insertKeySecret(db: RegisterDb, row: Selectable<DistrictKeySecretsTable>): void {
  run(db, q(db).insertInto('districtKeySecrets').values(row));
}

export function retireKey(db: RegisterDb, keyId: string, at: string): void {
  run(db, q(db).updateTable('districtKeys').set({ retiredAt: at }).where('keyId', '=', keyId));
}

// ---------------------------------------------------------------------------------------------
// Outbox

/** The last bundle written, or undefined before the first. */
export function lastOutbox(db: RegisterDb): OutboxRow | undefined {
  return first(db, q(db).selectFrom('bundleOutbox').selectAll().orderBy('seq', 'desc').limit(1));
}

export function listOutbox(db: RegisterDb, limit = 1000): OutboxRow[] {
  return all(db, q(db).selectFrom('bundleOutbox').selectAll().orderBy('seq', 'desc').limit(limit));
}

export function outboxBySeq(db: RegisterDb, seq: number): OutboxRow | undefined {
  return first(db, q(db).selectFrom('bundleOutbox').selectAll().where('seq', '=', seq));
}

/** The trigger refuses a row that does not continue the chain (seq + 1, previous hash). */
export function insertOutbox(db: RegisterDb, row: OutboxRow): void {
  run(db, q(db).insertInto('bundleOutbox').values(row));
}

// ---------------------------------------------------------------------------------------------
// Deliveries (migration 5)

/** Records a delivery about to start; returns its id. Committed before the copy begins. */
export function insertDelivery(db: RegisterDb, row: Omit<DeliveryRow, 'id' | 'finishedAt' | 'state'>): number {
  return run(
    db,
    q(db)
      .insertInto('bundleDeliveries')
      .values({ ...row, state: 'pending', finishedAt: null }),
  ).lastId;
}

export function finishDelivery(db: RegisterDb, id: number, state: Exclude<DeliveryState, 'pending'>, at: string): void {
  run(db, q(db).updateTable('bundleDeliveries').set({ state, finishedAt: at }).where('id', '=', id));
}

export function pendingDeliveries(db: RegisterDb): DeliveryRow[] {
  return all(db, q(db).selectFrom('bundleDeliveries').selectAll().where('state', '=', 'pending').orderBy('id'));
}

/** Every delivery, oldest first (a register sends a few bundles a month: this stays small). */
export function listDeliveries(db: RegisterDb): DeliveryRow[] {
  return all(db, q(db).selectFrom('bundleDeliveries').selectAll().orderBy('id'));
}

// ---------------------------------------------------------------------------------------------
// members.csv (citizens' personal data: only when the clerk opts in)

export interface MemberExportRow {
  groupCode: string;
  unitCode: string;
  personId: number | null;
  staffId: number | null;
  name: string;
  phone: string | null;
  category: string | null;
  locality: string | null;
  occupation: string | null;
  consentOn: string | null;
  serviceNo: string | null;
  rankCode: string | null;
  gender: string | null;
  joinedOn: string | null;
}

/**
 * Every active membership (citizens and staff) of every active group, grouped by group code and
 * in the order members were added. Erased people are left out: their rows carry no personal
 * data any more, by their own request.
 *
 * Read in the memberships table's own order (a sequential scan) and bucketed by group here:
 * walking the groups in code order instead costs a random lookup per membership, about twice
 * as slow for a state-size register.
 */
export function activeMembersForExport(db: RegisterDb): MemberExportRow[] {
  const q = db.k
    .selectFrom('memberships as m')
    .innerJoin('groups as g', 'g.id', 'm.groupId')
    .innerJoin('units as u', 'u.id', 'g.unitId')
    .leftJoin('people as p', 'p.id', 'm.personId')
    .leftJoin('staff as s', 's.id', 'm.staffId')
    .leftJoin('ranks as r', 'r.id', 's.rankId')
    .select((eb) => [
      'm.groupId',
      'g.code as groupCode',
      'u.code as unitCode',
      'm.personId',
      'm.staffId',
      eb.fn.coalesce('p.name', 's.name').$castTo<string>().as('name'),
      eb.fn.coalesce('p.phone', 's.phone').as('phone'),
      'p.category',
      'p.locality',
      'p.occupation',
      'p.consentOn',
      's.serviceNo',
      'r.code as rankCode',
      's.gender',
      'm.joinedOn',
    ])
    .where('m.leftOn', 'is', null)
    .where('g.status', '=', 'active')
    .where((eb) => eb.or([eb('m.staffId', 'is not', null), eb('p.erasedAt', 'is', null)]))
    .orderBy('m.id')
    .compile();
  // Positional rows: no per-row key renaming for a few lakh rows (the column order is the select's).
  const rows = rawOf(db)
    .prepare(q.sql)
    .raw()
    .all(...(q.parameters as unknown[])) as (string | number | null)[][];
  const groupOrder = new Map(
    all(db, db.k.selectFrom('groups').select('id').orderBy('code')).map((g, i) => [g.id, i] as const),
  );
  const buckets: MemberExportRow[][] = Array.from({ length: groupOrder.size }, () => []);
  for (const r of rows) {
    buckets[groupOrder.get(r[0] as number)!]!.push({
      groupCode: r[1] as string,
      unitCode: r[2] as string,
      personId: r[3] as number | null,
      staffId: r[4] as number | null,
      name: r[5] as string,
      phone: r[6] as string | null,
      category: r[7] as string | null,
      locality: r[8] as string | null,
      occupation: r[9] as string | null,
      consentOn: r[10] as string | null,
      serviceNo: r[11] as string | null,
      rankCode: r[12] as string | null,
      gender: r[13] as string | null,
      joinedOn: r[14] as string | null,
    });
  }
  return buckets.flat();
}
