// Figures the dashboard derives from the compliance report (pure functions, unit-tested).
import type {
  ComplianceReport,
  StaffBreakdownRow,
  UnitCompliance,
  UnitStatus,
} from '../../../electron/services/compliance/types.js';
import type { UnitType } from '../../../electron/contract/domain.js';

export type StatusCounts = Record<UnitStatus, number> & { total: number };

/** Units by type and status, in the order types are listed everywhere. Types with no unit are left out. */
export function unitsByTypeAndStatus(units: readonly UnitCompliance[]): { type: UnitType; counts: StatusCounts }[] {
  const order: UnitType[] = ['thana', 'op', 'district_centre', 'division', 'other'];
  const map = new Map<UnitType, StatusCounts>();
  for (const u of units) {
    const c = map.get(u.type) ?? { compliant: 0, short: 0, missing: 0, total: 0 };
    c[u.status]++;
    c.total++;
    map.set(u.type, c);
  }
  return order.filter((t) => map.has(t)).map((type) => ({ type, counts: map.get(type)! }));
}

/** The threshold of a unit type as the report applies it (from any unit of that type). */
export function thresholdOf(units: readonly UnitCompliance[], type: UnitType): number | null {
  return units.find((u) => u.type === type && u.required !== null)?.required ?? null;
}

/** Short and missing units with a rule, the biggest gap first (missing before short). */
export function unitsNeedingAttention(units: readonly UnitCompliance[]): UnitCompliance[] {
  return units
    .filter((u) => u.status !== 'compliant')
    .sort((a, b) => {
      if (a.status !== b.status) return a.status === 'missing' ? -1 : 1;
      if (b.shortfall !== a.shortfall) return b.shortfall - a.shortfall;
      return a.code.localeCompare(b.code);
    });
}

export interface RankCoverage {
  rank: string;
  rankEn: string;
  rankHi: string;
  total: number;
  covered: number;
  uncovered: number;
}

/** Staff per rank (all genders, or women only), keeping the report's rank order. */
export function coverageByRank(rows: readonly StaffBreakdownRow[], womenOnly: boolean): RankCoverage[] {
  const out = new Map<string, RankCoverage>();
  for (const r of rows) {
    if (womenOnly && r.gender !== 'F') continue;
    const c = out.get(r.rank) ?? {
      rank: r.rank,
      rankEn: r.rankEn,
      rankHi: r.rankHi,
      total: 0,
      covered: 0,
      uncovered: 0,
    };
    c.total += r.total;
    c.covered += r.covered;
    c.uncovered = c.total - c.covered;
    out.set(r.rank, c);
  }
  return [...out.values()].filter((c) => c.total > 0);
}

/** R4 at a glance: is there an active women staff group, and how many women staff are in it. */
export function womenGroupStatus(report: ComplianceReport): {
  hasGroup: boolean;
  passed: boolean;
  inGroup: number;
  total: number;
} {
  return {
    hasGroup: report.groups.some((g) => g.kind === 'women_staff' && g.status === 'active'),
    passed: report.rules.find((r) => r.id === 'R4')?.passed ?? false,
    inGroup: report.summary.womenStaffInWomenGroup,
    total: report.summary.womenStaffTotal,
  };
}
