// The compliance policy (SPEC §4): a versioned JSON document holding every threshold the engine
// uses. Version 1 is built in; HQ may issue a newer version (a file signed with the HQ key that
// the district imports). Pure: the backend stores and applies policies
// (electron/services/compliance/policy.ts), the renderer reads the active one through
// `policy.active` and asks `unitNeeds` what a unit of some type needs — never a copy of a rule.
import { z } from 'zod';
import { GROUP_KINDS, UNIT_TYPES, type GroupKind, type UnitType } from './domain.js';
import { reasonError } from './errors.js';

const groupKind = z.enum(GROUP_KINDS);
const unitType = z.enum(UNIT_TYPES);
const kindList = z
  .array(groupKind)
  .min(1)
  .refine((a) => new Set(a).size === a.length, 'group kinds must not repeat');

/**
 * A rule about each unit of one type (R1, R2, R3, R5): the unit needs an active group of one of
 * `groupKinds`; with `minMembers` set, its best such group needs that many active members, where
 * `count` says whether citizens count too ('all') or only staff ('staff', R3: "≥ N staff").
 */
const unitRule = z.strictObject({
  kind: z.literal('unit'),
  unitType,
  groupKinds: kindList,
  minMembers: z.number().int().min(1).max(1_000_000).nullable(),
  count: z.enum(['all', 'staff']),
  /** How many units of the type the district must have at all (R3: a district has its centre). */
  minUnits: z.number().int().min(0).max(100_000),
});

/** R4: the district has ≥ `minGroups` active groups of these kinds, and only these genders of staff in them. */
const womenGroupRule = z.strictObject({
  kind: z.literal('women_group'),
  groupKinds: kindList,
  minGroups: z.number().int().min(0).max(1000),
  memberGenders: z.array(z.enum(['F', 'M', 'X'])).min(1),
});

/** R6: at least `minPercent` % of staff are active members of an active group of these kinds. */
const coverageRule = z.strictObject({
  kind: z.literal('staff_coverage'),
  groupKinds: kindList,
  minPercent: z.number().min(0).max(100),
});

/** R7: no active group above `cap` active members; warn from `warnPercent` % of the cap. */
const capRule = z.strictObject({
  kind: z.literal('group_cap'),
  groupKinds: kindList,
  cap: z.number().int().min(1).max(1_000_000),
  warnPercent: z.number().min(1).max(100),
});

export const policySchema = z
  .strictObject({
    format: z.literal('samooh-policy'),
    /** The layout of this document; a newer layout needs a newer Samooh. */
    schemaVersion: z.literal(1),
    /** The policy's own version: HQ raises it with every change of thresholds. */
    version: z.number().int().min(1).max(1_000_000),
    title: z.strictObject({ en: z.string().min(1).max(300), hi: z.string().min(1).max(300) }),
    basis: z.string().max(2000),
    rules: z.strictObject({
      R1: unitRule,
      R2: unitRule,
      R3: unitRule,
      R4: womenGroupRule,
      R5: unitRule,
      R6: coverageRule,
      R7: capRule,
    }),
    /** Kinds of staff groups, whose figures show members by rank and gender (SPEC §4 "split"). */
    staffGroupKinds: z.array(groupKind).refine((a) => new Set(a).size === a.length, 'group kinds must not repeat'),
    /** What HQ watches across the state (SPEC §8); districts carry it along, unused locally. */
    stateTargets: z.strictObject({
      members: z.number().int().min(0),
      thanasCompliantPercent: z.number().min(0).max(100),
      silentAfterDays: z.number().int().min(1).max(366),
    }),
  })
  .superRefine((p, ctx) => {
    // Two rules for one unit type would make a unit's status ambiguous.
    const seen = new Map<UnitType, string>();
    for (const id of UNIT_RULE_IDS) {
      const t = p.rules[id].unitType;
      const other = seen.get(t);
      if (other) {
        ctx.addIssue({
          code: 'custom',
          path: ['rules', id, 'unitType'],
          message: `${id} and ${other} both apply to ${t} units`,
        });
      }
      seen.set(t, id);
    }
  });

export type Policy = z.infer<typeof policySchema>;
export type UnitRule = z.infer<typeof unitRule>;
export type UnitRuleId = 'R1' | 'R2' | 'R3' | 'R5';
export const UNIT_RULE_IDS: readonly UnitRuleId[] = ['R1', 'R2', 'R3', 'R5'];

const PUBLIC_KINDS: GroupKind[] = ['public', 'cyber_senani'];
const ALL_KINDS: GroupKind[] = [...GROUP_KINDS];

