// The payload (data/) of a bundle, built from a compliance report: summary.json and its JSON
// Schema, the CSV figures, the bilingual report, and members.csv only when asked for.
import type { MemberExportRow } from '../../../db/bundles.js';
import type { ComplianceReport } from '../compliance/types.js';
import type { BagFile } from './bagit.js';
import { PAYLOAD } from './bundle-format.js';
import { csvFile, type CsvValue } from './csv.js';
import { renderReportHtml, type ReportMeta } from './report-html.js';
import { summaryJsonSchema } from './summary-schema.js';

export function unitsCsv(report: ComplianceReport): Buffer {
  return csvFile(
    [
      'code',
      'name',
      'name_hi',
      'type',
      'parent_code',
      'division',
      'status',
      'members',
      'required',
      'shortfall',
      'eminent',
      'public',
      'staff',
      'groups',
    ],
    report.units.map((u): CsvValue[] => [
      u.code,
      u.name,
      u.nameHi,
      u.type,
      u.parentCode,
      u.division,
      u.status,
      u.members,
      u.required,
      u.shortfall,
      u.split.eminent,
      u.split.public,
      u.split.staff,
      u.groups.join(';'),
    ]),
  );
}

export function groupsCsv(report: ComplianceReport): Buffer {
  return csvFile(
    ['code', 'unit_code', 'kind', 'name', 'status', 'members', 'eminent', 'public', 'staff', 'cap_share', 'cap_status'],
    report.groups.map((g): CsvValue[] => [
      g.code,
      g.unitCode,
      g.kind,
      g.name,
      g.status,
      g.members,
      g.eminent,
      g.public,
      g.staff,
      Math.round(g.capShare * 10000) / 10000,
      g.capStatus,
    ]),
  );
}

/** Counts only: no names, no service numbers. */
export function staffCoverageCsv(report: ComplianceReport): Buffer {
  return csvFile(
    ['rank', 'rank_en', 'rank_hi', 'gender', 'total', 'covered', 'uncovered', 'covered_percent'],
    report.staffByRankGender.map((r): CsvValue[] => [
      r.rank,
      r.rankEn,
      r.rankHi,
      r.gender,
      r.total,
      r.covered,
      r.total - r.covered,
      r.total > 0 ? Math.round((1000 * r.covered) / r.total) / 10 : null,
    ]),
  );
}

export function membersCsv(rows: readonly MemberExportRow[]): Buffer {
  return csvFile(
    [
      'group_code',
      'unit_code',
      'member_type',
      'name',
      'phone',
      'category',
      'locality',
      'occupation',
      'consent_on',
      'service_no',
      'rank',
      'gender',
      'joined_on',
    ],
    rows.map((m): CsvValue[] => [
      m.groupCode,
      m.unitCode,
      m.staffId !== null ? 'staff' : 'citizen',
      m.name,
      m.phone,
      m.staffId !== null ? 'staff' : m.category,
      m.locality,
      m.occupation,
      m.consentOn,
      m.serviceNo,
      m.rankCode,
      m.gender,
      m.joinedOn,
    ]),
  );
}

export interface PayloadInput {
  report: ComplianceReport;
  meta: ReportMeta;
  /** Present only when the clerk opted in to sending citizens' personal data. */
  members?: readonly MemberExportRow[] | null;
}

export function buildPayload(input: PayloadInput): BagFile[] {
  const { report } = input;
  const files: BagFile[] = [
    { path: PAYLOAD.summary, bytes: Buffer.from(JSON.stringify(report, null, 2) + '\n', 'utf8') },
    { path: PAYLOAD.summarySchema, bytes: Buffer.from(JSON.stringify(summaryJsonSchema(), null, 2) + '\n', 'utf8') },
    { path: PAYLOAD.units, bytes: unitsCsv(report) },
    { path: PAYLOAD.groups, bytes: groupsCsv(report) },
    { path: PAYLOAD.staffCoverage, bytes: staffCoverageCsv(report) },
    { path: PAYLOAD.report, bytes: Buffer.from(renderReportHtml(report, input.meta), 'utf8') },
  ];
  if (input.members) files.push({ path: PAYLOAD.members, bytes: membersCsv(input.members) });
  return files;
}
