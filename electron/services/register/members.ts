// Members and citizens: search with paging, add a citizen or staff member to a group, mark as
// left, a person's page, edits and erasure on request (SPEC §3, §10).
//
// The audit log never holds a citizen's name or phone: it is append-only, and erasure must be
// able to remove personal data. Citizen entries record the person's id and which fields
// changed, not their values.
import { z } from 'zod';
import { appendAudit } from '../../../db/audit.js';
import { transaction } from '../../../db/exec.js';
import { findGroup } from '../../../db/groups.js';
import {
  endMembership,
  findActiveMembership,
  findMembership,
  insertMembership,
  membershipsOfPerson,
  searchMembers,
} from '../../../db/memberships.js';
import { anonymisePerson, findPerson, findPersonByPhone, insertPerson, updatePerson } from '../../../db/people.js';
import { findStaff } from '../../../db/staff.js';
import type { RegisterDb } from '../../../db/connection.js';
import { handler } from '../../backend/define.js';
import { AppError, notFound } from '../../backend/errors.js';
import type { HandlerContext } from '../../backend/context.js';
import { categorySchema, codeSchema, daySchema, nameSchema, optionalText, pageSchema, phoneSchema } from './inputs.js';

const today = (ctx: HandlerContext) => ctx.now().toISOString().slice(0, 10);

function activeGroup(db: RegisterDb, code: string) {
  const g = findGroup(db, code);
  if (!g) throw new AppError('BAD_INPUT', `group ${code} does not exist`, { field: 'groupCode' });
  if (g.status !== 'active')
    throw new AppError('CONFLICT', `group ${code} is closed; reopen it first`, { field: 'groupCode' });
  return g;
}

function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  return Object.keys(after).filter((k) => before[k] !== after[k]);
}