/** Policy v1: the Bihar Police HQ order of 2019 with WhatsApp's cap as of Nov 2022 (SPEC §1, §4). */
export const POLICY_V1: Policy = Object.freeze({
  format: 'samooh-policy',
  schemaVersion: 1,
  version: 1,
  title: {
    en: 'Police–public and staff WhatsApp groups (Bihar Police HQ order, 2019)',
    hi: 'पुलिस–पब्लिक एवं पुलिसकर्मियों के व्हाट्सएप ग्रुप (पुलिस मुख्यालय, बिहार का आदेश, 2019)',
  },
  basis:
    'Every thana a police–public group of at least 200 members, every OP at least 100; a rank-wise staff group of ' +
    'at least 200 at the district centre; a separate group of women officers and personnel in every district; ' +
    "groups of every division's unit; every officer and employee in some group. WhatsApp group cap 1,024 (Nov 2022).",
  rules: {
    R1: { kind: 'unit', unitType: 'thana', groupKinds: PUBLIC_KINDS, minMembers: 200, count: 'all', minUnits: 0 },
    R2: { kind: 'unit', unitType: 'op', groupKinds: PUBLIC_KINDS, minMembers: 100, count: 'all', minUnits: 0 },
    R3: {
      kind: 'unit',
      unitType: 'district_centre',
      groupKinds: ['staff'],
      minMembers: 200,
      count: 'staff',
      minUnits: 1,
    },
    R4: { kind: 'women_group', groupKinds: ['women_staff'], minGroups: 1, memberGenders: ['F'] },
    R5: {
      kind: 'unit',
      unitType: 'division',
      groupKinds: ['division_staff', 'staff'],
      minMembers: null,
      count: 'all',
      minUnits: 0,
    },
    R6: { kind: 'staff_coverage', groupKinds: ALL_KINDS, minPercent: 100 },
    R7: { kind: 'group_cap', groupKinds: ALL_KINDS, cap: 1024, warnPercent: 90 },
  },
  staffGroupKinds: ['staff', 'women_staff', 'division_staff'],
  stateTargets: { members: 200_000, thanasCompliantPercent: 100, silentAfterDays: 30 },
} satisfies Policy);

/** Validates a policy document from any source (a stored row, an imported file). */
export function parsePolicy(document: unknown, where = 'policy'): Policy {
  const r = policySchema.safeParse(document);
  if (!r.success) {
    throw reasonError(
      'BAD_INPUT',
      'policy_invalid',
      `The ${where} is not a valid Samooh policy: ` +
        r.error.issues
          .slice(0, 5)
          .map((i) => `${i.path.join('.') || 'document'}: ${i.message}`)
          .join('; '),
      {},
      { issues: r.error.issues },
    );
  }
  return r.data;
}

/** The unit rule (if any) that applies to units of `type`. */
export function unitRuleFor(policy: Policy, type: UnitType): { id: UnitRuleId; rule: UnitRule } | undefined {
  for (const id of UNIT_RULE_IDS) if (policy.rules[id].unitType === type) return { id, rule: policy.rules[id] };
  return undefined;
}

/** What a unit of `type` needs under `policy`: its rule, the group kinds that count, the threshold. */
export interface UnitNeeds {
  rule: UnitRuleId;
  groupKinds: readonly GroupKind[];
  /** Active members its best qualifying group needs; null = any qualifying group will do. */
  minMembers: number | null;
  /** 'staff': only staff members count (R3); 'all': citizens and staff. */
  count: 'all' | 'staff';
}

export function unitNeeds(policy: Policy, type: UnitType): UnitNeeds | null {
  const r = unitRuleFor(policy, type);
  return r ? { rule: r.id, groupKinds: r.rule.groupKinds, minMembers: r.rule.minMembers, count: r.rule.count } : null;
}

export const RULE_IDS = ['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7'] as const;
export type RuleId = (typeof RULE_IDS)[number];

/** Who is being entered into a group: a citizen, or a staff member of some gender. */
export type Entrant = { type: 'citizen' } | { type: 'staff'; gender: 'F' | 'M' | 'X' };

/**
 * The rule an entry breaks, if any (issue #11): a man (or a citizen) in the women's group breaks
 * R4; a citizen in a staff group breaks the rule that counts that group's staff (R3 for the
 * district centre's staff group, R5 for a division's). The register still records the entry
 * once the clerk confirms: it says what is true on WhatsApp, and the dashboard lists it.
 */
export function ruleBrokenByEntry(policy: Policy, kind: GroupKind, who: Entrant): RuleId | null {
  const r = policy.rules;
  if (r.R4.groupKinds.includes(kind)) {
    if (who.type === 'citizen' || !(r.R4.memberGenders as readonly string[]).includes(who.gender)) return 'R4';
    return null;
  }
  if (who.type !== 'citizen') return null;
  if (r.R3.groupKinds.includes(kind) && r.R3.count === 'staff') return 'R3';
  if (r.R5.groupKinds.includes(kind)) return 'R5';
  if (policy.staffGroupKinds.includes(kind)) return 'R3';
  return null;
}
