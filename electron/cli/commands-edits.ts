// `samooh codes`, `samooh unit delete|close|reopen|merge`, `samooh group delete|merge`,
// `samooh merge undo`: undoing a clerk's slips from the command line (issue #11), through the
// same services as the app's screens.
import type { Command } from 'commander';
import { CliError, call, print, requireDbPath, type GlobalOpts } from './runtime.js';

interface CodeOpts extends GlobalOpts {
  into?: string;
}

export function registerEditCommands(program: Command): void {
  program
    .command('codes')
    .description('list unit and group codes that differ only in case (exit 1 if there are any: merge them)')
    .requiredOption('--db <file>', 'the register database')
    .option('--json', 'print one JSON document')
    .addHelpText(
      'after',
      `
Codes are unique without regard to case: ACC-T3 and acc-t3 are one code. Registers made before
this rule may hold such pairs; merge each into the right one, e.g.
  samooh unit merge --db patna.sqlite acc-t3 --into ACC-T3`,
    )
    .action(async (opts: GlobalOpts) => {
      const file = requireDbPath(opts);
      const sets = await call(file, 'codes.caseDuplicates', {});
      print(opts, {
        exitCode: sets.length ? 1 : 0,
        json: { caseDuplicates: sets },
        text: sets.length
          ? [
              `${sets.length} set(s) of codes differ only in case; merge each into one:`,
              ...sets.map((s) => `  ${s.entity}: ${s.codes.join(', ')}`),
            ].join('\n')
          : 'No unit or group codes differ only in case.',
      });
    });

  for (const entity of ['unit', 'group'] as const) {
    const cmd = program.command(entity).description(`delete, close or merge a ${entity} made by mistake`);
    cmd
      .command('delete <code>')
      .description(`delete a ${entity} that nothing refers to (else close or merge it)`)
      .requiredOption('--db <file>', 'the register database')
      .option('--json', 'print one JSON document')
      .action(async (code: string, opts: GlobalOpts) => {
        const file = requireDbPath(opts);
        const r = await call(file, entity === 'unit' ? 'units.delete' : 'groups.delete', { code });
        print(opts, { exitCode: 0, json: r, text: `Deleted ${entity} ${r.deleted.code} (${r.deleted.name}).` });
      });
    cmd
      .command('merge <code>')
      .description(
        entity === 'unit'
          ? "move a unit's groups, staff postings and OPs to another unit; the unit stays, closed"
          : "move a group's memberships (history included) to another group; the group stays, closed",
      )
      .requiredOption('--db <file>', 'the register database')
      .requiredOption('--into <code>', `the ${entity} to keep`)
      .option('--json', 'print one JSON document')
      .action(async (code: string, opts: CodeOpts) => {
        const file = requireDbPath(opts);
        if (!opts.into) throw new CliError(2, '--into <code> is required');
        const r =
          entity === 'unit'
            ? await call(file, 'units.merge', { from: code, into: opts.into })
            : await call(file, 'groups.merge', { from: code, into: opts.into });
        const what = Object.entries(r.moved)
          .map(([k, n]) => `${n} ${k}`)
          .join(', ');
        print(opts, {
          exitCode: 0,
          json: r,
          text: `Merged ${entity} ${r.from} into ${r.into} (${what}). Undo with: samooh merge undo --db ${opts.db} ${r.mergeId}`,
        });
      });
  }

  const unit = program.commands.find((c) => c.name() === 'unit')!;
  unit
    .command('close <code>')
    .description('close a unit and its active groups (it leaves the compliance report; history stays)')
    .requiredOption('--db <file>', 'the register database')
    .option('--json', 'print one JSON document')
    .action(async (code: string, opts: GlobalOpts) => {
      const file = requireDbPath(opts);
      const r = await call(file, 'units.close', { code });
      print(opts, {
        exitCode: 0,
        json: r,
        text: `Closed unit ${code}${r.closedGroups.length ? ` and its groups ${r.closedGroups.join(', ')}` : ''}.`,
      });
    });
  unit
    .command('reopen <code>')
    .description('reopen a closed unit (and the groups named with --groups)')
    .requiredOption('--db <file>', 'the register database')
    .option('--groups <codes>', 'comma-separated group codes to reopen with it')
    .option('--json', 'print one JSON document')
    .action(async (code: string, opts: GlobalOpts & { groups?: string }) => {
      const file = requireDbPath(opts);
      const groupCodes = (opts.groups ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      const r = await call(file, 'units.reopen', { code, groupCodes });
      print(opts, { exitCode: 0, json: r, text: `Reopened unit ${code}.` });
    });

  program
    .command('merge')
    .description('merges of units and groups')
    .command('undo <id>')
    .description('move back what a merge moved, and restore the merged unit or group')
    .requiredOption('--db <file>', 'the register database')
    .option('--json', 'print one JSON document')
    .action(async (id: string, opts: GlobalOpts) => {
      const file = requireDbPath(opts);
      const mergeId = Number(id);
      if (!Number.isInteger(mergeId) || mergeId <= 0) throw new CliError(2, `merge id must be a number (got "${id}")`);
      const r = await call(file, 'merges.undo', { mergeId });
      print(opts, { exitCode: 0, json: r, text: `Undid merge ${r.mergeId}: ${r.entity} ${r.code} is back.` });
    });
}
