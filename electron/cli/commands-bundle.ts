// `samooh key …` and `samooh bundle …` (SPEC §9): the district key's public half, writing a
// signed bundle, checking one, and the outbox. Same handlers as the app; the secret key is
// unlocked with a passphrase (terminal, SAMOOH_PASSPHRASE or --passphrase-file).
import type { Command } from 'commander';
import { closeSync } from 'node:fs';
import path from 'node:path';
import { CliError, call, print, requireDbPath, type GlobalOpts } from './runtime.js';

interface ExportOpts extends GlobalOpts {
  out?: string;
  withMembers?: boolean;
  passphraseFile?: string;
}

interface VerifyOpts {
  pubkey: string;
  district?: string;
  previousSequence?: string;
  previousTagmanifest?: string;
  json?: boolean;
}

const kb = (n: number) => `${(n / 1024).toLocaleString('en-IN', { maximumFractionDigits: 1 })} KB`;

export function registerBundleCommands(program: Command): void {
  const key = program.command('key').description("the district's signing key");
  key
    .command('export')
    .description("write the district's public key as a minisign .pub file (give it to HQ)")
    .requiredOption('--db <file>', 'the register database')
    .requiredOption('--out <file>', 'the .pub file to write')
    .option('--json', 'print one JSON document')
    .action(async (opts: GlobalOpts & { out: string }) => {
      const file = requireDbPath(opts);
      const r = await call(file, 'key.exportPublic', { file: path.resolve(opts.out) });
      print(opts, {
        exitCode: 0,
        json: r,
        text: `${r.file}\nDistrict key id: ${r.keyId} (read it to HQ on the phone)`,
      });
    });
  key
    .command('info')
    .description("show the district key's id and how its secret half is protected")
    .requiredOption('--db <file>', 'the register database')
    .option('--json', 'print one JSON document')
    .action(async (opts: GlobalOpts) => {
      const file = requireDbPath(opts);
      const r = await call(file, 'key.info', {});
      if (!r) throw new CliError(2, 'this register has no district key');
      print(opts, {
        exitCode: 0,
        json: r,
        text: `District key id: ${r.keyId}\nCreated: ${r.createdAt}\nProtected by: ${r.protectors.join(', ')}\n\n${r.publicKeyFile}`,
      });
    });

  const bundle = program.command('bundle').description('signed compliance bundles for HQ');
  bundle
    .command('export')
    .description('write the next signed bundle into a folder and print its path')
    .requiredOption('--db <file>', 'the register database')
    .requiredOption('--out <dir>', 'the folder to write the .zip into (e.g. a USB stick)')
    .option('--with-members', "include members.csv: citizens' names and phone numbers (personal data)")
    .option(
      '--passphrase-file <file>',
      'read the key passphrase from this file (else SAMOOH_PASSPHRASE or the terminal)',
    )
    .option('--json', 'print one JSON document')
    .addHelpText(
      'after',
      `
The bundle holds counts only, unless --with-members is given. Check it as HQ will with:
  samooh bundle verify samooh-PAT-20260105-1.zip --pubkey district.pub`,
    )
    .action(async (opts: ExportOpts) => {
      const file = requireDbPath(opts);
      const folder = path.resolve(opts.out ?? '.');
      if (opts.withMembers && !opts.json) {
        process.stderr.write(
          "samooh: warning: members.csv holds citizens' names and phone numbers; send it only to HQ.\n",
        );
      }
      const r = await call(
        file,
        'bundle.export',
        { folder, withMembers: Boolean(opts.withMembers) },
        { needsKey: true, ...(opts.passphraseFile ? { passphraseFile: opts.passphraseFile } : {}) },
      );
      print(opts, { exitCode: 0, json: r, text: r.file });
      if (!opts.json) {
        process.stderr.write(
          `bundle ${r.sequence}, ${kb(r.bytes)}, key ${r.keyId}, zip SHA-256 ${r.zipSha256.slice(0, 16)}…\n`,
        );
      }
    });

  bundle
    .command('verify')
    .description('check a bundle: zip safety, BagIt, signature by the given key (exit 1 if invalid)')
    .argument('<bundle.zip>', 'the bundle to check')
    .requiredOption('--pubkey <file>', "the district's minisign public key (.pub)")
    .option('--district <CODE>', 'require the bundle to come from this district')
    .option('--previous-sequence <n>', 'the last accepted sequence number (0 = expect the first bundle)')
    .option('--previous-tagmanifest <sha256>', "the last accepted bundle's tagmanifest SHA-256")
    .option('--json', 'print one JSON document')
    .action(async (zipArg: string, opts: VerifyOpts) => {
      const zip = path.resolve(zipArg);
      const [{ parsePublicKey, MinisignError }, { verifyBundle }, files, { AppError }] = await Promise.all([
        import('../services/bundle/minisign.js'),
        import('../services/bundle/verify.js'),
        import('../services/file-input/regular-file.js'),
        import('../contract/errors.js'),
      ]);
      // Not a file at all (missing, a folder, a FIFO, a device): a usage error, refused before
      // anything waits on it. Its size is checked by the bundle reader (an oversized zip is an
      // invalid bundle, exit 1).
      try {
        closeSync(files.openRegularFile(zip, { maxBytes: Number.MAX_SAFE_INTEGER, what: 'bundle (.zip)' }).fd);
      } catch (err) {
        if (err instanceof AppError) throw new CliError(2, err.message);
        throw err;
      }
      let publicKey;
      try {
        // A minisign public key is two short lines.
        publicKey = parsePublicKey(
          files.readRegularText(opts.pubkey, { maxBytes: 64 * 1024, what: 'public key (.pub)' }),
        );
      } catch (err) {
        if (err instanceof MinisignError) throw new CliError(2, `${opts.pubkey}: ${err.message}`);
        if (err instanceof AppError) throw new CliError(2, `--pubkey: ${err.message}`);
        throw new CliError(2, `cannot read ${opts.pubkey}: ${(err as Error).message}`);
      }
      let previous: { sequence: number; tagmanifestSha256: string } | null | undefined;
      if (opts.previousSequence !== undefined) {
        const n = Number(opts.previousSequence);
        if (!Number.isInteger(n) || n < 0) throw new CliError(2, '--previous-sequence must be a whole number ≥ 0');
        if (n === 0) previous = null;
        else {
          const h = (opts.previousTagmanifest ?? '').toLowerCase();
          if (!/^[0-9a-f]{64}$/.test(h)) {
            throw new CliError(2, '--previous-tagmanifest <sha256> is required with --previous-sequence > 0');
          }
          previous = { sequence: n, tagmanifestSha256: h };
        }
      } else if (opts.previousTagmanifest !== undefined) {
        throw new CliError(2, '--previous-tagmanifest needs --previous-sequence');
      }
      const { report } = await verifyBundle(zip, {
        publicKey,
        zipSha256: true,
        ...(opts.district ? { district: opts.district } : {}),
        ...(previous !== undefined ? { previous } : {}),
      });
      const b = report.bag;
      print(opts, {
        exitCode: report.ok ? 0 : 1,
        json: { file: zip, ...report },
        text: report.ok
          ? [
              `VALID: ${path.basename(zip)}`,
              `  district ${b!.district} (${b!.districtName ?? ''}), sequence ${b!.sequence}, date ${b!.baggingDate}`,
              `  signed by key ${b!.keyId}; members included: ${b!.membersIncluded ? 'yes' : 'no'}`,
              `  tagmanifest SHA-256 ${b!.tagmanifestSha256}`,
            ].join('\n')
          : [
              `INVALID: ${path.basename(zip)} (${report.problems.length} problem${report.problems.length === 1 ? '' : 's'})`,
              ...report.problems.map((p) => `  [${p.code}]${p.file ? ` ${p.file}:` : ''} ${p.message}`),
            ].join('\n'),
      });
    });

  bundle
    .command('outbox')
    .description('list the bundles this register has written')
    .requiredOption('--db <file>', 'the register database')
    .option('--json', 'print one JSON document')
    .action(async (opts: GlobalOpts) => {
      const file = requireDbPath(opts);
      const r = await call(file, 'bundle.outbox', {});
      print(opts, {
        exitCode: 0,
        json: r,
        text: r.entries.length
          ? r.entries
              .map(
                (e) =>
                  `${String(e.sequence).padStart(4)}  ${e.createdAt.slice(0, 16).replace('T', ' ')}  ${e.fileName}  ${kb(e.bytes)}` +
                  `${e.withMembers ? '  [with members]' : ''}  ${e.tagmanifestSha256.slice(0, 16)}…${e.present ? '' : '  (file moved)'}`,
              )
              .join('\n')
          : 'No bundles written yet.',
      });
    });
}
