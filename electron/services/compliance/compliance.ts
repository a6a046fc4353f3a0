// The compliance engine (SPEC §4, §9): the rules R1–R7 of the active policy applied to the
// register. SQLite does the counting (db/compliance.ts: a handful of aggregate queries over the
// per-group count tables and the membership indexes); this module joins a few thousand aggregate
// rows into the report that the CLI prints, the dashboard shows and the bundle signs.
//
// Definitions used throughout:
// - A group's *members* are its distinct active members, citizens and staff. The schema allows
//   one active membership per member and group, so counting active rows counts distinct members.
// - Only *active* groups count for rules, coverage and summary totals; closed groups still get
//   their figures in `groups` (for history) but never qualify and never trip R7.
// - A unit's *best* group is its qualifying group with the most counted members (ties: more
//   members in total, then the smaller code), so a thana with a 240-member and an 80-member group
//   is compliant and its report names the 240-member group.
import { changeStamp } from '../../../db/change-stamp.js';
import type { RegisterDb } from '../../../db/register-db.js';
import {
  activeCitizenCount,
  complianceGroups,
  complianceUnits,
  genderViolations,
  groupCitizenCounts,
  groupStaffByRankGender,
  staffOfGendersInKinds,
  staffTotals,
  uncoveredStaff,
  type ComplianceGroupRow,
} from '../../../db/compliance.js';
import { getSetting } from '../../../db/settings.js';
import type { Gender, GroupKind } from '../../../db/schema.js';
import { unitRuleFor, UNIT_RULE_IDS, type Policy, type UnitRule, type UnitRuleId } from '../../contract/policy.js';
import { activePolicy } from './policy.js';
import type {
  ComplianceReport,
  GroupFigures,
  RankGenderCount,
  RuleResult,
  StaffBreakdownRow,
  UnitCompliance,
} from './types.js';

const GENDER_ORDER: Record<Gender, number> = { F: 0, M: 1, X: 2 };

interface GroupStats extends ComplianceGroupRow {
  citizens: number;
  eminent: number;
  staff: number;
  members: number;
}

export interface ComplianceOptions {
  /** The report's timestamp (tests pin it). */
  now?: Date;
}

const reportCache = new WeakMap<RegisterDb, { stamp: string; report: ComplianceReport }>();

/**
 * The compliance report. Computing it takes tens of milliseconds at state size (the bench's
 * "computed from scratch" row); the dashboard, the bundle preview and the bundle itself ask for
 * it again and again while nothing changes, so the last report is kept per connection and
 * reused until the register's change stamp moves (db/change-stamp.ts). Callers get their own copy.
 */
export function computeCompliance(db: RegisterDb, opts: ComplianceOptions = {}): ComplianceReport {
  const now = opts.now ?? new Date();
  const stamp = changeStamp(db);
  const hit = reportCache.get(db);
  if (hit && hit.stamp === stamp) return { ...structuredClone(hit.report), generatedAt: now.toISOString() };
  const report = computeComplianceUncached(db, { ...opts, now });
  // Seeding the built-in policy on first use is itself a change: stamp after computing.
  reportCache.set(db, { stamp: changeStamp(db), report: structuredClone(report) });
  return report;
}

