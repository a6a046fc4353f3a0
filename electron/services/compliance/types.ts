// The compliance report's shape: what `samooh compliance --json` prints and what a bundle's
// data/summary.json carries (SPEC §9, schemaVersion 1). Extra fields are allowed; these are
// the contract HQ relies on. Keep in step with the JSON Schema shipped in bundles.
import type { GroupKind, UnitType } from '../../../db/schema.js';

export type UnitStatus = 'compliant' | 'short' | 'missing';
export type RuleId = 'R1' | 'R2' | 'R3' | 'R4' | 'R5' | 'R6' | 'R7';

export interface UnitCompliance {
  code: string;
  name: string;
  nameHi: string | null;
  type: UnitType;
  parentCode: string | null;
  division: string | null;
  status: UnitStatus;
  /** Active members of the unit's best qualifying group (0 when none). */
  members: number;
  /** The threshold; null for unit types without one (division, other). */
  required: number | null;
  shortfall: number;
  /** Codes of the unit's active groups that qualify for its rule. */
  groups: string[];
  /** Split of the best group's members. */
  split: { eminent: number; public: number; staff: number };
}

export interface GroupFigures {
  code: string;
  unitCode: string;
  kind: GroupKind;
  name: string;
  status: 'active' | 'closed';
  members: number;
  eminent: number;
  public: number;
  staff: number;
  /** Share of the WhatsApp cap in use (R7), 0–1+. */
  capShare: number;
  capStatus: 'ok' | 'warn' | 'over';
}

export interface RuleResult {
  id: RuleId;
  passed: boolean;
  failures: number;
  /** What failed: unit codes (R1–R5), service numbers (R4 non-women, R6), group codes (R7). */
  items?: string[];
  warnings?: number;
}

export interface StaffBreakdownRow {
  rank: string; // rank code
  rankEn: string;
  rankHi: string;
  gender: 'F' | 'M' | 'X';
  total: number;
  covered: number;
}

export interface ComplianceSummary {
  units: number;
  compliant: number;
  short: number;
  missing: number;
  /** Units with a threshold that are compliant, as a percentage 0–100 (one decimal). */
  percentCompliant: number;
  citizens: number;
  memberships: number;
  staffTotal: number;
  staffCovered: number;
  womenStaffTotal: number;
  womenStaffInWomenGroup: number;
  uncoveredStaff: string[];
}

export interface ComplianceReport {
  schemaVersion: 1;
  policyVersion: number;
  district: { code: string; name: string; nameHi?: string | null };
  generatedAt: string;
  units: UnitCompliance[];
  groups: GroupFigures[];
  rules: RuleResult[];
  summary: ComplianceSummary;
  staffByRankGender: StaffBreakdownRow[];
}