export const memberHandlers = {
  'members.search': handler(
    z.object({
      query: z.string().max(100).optional(),
      groupCode: codeSchema.optional(),
      category: z.enum(['eminent', 'public', 'staff']).optional(),
      state: z.enum(['active', 'left', 'all']).default('active'),
      ...pageSchema,
    }),
    (a, ctx) => searchMembers(ctx.session.db(), a),
  ),

  'members.addCitizen': handler(
    z.object({
      groupCode: codeSchema,
      name: nameSchema,
      phone: phoneSchema,
      category: categorySchema.default('public'),
      locality: optionalText,
      occupation: optionalText,
      joinedOn: daySchema,
      consentOn: daySchema,
      consentHow: optionalText,
    }),
    (a, ctx) => {
      const db = ctx.session.db();
      const at = ctx.now().toISOString();
      return transaction(db, () => {
        const g = activeGroup(db, a.groupCode);
        let person = findPersonByPhone(db, a.phone);
        let nameConflict: { registered: string; given: string } | null = null;
        if (!person) {
          const id = insertPerson(
            db,
            {
              phone: a.phone,
              name: a.name,
              locality: a.locality,
              occupation: a.occupation,
              category: a.category,
              consentOn: a.consentOn,
              consentHow: a.consentHow,
            },
            at,
          );
          person = findPerson(db, id)!;
          appendAudit(db, { operator: ctx.operator, action: 'create', entity: 'person', entityId: id }, ctx.now());
        } else if (person.name.toLocaleLowerCase() !== a.name.toLocaleLowerCase()) {
          // Same phone, different name: keep the registered name and tell the clerk to review.
          nameConflict = { registered: person.name, given: a.name };
        }
        if (findActiveMembership(db, g.id, { personId: person.id })) {
          throw new AppError('CONFLICT', `${person.name} (${a.phone}) is already an active member of ${a.groupCode}`, {
            field: 'phone',
          });
        }
        const membershipId = insertMembership(
          db,
          { groupId: g.id, personId: person.id, staffId: null, joinedOn: a.joinedOn ?? today(ctx) },
          at,
        );
        appendAudit(
          db,
          {
            operator: ctx.operator,
            action: 'join',
            entity: 'membership',
            entityId: membershipId,
            after: { group: a.groupCode, personId: person.id, joinedOn: a.joinedOn ?? today(ctx) },
          },
          ctx.now(),
        );
        return { membershipId, personId: person.id, nameConflict };
      });
    },
  ),

  'members.addStaff': handler(
    z.object({ groupCode: codeSchema, serviceNo: z.string().trim().min(1).max(64), joinedOn: daySchema }),
    (a, ctx) => {
      const db = ctx.session.db();
      return transaction(db, () => {
        const g = activeGroup(db, a.groupCode);
        const s = findStaff(db, a.serviceNo);
        if (!s)
          throw new AppError('BAD_INPUT', `no staff member with service number ${a.serviceNo}`, { field: 'serviceNo' });
        if (g.kind === 'women_staff' && s.gender !== 'F') {
          throw new AppError('BAD_INPUT', `${g.code} is the women staff group; ${s.name} is not recorded as a woman`, {
            field: 'serviceNo',
          });
        }
        if (findActiveMembership(db, g.id, { staffId: s.id })) {
          throw new AppError('CONFLICT', `${s.name} is already an active member of ${a.groupCode}`, {
            field: 'serviceNo',
          });
        }
        const joinedOn = a.joinedOn ?? today(ctx);
        const membershipId = insertMembership(
          db,
          { groupId: g.id, personId: null, staffId: s.id, joinedOn },
          ctx.now().toISOString(),
        );
        appendAudit(
          db,
          {
            operator: ctx.operator,
            action: 'join',
            entity: 'membership',
            entityId: membershipId,
            after: { group: a.groupCode, serviceNo: a.serviceNo, joinedOn },
          },
          ctx.now(),
        );
        return { membershipId };
      });
    },
  ),

  'members.leave': handler(z.object({ membershipId: z.number().int().positive(), leftOn: daySchema }), (a, ctx) => {
    const db = ctx.session.db();
    return transaction(db, () => {
      const m = findMembership(db, a.membershipId);
      if (!m) throw notFound('membership', a.membershipId);
      if (m.leftOn) throw new AppError('CONFLICT', `this membership already ended on ${m.leftOn}`);
      const leftOn = a.leftOn ?? today(ctx);
      if (m.joinedOn && leftOn < m.joinedOn) {
        throw new AppError('BAD_INPUT', `the leaving date is before the joining date (${m.joinedOn})`, {
          field: 'leftOn',
        });
      }
      endMembership(db, m.id, leftOn, ctx.now().toISOString());
      appendAudit(
        db,
        {
          operator: ctx.operator,
          action: 'leave',
          entity: 'membership',
          entityId: m.id,
          before: { leftOn: null },
          after: { leftOn },
        },
        ctx.now(),
      );
      return { membershipId: m.id, leftOn };
    });
  }),

  'people.get': handler(z.object({ id: z.number().int().positive() }), (a, ctx) => {
    const db = ctx.session.db();
    const person = findPerson(db, a.id);
    if (!person) throw notFound('person', a.id);
    return { person, memberships: membershipsOfPerson(db, a.id) };
  }),

  'people.update': handler(
    z.object({
      id: z.number().int().positive(),
      name: nameSchema,
      phone: phoneSchema,
      category: categorySchema,
      locality: optionalText,
      occupation: optionalText,
      consentOn: daySchema,
      consentHow: optionalText,
    }),
    (a, ctx) => {
      const db = ctx.session.db();
      return transaction(db, () => {
        const before = findPerson(db, a.id);
        if (!before) throw notFound('person', a.id);
        if (before.erasedAt) throw new AppError('CONFLICT', 'this person was erased on request and cannot be edited');
        const other = findPersonByPhone(db, a.phone);
        if (other && other.id !== a.id) {
          throw new AppError('CONFLICT', `${a.phone} already belongs to ${other.name}`, { field: 'phone' });
        }
        const { id, ...values } = a;
        updatePerson(db, id, values, ctx.now().toISOString());
        appendAudit(
          db,
          {
            operator: ctx.operator,
            action: 'update',
            entity: 'person',
            entityId: id,
            after: { changed: changedFields(before as unknown as Record<string, unknown>, values) },
          },
          ctx.now(),
        );
        return findPerson(db, id)!;
      });
    },
  ),

  'people.erase': handler(z.object({ id: z.number().int().positive() }), (a, ctx) => {
    const db = ctx.session.db();
    return transaction(db, () => {
      const before = findPerson(db, a.id);
      if (!before) throw notFound('person', a.id);
      if (before.erasedAt) return before;
      anonymisePerson(db, a.id, ctx.now().toISOString());
      appendAudit(db, { operator: ctx.operator, action: 'erase', entity: 'person', entityId: a.id }, ctx.now());
      return findPerson(db, a.id)!;
    });
  }),
};
