// Import of a register workbook (SPEC §5): read → validate → (preview | commit).
//
// Phases and where the time goes: reading and row validation are async and yield to the event
// loop every few thousand rows, so progress events flow and a cancel (ctx.signal) is seen between
// batches. Planning (references, duplicates, diff against the register) and writing are
// synchronous and run inside ONE SQLite transaction together with the audit entry: the plan is
// computed against exactly the state it changes, and a failure or cancellation at any batch
// rolls back everything (nothing half-written). Writing 2,60,000 members takes about a second,
// during which cancellation is checked between batches of 5,000 rows.
import path from 'node:path';
import { appendAudit } from '../../../db/audit.js';
import type { RegisterDb } from '../../../db/register-db.js';
import { transaction } from '../../../db/exec.js';
import { listRanks, rankMatcher } from '../../../db/ranks.js';
import { applyImportWrites, countWrites, loadRegisterSnapshot } from '../../../db/register-import.js';
import { getSetting } from '../../../db/settings.js';
import type { Progress } from '../../contract/progress.js';
import { reasonError } from '../../contract/errors.js';
import type { RawSheet, RawSource } from '../../contract/values/cells.js';
import { sheetByColumns, sheetForName } from './headers.js';
import { planImport, type Plan } from './import-plan.js';
import { parseSheet, type ParsedSheet } from './sheet-rows.js';
import { readSource } from './source.js';
import {
  SHEETS,
  type ImportReport,
  type RowCounts,
  type RowIssue,
  type SheetName,
  type SheetReport,
  type WorkbookMapping,
} from './types.js';

export interface ImportOptions {
  file: string;
  mapping?: WorkbookMapping;
  strict?: boolean;
  /** Preview only: validate and report, write nothing. */
  dryRun: boolean;
  /** Refuse to commit if the file is no longer the one the clerk previewed. */
  expectSha256?: string;
}

export interface ImportContext {
  operator: string;
  progress: (p: Progress) => void;
  signal: AbortSignal;
  now: () => Date;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

function checkCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw reasonError('CANCELLED', 'cancelled', 'The import was cancelled; nothing was written.');
}

/** The calendar day of `d` on this PC (dates in the register are local days in India). */
export function localDay(d: Date): string {
  const y = d.getFullYear();
  const m = String(d.getMonth() + 1).padStart(2, '0');
  const day = String(d.getDate()).padStart(2, '0');
  return `${y}-${m}-${day}`;
}

interface Assigned {
  sheets: Partial<Record<SheetName, RawSheet>>;
  ignored: { source: string; reason: string }[];
  review: RowIssue[];
}

/** Which raw sheet is which register sheet: by name first, then by its columns. */
function assignSheets(src: RawSource): Assigned {
  const sheets: Assigned['sheets'] = {};
  const ignored: Assigned['ignored'] = [...src.skipped];
  const review: RowIssue[] = [];
  const rest: RawSheet[] = [];
  for (const raw of src.sheets) {
    const s = sheetForName(raw.source);
    if (!s) rest.push(raw);
    else if (sheets[s])
      ignored.push({ source: raw.source, reason: `a second ${s} sheet ("${sheets[s]!.source}" was read)` });
    else sheets[s] = raw;
  }
  for (const raw of rest) {
    const s = raw.rows.length > 0 ? sheetByColumns(raw.rows) : undefined;
    if (s && !sheets[s]) {
      sheets[s] = raw;
      review.push({
        sheet: s,
        row: 0,
        column: null,
        value: raw.source,
        reason: {
          code: 'SHEET_BY_COLUMNS',
          message: `"${raw.source}" was read as the ${s} sheet because of its columns`,
          params: { source: raw.source, sheet: s },
        },
      });
    } else if (raw.rows.length === 0) {
      ignored.push({ source: raw.source, reason: 'empty' });
    } else {
      ignored.push({
        source: raw.source,
        reason: 'not a register sheet: name it units, groups, staff or members (or इकाई, समूह, कर्मी, सदस्य)',
      });
    }
  }
  return { sheets, ignored, review };
}

const emptyCounts = (): RowCounts => ({ rows: 0, new: 0, updated: 0, unchanged: 0, duplicate: 0, rejected: 0 });