/** The report computed from scratch (benchmarks measure this; the app goes through the cache). */
export function computeComplianceUncached(db: RegisterDb, opts: ComplianceOptions = {}): ComplianceReport {
  const now = opts.now ?? new Date();
  const policy = activePolicy(db, { now });
  const district = getSetting(db, 'district');

  const units = complianceUnits(db);
  const unitCodeById = new Map(units.map((u) => [u.id, u.code]));
  const totals = staffTotals(db);
  const rankById = new Map(totals.map((t) => [t.rankId, t]));
  const staffRows = groupStaffByRankGender(db);
  const groups = groupStats(db, staffRows);
  const groupsByUnit = new Map<number, GroupStats[]>();
  for (const g of groups) {
    const list = groupsByUnit.get(g.unitId);
    if (list) list.push(g);
    else groupsByUnit.set(g.unitId, [g]);
  }

  // Staff: totals by rank and gender, and who is in no active group (R6).
  const coverageKinds = policy.rules.R6.groupKinds;
  const uncovered = uncoveredStaff(db, coverageKinds);
  const uncoveredByKey = new Map<string, number>();
  for (const s of uncovered) {
    const key = `${s.rankId}:${s.gender}`;
    uncoveredByKey.set(key, (uncoveredByKey.get(key) ?? 0) + 1);
  }
  const staffByRankGender: StaffBreakdownRow[] = totals.map((t) => ({
    rank: t.rankCode,
    rankEn: t.rankEn,
    rankHi: t.rankHi,
    gender: t.gender,
    total: t.total,
    covered: t.total - (uncoveredByKey.get(`${t.rankId}:${t.gender}`) ?? 0),
  }));

  // Per-unit status.
  // A closed unit (migration 7) is kept with its history but has no duties.
  const unitResults: UnitCompliance[] = units
    .filter((u) => u.status === 'active')
    .map((u) => {
      const own = groupsByUnit.get(u.id) ?? [];
      const applicable = unitRuleFor(policy, u.type);
      return unitStatus(u, own, applicable);
    });

  // Per-group figures (all groups, active and closed).
  const staffKinds = policy.staffGroupKinds;
  const splitByGroup = staffSplitByGroup(staffRows, rankById);
  const cap = policy.rules.R7;
  const capKinds = new Set<GroupKind>(cap.groupKinds);
  const warnAt = (cap.cap * cap.warnPercent) / 100;
  const groupFigures: GroupFigures[] = groups.map((g) => {
    const capped = g.status === 'active' && capKinds.has(g.kind);
    const figures: GroupFigures = {
      code: g.code,
      unitCode: unitCodeById.get(g.unitId) ?? '',
      kind: g.kind,
      name: g.name,
      status: g.status,
      members: g.members,
      eminent: g.eminent,
      public: g.citizens - g.eminent,
      staff: g.staff,
      capShare: round(g.members / cap.cap, 4),
      capStatus: !capped ? 'ok' : g.members > cap.cap ? 'over' : g.members >= warnAt ? 'warn' : 'ok',
    };
    if (staffKinds.includes(g.kind)) figures.staffByRankGender = splitByGroup.get(g.id) ?? [];
    return figures;
  });
  groupFigures.sort((a, b) => cmp(a.unitCode, b.unitCode) || cmp(a.code, b.code));

  // Rules.
  const rules: RuleResult[] = [];
  for (const id of UNIT_RULE_IDS) rules.push(unitRuleResult(id, policy.rules[id], unitResults));
  const womenRule = policy.rules.R4;
  const womenGenders = womenRule.memberGenders as Gender[];
  const womenGroups = groups.filter((g) => g.status === 'active' && womenRule.groupKinds.includes(g.kind));
  const violations = genderViolations(db, womenRule.groupKinds, womenGenders);
  rules.push(womenRuleResult(womenRule, womenGroups.length, violations));

  const staffTotal = totals.reduce((n, t) => n + t.total, 0);
  const staffCovered = staffTotal - uncovered.length;
  rules.push(
    coverageRuleResult(
      policy.rules.R6,
      staffTotal,
      staffCovered,
      uncovered.map((s) => s.serviceNo),
    ),
  );

  const capped = groupFigures.filter((g) => g.status === 'active' && capKinds.has(g.kind));
  const over = capped.filter((g) => g.capStatus === 'over').map((g) => g.code);
  const warn = capped.filter((g) => g.capStatus === 'warn').map((g) => g.code);
  rules.push({
    id: 'R7',
    passed: over.length === 0,
    failures: over.length,
    items: over,
    warnings: warn.length,
    warningItems: warn,
    message:
      (over.length === 0
        ? `No group is above the cap of ${fmt(cap.cap)}`
        : `${plural(over.length, 'group is', 'groups are')} above the cap of ${fmt(cap.cap)}`) +
      (warn.length ? `; ${plural(warn.length, 'group is', 'groups are')} at ${cap.warnPercent} % or more of it` : ''),
    figures: {
      cap: cap.cap,
      warnPercent: cap.warnPercent,
      warnAt: Math.ceil(warnAt),
      over: over.length,
      warn: warn.length,
    },
  });

  // Summary.
  const activeGroups = groups.filter((g) => g.status === 'active');
  const count = (s: UnitCompliance['status']) => unitResults.filter((u) => u.status === s).length;
  const compliant = count('compliant');
  const womenStaffTotal = totals.filter((t) => womenGenders.includes(t.gender)).reduce((n, t) => n + t.total, 0);
  const womenUncovered = uncovered.filter((s) => womenGenders.includes(s.gender)).length;

  return {
    schemaVersion: 1,
    policyVersion: policy.version,
    policyTitle: { en: policy.title.en, hi: policy.title.hi },
    district: district
      ? { code: district.code, name: district.name, nameHi: district.nameHi ?? null }
      : { code: '', name: '', nameHi: null },
    generatedAt: now.toISOString(),
    units: unitResults,
    groups: groupFigures,
    rules: sortRules(rules),
    summary: {
      units: unitResults.length,
      compliant,
      short: count('short'),
      missing: count('missing'),
      percentCompliant: unitResults.length ? round((compliant / unitResults.length) * 100, 1) : 0,
      unitsWithoutRule: unitResults.filter((u) => u.rule === null).length,
      activeGroups: activeGroups.length,
      closedGroups: groups.length - activeGroups.length,
      citizens: activeCitizenCount(db),
      memberships: activeGroups.reduce((n, g) => n + g.members, 0),
      staffTotal,
      staffCovered,
      womenStaffTotal,
      womenStaffInWomenGroup: staffOfGendersInKinds(db, womenRule.groupKinds, womenGenders),
      womenStaffCovered: womenStaffTotal - womenUncovered,
      uncoveredStaff: uncovered.map((s) => s.serviceNo),
    },
    staffByRankGender,
  };
}

