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
  /**
   * Units of a type no rule covers (`other`) are `compliant`: nothing is required of them.
   * A division unit (R5, no threshold) is `compliant` with a qualifying group, else `missing`.
   */
  status: UnitStatus;
  /** The policy rule that applies to this unit's type, or null (type `other`). */
  rule: RuleId | null;
  /**
   * Active members of the unit's best qualifying group (0 when none). Counted as the rule
   * counts: citizens and staff, or staff only (R3: "≥ N active staff members").
   */
  members: number;
  /** The threshold; null for unit types without one (division, other). */
  required: number | null;
  shortfall: number;
  /** Codes of the unit's active groups that qualify for its rule (all active groups for `other`), best first. */
  groups: string[];
  /** Split of the best group's members. */
  split: { eminent: number; public: number; staff: number };
  /** Code of the best qualifying group, null when there is none. */
  bestGroup: string | null;
}

export interface RankGenderCount {
  rank: string; // rank code
  gender: 'F' | 'M' | 'X';
  n: number;
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
  /** Only active groups of the kinds R7 covers are ever 'warn' or 'over'. */
  capStatus: 'ok' | 'warn' | 'over';
  /** For staff groups (staff, women_staff, division_staff): active staff members by rank (in rank order) and gender. */
  staffByRankGender?: RankGenderCount[];
}

export interface RuleResult {
  id: RuleId;
  passed: boolean;
  /**
   * R1–R3, R5: units not compliant (+1 when the register lacks a unit the rule requires);
   * R4: members who are not women staff (+1 when the district has too few women's groups);
   * R6: uncovered staff (0 when the policy's percentage is met); R7: groups over the cap.
   */
  failures: number;
  /**
   * What failed: unit codes (R1–R3, R5), service numbers of non-women staff and
   * `citizen:<person id>@<group code>` for citizens in a women's group (R4), service numbers (R6),
   * group codes (R7).
   */
  items?: string[];
  warnings?: number;
  /** R7: codes of groups at or above the warning share of the cap. */
  warningItems?: string[];
  /** One English sentence for people (the renderer may build its own from the figures). */
  message: string;
  /** Rule-specific numbers (thresholds used, counts behind the verdict). */
  figures?: Record<string, number>;
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
  /** compliant ÷ units as a percentage 0–100 (one decimal); 0 for a register without units. */
  percentCompliant: number;
  /** Units of a type no rule covers (counted as compliant). */
  unitsWithoutRule: number;
  activeGroups: number;
  closedGroups: number;
  /** Distinct citizens with an active membership of an active group. */
  citizens: number;
  /** Active memberships (citizens and staff) of active groups. */
  memberships: number;
  staffTotal: number;
  staffCovered: number;
  womenStaffTotal: number;
  womenStaffInWomenGroup: number;
  /** Women staff in some active group (R6 coverage for women staff). */
  womenStaffCovered: number;
  /** Service numbers of staff in no active group (R6), sorted. */
  uncoveredStaff: string[];
}

export interface ComplianceReport {
  schemaVersion: 1;
  policyVersion: number;
  policyTitle: { en: string; hi: string };
  district: { code: string; name: string; nameHi?: string | null };
  generatedAt: string;
  units: UnitCompliance[];
  groups: GroupFigures[];
  rules: RuleResult[];
  summary: ComplianceSummary;
  staffByRankGender: StaffBreakdownRow[];
}
