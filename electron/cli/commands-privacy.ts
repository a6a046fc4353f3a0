// `samooh person erase`: erasure on request (SPEC §10, DPDP Act 2023), the same service as the
// person's page in the app. It cannot be undone, so it shows who and what first and needs --yes
// (or the word ERASE typed on a terminal).
import type { Command } from 'commander';
import { CliError, call, print, requireDbPath, type GlobalOpts } from './runtime.js';

interface EraseOpts extends GlobalOpts {
  phone?: string;
  yes?: boolean;
}

async function confirmOnTerminal(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) return false;
  const { createInterface } = await import('node:readline/promises');
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return (await rl.question(question)).trim().toUpperCase() === 'ERASE';
  } finally {
    rl.close();
  }
}

export function registerPrivacyCommands(program: Command): void {
  const person = program.command('person').description("a citizen's data protection requests");
  person
    .command('erase')
    .description("erase a citizen's personal data on request (kept: their memberships as counts and history)")
    .requiredOption('--db <file>', 'the register database')
    .requiredOption('--phone <number>', "the citizen's mobile number, in any usual form")
    .option('--yes', 'erase without asking (the erasure cannot be undone)')
    .option('--json', 'print one JSON document')
    .addHelpText(
      'after',
      `
Removes the name, phone, locality, occupation and consent from every table, the search index
and the audit log's stored values, then rewrites the file so no byte of them remains. Kept: the
person's memberships (anonymised), so group counts and history do not change, and an audit
entry that an erasure happened. A salted hash of the number is kept in the erasure ledger (in
the register and in <register>.erasures.json) so a restored older copy is erased again.

Example:
  samooh person erase --db patna.sqlite --phone 98350 12345 --yes`,
    )
    .action(async (opts: EraseOpts) => {
      const file = requireDbPath(opts);
      const phone = (opts.phone ?? '').trim();
      if (!phone) throw new CliError(2, '--phone must not be empty');
      const preview = await call(file, 'privacy.erasePreview', { phone });
      if (preview.erasedAt) {
        throw new CliError(2, `person ${preview.personId} was already erased on ${preview.erasedAt.slice(0, 10)}`);
      }
      const what = [
        `To erase: ${preview.name} (person ${preview.personId}): name, phone, locality, occupation, consent.`,
        `Kept, anonymised: ${preview.memberships} membership(s), ${preview.activeMemberships} active — group counts do not change.`,
      ].join('\n');
      if (!opts.yes) {
        process.stderr.write(`${what}\n`);
        const ok = await confirmOnTerminal('This cannot be undone. Type ERASE to erase: ');
        if (!ok) {
          throw new CliError(
            2,
            process.stdin.isTTY
              ? 'not erased (ERASE was not typed)'
              : 'not erased: add --yes to erase without a terminal',
          );
        }
      }
      const r = await call(file, 'privacy.erase', { phone });
      const scrubNote =
        r.scrub.vacuumed && r.scrub.walTruncated
          ? 'The file was rewritten: no byte of the erased data remains.'
          : 'Another program had the register open, so the file could not be rewritten yet: it will be the next time the register is opened with nothing else using it.';
      print(opts, {
        exitCode: 0,
        json: r,
        text: [
          `Erased person ${r.personId}. ${r.membershipsKept} membership(s) kept; ${r.auditValuesBlanked} audit entr${r.auditValuesBlanked === 1 ? 'y' : 'ies'} blanked.`,
          scrubNote,
        ].join('\n'),
      });
    });
}