/** True when every rule passed (R7 warnings do not fail). */
export function isFullyCompliant(report: ComplianceReport): boolean {
  return report.rules.every((r) => r.passed);
}

function groupStats(db: RegisterDb, staffRows: { groupId: number; n: number }[]): GroupStats[] {
  const citizens = new Map(groupCitizenCounts(db).map((r) => [r.groupId, r]));
  const staff = new Map<number, number>();
  for (const r of staffRows) staff.set(r.groupId, (staff.get(r.groupId) ?? 0) + Number(r.n));
  return complianceGroups(db).map((g) => {
    const c = citizens.get(g.id);
    const s = staff.get(g.id) ?? 0;
    const nCitizens = Number(c?.citizens ?? 0);
    return {
      ...g,
      citizens: nCitizens,
      eminent: Number(c?.eminent ?? 0),
      staff: Number(s),
      members: nCitizens + Number(s),
    };
  });
}

function staffSplitByGroup(
  rows: { groupId: number; rankId: number; gender: Gender; n: number }[],
  rankById: Map<number, { rankCode: string; sortOrder: number }>,
): Map<number, RankGenderCount[]> {
  const byGroup = new Map<number, (RankGenderCount & { order: number })[]>();
  for (const r of rows) {
    const rank = rankById.get(r.rankId);
    const entry = { rank: rank?.rankCode ?? String(r.rankId), gender: r.gender, n: r.n, order: rank?.sortOrder ?? 1e9 };
    const list = byGroup.get(r.groupId);
    if (list) list.push(entry);
    else byGroup.set(r.groupId, [entry]);
  }
  const out = new Map<number, RankGenderCount[]>();
  for (const [id, list] of byGroup) {
    list.sort((a, b) => a.order - b.order || GENDER_ORDER[a.gender] - GENDER_ORDER[b.gender]);
    out.set(
      id,
      list.map(({ rank, gender, n }) => ({ rank, gender, n })),
    );
  }
  return out;
}

function unitStatus(
  u: ReturnType<typeof complianceUnits>[number],
  own: GroupStats[],
  applicable: { id: UnitRuleId; rule: UnitRule } | undefined,
): UnitCompliance {
  const active = own.filter((g) => g.status === 'active');
  const base = {
    code: u.code,
    name: u.name,
    nameHi: u.nameHi,
    type: u.type,
    parentCode: u.parentCode,
    division: u.division,
  };
  if (!applicable) {
    // No rule covers this type (`other`): nothing is required, so it is compliant; its largest
    // active group is shown for information.
    const ranked = rankGroups(active, (g) => g.members);
    const best = ranked[0];
    return {
      ...base,
      status: 'compliant',
      rule: null,
      members: best?.members ?? 0,
      required: null,
      shortfall: 0,
      groups: ranked.map((g) => g.code),
      split: splitOf(best),
      bestGroup: best?.code ?? null,
    };
  }
  const { id, rule } = applicable;
  const counted = (g: GroupStats) => (rule.count === 'staff' ? g.staff : g.members);
  const qualifying = rankGroups(
    active.filter((g) => rule.groupKinds.includes(g.kind)),
    counted,
  );
  const best = qualifying[0];
  const members = best ? counted(best) : 0;
  const required = rule.minMembers;
  let status: UnitCompliance['status'];
  if (!best) status = 'missing';
  else if (required === null || members >= required) status = 'compliant';
  else status = 'short';
  return {
    ...base,
    status,
    rule: id,
    members,
    required,
    shortfall: required === null ? 0 : Math.max(0, required - members),
    groups: qualifying.map((g) => g.code),
    split: splitOf(best),
    bestGroup: best?.code ?? null,
  };
}

function rankGroups(list: GroupStats[], counted: (g: GroupStats) => number): GroupStats[] {
  return [...list].sort((a, b) => counted(b) - counted(a) || b.members - a.members || cmp(a.code, b.code));
}

function splitOf(g: GroupStats | undefined): UnitCompliance['split'] {
  return g
    ? { eminent: g.eminent, public: g.citizens - g.eminent, staff: g.staff }
    : { eminent: 0, public: 0, staff: 0 };
}

const TYPE_LABEL: Record<string, [string, string]> = {
  thana: ['thana', 'thanas'],
  op: ['OP', 'OPs'],
  district_centre: ['district centre', 'district centres'],
  division: ['division unit', 'division units'],
  other: ['other unit', 'other units'],
};

