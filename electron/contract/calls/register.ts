// The register's calls: units, groups, staff and ranks, members and citizens, the audit log, the
// active policy.
import { z } from 'zod';
import {
  categorySchema,
  codeSchema,
  daySchema,
  genderSchema,
  groupKindSchema,
  inviteLinkSchema,
  nameSchema,
  optionalPhoneSchema,
  optionalText,
  pageSchema,
  phoneSchema,
  unitTypeSchema,
} from '../inputs.js';
import { GROUP_STATUSES, MEMBER_CATEGORIES } from '../domain.js';
import { noArgs } from './common.js';
import { RULE_IDS } from '../policy.js';
import { memberSortSchema, staffSortSchema } from '../sorting.js';

const unitFields = {
  name: nameSchema,
  nameHi: optionalText,
  type: unitTypeSchema,
  parentCode: optionalText,
  division: optionalText,
};

const groupFields = {
  unitCode: codeSchema,
  kind: groupKindSchema,
  name: nameSchema,
  createdOn: daySchema,
  adminServiceNo: optionalText,
  inviteLink: inviteLinkSchema,
};

export const serviceNoSchema = z.string().trim().min(1, 'required').max(64);

const staffFields = {
  name: nameSchema,
  rank: z.string().trim().min(1, 'required').max(64),
  gender: genderSchema,
  unitCode: codeSchema,
  phone: optionalPhoneSchema,
};

const personId = z.number().int().positive();

export const registerCalls = {
  'units.list': z.object({ type: unitTypeSchema.optional(), search: z.string().max(100).optional() }),
  'units.get': z.object({ code: codeSchema }),
  'units.create': z.object({ code: codeSchema, ...unitFields }),
  'units.update': z.object({ code: codeSchema, ...unitFields }),

  'groups.list': z.object({
    unitCode: codeSchema.optional(),
    kind: groupKindSchema.optional(),
    status: z.enum(GROUP_STATUSES).optional(),
    search: z.string().max(100).optional(),
  }),
  'groups.get': z.object({ code: codeSchema }),
  'groups.create': z.object({ code: codeSchema, ...groupFields }),
  'groups.update': z.object({ code: codeSchema, ...groupFields }),
  'groups.close': z.object({ code: codeSchema }),
  'groups.reopen': z.object({ code: codeSchema }),

  'ranks.list': noArgs,
  'staff.list': z.object({
    query: z.string().max(100).optional(),
    uncovered: z.boolean().optional(),
    unitCode: codeSchema.optional(),
    rank: z.string().max(64).optional(),
    gender: genderSchema.optional(),
    /** The order (default: rank, name, id); every order ends with a unique key. */
    sort: staffSortSchema.optional(),
    ...pageSchema,
  }),
  'staff.get': z.object({ serviceNo: serviceNoSchema }),
  'staff.create': z.object({ serviceNo: serviceNoSchema, ...staffFields }),
  'staff.update': z.object({ serviceNo: serviceNoSchema, ...staffFields }),

  'members.search': z.object({
    query: z.string().max(100).optional(),
    groupCode: codeSchema.optional(),
    /** Only memberships of active (or closed) groups: the dashboard's figures count active groups. */
    groupStatus: z.enum(GROUP_STATUSES).optional(),
    category: z.enum(MEMBER_CATEGORIES).optional(),
    state: z.enum(['active', 'left', 'all']).default('active'),
    /** The order (default: unit code, group code, order of entry); every order ends with a unique key. */
    sort: memberSortSchema.optional(),
    ...pageSchema,
  }),
  'members.addCitizen': z.object({
    groupCode: codeSchema,
    name: nameSchema,
    phone: phoneSchema,
    category: categorySchema.default('public'),
    locality: optionalText,
    occupation: optionalText,
    joinedOn: daySchema,
    consentOn: daySchema,
    consentHow: optionalText,
    /** The rule the clerk confirmed this entry breaks (issue #11); without it such an entry is refused. */
    confirmRule: z.enum(RULE_IDS).optional(),
  }),
  'members.addStaff': z.object({
    groupCode: codeSchema,
    serviceNo: serviceNoSchema,
    joinedOn: daySchema,
    confirmRule: z.enum(RULE_IDS).optional(),
  }),
  'members.leave': z.object({ membershipId: z.number().int().positive(), leftOn: daySchema }),

  'people.get': z.object({ id: personId }),
  'people.update': z.object({
    id: personId,
    name: nameSchema,
    phone: phoneSchema,
    category: categorySchema,
    locality: optionalText,
    occupation: optionalText,
    consentOn: daySchema,
    consentHow: optionalText,
  }),
  'people.erase': z.object({ id: personId }),

  'audit.verify': noArgs,
  /** The policy the register applies now (SPEC §4): what each unit type needs, read by the screens. */
  'policy.active': noArgs,
};
