// Who breaks which rule, by name, for the dashboard (issue #11): the compliance report says how
// many fail each rule; this says who, with what the clerk needs to put each right. Lists are
// bounded (the first `limit` of each rule, with the total), so a state-size register stays light.
import { genderViolations, uncoveredStaff } from '../../../db/compliance.js';
import type { RegisterDb } from '../../../db/register-db.js';
import { membershipsWho } from '../../../db/rule-breakers.js';
import type { Gender } from '../../../db/schema.js';
import { activePolicy } from './policy.js';
import { computeCompliance } from './compliance.js';

export type RuleBreaker =
  | {
      kind: 'unit';
      code: string;
      name: string;
      nameHi: string | null;
      status: 'short' | 'missing';
      members: number;
      required: number | null;
      shortfall: number;
    }
  | {
      kind: 'member';
      membershipId: number;
      groupCode: string;
      groupName: string;
      unitCode: string;
      personId: number | null;
      serviceNo: string | null;
      name: string;
      gender: Gender | null;
    }
  | { kind: 'noGroup'; groupKinds: string[] }
  /** The register has fewer units of the type than the rule needs (none, usually). */
  | { kind: 'noUnit'; unitType: string; lacking: number }
  | { kind: 'staff'; serviceNo: string; name: string; unitCode: string; gender: Gender }
  | { kind: 'group'; code: string; name: string; unitCode: string; members: number; cap: number };

export interface RuleBreakers {
  id: 'R1' | 'R2' | 'R3' | 'R4' | 'R5' | 'R6' | 'R7';
  total: number;
  items: RuleBreaker[];
}

export function ruleBreakers(db: RegisterDb, opts: { now: Date; limit: number }): RuleBreakers[] {
  const report = computeCompliance(db, { now: opts.now });
  const policy = activePolicy(db, { now: opts.now });
  const out: RuleBreakers[] = [];
  for (const rule of report.rules) {
    if (rule.passed) continue;
    const id = rule.id as RuleBreakers['id'];
    let items: RuleBreaker[] = [];
    let total = rule.failures;
    if (id === 'R1' || id === 'R2' || id === 'R3' || id === 'R5') {
      const failing = report.units.filter((u) => u.rule === id && u.status !== 'compliant');
      // The same count as the rule's (units failing + units lacking), so the dashboard agrees.
      const lacking = rule.failures - failing.length;
      total = rule.failures;
      if (lacking > 0) items.push({ kind: 'noUnit', unitType: policy.rules[id].unitType, lacking });
      const units: RuleBreaker[] = failing.slice(0, opts.limit).map((u) => ({
        kind: 'unit',
        code: u.code,
        name: u.name,
        nameHi: u.nameHi,
        status: u.status as 'short' | 'missing',
        members: u.members,
        required: u.required,
        shortfall: u.shortfall,
      }));
      items.push(...units);
    } else if (id === 'R4') {
      const r4 = policy.rules.R4;
      const violations = genderViolations(db, r4.groupKinds, r4.memberGenders as Gender[]);
      const groups = report.groups.filter((g) => g.status === 'active' && r4.groupKinds.includes(g.kind)).length;
      if (groups < r4.minGroups) items.push({ kind: 'noGroup', groupKinds: [...r4.groupKinds] });
      total = violations.length + items.length;
      const ids = violations.slice(0, opts.limit).map((v) => v.membershipId);
      items.push(...membershipsWho(db, ids).map((m) => ({ kind: 'member' as const, ...m })));
    } else if (id === 'R6') {
      const rows = uncoveredStaff(db, policy.rules.R6.groupKinds);
      total = rows.length;
      items = rows
        .slice(0, opts.limit)
        .map((s) => ({ kind: 'staff', serviceNo: s.serviceNo, name: s.name, unitCode: s.unitCode, gender: s.gender }));
    } else if (id === 'R7') {
      const cap = policy.rules.R7.cap;
      const over = report.groups.filter((g) => g.capStatus === 'over');
      total = over.length;
      items = over
        .slice(0, opts.limit)
        .map((g) => ({ kind: 'group', code: g.code, name: g.name, unitCode: g.unitCode, members: g.members, cap }));
    }
    out.push({ id, total, items });
  }
  return out;
}