function unitRuleResult(id: UnitRuleId, rule: UnitRule, units: UnitCompliance[]): RuleResult {
  const mine = units.filter((u) => u.type === rule.unitType);
  const failing = mine.filter((u) => u.status !== 'compliant');
  const lacking = Math.max(0, rule.minUnits - mine.length);
  const [one, many] = TYPE_LABEL[rule.unitType] ?? [rule.unitType, rule.unitType];
  const short = failing.filter((u) => u.status === 'short').length;
  const missing = failing.length - short;
  const need =
    rule.minMembers === null
      ? `an active ${rule.groupKinds.join('/')} group`
      : `an active ${rule.groupKinds.join('/')} group of ≥ ${fmt(rule.minMembers)} ${rule.count === 'staff' ? 'staff' : 'members'}`;
  let message: string;
  if (lacking > 0)
    message = `The register has no ${one} unit; each district needs ${plural(rule.minUnits, one, many)} with ${need}`;
  else if (failing.length === 0)
    message = mine.length === 1 ? `The ${one} has ${need}` : `All ${plural(mine.length, one, many)} have ${need}`;
  else {
    const parts = [];
    if (short) parts.push(`${short} short`);
    if (missing) parts.push(`${missing} missing`);
    message = `${fmt(failing.length)} of ${plural(mine.length, one, many)} ${failing.length === 1 ? 'lacks' : 'lack'} ${need} (${parts.join(', ')})`;
  }
  return {
    id,
    passed: failing.length === 0 && lacking === 0,
    failures: failing.length + lacking,
    items: failing.map((u) => u.code),
    message,
    figures: {
      units: mine.length,
      compliant: mine.length - failing.length,
      short,
      missing,
      ...(rule.minMembers === null ? {} : { required: rule.minMembers }),
      ...(lacking ? { lackingUnits: lacking } : {}),
    },
  };
}

function womenRuleResult(
  rule: Policy['rules']['R4'],
  groupCount: number,
  violations: ReturnType<typeof genderViolations>,
): RuleResult {
  const tooFew = groupCount < rule.minGroups;
  const citizens = violations.filter((v) => v.personId !== null);
  const staff = violations.filter((v) => v.personId === null);
  const items = violations.map((v) => (v.personId !== null ? `citizen:${v.personId}@${v.groupCode}` : v.serviceNo!));
  const parts: string[] = [];
  if (tooFew) {
    parts.push(
      rule.minGroups === 1
        ? `the district has no active ${rule.groupKinds.join('/')} group`
        : `the district has ${groupCount} active ${rule.groupKinds.join('/')} groups, fewer than ${rule.minGroups}`,
    );
  }
  if (staff.length) parts.push(plural(staff.length, 'staff member is not a woman', 'staff members are not women'));
  if (citizens.length) parts.push(`${plural(citizens.length, 'citizen is a member', 'citizens are members')}`);
  return {
    id: 'R4',
    passed: parts.length === 0,
    failures: (tooFew ? 1 : 0) + violations.length,
    items,
    message: parts.length
      ? `Women's group: ${parts.join('; ')}`
      : `The district has ${plural(groupCount, "women's group", "women's groups")} with only women staff in them`,
    figures: { groups: groupCount, minGroups: rule.minGroups, otherStaff: staff.length, citizens: citizens.length },
  };
}

function coverageRuleResult(
  rule: Policy['rules']['R6'],
  total: number,
  covered: number,
  uncovered: string[],
): RuleResult {
  const percent = total === 0 ? 100 : (covered / total) * 100;
  const passed = percent >= rule.minPercent;
  return {
    id: 'R6',
    passed,
    failures: passed ? 0 : uncovered.length,
    items: passed ? [] : uncovered,
    message:
      total === 0
        ? 'The register has no staff'
        : `${fmt(covered)} of ${fmt(total)} staff (${round(percent, 1)} %) are in an active group` +
          (passed ? '' : `; ${plural(uncovered.length, 'is', 'are')} in none (policy: ${rule.minPercent} %)`),
    figures: { total, covered, uncovered: uncovered.length, percent: round(percent, 1), minPercent: rule.minPercent },
  };
}

function sortRules(rules: RuleResult[]): RuleResult[] {
  return [...rules].sort((a, b) => Number(a.id.slice(1)) - Number(b.id.slice(1)));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

// One formatter for every figure: `toLocaleString('en-IN')` builds a new one on each call.
const INDIAN_DIGIT_GROUPS = new Intl.NumberFormat('en-IN');

function fmt(n: number): string {
  return INDIAN_DIGIT_GROUPS.format(n);
}

function plural(n: number, one: string, many: string): string {
  return `${fmt(n)} ${n === 1 ? one : many}`;
}