export async function runImport(db: RegisterDb, opts: ImportOptions, ctx: ImportContext): Promise<ImportReport> {
  const strict = opts.strict ?? false;
  const t0 = performance.now();
  ctx.progress({ phase: 'read', done: 0, total: 1 });
  checkCancelled(ctx.signal);
  const src = await readSource(opts.file, opts.expectSha256);
  checkCancelled(ctx.signal);
  const assigned = assignSheets(src);
  const found = SHEETS.filter((s) => assigned.sheets[s]);
  if (found.length === 0) {
    const found = src.sheets.map((s) => s.source).join(', ');
    throw reasonError(
      'BAD_FILE',
      'import_no_sheets',
      `${path.basename(src.path)} has no register sheets. Expected sheets (or CSV files) named units, groups, staff, members; found: ${
        found || 'nothing'
      }.`,
      { file: path.basename(src.path), found: found || '—' },
      { file: src.path, ignored: assigned.ignored },
    );
  }
  ctx.progress({ phase: 'read', done: 1, total: 1 });
  const tRead = performance.now();

  // Row validation (no register writes; reads only the rank list and remembered mappings).
  const matchRank = rankMatcher(listRanks(db));
  const ranksSeen = new Map<string, ReturnType<typeof matchRank>>();
  const rankOf = (text: string) => {
    if (!ranksSeen.has(text)) ranksSeen.set(text, matchRank(text));
    return ranksSeen.get(text);
  };
  const remembered = getSetting(db, 'importMappings') ?? {};
  const today = localDay(ctx.now());
  const total = found.reduce((n, s) => n + assigned.sheets[s]!.rows.length, 0);
  let base = 0;
  const parsed: { [S in SheetName]?: ParsedSheet<S> } = {};
  for (const s of found) {
    const raw = assigned.sheets[s]!;
    const p = await parseSheet(s, raw, {
      today,
      rankOf,
      mapping: opts.mapping?.[s],
      remembered: (key) => remembered[key],
      tick: async (done) => {
        checkCancelled(ctx.signal);
        ctx.progress({ phase: 'validate', done: Math.min(total, base + done), total });
        await yieldToEventLoop();
        checkCancelled(ctx.signal);
      },
    });
    (parsed as Record<SheetName, ParsedSheet>)[s] = p;
    base += raw.rows.length;
  }
  ctx.progress({ phase: 'validate', done: total, total });

  const build = (plan: Plan, committed: boolean, t: { validateEnd: number; writeEnd: number }): ImportReport =>
    report(
      src,
      assigned,
      parsed,
      plan,
      { dryRun: opts.dryRun, strict, committed },
      {
        readMs: tRead - t0,
        validateMs: t.validateEnd - tRead,
        writeMs: t.writeEnd - t.validateEnd,
      },
    );

  if (opts.dryRun) {
    const plan = planImport({ ...parsed, snapshot: loadRegisterSnapshot(db) });
    const t = performance.now();
    return build(plan, false, { validateEnd: t, writeEnd: t });
  }

  checkCancelled(ctx.signal);
  let result: ImportReport | undefined;
  transaction(db, () => {
    const plan = planImport({ ...parsed, snapshot: loadRegisterSnapshot(db) });
    const validateEnd = performance.now();
    const preview = build(plan, false, { validateEnd, writeEnd: validateEnd });
    if (strict && preview.totals.rejected > 0) {
      throw reasonError(
        'IMPORT_REJECTED',
        'import_strict_rejected',
        `Strict mode: ${preview.totals.rejected} row(s) of ${path.basename(src.path)} were rejected, so nothing was imported.`,
        { rejected: preview.totals.rejected, file: path.basename(src.path) },
        preview as unknown as Record<string, unknown>,
      );
    }
    const writeTotal = countWrites(plan.writes);
    ctx.progress({ phase: 'write', done: 0, total: writeTotal });
    applyImportWrites(db, plan.writes, ctx.now().toISOString(), (done, all) => {
      checkCancelled(ctx.signal);
      ctx.progress({ phase: 'write', done, total: all });
    });
    checkCancelled(ctx.signal);
    result = build(plan, true, { validateEnd, writeEnd: performance.now() });
    appendAudit(
      db,
      {
        operator: ctx.operator,
        action: 'import',
        entity: 'register',
        entityId: src.sha256,
        after: {
          file: path.basename(src.path),
          format: src.format,
          sha256: src.sha256,
          files: src.files,
          strict,
          totals: result.totals,
          sheets: Object.fromEntries(result.sheets.map((s) => [s.sheet, s.counts])),
          entities: result.entities,
        },
      },
      ctx.now(),
    );
  });
  return result!;
}

const ORDER: Record<string, number> = { units: 0, groups: 1, staff: 2, members: 3 };
const byPosition = (a: RowIssue, b: RowIssue) => (ORDER[a.sheet] ?? 9) - (ORDER[b.sheet] ?? 9) || a.row - b.row;

function report(
  src: RawSource,
  assigned: Assigned,
  parsed: { [S in SheetName]?: ParsedSheet<S> },
  plan: Plan,
  flags: { dryRun: boolean; strict: boolean; committed: boolean },
  timings: ImportReport['timings'],
): ImportReport {
  const sheets: SheetReport[] = [];
  const totals = emptyCounts();
  const rejected: RowIssue[] = [...plan.rejected];
  const review: RowIssue[] = [...assigned.review, ...plan.review];
  for (const s of SHEETS) {
    const p = parsed[s] as ParsedSheet | undefined;
    if (!p) continue;
    const counts = plan.counts[s] ?? { ...emptyCounts(), rows: p.rows, rejected: p.rejectedRows };
    for (const k of Object.keys(totals) as (keyof RowCounts)[]) totals[k] += counts[k];
    for (const issue of p.rejected) rejected.push(issue);
    for (const issue of p.review) review.push(issue);
    sheets.push({
      sheet: s,
      source: p.source,
      headerRow: p.headerRow,
      columns: p.columns?.columns ?? [],
      mappingKey: p.columns?.mappingKey ?? '',
      counts,
      samples: plan.samples[s],
    });
  }
  rejected.sort(byPosition);
  review.sort(byPosition);
  return {
    file: src.path,
    format: src.format,
    sha256: src.sha256,
    files: src.files,
    ...flags,
    sheets,
    totals,
    entities: plan.entities,
    rejected,
    review,
    ignored: assigned.ignored,
    timings: {
      readMs: Math.round(timings.readMs),
      validateMs: Math.round(timings.validateMs),
      writeMs: Math.round(timings.writeMs),
    },
  };
}
