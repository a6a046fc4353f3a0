// Groups: list, view, create, edit, close and reopen. Closing keeps the group and its history;
// a closed group stops counting for compliance.
import { z } from 'zod';
import { appendAudit } from '../../../db/audit.js';
import { transaction } from '../../../db/exec.js';
import { findGroup, getGroupRow, insertGroup, listGroups, updateGroup } from '../../../db/groups.js';
import { findStaff } from '../../../db/staff.js';
import { findUnit } from '../../../db/units.js';
import type { RegisterDb } from '../../../db/connection.js';
import { handler } from '../../backend/define.js';
import { AppError, notFound } from '../../backend/errors.js';
import { codeSchema, daySchema, groupKindSchema, inviteLinkSchema, nameSchema, optionalText } from './inputs.js';

const groupFields = {
  unitCode: codeSchema,
  kind: groupKindSchema,
  name: nameSchema,
  createdOn: daySchema,
  adminServiceNo: optionalText,
  inviteLink: inviteLinkSchema,
};

function resolve(db: RegisterDb, a: { unitCode: string; adminServiceNo: string | null }) {
  const unit = findUnit(db, a.unitCode);
  if (!unit) throw new AppError('BAD_INPUT', `unit ${a.unitCode} does not exist`, { field: 'unitCode' });
  let adminStaffId: number | null = null;
  if (a.adminServiceNo) {
    const admin = findStaff(db, a.adminServiceNo);
    if (!admin) {
      throw new AppError('BAD_INPUT', `no staff member with service number ${a.adminServiceNo}`, {
        field: 'adminServiceNo',
      });
    }
    adminStaffId = admin.id;
  }
  return { unitId: unit.id, adminStaffId };
}

function setStatus(status: 'active' | 'closed') {
  return handler(z.object({ code: codeSchema }), (a, ctx) => {
    const db = ctx.session.db();
    return transaction(db, () => {
      const g = findGroup(db, a.code);
      if (!g) throw notFound('group', a.code);
      if (g.status === status) return getGroupRow(db, a.code)!;
      updateGroup(db, g.id, { status }, ctx.now().toISOString());
      appendAudit(
        db,
        {
          operator: ctx.operator,
          action: status === 'closed' ? 'close' : 'reopen',
          entity: 'group',
          entityId: a.code,
          before: { status: g.status },
          after: { status },
        },
        ctx.now(),
      );
      return getGroupRow(db, a.code)!;
    });
  });
}

export const groupHandlers = {
  'groups.list': handler(
    z.object({
      unitCode: codeSchema.optional(),
      kind: groupKindSchema.optional(),
      status: z.enum(['active', 'closed']).optional(),
      search: z.string().max(100).optional(),
    }),
    (a, ctx) => listGroups(ctx.session.db(), a),
  ),

  'groups.get': handler(z.object({ code: codeSchema }), (a, ctx) => {
    const g = getGroupRow(ctx.session.db(), a.code);
    if (!g) throw notFound('group', a.code);
    return g;
  }),

  'groups.create': handler(z.object({ code: codeSchema, ...groupFields }), (a, ctx) => {
    const db = ctx.session.db();
    return transaction(db, () => {
      if (findGroup(db, a.code))
        throw new AppError('CONFLICT', `group code ${a.code} is already used`, { field: 'code' });
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
        ctx.now().toISOString(),
      );
      appendAudit(
        db,
        { operator: ctx.operator, action: 'create', entity: 'group', entityId: a.code, after: a },
        ctx.now(),
      );
      return getGroupRow(db, a.code)!;
    });
  }),

  'groups.update': handler(z.object({ code: codeSchema, ...groupFields }), (a, ctx) => {
    const db = ctx.session.db();
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
      updateGroup(db, before.id, values, ctx.now().toISOString());
      appendAudit(
        db,
        { operator: ctx.operator, action: 'update', entity: 'group', entityId: a.code, before, after: values },
        ctx.now(),
      );
      return getGroupRow(db, a.code)!;
    });
  }),

  'groups.close': setStatus('closed'),
  'groups.reopen': setStatus('active'),
};
