// `samooh import register` and `samooh export register` (SPEC §5, §9): the register workbook,
// through the same handlers the app calls (import.preview / import.commit / export.register).
import path from 'node:path';
import type { Command } from 'commander';
import type { CallArgs } from '../contract/calls/index.js';
import type { ImportReport, RowIssue } from '../services/register-io/types.js';
import { CliError, print, requireDbPath, type GlobalOpts } from './runtime.js';

interface ImportOpts extends GlobalOpts {
  dryRun?: boolean;
  strict?: boolean;
  mapping?: string;
}

interface ExportOpts extends GlobalOpts {
  out?: string;
}

/** The parent command (`import`, `export`), shared with other domains' subcommands. */
function group(program: Command, name: string, description: string): Command {
  return program.commands.find((c) => c.name() === name) ?? program.command(name).description(description);
}

const n = (x: number) => x.toLocaleString('en-IN');

function pad(s: string, w: number, right = false): string {
  return right ? s.padStart(w) : s.padEnd(w);
}

function issueLine(i: RowIssue): string {
  const where = i.row > 0 ? `${i.sheet} row ${i.row}` : `${i.sheet}`;
  const many = i.rowsAffected ? ` (${n(i.rowsAffected)} rows)` : '';
  return `  ${where}${many}: ${i.reason.message} [${i.reason.code}]`;
}

export function importReportText(r: ImportReport, refused = false): string {
  const lines: string[] = [];
  const name = path.basename(r.file);
  if (refused) lines.push(`REFUSED (strict mode): ${name} has rejected rows, so nothing was imported.`);
  else if (r.committed) lines.push(`Imported ${name} into the register.`);
  else lines.push(`Preview (dry run) of ${name}: nothing was written.`);
  lines.push(`Source: ${r.format === 'xlsx' ? 'Excel workbook' : 'CSV'} · SHA-256 ${r.sha256}`);
  lines.push('');
  const head = ['sheet', 'rows', 'new', 'updated', 'unchanged', 'duplicate', 'rejected'];
  const widths = [10, 9, 9, 9, 10, 10, 9];
  lines.push(head.map((h, i) => pad(h, widths[i]!, i > 0)).join(' '));
  const row = (label: string, c: ImportReport['totals']) =>
    [label, n(c.rows), n(c.new), n(c.updated), n(c.unchanged), n(c.duplicate), n(c.rejected)]
      .map((v, i) => pad(v, widths[i]!, i > 0))
      .join(' ');
  for (const s of r.sheets) lines.push(row(s.sheet, s.counts));
  lines.push(row('total', r.totals));
  const e = r.entities;
  lines.push('');
  lines.push(
    `People: ${n(e.people.new)} new, ${n(e.people.updated)} updated · Memberships: ${n(e.memberships.new)} new, ${n(
      e.memberships.updated,
    )} updated`,
  );
  if (r.rejected.length) {
    lines.push('', `Rejected (${n(r.totals.rejected)} rows; fix these and import again):`);
    for (const i of r.rejected) lines.push(issueLine(i));
  }
  if (r.review.length) {
    lines.push('', `For review (${n(r.review.length)}):`);
    for (const i of r.review) lines.push(issueLine(i));
  }
  if (r.ignored.length) {
    lines.push('', 'Not read:');
    for (const g of r.ignored) lines.push(`  ${g.source}: ${g.reason}`);
  }
  return lines.join('\n');
}

async function readMapping(file: string): Promise<unknown> {
  const { readRegularText } = await import('../services/file-input/regular-file.js');
  try {
    // A mapping is a few lines of JSON; a FIFO or device is refused, not waited on.
    return JSON.parse(readRegularText(file, { maxBytes: 1024 * 1024, what: 'column mapping (.json)' })) as unknown;
  } catch (err) {
    throw new CliError(2, `--mapping ${file}: cannot read it as JSON (${(err as Error).message})`);
  }
}

