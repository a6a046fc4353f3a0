// Undoing a clerk's slips (issue #11): a unit or group made by mistake is deleted while nothing
// refers to it; otherwise it is closed, or merged into the right one (memberships move, history
// is kept). Each action has a reverse that the toast's Undo calls: a real change through the
// same services, audited like any other.
//
//   delete unit/group  ↔ create it again with the values the delete returned
//   close unit         ↔ reopen it, and the groups its closing closed
//   merge unit/group   ↔ undoMerge: the rows the merge moved (kept in `merges`) move back
//   leave (membership) ↔ undoLeave: the membership is active again
import { appendAudit } from '../../../db/audit.js';
import { transaction } from '../../../db/exec.js';
import { findGroup, getGroupRow } from '../../../db/groups.js';
import {
  activeGroupIdsOfUnit,
  activeMembershipIds,
  deleteGroupRow,
  deleteUnitRow,
  findMerge,
  groupCodeOf,
  groupReferences,
  insertMerge,
  markMergeUndone,
  movableMemberships,
  moveMemberships,
  moveUnitDependants,
  reopenMembership,
  setGroupsStatus,
  setUnitStatus,
  unitDependants,
  unitReferences,
} from '../../../db/merges.js';
import { findActiveMembership, findMembership } from '../../../db/memberships.js';
import type { RegisterDb } from '../../../db/register-db.js';
import { findUnit, findUnitById, getUnitRow } from '../../../db/units.js';
import type { CallInput } from '../../contract/calls/index.js';
import { notFound, reasonError } from '../../contract/errors.js';
import type { Actor } from '../actor.js';

function unitOrThrow(db: RegisterDb, code: string) {
  const u = findUnit(db, code);
  if (!u) throw notFound('unit', code);
  return u;
}

function groupOrThrow(db: RegisterDb, code: string) {
  const g = findGroup(db, code);
  if (!g) throw notFound('group', code);
  return g;
}

/** Deletes a unit nothing refers to; returns its values so that Undo can create it again. */
export function deleteUnit(db: RegisterDb, code: string, by: Actor) {
  return transaction(db, () => {
    const u = unitOrThrow(db, code);
    const refs = unitReferences(db, u.id);
    if (refs.groups + refs.staff + refs.children + refs.merges > 0) {
      throw reasonError(
        'CONFLICT',
        'unit_in_use',
        `unit ${code} cannot be deleted: ${refs.groups} group(s), ${refs.staff} staff posting(s), ${refs.children} OP(s) and ${refs.merges} merge(s) refer to it; close it or merge it into another unit`,
        { code, groups: refs.groups, staff: refs.staff, children: refs.children, merges: refs.merges },
      );
    }
    const parent = u.parentId === null ? null : (findUnitById(db, u.parentId)?.code ?? null);
    const deleted = {
      code: u.code,
      name: u.name,
      nameHi: u.nameHi,
      type: u.type,
      parentCode: parent,
      division: u.division,
      status: u.status,
    };
    deleteUnitRow(db, u.id);
    appendAudit(
      db,
      { operator: by.operator, action: 'delete', entity: 'unit', entityId: code, before: deleted },
      by.now(),
    );
    return { deleted };
  });
}

/** Deletes a group that never had a member; returns its values for Undo. */
export function deleteGroup(db: RegisterDb, code: string, by: Actor) {
  return transaction(db, () => {
    const g = groupOrThrow(db, code);
    const refs = groupReferences(db, g.id);
    if (refs.memberships + refs.merges > 0) {
      throw reasonError(
        'CONFLICT',
        'group_in_use',
        `group ${code} cannot be deleted: it has ${refs.memberships} membership(s) (history is kept) and ${refs.merges} merge(s); close it or merge it into another group`,
        { code, memberships: refs.memberships, merges: refs.merges },
      );
    }
    const row = getGroupRow(db, code)!;
    const deleted = {
      code: row.code,
      unitCode: row.unitCode,
      kind: row.kind,
      name: row.name,
      createdOn: row.createdOn,
      adminServiceNo: row.adminServiceNo,
      inviteLink: row.inviteLink,
      status: row.status,
    };
    deleteGroupRow(db, g.id);
    appendAudit(
      db,
      { operator: by.operator, action: 'delete', entity: 'group', entityId: code, before: deleted },
      by.now(),
    );
    return { deleted };
  });
}

