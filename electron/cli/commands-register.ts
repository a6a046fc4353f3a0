// `samooh init` and `samooh audit verify`: the register's own commands.
import type { Command } from 'commander';
import { CliError, call, print, requireDbPath, cliOperator, getGivenOperator, type GlobalOpts } from './runtime.js';

interface InitOpts extends GlobalOpts {
  district?: string;
  name?: string;
  nameHi?: string;
  passphraseFile?: string;
}

export function registerCoreCommands(program: Command): void {
  program
    .command('init')
    .description('create a district register and its signing key pair')
    .requiredOption('--db <file>', 'the register database file to create')
    .requiredOption('--district <CODE>', 'the district code, e.g. PAT')
    .requiredOption('--name <name>', 'the district name in English, e.g. "Patna"')
    .option('--name-hi <name>', 'the district name in Hindi, e.g. "पटना"')
    .option(
      '--passphrase-file <file>',
      'read the key passphrase from this file (else SAMOOH_PASSPHRASE or the terminal)',
    )
    .option('--json', 'print one JSON document')
    .addHelpText(
      'after',
      `
The secret key is stored in the register encrypted with your passphrase (minisign format);
it is asked on the terminal, or read from SAMOOH_PASSPHRASE or --passphrase-file.

Example:
  samooh init --db patna.sqlite --district PAT --name "Patna" --name-hi "पटना"`,
    )
    .action(async (opts: InitOpts) => {
      const file = requireDbPath(opts, { mustExist: false });
      const code = (opts.district ?? '').trim().toUpperCase();
      if (!/^[A-Z0-9_-]{1,32}$/.test(code)) {
        throw new CliError(2, `--district must be letters, digits, - or _ (got "${opts.district}")`);
      }
      const name = (opts.name ?? '').trim();
      if (!name) throw new CliError(2, '--name must not be empty');
      const { existsSync } = await import('node:fs');
      if (existsSync(file)) throw new CliError(2, `${file} already exists; init never overwrites a register`);
      const { initCommand } = await import('./init.js');
      const result = await initCommand({
        file,
        district: { code, name, nameHi: opts.nameHi?.trim() || null },
        operator: cliOperator(),
        clerkName: getGivenOperator(),
        passphraseFile: opts.passphraseFile,
      });
      print(opts, {
        exitCode: 0,
        json: result,
        text: [
          `Created the register of ${result.district.name} (${result.district.code}) at ${result.file}`,
          `District key id: ${result.keyId}`,
          'Give HQ the public key (samooh key export) and read them this key id on the phone.',
        ].join('\n'),
      });
    });

  const audit = program.command('audit').description("the register's append-only audit log");
  audit
    .command('verify')
    .description(
      "check the audit log's hash chain, its guards and its signed checkpoints (exit 1 if a row was edited, deleted or inserted)",
    )
    .requiredOption('--db <file>', 'the register database')
    .option('--json', 'print one JSON document')
    .action(async (opts: GlobalOpts) => {
      const file = requireDbPath(opts);
      const v = await call(file, 'audit.verify', {});
      print(opts, {
        exitCode: v.ok ? 0 : 1,
        json: v,
        text: v.ok
          ? [
              `Audit log intact: ${v.rows.toLocaleString('en-IN')} entries, head ${v.headHash.slice(0, 16)}…`,
              v.lastCheckpoint
                ? `Signed checkpoints: ${v.checkpoints} (the last at row ${v.lastCheckpoint.lastId}, bundle ${v.lastCheckpoint.bundleSeq ?? '–'})`
                : 'No signed checkpoint yet (one is made at each bundle export).',
            ].join('\n')
          : [
              `Audit log BROKEN (${v.problems.length} problem(s) in ${v.rows} entries):`,
              ...v.problems.map((p) => `  row ${p.id}: ${p.message}`),
            ].join('\n'),
      });
    });
}