export function registerIoCommands(program: Command): void {
  group(program, 'import', 'bring data into the register')
    .command('register')
    .description('import a register workbook (.xlsx) or a folder of CSV files; every row is reported')
    .argument('<FILE>', 'an .xlsx workbook with sheets units, groups, staff, members — or a folder of their .csv files')
    .requiredOption('--db <file>', 'the register database')
    .option('--dry-run', 'preview only: validate and report, write nothing')
    .option('--strict', 'refuse the whole file if any row is rejected')
    .option('--mapping <file.json>', 'columns mapped by hand: {"members": {"Mob. No": "phone"}}')
    .option('--json', 'print the full report as one JSON document')
    .addHelpText(
      'after',
      `
Headers may be English or Hindi (name/नाम, phone/mobile/मोबाइल नं., village/ग्राम …). Accepted rows
are written in one transaction; re-importing the same file changes nothing.

Exit codes: 0 imported (rejected rows are listed) · 1 strict mode refused the file
            2 the file cannot be read, or bad usage

Examples:
  samooh import register --db patna.sqlite --dry-run register.xlsx
  samooh import register --db patna.sqlite --strict exports/`,
    )
    .action(async (file: string, opts: ImportOpts) => {
      const db = requireDbPath(opts);
      const mapping = opts.mapping ? await readMapping(opts.mapping) : undefined;
      const { call } = await import('./runtime.js');
      // The mapping file is checked by the call's own schema in the backend.
      const args = {
        file: path.resolve(file),
        strict: opts.strict ?? false,
        ...(mapping ? { mapping: mapping as CallArgs<'import.preview'>['mapping'] } : {}),
      };
      let report: ImportReport;
      try {
        report = await call(db, opts.dryRun ? 'import.preview' : 'import.commit', args);
      } catch (err) {
        const data =
          err instanceof CliError
            ? (err.json as { error?: { code?: string; details?: unknown } } | undefined)
            : undefined;
        if (err instanceof CliError && data?.error?.code === 'IMPORT_REJECTED' && data.error.details) {
          const refused = data.error.details as ImportReport;
          print(opts, { exitCode: 1, json: refused, text: importReportText(refused, true) });
          return;
        }
        throw err;
      }
      const refusedInPreview = opts.dryRun && opts.strict && report.totals.rejected > 0;
      print(opts, {
        exitCode: refusedInPreview ? 1 : 0,
        json: report,
        text:
          importReportText(report) +
          (refusedInPreview ? '\n\nStrict mode would refuse this file (rows are rejected).' : ''),
      });
    });

  group(program, 'export', 'write data out of the register')
    .command('register')
    .description('export the register as an .xlsx workbook, or as a folder of CSV files (the import format)')
    .requiredOption('--db <file>', 'the register database')
    .requiredOption('--out <FILE.xlsx|DIR>', 'a path ending in .xlsx, or a folder for units/groups/staff/members.csv')
    .option('--json', 'print one JSON document')
    .addHelpText(
      'after',
      `
Cells that a spreadsheet would run as a formula (= + - @) are written with a leading '.
The export imports back unchanged (samooh import register).

Example:
  samooh export register --db patna.sqlite --out patna-register.xlsx`,
    )
    .action(async (opts: ExportOpts) => {
      const db = requireDbPath(opts);
      const { call } = await import('./runtime.js');
      const r = await call(db, 'export.register', { file: path.resolve(opts.out!) });
      print(opts, {
        exitCode: 0,
        json: r,
        text: [
          `Exported the register to ${r.format === 'xlsx' ? r.file : `${r.file} (${r.files.map((f) => path.basename(f)).join(', ')})`}`,
          `units ${n(r.counts.units)} · groups ${n(r.counts.groups)} · staff ${n(r.counts.staff)} · members ${n(r.counts.members)}`,
          ...(r.skippedErased
            ? [`${n(r.skippedErased)} membership(s) of erased people are kept in the register but not exported.`]
            : []),
        ].join('\n'),
      });
    });
}
