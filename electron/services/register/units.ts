// Units: list, view, create, edit. Units are never deleted (their groups and staff keep history).
import { z } from 'zod';
import { appendAudit } from '../../../db/audit.js';
import { transaction } from '../../../db/exec.js';
import { listGroups } from '../../../db/groups.js';
import type { RegisterDb } from '../../../db/connection.js';
import type { UnitType } from '../../../db/schema.js';
import {
  countChildren,
  findUnit,
  getUnitRow,
  insertUnit,
  listUnits,
  updateUnit,
  type UnitValues,
} from '../../../db/units.js';
import { handler } from '../../backend/define.js';
import { AppError, notFound } from '../../backend/errors.js';
import { codeSchema, nameSchema, optionalText, unitTypeSchema } from './inputs.js';

const unitFields = {
  name: nameSchema,
  nameHi: optionalText,
  type: unitTypeSchema,
  parentCode: optionalText,
  division: optionalText,
};

/** OPs need a parent thana; other units may not have an OP or themselves as parent. */
function resolveParent(db: RegisterDb, type: UnitType, parentCode: string | null, selfCode?: string): number | null {
  if (!parentCode) {
    if (type === 'op') throw new AppError('BAD_INPUT', 'an OP needs its parent thana', { field: 'parentCode' });
    return null;
  }
  if (parentCode === selfCode)
    throw new AppError('BAD_INPUT', 'a unit cannot be its own parent', { field: 'parentCode' });
  const parent = findUnit(db, parentCode);
  if (!parent) throw new AppError('BAD_INPUT', `parent unit ${parentCode} does not exist`, { field: 'parentCode' });
  if (type === 'op' && parent.type !== 'thana') {
    throw new AppError('BAD_INPUT', `the parent of an OP must be a thana; ${parentCode} is a ${parent.type}`, {
      field: 'parentCode',
    });
  }
  return parent.id;
}

export const unitHandlers = {
  'units.list': handler(
    z.object({ type: unitTypeSchema.optional(), search: z.string().max(100).optional() }),
    (a, ctx) => listUnits(ctx.session.db(), a),
  ),

  'units.get': handler(z.object({ code: codeSchema }), (a, ctx) => {
    const db = ctx.session.db();
    const unit = getUnitRow(db, a.code);
    if (!unit) throw notFound('unit', a.code);
    const children = listUnits(db, { parentCode: a.code });
    return { unit, groups: listGroups(db, { unitCode: a.code }), children };
  }),

  'units.create': handler(z.object({ code: codeSchema, ...unitFields }), (a, ctx) => {
    const db = ctx.session.db();
    const at = ctx.now().toISOString();
    return transaction(db, () => {
      if (findUnit(db, a.code))
        throw new AppError('CONFLICT', `unit code ${a.code} is already used`, { field: 'code' });
      const values: UnitValues = {
        code: a.code,
        name: a.name,
        nameHi: a.nameHi,
        type: a.type,
        parentId: resolveParent(db, a.type, a.parentCode),
        division: a.division,
      };
      insertUnit(db, values, at);
      appendAudit(
        db,
        { operator: ctx.operator, action: 'create', entity: 'unit', entityId: a.code, after: a },
        ctx.now(),
      );
      return getUnitRow(db, a.code)!;
    });
  }),

  'units.update': handler(z.object({ code: codeSchema, ...unitFields }), (a, ctx) => {
    const db = ctx.session.db();
    const at = ctx.now().toISOString();
    return transaction(db, () => {
      const before = findUnit(db, a.code);
      if (!before) throw notFound('unit', a.code);
      if (before.type === 'thana' && a.type !== 'thana' && countChildren(db, before.id) > 0) {
        throw new AppError('CONFLICT', `${a.code} has OPs under it; move them to another thana first`, {
          field: 'type',
        });
      }
      const values = {
        name: a.name,
        nameHi: a.nameHi,
        type: a.type,
        parentId: resolveParent(db, a.type, a.parentCode, a.code),
        division: a.division,
      };
      updateUnit(db, before.id, values, at);
      appendAudit(
        db,
        { operator: ctx.operator, action: 'update', entity: 'unit', entityId: a.code, before, after: values },
        ctx.now(),
      );
      return getUnitRow(db, a.code)!;
    });
  }),
};
