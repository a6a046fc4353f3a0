// Staff roster: list (with the "not in any group" filter), view, create, edit; ranks.
import { z } from 'zod';
import { appendAudit } from '../../../db/audit.js';
import { transaction } from '../../../db/exec.js';
import { listRanks, rankMatcher } from '../../../db/ranks.js';
import { findStaff, getStaffRow, insertStaff, listStaff, updateStaff } from '../../../db/staff.js';
import { searchMembers } from '../../../db/memberships.js';
import { findUnit } from '../../../db/units.js';
import type { RegisterDb } from '../../../db/connection.js';
import { handler } from '../../backend/define.js';
import { AppError, notFound } from '../../backend/errors.js';
import { codeSchema, genderSchema, nameSchema, optionalPhoneSchema, pageSchema } from './inputs.js';

const serviceNoSchema = z.string().trim().min(1, 'required').max(64);

const staffFields = {
  name: nameSchema,
  rank: z.string().trim().min(1, 'required').max(64),
  gender: genderSchema,
  unitCode: codeSchema,
  phone: optionalPhoneSchema,
};

function resolve(db: RegisterDb, a: { rank: string; unitCode: string }) {
  const rank = rankMatcher(listRanks(db))(a.rank);
  if (!rank) throw new AppError('BAD_INPUT', `unknown rank "${a.rank}"`, { field: 'rank' });
  const unit = findUnit(db, a.unitCode);
  if (!unit) throw new AppError('BAD_INPUT', `unit ${a.unitCode} does not exist`, { field: 'unitCode' });
  return { rankId: rank.id, postingUnitId: unit.id };
}

export const staffHandlers = {
  'ranks.list': handler(z.object({}), (_a, ctx) =>
    listRanks(ctx.session.db()).map((r) => ({ ...r, aliases: JSON.parse(r.aliases) as string[] })),
  ),

  'staff.list': handler(
    z.object({
      query: z.string().max(100).optional(),
      uncovered: z.boolean().optional(),
      unitCode: codeSchema.optional(),
      rank: z.string().max(64).optional(),
      gender: genderSchema.optional(),
      ...pageSchema,
    }),
    (a, ctx) => listStaff(ctx.session.db(), a),
  ),

  'staff.get': handler(z.object({ serviceNo: serviceNoSchema }), (a, ctx) => {
    const db = ctx.session.db();
    const staff = getStaffRow(db, a.serviceNo);
    if (!staff) throw notFound('staff member', a.serviceNo);
    const memberships = searchMembers(db, { staffId: staff.id, state: 'all', offset: 0, limit: 1000 }).rows;
    return { staff, memberships };
  }),

  'staff.create': handler(z.object({ serviceNo: serviceNoSchema, ...staffFields }), (a, ctx) => {
    const db = ctx.session.db();
    return transaction(db, () => {
      if (findStaff(db, a.serviceNo)) {
        throw new AppError('CONFLICT', `service number ${a.serviceNo} is already in the roster`, {
          field: 'serviceNo',
        });
      }
      const { rankId, postingUnitId } = resolve(db, a);
      insertStaff(
        db,
        { serviceNo: a.serviceNo, name: a.name, rankId, gender: a.gender, postingUnitId, phone: a.phone },
        ctx.now().toISOString(),
      );
      appendAudit(
        db,
        { operator: ctx.operator, action: 'create', entity: 'staff', entityId: a.serviceNo, after: a },
        ctx.now(),
      );
      return getStaffRow(db, a.serviceNo)!;
    });
  }),

  'staff.update': handler(z.object({ serviceNo: serviceNoSchema, ...staffFields }), (a, ctx) => {
    const db = ctx.session.db();
    return transaction(db, () => {
      const before = findStaff(db, a.serviceNo);
      if (!before) throw notFound('staff member', a.serviceNo);
      const { rankId, postingUnitId } = resolve(db, a);
      const values = { name: a.name, rankId, gender: a.gender, postingUnitId, phone: a.phone };
      updateStaff(db, before.id, values, ctx.now().toISOString());
      appendAudit(
        db,
        { operator: ctx.operator, action: 'update', entity: 'staff', entityId: a.serviceNo, before, after: values },
        ctx.now(),
      );
      return getStaffRow(db, a.serviceNo)!;
    });
  }),
};
