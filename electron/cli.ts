// `samooh` — the same services as the app, headless (SPEC §9).
//
// Start-up is kept light on purpose (`samooh --version` ≤ 300 ms): this file loads only
// commander and the command definitions; each command imports its services when it runs.
import { Command, CommanderError } from 'commander';
import pkg from '../package.json' with { type: 'json' };
import { CliError, setGivenOperator } from './cli/runtime.js';
import { AppError } from './contract/errors.js';
import { DbError } from '../db/errors.js';
// Command groups (one file each). Keep this list static: bundlers need to see every import.
import { registerCoreCommands } from './cli/commands-register.js';
import { registerIoCommands } from './cli/commands-register-io.js';
import { registerBundleCommands } from './cli/commands-bundle.js';
import { registerComplianceCommands } from './cli/commands-compliance.js';
import { registerChatCommands } from './cli/commands-chat.js';
import { registerBackupCommands } from './cli/commands-backup.js';
import { registerImportChatCommand } from './cli/commands-import-chat.js';
import { registerHqCommands, registerPolicyCommands } from './cli/commands-hq.js';
import { registerEditCommands } from './cli/commands-edits.js';
import { registerPrivacyCommands } from './cli/commands-privacy.js';

function buildProgram(): Command {
  const program = new Command('samooh')
    .description(
      'Samooh (समूह): the district register of police–public and staff WhatsApp groups,\n' +
        'and the signed compliance bundle for Police Headquarters.',
    )
    .version(pkg.version, '-V, --version', 'print the version')
    .showHelpAfterError('(run with --help for usage)')
    .configureHelp({ sortSubcommands: false, showGlobalOptions: false })
    .addHelpText(
      'after',
      `
Exit codes: 0 success · 1 the answer is "no" (not compliant, bundle invalid, audit broken)
            2 bad usage or bad input (message on stderr)

Examples:
  samooh init --db patna.sqlite --district PAT --name "Patna"
  samooh demo --db demo.sqlite
  samooh import register --db patna.sqlite --dry-run register.xlsx
  samooh compliance --db patna.sqlite --json`,
    );
  program.exitOverride();
  // Who the audit log names: this option, else the clerk's name stored in the register.
  program.option('--operator <name>', "the clerk's name for the audit log (default: the name stored in the register)");
  program.hook('preAction', () => setGivenOperator(program.opts<{ operator?: string }>().operator));
  registerCoreCommands(program);
  registerIoCommands(program);
  registerBundleCommands(program);
  registerComplianceCommands(program);
  registerChatCommands(program);
  registerBackupCommands(program);
  registerImportChatCommand(program);
  registerHqCommands(program);
  registerPolicyCommands(program);
  registerEditCommands(program);
  registerPrivacyCommands(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version exit through here with code 0.
      if (err.exitCode === 0 || err.code === 'commander.helpDisplayed' || err.code === 'commander.version') return 0;
      return 2;
    }
    if (err instanceof CliError) {
      if (process.argv.includes('--json') && err.json !== undefined) {
        process.stdout.write(JSON.stringify(err.json, null, 2) + '\n');
      }
      process.stderr.write(`samooh: ${err.message}\n`);
      return err.exitCode;
    }
    if (err instanceof AppError || err instanceof DbError) {
      // Bad input reaching a service directly (not through the handler map).
      process.stderr.write(`samooh: ${err.message}\n`);
      return err.code === 'BUNDLE_INVALID' ? 1 : 2;
    }
    process.stderr.write(`samooh: unexpected error: ${(err as Error)?.stack ?? String(err)}\n`);
    return 2;
  }
}

const code = await main(process.argv.slice(2));
process.exitCode = code;
