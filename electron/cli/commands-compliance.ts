// `samooh compliance` (the rules of SPEC §4 on a register) and `samooh demo` (a realistic demo
// district to try everything on). Services are imported when a command runs, so that
// `samooh --version` stays fast.
import { Option, type Command } from 'commander';
import type { ComplianceReport, UnitCompliance } from '../services/compliance/types.js';
import { CliError, cliOperator, print, requireDbPath, stderrProgress, type GlobalOpts } from './runtime.js';

interface ComplianceOpts extends GlobalOpts {
  failing?: boolean;
}

interface DemoOpts extends GlobalOpts {
  scale: 'district' | 'state';
  seed?: string;
}

export function registerComplianceCommands(program: Command): void {
  program
    .command('compliance')
    .description('check the register against the compliance rules R1–R7 (exit 1 when any rule fails)')
    .requiredOption('--db <file>', 'the register database')
    .option('--json', "print the whole report as one JSON document (the shape of a bundle's summary.json)")
    .option('--failing', 'list only the units that are short or missing')
    .addHelpText(
      'after',
      `
Rules (policy v1; the thresholds are data and HQ may issue a newer policy):
  R1 each thana has an active police–public group of ≥ 200 members
  R2 each OP has one of ≥ 100 members
  R3 the district centre has an active rank-wise staff group of ≥ 200 staff
  R4 the district has a women's staff group, and only women staff are in it
  R5 each division unit has an active division or staff group
  R6 every staff member is in some active group
  R7 no group exceeds WhatsApp's cap of 1,024 members (warning from 90 %)

A unit is compliant, short (with the shortfall in members) or missing (no qualifying group).
Exit code 0 when every rule passes, 1 when any fails (R7 warnings do not fail), 2 on bad usage.

Examples:
  samooh compliance --db patna.sqlite
  samooh compliance --db patna.sqlite --failing
  samooh compliance --db patna.sqlite --json > summary.json`,
    )
    .action(async (opts: ComplianceOpts) => {
      const file = requireDbPath(opts);
      const { call } = await import('./runtime.js');
      const report = await call(file, 'compliance.report', {});
      const passed = report.rules.every((r) => r.passed);
      print(opts, {
        exitCode: passed ? 0 : 1,
        json: report,
        text: complianceText(report, { failingOnly: !!opts.failing }),
      });
    });

  program
    .command('demo')
    .description('fill a new register with a realistic, deterministic demo district')
    .requiredOption('--db <file>', 'the register database (created when missing; must hold no data)')
    .addOption(
      new Option(
        '--scale <scale>',
        'district: ~35 thanas/OPs, 1,500 staff, 8,000 citizens; state: 1,300 thanas/OPs, 60,000 staff, 2,60,000 citizens',
      )
        .choices(['district', 'state'])
        .default('district'),
    )
    .option('--seed <n>', 'seed of the random generator: the same seed gives the same register', '2019')
    .option('--json', 'print one JSON document')
    .addHelpText(
      'after',
      `
The demo district "Demo District" (code DEMO) has thanas and OPs with Bihar place names, the
police lines, division units (BSAP, CID, Special Branch), staff in a realistic rank pyramid and
citizens with Hindi and English names. Some units are compliant, some short, some missing;
some staff are in no group; a man sits in the women's group — so every rule has something to show.
A register that already has a district keeps its district code and name.

Examples:
  samooh demo --db demo.sqlite
  samooh demo --db demo-2.sqlite --seed 7
  samooh demo --db state.sqlite --scale state      (for benchmarks; about 7,00,000 rows)`,
    )
    .action(async (opts: DemoOpts) => {
      const file = requireDbPath(opts, { mustExist: false });
      const seed = parseSeed(opts.seed);
      const { existsSync } = await import('node:fs');
      const path = await import('node:path');
      if (!existsSync(path.dirname(file))) throw new CliError(2, `the folder ${path.dirname(file)} does not exist`);
      const [{ openRegister }, { fillDemo }, { toAppError }] = await Promise.all([
        import('../../db/connection.js'),
        import('../services/demo/demo.js'),
        import('../backend/dispatch.js'),
      ]);
      let db;
      try {
        db = openRegister(file);
      } catch (err) {
        throw new CliError(2, toAppError(err).message);
      }
      try {
        const result = fillDemo(db, { scale: opts.scale, seed, operator: cliOperator(), progress: stderrProgress() });
        const c = result.counts;
        const n = (x: number) => x.toLocaleString('en-IN');
        print(opts, {
          exitCode: 0,
          json: { ok: true, file, ...result },
          text: [
            `Filled ${file} with the ${result.scale} demo of ${result.district.name} (${result.district.code}), seed ${result.seed}:`,
            `  ${n(c.units)} units, ${n(c.groups)} groups, ${n(c.staff)} staff, ${n(c.people)} citizens, ${n(c.memberships)} memberships (${(result.ms / 1000).toFixed(1)} s)`,
            `Next: samooh compliance --db ${opts.db}`,
          ].join('\n'),
        });
      } catch (err) {
        if (err instanceof CliError) throw err;
        const e = toAppError(err);
        throw new CliError(2, e.message, { ok: false, error: e.toData() });
      } finally {
        await db.close();
      }
    });
}