/** Closes a unit and its active groups (it leaves the compliance report); history stays. */
export function closeUnit(db: RegisterDb, code: string, by: Actor) {
  return transaction(db, () => {
    const u = unitOrThrow(db, code);
    if (u.status === 'closed') return { unit: getUnitRow(db, code)!, closedGroups: [] as string[] };
    const at = by.now().toISOString();
    const groups = activeGroupIdsOfUnit(db, u.id);
    setGroupsStatus(
      db,
      groups.map((g) => g.id),
      'closed',
      at,
    );
    setUnitStatus(db, u.id, 'closed', at);
    const closedGroups = groups.map((g) => g.code);
    appendAudit(
      db,
      {
        operator: by.operator,
        action: 'close',
        entity: 'unit',
        entityId: code,
        before: { status: 'active' },
        after: { status: 'closed', closedGroups },
      },
      by.now(),
    );
    return { unit: getUnitRow(db, code)!, closedGroups };
  });
}

/** Reopens a unit, and those of its groups named (the ones its closing closed). */
export function reopenUnit(db: RegisterDb, a: CallInput<'units.reopen'>, by: Actor) {
  return transaction(db, () => {
    const u = unitOrThrow(db, a.code);
    const at = by.now().toISOString();
    const reopen = a.groupCodes
      .map((c) => findGroup(db, c))
      .filter((g) => g !== undefined && g.unitId === u.id && g.status === 'closed');
    if (u.status === 'active' && reopen.length === 0) return { unit: getUnitRow(db, a.code)!, reopenedGroups: [] };
    setUnitStatus(db, u.id, 'active', at);
    setGroupsStatus(
      db,
      reopen.map((g) => g!.id),
      'active',
      at,
    );
    const reopenedGroups = reopen.map((g) => g!.code);
    appendAudit(
      db,
      {
        operator: by.operator,
        action: 'reopen',
        entity: 'unit',
        entityId: a.code,
        before: { status: u.status },
        after: { status: 'active', reopenedGroups },
      },
      by.now(),
    );
    return { unit: getUnitRow(db, a.code)!, reopenedGroups };
  });
}

/**
 * Merges unit `from` into `into`: its groups, its staff's postings and its OPs move to `into`;
 * `from` stays, closed, as history. OPs can only move under a thana.
 */
export function mergeUnits(db: RegisterDb, a: CallInput<'units.merge'>, by: Actor) {
  return transaction(db, () => {
    const from = unitOrThrow(db, a.from);
    const into = unitOrThrow(db, a.into);
    if (from.id === into.id) throw reasonError('BAD_INPUT', 'merge_same', 'a unit cannot be merged into itself', {});
    if (into.status === 'closed') {
      throw reasonError('CONFLICT', 'merge_into_closed', `${a.into} is closed; reopen it or choose another unit`, {
        code: a.into,
      });
    }
    const ids = unitDependants(db, from.id);
    if (ids.children.length > 0 && into.type !== 'thana') {
      throw reasonError(
        'CONFLICT',
        'merge_children_need_thana',
        `${a.from} has ${ids.children.length} OP(s); they can only move under a thana, and ${a.into} is not one`,
        { code: a.from, into: a.into, children: ids.children.length },
      );
    }
    if (ids.children.includes(into.id)) {
      throw reasonError(
        'CONFLICT',
        'merge_children_need_thana',
        `${a.into} is an OP of ${a.from}; an OP cannot become its own parent`,
        { code: a.from, into: a.into, children: ids.children.length },
      );
    }
    const at = by.now().toISOString();
    moveUnitDependants(db, ids, from.id, into.id, at);
    setUnitStatus(db, from.id, 'closed', at);
    const mergeId = insertMerge(db, {
      entity: 'unit',
      fromId: from.id,
      intoId: into.id,
      moved: ids,
      fromStatus: from.status,
      at,
      operator: by.operator,
    });
    const moved = { groups: ids.groups.length, staff: ids.staff.length, children: ids.children.length };
    appendAudit(
      db,
      {
        operator: by.operator,
        action: 'merge',
        entity: 'unit',
        entityId: a.from,
        before: { status: from.status },
        after: { into: a.into, mergeId, moved },
      },
      by.now(),
    );
    return { mergeId, from: a.from, into: a.into, moved };
  });
}

/**
 * Merges group `from` into `into`: its memberships move, history included. A member already
 * active in `into` keeps the old membership in `from` (one active membership per member and
 * group), and `from` is closed.
 */
