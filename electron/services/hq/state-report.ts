// The printable state report as a file (`samooh hq report --pdf/--html`, the dashboard's
// "State report (PDF)"): the figures of hqReport plus each district's short units from its latest
// bundle, rendered by state-report-html.ts and printed through the injected `printToPdf` (the
// district report's machinery: bundle/report-pdf.ts), written whole or not at all.
import type { HqDb } from '../../../db/hq/connection.js';
import { latestBundles } from '../../../db/hq/bundles.js';
import { reasonError } from '../../contract/errors.js';
import type { Actor, Work } from '../actor.js';
import { reportPdf, writeReportFile, type PrintToPdf } from '../bundle/report-pdf.js';
import { hqReport } from './report.js';
import { renderStateReportHtml, type StateReportInput } from './state-report-html.js';
import type { ShortUnit } from './summary-figures.js';

export interface StateReportOptions {
  silentDays?: number;
}

export interface StateReportWritten {
  file: string;
  bytes: number;
  districts: number;
  generatedAt: string;
}

/** The report's figures and each district's short units, read in one go. */
export function stateReportInput(db: HqDb, actor: Pick<Actor, 'now'>, opts: StateReportOptions = {}): StateReportInput {
  const report = hqReport(db, actor, opts.silentDays !== undefined ? { silentDays: opts.silentDays } : {});
  const shortUnits = new Map<string, ShortUnit[]>();
  for (const b of latestBundles(db)) shortUnits.set(b.districtCode, JSON.parse(b.shortUnits) as ShortUnit[]);
  return { report, shortUnits };
}

export function stateReportHtml(db: HqDb, actor: Pick<Actor, 'now'>, opts: StateReportOptions = {}): string {
  return renderStateReportHtml(stateReportInput(db, actor, opts));
}

const step = (work: Partial<Work>, phase: string, done: number) => {
  if (work.signal?.aborted) throw reasonError('CANCELLED', 'cancelled', 'Cancelled.');
  work.progress?.({ phase, done, total: 3 });
};

/** Writes the state report as an A4 PDF (Hindi shaped by the embedded font). */
export async function writeStateReportPdf(
  db: HqDb,
  file: string,
  printToPdf: PrintToPdf,
  work: Pick<Actor, 'now'> & Partial<Work>,
  opts: StateReportOptions = {},
): Promise<StateReportWritten> {
  step(work, 'read', 0);
  const input = stateReportInput(db, work, opts);
  step(work, 'render', 1);
  const pdf = await reportPdf(renderStateReportHtml(input), printToPdf);
  step(work, 'write', 2);
  const w = writeReportFile(file, pdf);
  work.progress?.({ phase: 'write', done: 3, total: 3 });
  return { ...w, districts: input.report.districts.length, generatedAt: input.report.generatedAt };
}

/** The same report as one self-contained HTML file (opens in any browser, prints to A4). */
export function writeStateReportHtml(
  db: HqDb,
  file: string,
  actor: Pick<Actor, 'now'>,
  opts: StateReportOptions = {},
): StateReportWritten {
  const input = stateReportInput(db, actor, opts);
  const w = writeReportFile(file, renderStateReportHtml(input));
  return { ...w, districts: input.report.districts.length, generatedAt: input.report.generatedAt };
}
