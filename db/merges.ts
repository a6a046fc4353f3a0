// Structural edits of units and groups (issue #11): what refers to a unit or group, deleting one
// nothing refers to, closing a unit, and merges that remember what they moved so Undo can move
// exactly that back. Every function runs inside the caller's transaction.
import type { RegisterDb } from './register-db.js';
import { all, first, run } from './exec.js';
import type { GroupStatus } from './schema.js';

const count = (n: unknown) => Number(n ?? 0);

export interface UnitReferences {
  groups: number;
  staff: number;
  children: number;
  /** Merges that name the unit (as source or target): their Undo needs it. */
  merges: number;
}

export function unitReferences(db: RegisterDb, unitId: number): UnitReferences {
  const n = (q: { n: unknown } | undefined) => count(q?.n);
  return {
    groups: n(
      first(
        db,
        db.k
          .selectFrom('groups')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('unitId', '=', unitId),
      ),
    ),
    staff: n(
      first(
        db,
        db.k
          .selectFrom('staff')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('postingUnitId', '=', unitId),
      ),
    ),
    children: n(
      first(
        db,
        db.k
          .selectFrom('units')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('parentId', '=', unitId),
      ),
    ),
    merges: mergesNaming(db, 'unit', unitId),
  };
}

export interface GroupReferences {
  /** Every membership, active or left: history is never deleted. */
  memberships: number;
  merges: number;
}

export function groupReferences(db: RegisterDb, groupId: number): GroupReferences {
  return {
    memberships: count(
      first(
        db,
        db.k
          .selectFrom('memberships')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('groupId', '=', groupId),
      )?.n,
    ),
    merges: mergesNaming(db, 'group', groupId),
  };
}

function mergesNaming(db: RegisterDb, entity: 'unit' | 'group', id: number): number {
  return count(
    first(
      db,
      db.k
        .selectFrom('merges')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('entity', '=', entity)
        .where((eb) => eb.or([eb('fromId', '=', id), eb('intoId', '=', id)])),
    )?.n,
  );
}

export function deleteUnitRow(db: RegisterDb, id: number): void {
  run(db, db.k.deleteFrom('units').where('id', '=', id));
}

export function deleteGroupRow(db: RegisterDb, id: number): void {
  run(db, db.k.deleteFrom('groups').where('id', '=', id));
}

export function setUnitStatus(db: RegisterDb, id: number, status: GroupStatus, at: string): void {
  run(db, db.k.updateTable('units').set({ status, updatedAt: at }).where('id', '=', id));
}

/** Ids of the rows that point at a unit: its groups, its staff's postings, its OPs. */
export function unitDependants(db: RegisterDb, unitId: number) {
  return {
    groups: all(db, db.k.selectFrom('groups').select('id').where('unitId', '=', unitId).orderBy('id')).map((r) => r.id),
    staff: all(db, db.k.selectFrom('staff').select('id').where('postingUnitId', '=', unitId).orderBy('id')).map(
      (r) => r.id,
    ),
    children: all(db, db.k.selectFrom('units').select('id').where('parentId', '=', unitId).orderBy('id')).map(
      (r) => r.id,
    ),
  };
}

/** Active groups of a unit (closing the unit closes them). */
export function activeGroupIdsOfUnit(db: RegisterDb, unitId: number): { id: number; code: string }[] {
  return all(
    db,
    db.k
      .selectFrom('groups')
      .select(['id', 'code'])
      .where('unitId', '=', unitId)
      .where('status', '=', 'active')
      .orderBy('code'),
  );
}

export function setGroupsStatus(db: RegisterDb, ids: number[], status: GroupStatus, at: string): void {
  if (ids.length === 0) return;
  run(db, db.k.updateTable('groups').set({ status, updatedAt: at }).where('id', 'in', ids));
}

