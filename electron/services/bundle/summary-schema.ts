// The contract of data/summary.json (SPEC §9, schemaVersion 1), written once as a zod schema.
// From it come both the JSON Schema file shipped in every bundle (data/summary.schema.json,
// for HQ tools we did not write) and the check our own verifier runs. Objects are open
// (extra fields allowed): HQ relies on these fields, newer districts may add more.
import { z } from 'zod';
import type { ComplianceReport } from '../compliance/types.js';

const count = z.number().int().min(0);
const code = z.string().min(1).max(64);
const unitType = z.enum(['thana', 'op', 'district_centre', 'division', 'other']);
const groupKind = z.enum(['public', 'cyber_senani', 'staff', 'women_staff', 'division_staff']);

const unit = z
  .object({
    code,
    name: z.string(),
    nameHi: z.string().nullable(),
    type: unitType,
    parentCode: z.string().nullable(),
    division: z.string().nullable(),
    status: z.enum(['compliant', 'short', 'missing']),
    rule: z.enum(['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7']).nullable(),
    members: count,
    required: count.nullable(),
    shortfall: count,
    groups: z.array(code),
    split: z.object({ eminent: count, public: count, staff: count }).loose(),
    bestGroup: code.nullable(),
  })
  .loose();

const group = z
  .object({
    code,
    unitCode: code,
    kind: groupKind,
    name: z.string(),
    status: z.enum(['active', 'closed']),
    members: count,
    eminent: count,
    public: count,
    staff: count,
    capShare: z.number().min(0),
    capStatus: z.enum(['ok', 'warn', 'over']),
  })
  .loose();

const rule = z
  .object({
    id: z.enum(['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7']),
    passed: z.boolean(),
    failures: count,
    items: z.array(z.string()).optional(),
    warnings: count.optional(),
    message: z.string(),
  })
  .loose();

const summary = z
  .object({
    units: count,
    compliant: count,
    short: count,
    missing: count,
    percentCompliant: z.number().min(0).max(100),
    unitsWithoutRule: count,
    activeGroups: count,
    closedGroups: count,
    citizens: count,
    memberships: count,
    staffTotal: count,
    staffCovered: count,
    womenStaffTotal: count,
    womenStaffInWomenGroup: count,
    womenStaffCovered: count,
    uncoveredStaff: z.array(z.string()),
  })
  .loose();

const staffRow = z
  .object({
    rank: z.string(),
    rankEn: z.string(),
    rankHi: z.string(),
    gender: z.enum(['F', 'M', 'X']),
    total: count,
    covered: count,
  })
  .loose();

export const summarySchema = z
  .object({
    schemaVersion: z.literal(1),
    policyVersion: z.number().int().min(1),
    policyTitle: z.object({ en: z.string(), hi: z.string() }).loose(),
    district: z.object({ code, name: z.string(), nameHi: z.string().nullable().optional() }).loose(),
    generatedAt: z.iso.datetime({ offset: true }),
    units: z.array(unit),
    groups: z.array(group),
    rules: z.array(rule),
    summary,
    staffByRankGender: z.array(staffRow),
  })
  .loose();

// Every ComplianceReport the compliance service produces must satisfy the shipped schema
// (compared without the open objects' index signatures, which interfaces do not have).
type Known<T> = T extends readonly (infer U)[]
  ? Known<U>[]
  : T extends object
    ? { [K in keyof T as string extends K ? never : K]: Known<T[K]> }
    : T;
type AssertAssignable<T extends U, U> = T;
export type _ReportMatchesSchema = AssertAssignable<Known<ComplianceReport>, Known<z.input<typeof summarySchema>>>;

export const SUMMARY_SCHEMA_ID = 'https://samooh.invalid/schemas/summary-v1.schema.json';

/** The JSON Schema (draft 2020-12) of summary.json, as shipped in bundles. */
export function summaryJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(summarySchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  return {
    $schema: generated.$schema,
    $id: SUMMARY_SCHEMA_ID,
    title: 'Samooh district compliance summary (schemaVersion 1)',
    description:
      'data/summary.json of a Samooh compliance bundle (SPEC §9). Counts, not personal data; uncoveredStaff lists service numbers.',
    ...Object.fromEntries(Object.entries(generated).filter(([k]) => k !== '$schema')),
  };
}

export function checkSummary(value: unknown): { ok: true } | { ok: false; issues: string[] } {
  const r = summarySchema.safeParse(value);
  if (r.success) return { ok: true };
  return { ok: false, issues: r.error.issues.slice(0, 20).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`) };
}
