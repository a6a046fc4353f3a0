// `samooh backup` and `samooh restore` (SPEC §10, issue #10): a consistent copy of the register
// with its .sha256 beside it; a restore that checks the backup first, prints what it will
// replace, asks (or takes --yes), keeps the replaced register and is audited. A damaged backup
// exits 1 and the register is not touched.
import type { Command } from 'commander';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import type { ResultOf } from '../backend/define.js';
import type { Handlers } from '../backend/handlers.js';
import { CliError, call, print, requireDbPath, type GlobalOpts } from './runtime.js';

type Plan = ResultOf<Handlers, 'backup.inspect'>;
type Summary = Plan['current'];

const mb = (n: number) => `${(n / (1024 * 1024)).toLocaleString('en-IN', { maximumFractionDigits: 1 })} MB`;

/** A damaged backup is the answer "no" (exit 1), not bad usage. */
async function refusingDamaged<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (err) {
    const e = err as CliError;
    const code = (e.json as { error?: { code?: string } } | undefined)?.error?.code;
    if (e instanceof CliError && code === 'BAD_FILE') throw new CliError(1, e.message, e.json);
    throw err;
  }
}

export function planText(plan: Plan): string {
  const row = (label: string, now: string, backup: string) => `  ${label.padEnd(20)}${now.padEnd(28)}${backup}`;
  const n = (x: number) => x.toLocaleString('en-IN');
  const bundle = (s: Summary) =>
    s.lastBundle ? `no. ${s.lastBundle.sequence} (${s.lastBundle.createdAt.slice(0, 10)})` : 'none';
  const c = plan.current;
  const b = plan.backup;
  const lines = [
    `Restore ${path.basename(plan.file)} (${mb(plan.bytes)}, SHA-256 ${plan.sha256.slice(0, 16)}…${plan.checksumChecked ? ', matches its .sha256' : ''})`,
    'Checks passed: SQLite integrity, a Samooh register this version opens, audit chain verified.',
    '',
    row('', 'now in the register', 'in the backup'),
    row(
      'District',
      c.district ? `${c.district.code} ${c.district.name}` : '—',
      b.district ? `${b.district.code} ${b.district.name}` : '—',
    ),
    row('Units', n(c.units), n(b.units)),
    row('Groups', n(c.groups), n(b.groups)),
    row('Citizens', n(c.citizens), n(b.citizens)),
    row('Active memberships', n(c.activeMemberships), n(b.activeMemberships)),
    row('Staff', n(c.staff), n(b.staff)),
    row('Audit entries', n(c.auditRows), n(b.auditRows)),
    row(
      'Last change',
      c.lastChangeAt?.slice(0, 16).replace('T', ' ') ?? '—',
      b.lastChangeAt?.slice(0, 16).replace('T', ' ') ?? '—',
    ),
    row('Last bundle', bundle(c), bundle(b)),
    '',
  ];
  if (plan.olderThanLastBundle) {
    lines.push(
      `WARNING: this backup is older than bundle no. ${plan.highestSequence}. ` +
        (plan.carriedForward.length
          ? `Bundles ${plan.carriedForward.join(', ')} stay in the outbox (kept outside the register); `
          : '') +
        `the next bundle will be no. ${plan.highestSequence + 1}. Changes made after the backup are replaced.`,
    );
  }
  lines.push('The register now in use is kept as a backup before it is replaced.');
  return lines.join('\n');
}

export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description('write a consistent copy of the register, with a .sha256 file beside it')
    .requiredOption('--db <file>', 'the register database')
    .requiredOption('--out <file>', 'the backup file to write (must not exist)')
    .option('--json', 'print one JSON document')
    .action(async (opts: GlobalOpts & { out: string }) => {
      const file = requireDbPath(opts);
      const r = await call(file, 'backup.create', { to: { kind: 'file', file: path.resolve(opts.out) } });
      print(opts, { exitCode: 0, json: r, text: `${r.file}\n${r.sha256}  ${path.basename(r.file)}` });
    });

  program
    .command('restore')
    .description('check a backup and replace the register with it (the replaced one is kept)')
    .argument('<backup>', 'the backup file')
    .requiredOption('--db <file>', 'the register database')
    .option('--yes', 'replace without asking (what is replaced is still printed)')
    .option('--json', 'print one JSON document')
    .action(async (backupArg: string, opts: GlobalOpts & { yes?: boolean }) => {
      const file = requireDbPath(opts);
      const backup = path.resolve(backupArg);
      const plan = await refusingDamaged(call(file, 'backup.inspect', { file: backup }));
      const text = planText(plan);
      // What will be replaced goes to stderr with --json, so stdout stays one document.
      (opts.json ? process.stderr : process.stdout).write(text + '\n');
      if (!opts.yes) {
        if (!process.stdin.isTTY) {
          throw new CliError(2, 'nothing was changed: add --yes to replace the register with this backup');
        }
        const rl = createInterface({ input: process.stdin, output: process.stdout });
        const answer = await rl.question('Replace the register with this backup? [y/N] ');
        rl.close();
        if (!/^y(es)?$/i.test(answer.trim())) throw new CliError(1, 'nothing was changed');
      }
      const r = await refusingDamaged(call(file, 'backup.restore', { file: backup, acceptOlder: true }));
      print(opts, {
        exitCode: 0,
        json: r,
        text: `Restored. The replaced register is kept as ${r.keptAs}`,
      });
    });
}