/** Moves rows that point at unit `fromId` to `toId` (only those still pointing at `fromId`). */
export function moveUnitDependants(
  db: RegisterDb,
  ids: { groups: number[]; staff: number[]; children: number[] },
  fromId: number,
  toId: number,
  at: string,
): void {
  if (ids.groups.length)
    run(
      db,
      db.k
        .updateTable('groups')
        .set({ unitId: toId, updatedAt: at })
        .where('id', 'in', ids.groups)
        .where('unitId', '=', fromId),
    );
  if (ids.staff.length)
    run(
      db,
      db.k
        .updateTable('staff')
        .set({ postingUnitId: toId, updatedAt: at })
        .where('id', 'in', ids.staff)
        .where('postingUnitId', '=', fromId),
    );
  if (ids.children.length)
    run(
      db,
      db.k
        .updateTable('units')
        .set({ parentId: toId, updatedAt: at })
        .where('id', 'in', ids.children)
        .where('parentId', '=', fromId),
    );
}

/**
 * Memberships of group `fromId` that can move to `intoId`: all left ones (history), and active
 * ones whose member is not already an active member of `intoId` (one active membership per
 * member and group). The rest stay where they are, in the closed group, as history.
 */
export function movableMemberships(db: RegisterDb, fromId: number, intoId: number): number[] {
  return all(
    db,
    db.k
      .selectFrom('memberships as m')
      .select('m.id')
      .where('m.groupId', '=', fromId)
      .where((eb) =>
        eb.or([
          eb('m.leftOn', 'is not', null),
          eb.not(
            eb.exists(
              eb
                .selectFrom('memberships as o')
                .select('o.id')
                .where('o.groupId', '=', intoId)
                .where('o.leftOn', 'is', null)
                .where((e) =>
                  e.or([
                    e.and([e('m.personId', 'is not', null), e('o.personId', '=', e.ref('m.personId'))]),
                    e.and([e('m.staffId', 'is not', null), e('o.staffId', '=', e.ref('m.staffId'))]),
                  ]),
                ),
            ),
          ),
        ]),
      )
      .orderBy('m.id'),
  ).map((r) => r.id);
}

/** Active memberships that stayed behind in `fromId` (their member was already in the target). */
export function activeMembershipIds(db: RegisterDb, groupId: number): number[] {
  return all(
    db,
    db.k
      .selectFrom('memberships')
      .select('id')
      .where('groupId', '=', groupId)
      .where('leftOn', 'is', null)
      .orderBy('id'),
  ).map((r) => r.id);
}

export function moveMemberships(db: RegisterDb, ids: number[], fromId: number, toId: number, at: string): void {
  // Chunks keep the statement under SQLite's variable limit on a large group.
  for (let i = 0; i < ids.length; i += 500) {
    run(
      db,
      db.k
        .updateTable('memberships')
        .set({ groupId: toId, updatedAt: at })
        .where('id', 'in', ids.slice(i, i + 500))
        .where('groupId', '=', fromId),
    );
  }
}

export interface MergeMoved {
  groups?: number[];
  staff?: number[];
  children?: number[];
  memberships?: number[];
  /** Groups a unit merge closed (the merged unit's active groups that did not move). */
  closedGroups?: number[];
}

export interface MergeRecord {
  id: number;
  entity: 'unit' | 'group';
  fromId: number;
  intoId: number;
  moved: MergeMoved;
  fromStatus: GroupStatus;
  at: string;
  operator: string;
  undoneAt: string | null;
}

export function insertMerge(db: RegisterDb, m: Omit<MergeRecord, 'id' | 'undoneAt'>): number {
  return run(db, db.k.insertInto('merges').values({ ...m, moved: JSON.stringify(m.moved), undoneAt: null })).lastId;
}

export function findMerge(db: RegisterDb, id: number): MergeRecord | undefined {
  const r = first(db, db.k.selectFrom('merges').selectAll().where('id', '=', id));
  return r ? { ...r, moved: JSON.parse(r.moved) as MergeMoved } : undefined;
}

export function markMergeUndone(db: RegisterDb, id: number, at: string): void {
  run(db, db.k.updateTable('merges').set({ undoneAt: at }).where('id', '=', id));
}

export function groupCodeOf(db: RegisterDb, id: number): string {
  return first(db, db.k.selectFrom('groups').select('code').where('id', '=', id))?.code ?? String(id);
}

/** Undo of leaving: the membership is active again (the caller checks there is no other). */
export function reopenMembership(db: RegisterDb, id: number, at: string): void {
  run(db, db.k.updateTable('memberships').set({ leftOn: null, updatedAt: at }).where('id', '=', id));
}
