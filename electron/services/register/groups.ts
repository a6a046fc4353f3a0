// Groups: view, create, edit, close and reopen. Closing keeps the group and its history; a closed
// group stops counting for compliance.
import { appendAudit } from '../../../db/audit.js';
import { transaction } from '../../../db/exec.js';
import { findGroup, getGroupRow, insertGroup, updateGroup as updateGroupRow } from '../../../db/groups.js';
import { findStaff } from '../../../db/staff.js';
import { findUnit, findUnitById } from '../../../db/units.js';
import type { RegisterDb } from '../../../db/register-db.js';
import type { CallInput } from '../../contract/calls/index.js';
import { notFound, reasonError } from '../../contract/errors.js';
import { assertGroupCodeFree } from './codes.js';
import type { Actor } from '../actor.js';

function resolve(db: RegisterDb, a: { unitCode: string; adminServiceNo: string | null }) {
  const unit = findUnit(db, a.unitCode);
  if (!unit) {
    throw reasonError(
      'BAD_INPUT',
      'record_not_found',
      `unit ${a.unitCode} does not exist`,
      { key: a.unitCode },
      { field: 'unitCode' },
    );
  }
  if (unit.status === 'closed') {
    throw reasonError(
      'CONFLICT',
      'unit_closed',
      `unit ${a.unitCode} is closed; reopen it first`,
      { code: a.unitCode },
      {
        field: 'unitCode',
      },
    );
  }
  let adminStaffId: number | null = null;
  if (a.adminServiceNo) {
    const admin = findStaff(db, a.adminServiceNo);
    if (!admin) {
      throw reasonError(
        'BAD_INPUT',
        'record_not_found',
        `no staff member with service number ${a.adminServiceNo}`,
        { key: a.adminServiceNo },
        { field: 'adminServiceNo' },
      );
    }
    adminStaffId = admin.id;
  }
  return { unitId: unit.id, adminStaffId };
}

export function getGroup(db: RegisterDb, code: string) {
  const g = getGroupRow(db, code);
  if (!g) throw notFound('group', code);
  return g;
}

export function createGroup(db: RegisterDb, a: CallInput<'groups.create'>, by: Actor) {
  return transaction(db, () => {
    assertGroupCodeFree(db, a.code);
    const { unitId, adminStaffId } = resolve(db, a);
    insertGroup(
      db,
      {
        code: a.code,
        unitId,
        kind: a.kind,
        name: a.name,
        createdOn: a.createdOn,
        adminStaffId,
        inviteLink: a.inviteLink,
        status: 'active',
      },
      by.now().toISOString(),
    );
    appendAudit(db, { operator: by.operator, action: 'create', entity: 'group', entityId: a.code, after: a }, by.now());
    return getGroupRow(db, a.code)!;
  });
}

export function updateGroup(db: RegisterDb, a: CallInput<'groups.update'>, by: Actor) {
  return transaction(db, () => {
    const before = findGroup(db, a.code);
    if (!before) throw notFound('group', a.code);
    const { unitId, adminStaffId } = resolve(db, a);
    const values = {
      unitId,
      kind: a.kind,
      name: a.name,
      createdOn: a.createdOn,
      adminStaffId,
      inviteLink: a.inviteLink,
    };
    updateGroupRow(db, before.id, values, by.now().toISOString());
    appendAudit(
      db,
      { operator: by.operator, action: 'update', entity: 'group', entityId: a.code, before, after: values },
      by.now(),
    );
    return getGroupRow(db, a.code)!;
  });
}

/** Closes or reopens a group; doing what is already done changes nothing. */
export function setGroupStatus(db: RegisterDb, code: string, status: 'active' | 'closed', by: Actor) {
  return transaction(db, () => {
    const g = findGroup(db, code);
    if (!g) throw notFound('group', code);
    if (g.status === status) return getGroupRow(db, code)!;
    if (status === 'active') {
      const unit = findUnitById(db, g.unitId);
      if (unit?.status === 'closed') {
        throw reasonError('CONFLICT', 'unit_closed', `unit ${unit.code} is closed; reopen it first`, {
          code: unit.code,
        });
      }
    }
    updateGroupRow(db, g.id, { status }, by.now().toISOString());
    appendAudit(
      db,
      {
        operator: by.operator,
        action: status === 'closed' ? 'close' : 'reopen',
        entity: 'group',
        entityId: code,
        before: { status: g.status },
        after: { status },
      },
      by.now(),
    );
    return getGroupRow(db, code)!;
  });
}