function parseSeed(raw: string | undefined): number {
  const text = (raw ?? '2019').trim();
  const n = Number(text);
  if (!/^\d{1,10}$/.test(text) || n > 0xffffffff) {
    throw new CliError(2, `--seed must be a whole number from 0 to 4294967295 (got "${raw}")`);
  }
  return n;
}

const TYPE_TEXT: Record<UnitCompliance['type'], string> = {
  thana: 'thana',
  op: 'OP',
  district_centre: 'district centre',
  division: 'division',
  other: 'other',
};

const TYPE_ORDER: Record<UnitCompliance['type'], number> = {
  district_centre: 0,
  thana: 1,
  op: 2,
  division: 3,
  other: 4,
};

/**
 * Names and codes come from imported files: control characters (terminal escape sequences,
 * carriage returns that overwrite a line) are shown as U+FFFD, never sent to the terminal.
 */
function printable(text: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '\ufffd');
}

/** The human report: a table of units, the rules, the summary. */
export function complianceText(r: ComplianceReport, o: { failingOnly: boolean }): string {
  const n = (x: number) => x.toLocaleString('en-IN');
  const lines: string[] = [];
  const district = r.district.code ? printable(`${r.district.name} (${r.district.code})`) : '(district not set)';
  lines.push(
    `${district} — compliance under policy v${r.policyVersion}, ${r.generatedAt.slice(0, 16).replace('T', ' ')} UTC`,
  );
  lines.push('');

  const units = [...r.units]
    .filter((u) => !o.failingOnly || u.status !== 'compliant')
    .sort((a, b) => TYPE_ORDER[a.type] - TYPE_ORDER[b.type] || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const rows = units.map((u) => [
    printable(u.code),
    printable(u.name),
    TYPE_TEXT[u.type],
    u.status,
    u.required === null ? n(u.members) : `${n(u.members)}/${n(u.required)}`,
    u.required === null ? '—' : n(u.shortfall),
  ]);
  const header = ['UNIT', 'NAME', 'TYPE', 'STATUS', 'MEMBERS/REQ', 'SHORT'];
  if (rows.length) {
    const widths = header.map((h, i) =>
      Math.min(i === 1 ? 28 : 40, Math.max(h.length, ...rows.map((row) => row[i]!.length))),
    );
    const right = new Set([4, 5]);
    const fmtRow = (row: string[]) =>
      row
        .map((cell, i) => {
          const c = cell.length > widths[i]! ? cell.slice(0, widths[i]! - 1) + '…' : cell;
          return right.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!);
        })
        .join('  ')
        .trimEnd();
    lines.push(fmtRow(header));
    for (const row of rows) lines.push(fmtRow(row));
  } else {
    lines.push(o.failingOnly ? 'Every unit is compliant.' : 'The register has no units yet.');
  }
  lines.push('');

  lines.push('Rules');
  for (const rule of r.rules) {
    const mark = rule.passed ? (rule.warnings ? 'WARN' : 'ok  ') : 'FAIL';
    lines.push(`  ${rule.id}  ${mark}  ${printable(rule.message)}`);
  }
  lines.push('');

  const s = r.summary;
  lines.push('Summary');
  lines.push(
    `  Units: ${n(s.units)} — ${n(s.compliant)} compliant, ${n(s.short)} short, ${n(s.missing)} missing (${s.percentCompliant} % compliant)`,
  );
  lines.push(
    `  Groups: ${n(s.activeGroups)} active, ${n(s.closedGroups)} closed · citizens ${n(s.citizens)} · active memberships ${n(s.memberships)}`,
  );
  lines.push(`  Staff in some group: ${n(s.staffCovered)} of ${n(s.staffTotal)}`);
  lines.push(
    `  Women staff: ${n(s.womenStaffTotal)} · in the women's group ${n(s.womenStaffInWomenGroup)} · in some group ${n(s.womenStaffCovered)}`,
  );
  if (s.uncoveredStaff.length) {
    const shown = s.uncoveredStaff.slice(0, 20).map(printable);
    const more = s.uncoveredStaff.length - shown.length;
    lines.push(
      `  Staff in no group (${n(s.uncoveredStaff.length)}): ${shown.join(', ')}${more > 0 ? `, … and ${n(more)} more (--json lists all)` : ''}`,
    );
  }
  lines.push('');
  const failed = r.rules.filter((x) => !x.passed).map((x) => x.id);
  lines.push(failed.length ? `NOT COMPLIANT: ${failed.join(', ')} failed.` : 'COMPLIANT: every rule passes.');
  return lines.join('\n');
}
