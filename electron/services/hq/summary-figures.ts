// What HQ keeps of a district's data/summary.json (already checked against its schema by the
// verifier): the summary block's figures as columns the state report sums, the block itself, and
// the units that are not compliant (the drill-down's "short units").
import type { HqBundlesTable } from '../../../db/hq/schema.js';
import type { ComplianceReport } from '../compliance/types.js';

export interface ShortUnit {
  code: string;
  name: string;
  nameHi: string | null;
  type: string;
  status: 'short' | 'missing';
  members: number;
  required: number | null;
  shortfall: number;
}

/** The figures columns of an HQ bundle row: declared once, in the HQ schema. */
type FigureColumns = Pick<
  HqBundlesTable,
  | 'units'
  | 'compliant'
  | 'short'
  | 'missing'
  | 'citizens'
  | 'memberships'
  | 'staffTotal'
  | 'staffCovered'
  | 'womenStaffTotal'
  | 'womenStaffInWomenGroup'
  | 'thanas'
  | 'thanasCompliant'
  | 'womenGroups'
  | 'summary'
  | 'shortUnits'
>;

export interface SummaryFigures {
  generatedAt: string;
  policyVersion: number;
  columns: FigureColumns;
}

/** Units not compliant kept per bundle; the rest are counted, not listed. */
const MAX_SHORT_UNITS = 2_000;

export function summaryFigures(value: unknown): SummaryFigures {
  const r = value as ComplianceReport;
  const s = r.summary;
  const thanas = r.units.filter((u) => u.type === 'thana');
  const womenRule = r.rules.find((x) => x.id === 'R4');
  const short: ShortUnit[] = r.units
    .filter((u) => u.status !== 'compliant')
    .slice(0, MAX_SHORT_UNITS)
    .map((u) => ({
      code: u.code,
      name: u.name,
      nameHi: u.nameHi ?? null,
      type: u.type,
      status: u.status as 'short' | 'missing',
      members: u.members,
      required: u.required,
      shortfall: u.shortfall,
    }));
  return {
    generatedAt: r.generatedAt,
    policyVersion: r.policyVersion,
    columns: {
      units: s.units,
      compliant: s.compliant,
      short: s.short,
      missing: s.missing,
      citizens: s.citizens,
      memberships: s.memberships,
      staffTotal: s.staffTotal,
      staffCovered: s.staffCovered,
      womenStaffTotal: s.womenStaffTotal,
      womenStaffInWomenGroup: s.womenStaffInWomenGroup,
      thanas: thanas.length,
      thanasCompliant: thanas.filter((u) => u.status === 'compliant').length,
      womenGroups: womenRule?.passed ? 1 : 0,
      summary: JSON.stringify(s),
      shortUnits: JSON.stringify(short),
    },
  };
}