export function mergeGroups(db: RegisterDb, a: CallInput<'groups.merge'>, by: Actor) {
  return transaction(db, () => {
    const from = groupOrThrow(db, a.from);
    const into = groupOrThrow(db, a.into);
    if (from.id === into.id) throw reasonError('BAD_INPUT', 'merge_same', 'a group cannot be merged into itself', {});
    if (into.status === 'closed') {
      throw reasonError('CONFLICT', 'merge_into_closed', `${a.into} is closed; reopen it or choose another group`, {
        code: a.into,
      });
    }
    const at = by.now().toISOString();
    const memberships = movableMemberships(db, from.id, into.id);
    moveMemberships(db, memberships, from.id, into.id, at);
    const stayed = activeMembershipIds(db, from.id).length;
    if (from.status === 'active') setGroupsStatus(db, [from.id], 'closed', at);
    const mergeId = insertMerge(db, {
      entity: 'group',
      fromId: from.id,
      intoId: into.id,
      moved: { memberships },
      fromStatus: from.status,
      at,
      operator: by.operator,
    });
    const moved = { memberships: memberships.length, stayed };
    appendAudit(
      db,
      {
        operator: by.operator,
        action: 'merge',
        entity: 'group',
        entityId: a.from,
        before: { status: from.status },
        after: { into: a.into, mergeId, moved },
      },
      by.now(),
    );
    return { mergeId, from: a.from, into: a.into, moved };
  });
}

/** Moves back what a merge moved (rows since moved elsewhere stay there) and restores the status. */
export function undoMerge(db: RegisterDb, a: CallInput<'merges.undo'>, by: Actor) {
  return transaction(db, () => {
    const m = findMerge(db, a.mergeId);
    if (!m) throw reasonError('NOT_FOUND', 'merge_not_found', `merge ${a.mergeId} does not exist`, { id: a.mergeId });
    if (m.undoneAt) {
      throw reasonError('CONFLICT', 'merge_already_undone', `merge ${a.mergeId} was already undone`, {
        id: a.mergeId,
      });
    }
    const at = by.now().toISOString();
    let code: string;
    if (m.entity === 'unit') {
      moveUnitDependants(
        db,
        { groups: m.moved.groups ?? [], staff: m.moved.staff ?? [], children: m.moved.children ?? [] },
        m.intoId,
        m.fromId,
        at,
      );
      setUnitStatus(db, m.fromId, m.fromStatus, at);
      code = findUnitById(db, m.fromId)!.code;
    } else {
      // Reopen first: the membership counts follow the group's status.
      setGroupsStatus(db, [m.fromId], m.fromStatus, at);
      moveMemberships(db, m.moved.memberships ?? [], m.intoId, m.fromId, at);
      code = groupCodeOf(db, m.fromId);
    }
    markMergeUndone(db, m.id, at);
    appendAudit(
      db,
      {
        operator: by.operator,
        action: 'undo-merge',
        entity: m.entity,
        entityId: code,
        before: { mergeId: m.id },
        after: { status: m.fromStatus },
      },
      by.now(),
    );
    return { mergeId: m.id, entity: m.entity, code };
  });
}

/** Makes a membership that was ended active again (Undo of "mark as left"). */
export function undoLeave(db: RegisterDb, a: CallInput<'members.undoLeave'>, by: Actor) {
  return transaction(db, () => {
    const m = findMembership(db, a.membershipId);
    if (!m) throw notFound('membership', a.membershipId);
    if (!m.leftOn) {
      throw reasonError('CONFLICT', 'membership_not_left', 'this membership has not ended', {
        id: a.membershipId,
      });
    }
    const member = m.personId !== null ? { personId: m.personId } : { staffId: m.staffId! };
    if (findActiveMembership(db, m.groupId, member)) {
      throw reasonError(
        'CONFLICT',
        'membership_active_again',
        'this member has joined the group again since; nothing to undo',
        { id: a.membershipId },
      );
    }
    reopenMembership(db, m.id, by.now().toISOString());
    appendAudit(
      db,
      {
        operator: by.operator,
        action: 'undo-leave',
        entity: 'membership',
        entityId: m.id,
        before: { leftOn: m.leftOn },
        after: { leftOn: null },
      },
      by.now(),
    );
    return { membershipId: m.id };
  });
}
